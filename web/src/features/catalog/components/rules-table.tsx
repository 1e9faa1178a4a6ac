import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { ObligationRule } from '../hooks/use-catalog';
import { OverriddenTag, useFormatAmount } from './duration-text';
import { SeverityTag } from './level-tag';
import { SourceTag } from './source-tag';

interface OffsetLike {
  overridden: boolean;
  defaultValue: number;
  unit: string;
}

/** The offsets inside a due rule (offset, windowOpens, validity, fallback) that the organisation changed. */
function overriddenOffsets(rule: ObligationRule): OffsetLike[] {
  return Object.values(rule.due).filter((v): v is OffsetLike => typeof v === 'object' && v !== null && 'overridden' in v && (v as OffsetLike).overridden);
}

/** 合规义务: what triggers each obligation, when it is due, how serious missing it is, and the source. */
export function RulesTable({ rules }: { rules: ObligationRule[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const formatAmount = useFormatAmount();
  const columns: TableColumnsType<ObligationRule> = [
    {
      key: 'title',
      title: t('catalog.rules.title'),
      width: 220,
      render: (_, r) => (
        <>
          <Typography.Text strong>{localized(r.title)}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.rules.triggerLine', { trigger: localized(r.trigger) })}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'due',
      title: t('catalog.rules.due'),
      width: 220,
      render: (_, r) => {
        const changed = overriddenOffsets(r);
        return (
          <Flex vertical gap={4} align="flex-start">
            <span>{localized(r.dueSummary)}</span>
            {changed.map((offset, i) => (
              <OverriddenTag key={i} defaultText={formatAmount(offset.defaultValue, offset.unit)} />
            ))}
          </Flex>
        );
      },
    },
    { key: 'severity', title: t('catalog.rules.severity'), width: 80, render: (_, r) => <SeverityTag severity={r.severity} /> },
    {
      key: 'consequence',
      title: t('catalog.rules.consequence'),
      render: (_, r) => (
        <>
          <span>{localized(r.consequence)}</span>
          {r.consequenceSource && (
            <span style={{ marginInlineStart: 6 }}>
              <SourceTag source={r.consequenceSource} />
            </span>
          )}
        </>
      ),
    },
    { key: 'source', title: t('catalog.sourceColumn'), width: 130, render: (_, r) => <SourceTag source={r.source} confidence={r.confidence} /> },
  ];
  return <Table<ObligationRule> rowKey="kind" size="middle" columns={columns} dataSource={rules} pagination={false} scroll={{ x: 900 }} />;
}
