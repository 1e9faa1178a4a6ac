import type { HTMLAttributes } from 'react';
import { Alert, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPercent, formatYuan } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { useProvinceName } from '../../clients/hooks/use-provinces';
import { useCatalogScopes, type EligibilityResult, type EligibilityRow } from '../hooks/use-catalog';
import { LevelTag } from './level-tag';
import { SourceTag } from './source-tag';

const resultColors: Record<EligibilityRow['result'], string> = { pass: 'green', fail: 'red', warn: 'orange', unknown: 'default' };

export function ResultTag({ result }: { result: EligibilityRow['result'] }) {
  const { t } = useTranslation();
  return <Tag color={resultColors[result]}>{t(`catalog.eligibility.results.${result}`)}</Tag>;
}

/** One line at the top: not eligible, cannot tell yet, eligible with reminders, or eligible. */
export function EligibilityVerdict({ result }: { result: EligibilityResult }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const join = (rows: EligibilityRow[]) => rows.map((r) => localized(r.title)).join(i18n.language === 'en-US' ? ', ' : '、');
  const failed = result.rows.filter((r) => r.level === 'block' && r.result === 'fail');
  const unknownBlocks = result.rows.filter((r) => r.level === 'block' && r.result === 'unknown');
  const reminders = result.rows.filter((r) => r.level === 'warn' && r.result !== 'pass');

  if (!result.eligible) {
    return <Alert data-testid="eligibility-verdict" type="error" showIcon title={t('catalog.eligibility.verdict.fail')} description={t('catalog.eligibility.verdict.failDetail', { count: failed.length, list: join(failed) })} />;
  }
  if (unknownBlocks.length > 0) {
    return <Alert data-testid="eligibility-verdict" type="warning" showIcon title={t('catalog.eligibility.verdict.unknown')} description={t('catalog.eligibility.verdict.unknownDetail', { count: unknownBlocks.length, list: join(unknownBlocks) })} />;
  }
  return (
    <Alert
      data-testid="eligibility-verdict"
      type="success"
      showIcon
      title={t('catalog.eligibility.verdict.pass')}
      description={reminders.length > 0 ? t('catalog.eligibility.verdict.passWithReminders', { count: reminders.length, list: join(reminders) }) : t('catalog.eligibility.verdict.passAll')}
    />
  );
}

/** The facts the server checked, so a surprising answer can be traced to its input. */
function CheckedFacts({ result }: { result: EligibilityResult }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const provinceName = useProvinceName();
  const { data: scopes } = useCatalogScopes();
  const scope = scopes?.find((s) => s.scope === result.scope);
  const unknown = <Typography.Text type="secondary">{t('catalog.eligibility.results.unknown')}</Typography.Text>;
  const { company } = result;
  const facts = [
    { key: 'service', label: t('catalog.eligibility.fields.service'), value: result.service },
    { key: 'scope', label: t('catalog.eligibility.fields.scope'), value: scope ? localized(scope.label) : result.scope },
    { key: 'capital', label: t('catalog.eligibility.fields.registeredCapital'), value: company.registeredCapital === null ? unknown : formatYuan(company.registeredCapital) },
    { key: 'foreign', label: t('catalog.eligibility.fields.foreignSharePercent'), value: company.foreignSharePercent === null ? unknown : formatPercent(company.foreignSharePercent) },
    { key: 'province', label: t('catalog.eligibility.fields.province'), value: company.province ? provinceName(company.province) : unknown },
  ];
  return (
    <Flex vertical gap={4} data-testid="checked-facts">
      <Flex gap="4px 20px" wrap>
        {facts.map((fact) => (
          <span key={fact.key} style={{ whiteSpace: 'nowrap' }}>
            <Typography.Text type="secondary">{t('catalog.eligibility.factLabel', { label: fact.label })}</Typography.Text>
            {fact.value}
          </span>
        ))}
      </Flex>
      <Typography.Text ellipsis={{ tooltip: company.businessScope ?? undefined }}>
        <Typography.Text type="secondary">{t('catalog.eligibility.factLabel', { label: t('catalog.eligibility.fields.businessScope') })}</Typography.Text>
        {company.businessScope ?? unknown}
      </Typography.Text>
    </Flex>
  );
}

/** 资格自检 result: the overall verdict, then every criterion with its result, explanation and source. */
export function EligibilityResultView({ result }: { result: EligibilityResult }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const columns: TableColumnsType<EligibilityRow> = [
    {
      key: 'title',
      title: t('catalog.criteria.title'),
      width: 130,
      render: (_, row) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong>{localized(row.title)}</Typography.Text>
          <LevelTag level={row.level} />
        </Flex>
      ),
    },
    { key: 'result', title: t('catalog.eligibility.result'), width: 84, render: (_, row) => <ResultTag result={row.result} /> },
    {
      key: 'explanation',
      title: t('catalog.eligibility.explanation'),
      render: (_, row) => (
        <Flex vertical gap={4} align="flex-start">
          <span>{localized(row.explanation)}</span>
          <SourceTag source={row.source} confidence={row.confidence} />
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <EligibilityVerdict result={result} />
      <CheckedFacts result={result} />
      <Table<EligibilityRow>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={result.rows}
        pagination={false}
        data-testid="eligibility-rows"
        onRow={(row) => ({ 'data-result': row.result, 'data-key': row.key, style: row.result === 'fail' ? { background: '#fff1f0' } : undefined }) as HTMLAttributes<HTMLElement>}
      />
    </Flex>
  );
}
