import { useState } from 'react';
import { Flex, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { CatalogServiceDetail, Stage } from '../hooks/use-catalog';
import { DurationCell } from './duration-text';
import { SourceTag } from './source-tag';

type ScopeKind = 'inProvince' | 'crossRegional';

/** "4" for a step, "4.1" for a part of step 4. */
function stageNumber(stage: Stage, stages: Stage[]): string {
  if (!stage.parent) return String(stage.order);
  const parent = stages.find((s) => s.key === stage.parent);
  return `${parent?.order ?? '?'}.${stage.order}`;
}

/** 办理流程: each step with the regulation's time limit and the practical estimate side by side. */
export function StagesTable({ stages }: { stages: CatalogServiceDetail['processStages'] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [kind, setKind] = useState<ScopeKind>('inProvince');
  const list = stages[kind];

  const columns: TableColumnsType<Stage> = [
    { key: 'order', title: t('catalog.stages.step'), width: 64, render: (_, s) => <Typography.Text strong={!s.parent}>{stageNumber(s, list)}</Typography.Text> },
    {
      key: 'title',
      title: t('catalog.stages.title'),
      render: (_, s) => (
        <div style={{ paddingInlineStart: s.parent ? 16 : 0 }}>
          <Typography.Text strong={!s.parent}>{localized(s.title)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {localized(s.description)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'regulation', title: t('catalog.stages.regulation'), width: 190, render: (_, s) => <DurationCell duration={s.duration.regulation} /> },
    { key: 'practice', title: t('catalog.stages.practice'), width: 210, render: (_, s) => <DurationCell duration={s.duration.practice} /> },
    { key: 'source', title: t('catalog.source'), width: 90, render: (_, s) => <SourceTag source={s.source} /> },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Segmented<ScopeKind>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'inProvince', label: t('catalog.scopeKinds.in-province') },
            { value: 'crossRegional', label: t('catalog.scopeKinds.cross-regional') },
          ]}
        />
        <Typography.Text type="secondary">{t('catalog.stages.hint')}</Typography.Text>
      </Flex>
      <Table<Stage> rowKey="key" size="middle" columns={columns} dataSource={list} pagination={false} scroll={{ x: 820 }} data-testid="stages-table" />
    </Flex>
  );
}
