import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { Criterion } from '../hooks/use-catalog';
import { OverriddenTag, useFormatAmount } from './duration-text';
import { LevelTag } from './level-tag';
import { SourceTag } from './source-tag';

/** 申请条件: each criterion, whether failing it blocks the application, and its source. */
export function CriteriaTable({ criteria }: { criteria: Criterion[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const formatAmount = useFormatAmount();
  const columns: TableColumnsType<Criterion> = [
    { key: 'title', title: t('catalog.criteria.title'), width: 180, render: (_, c) => <Typography.Text strong>{localized(c.title)}</Typography.Text> },
    {
      key: 'requirement',
      title: t('catalog.criteria.requirement'),
      render: (_, c) => (
        // The requirement already states the organisation's value; the tag says it is theirs, with the default.
        <div>
          {localized(c.requirement)}{' '}
          {c.setting?.overridden && <OverriddenTag defaultText={formatAmount(c.setting.defaultValue, c.setting.unit)} />}
        </div>
      ),
    },
    { key: 'level', title: t('catalog.criteria.level'), width: 90, render: (_, c) => <LevelTag level={c.level} /> },
    { key: 'source', title: t('catalog.sourceColumn'), width: 130, render: (_, c) => <SourceTag source={c.source} confidence={c.confidence} /> },
  ];
  return <Table<Criterion> data-testid="criteria-table" rowKey="key" size="middle" columns={columns} dataSource={criteria} pagination={false} scroll={{ x: 700 }} />;
}
