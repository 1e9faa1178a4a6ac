import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { useCheckImport, type ImportJob } from '../hooks/use-imports';
import { FieldSelect } from './field-select';
import { JobProgress } from './job-progress';

interface ColumnRow {
  index: number;
  heading: string;
  samples: string[];
}

/** A, B, … Z, AA: the column letters a spreadsheet shows. */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnRows(job: ImportJob): ColumnRow[] {
  return job.headers.map((heading, index) => ({
    index,
    heading,
    samples: job.sample.map((row) => row[index]).filter((cell) => cell !== null && cell !== undefined && String(cell).trim() !== '').slice(0, 3).map(String),
  }));
}

/**
 * Step 2: each column of the file with its heading and first values, and the field it goes to (guessed by the server
 * from the heading); then 检查 starts the check and its progress shows here until the report is ready.
 */
export function MappingStep({ job, onCheckStarted }: { job: ImportJob; onCheckStarted: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const check = useCheckImport();
  const [mapping, setMapping] = useState<(string | null)[]>(() => job.headers.map((_, i) => job.mapping[i] ?? null));
  const checking = job.status === 'checking' || check.isPending;
  const rows = columnRows(job);
  const headingOf = (row: ColumnRow) => row.heading || t('imports.mapping.noHeading', { n: String(row.index + 1) });

  const takenBy = new Map<string, string>();
  mapping.forEach((key, i) => key && !takenBy.has(key) && takenBy.set(key, headingOf(rows[i])));
  const unmapped = job.fields.filter((f) => f.required && !mapping.includes(f.key));
  const repeated = job.fields.filter((f) => mapping.indexOf(f.key) !== mapping.lastIndexOf(f.key));
  const checkFailed = job.status === 'failed' && !job.report && job.failure;

  const columns: TableColumnsType<ColumnRow> = [
    {
      key: 'heading',
      title: t('imports.mapping.column'),
      width: 240,
      render: (_, row) => (
        <Flex gap={8} align="center">
          <Tag style={{ fontFamily: 'monospace' }}>{columnLetter(row.index)}</Tag>
          {row.heading ? <Typography.Text strong>{row.heading}</Typography.Text> : <Typography.Text type="secondary">{headingOf(row)}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'samples',
      title: t('imports.mapping.samples'),
      render: (_, row) =>
        row.samples.length === 0 ? (
          <Typography.Text type="secondary">{t('imports.mapping.noSamples')}</Typography.Text>
        ) : (
          row.samples.map((value, i) => (
            <Typography.Text key={i} ellipsis={{ tooltip: value }} style={{ display: 'block', maxWidth: 320 }}>
              {value}
            </Typography.Text>
          ))
        ),
    },
    {
      key: 'field',
      title: t('imports.mapping.field'),
      width: 320,
      render: (_, row) => (
        <FieldSelect
          fields={job.fields}
          value={mapping[row.index]}
          takenBy={takenBy}
          disabled={checking}
          ariaLabel={t('imports.mapping.fieldFor', { heading: headingOf(row) })}
          testId={`mapping-${row.index}`}
          onChange={(key) => setMapping((current) => current.map((k, i) => (i === row.index ? key : k)))}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('imports.mapping.intro')}</Typography.Paragraph>
      <Table<ColumnRow> rowKey="index" columns={columns} dataSource={rows} pagination={false} size="middle" scroll={{ x: 820 }} data-testid="mapping-table" />
      {unmapped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.mapping.unmappedTitle')}
          description={t('imports.mapping.unmapped', { fields: unmapped.map((f) => localized(f.label)).join(t('imports.listSeparator')) })}
          data-testid="unmapped-required"
        />
      )}
      {repeated.map((f) => (
        <Alert key={f.key} type="error" showIcon title={t('imports.mapping.repeated', { field: localized(f.label) })} />
      ))}
      {checkFailed && <Alert type="error" showIcon title={t('imports.mapping.checkFailedTitle')} description={localized(job.failure?.message)} data-testid="check-failed" />}
      {job.status === 'checking' ? (
        <JobProgress job={job} />
      ) : (
        <Flex gap={12} align="center" wrap>
          <Button
            type="primary"
            size="large"
            disabled={unmapped.length > 0 || repeated.length > 0}
            loading={check.isPending}
            onClick={() => check.mutate({ job, mapping }, { onSuccess: onCheckStarted })}
            data-testid="start-check"
          >
            {t('imports.mapping.check')}
          </Button>
          <Typography.Text type="secondary">{t('imports.mapping.checkHint')}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
