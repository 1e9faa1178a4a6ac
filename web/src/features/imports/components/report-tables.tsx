import { Card, Col, Row, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupThousands } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import type { ImportJob, ImportReport } from '../hooks/use-imports';

type Issue = ImportReport['issues'][number];
type Duplicate = ImportReport['duplicates'][number];

/** The report lists the first 500 problems; the error report has them all. */
const listedAtMost = 500;

/** 总行数 / 有效行 / 无效行 / 重复行, side by side. */
export function ReportCounts({ job, report }: { job: ImportJob; report: ImportReport }) {
  const { t } = useTranslation();
  const counts = [
    { key: 'total', title: t('imports.report.total'), value: report.totalRows },
    { key: 'valid', title: t('imports.report.valid'), value: report.validRows, color: '#389e0d' },
    { key: 'invalid', title: t('imports.report.invalid'), value: report.invalidRows, color: report.invalidRows > 0 ? '#cf1322' : undefined },
    {
      key: 'duplicates',
      title: <Tooltip title={t('imports.report.duplicatesHint', { key: t(`imports.kinds.${job.kind}.duplicateKey`) })}>{t('imports.report.duplicates')} ⓘ</Tooltip>,
      value: report.duplicateRows,
      color: report.duplicateRows > 0 ? '#d46b08' : undefined,
    },
  ];
  return (
    <Row gutter={[16, 16]} data-testid="report-counts">
      {counts.map((c) => (
        <Col key={c.key} xs={12} md={6}>
          <Card size="small" data-testid={`count-${c.key}`}>
            <Statistic title={c.title} value={c.value} formatter={(v) => groupThousands(Number(v))} styles={{ content: c.color ? { color: c.color } : undefined }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The problems of the invalid rows: the row, the column's heading in the file, the message in the UI language. */
export function IssuesTable({ job, report }: { job: ImportJob; report: ImportReport }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const fieldLabel = (key: string) => localized(job.fields.find((f) => f.key === key)?.label) || key;
  const columns: TableColumnsType<Issue> = [
    { key: 'row', title: t('imports.report.row'), width: 110, render: (_, issue) => t('imports.report.rowN', { row: String(issue.row) }) },
    {
      key: 'column',
      title: t('imports.report.column'),
      width: 200,
      render: (_, issue) => (issue.column !== null && job.headers[issue.column] ? job.headers[issue.column] : fieldLabel(issue.field)),
    },
    { key: 'message', title: t('imports.report.problem'), render: (_, issue) => <Typography.Text type="danger">{localized(issue.message)}</Typography.Text> },
  ];
  return (
    <div>
      <Typography.Title level={5}>{t('imports.report.issuesTitle', { count: report.invalidRows })}</Typography.Title>
      <Table<Issue>
        rowKey={(issue) => `${issue.row}:${issue.column ?? issue.field}:${issue.message.en}`}
        columns={columns}
        dataSource={report.issues}
        size="small"
        pagination={report.issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        data-testid="issues-table"
      />
      {report.issues.length >= listedAtMost && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('imports.report.issuesCut', { shown: String(report.issues.length) })}
        </Typography.Text>
      )}
    </div>
  );
}

/** Rows whose credit code or licence number is already in the organisation, or earlier in the file. */
export function DuplicatesTable({ job, report }: { job: ImportJob; report: ImportReport }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Duplicate> = [
    { key: 'row', title: t('imports.report.row'), width: 110, render: (_, d) => t('imports.report.rowN', { row: String(d.row) }) },
    { key: 'key', title: t(`imports.kinds.${job.kind}.duplicateKeyTitle`), width: 220, render: (_, d) => <Typography.Text style={{ fontFamily: 'monospace' }}>{d.key}</Typography.Text> },
    {
      key: 'where',
      title: t('imports.report.duplicateOf'),
      render: (_, d) => (d.existing ? <Tag color="orange">{t('imports.report.existing')}</Tag> : t('imports.report.earlierRow', { row: String(d.firstRow ?? '') })),
    },
  ];
  return (
    <div>
      <Typography.Title level={5}>{t('imports.report.duplicatesTitle', { count: report.duplicateRows })}</Typography.Title>
      <Table<Duplicate>
        rowKey="row"
        columns={columns}
        dataSource={report.duplicates}
        size="small"
        pagination={report.duplicates.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        data-testid="duplicates-table"
      />
    </div>
  );
}
