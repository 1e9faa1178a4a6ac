import { useState } from 'react';
import { Alert, Button, Checkbox, Divider, Flex, Radio, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorReportUrl, useRunImport, type ImportJob, type ImportReport, type RunOptions } from '../hooks/use-imports';
import { DuplicatesTable, IssuesTable, ReportCounts } from './report-tables';

/** What the import will do with these choices, in one sentence: created, updated, skipped, left out. */
function usePlan(report: ImportReport, options: RunOptions): { text: string; rows: number } {
  const { t } = useTranslation();
  const created = report.validRows - report.duplicateRows;
  const updated = options.onDuplicate === 'update' ? report.duplicateRows : 0;
  let text = t('imports.report.plan', { created: String(created) });
  if (updated > 0) text += t('imports.report.planUpdate', { count: updated });
  if (report.duplicateRows > 0 && updated === 0) text += t('imports.report.planSkip', { count: report.duplicateRows });
  if (report.invalidRows > 0) text += t('imports.report.planInvalid', { count: report.invalidRows });
  return { text: `${text}${t('imports.report.planEnd')}`, rows: created + updated };
}

/**
 * Step 3: the check's report (counts, problems, duplicates), what to do with duplicates and with invalid rows, the
 * error report, and the way back to the columns. Importing with invalid rows needs 仅导入有效行 (the server refuses
 * otherwise).
 */
export function ReportStep({ job, onBackToMapping }: { job: ImportJob & { report: ImportReport }; onBackToMapping: () => void }) {
  const { t } = useTranslation();
  const { report } = job;
  const run = useRunImport();
  const [onDuplicate, setOnDuplicate] = useState<RunOptions['onDuplicate']>(job.onDuplicate);
  const [validOnly, setValidOnly] = useState(false);
  const plan = usePlan(report, { onDuplicate, validOnly });
  const hasInvalid = report.invalidRows > 0;
  const blocked = (hasInvalid && !validOnly) || plan.rows === 0;

  return (
    <Flex vertical gap={20}>
      <ReportCounts job={job} report={report} />
      {hasInvalid ? (
        <>
          <IssuesTable job={job} report={report} />
          <Flex gap={12} align="center" wrap>
            <Button icon={<DownloadOutlined />} href={errorReportUrl(job.id)} download data-testid="error-report">
              {t('imports.report.errorReport')}
            </Button>
            <Typography.Text type="secondary">{t('imports.report.errorReportHint')}</Typography.Text>
          </Flex>
        </>
      ) : (
        <Alert type="success" showIcon title={t('imports.report.allValid', { count: report.totalRows })} />
      )}
      {report.duplicateRows > 0 && <DuplicatesTable job={job} report={report} />}
      <Divider style={{ margin: 0 }} />
      <Flex vertical gap={12}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('imports.report.optionsTitle')}
        </Typography.Title>
        {report.duplicateRows > 0 && (
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong>{t('imports.report.onDuplicate')}</Typography.Text>
            <Radio.Group
              value={onDuplicate}
              onChange={(event) => setOnDuplicate(event.target.value as RunOptions['onDuplicate'])}
              options={[
                { value: 'skip', label: t('imports.report.skip') },
                { value: 'update', label: t('imports.report.update') },
              ]}
              data-testid="on-duplicate"
            />
          </Flex>
        )}
        {hasInvalid && (
          <Checkbox checked={validOnly} onChange={(event) => setValidOnly(event.target.checked)} data-testid="valid-only">
            {t('imports.report.validOnly', { count: report.invalidRows })}
          </Checkbox>
        )}
        {hasInvalid && !validOnly && <Alert type="warning" showIcon title={t('imports.report.validOnlyNeeded', { count: report.invalidRows })} />}
        {!blocked && <Typography.Text data-testid="import-plan">{plan.text}</Typography.Text>}
        {plan.rows === 0 && (!hasInvalid || validOnly) && <Alert type="info" showIcon title={t('imports.report.noneToImport')} />}
      </Flex>
      <Flex gap={12} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBackToMapping} disabled={run.isPending}>
          {t('imports.report.backToMapping')}
        </Button>
        <Button type="primary" size="large" disabled={blocked} loading={run.isPending} onClick={() => run.mutate({ job, onDuplicate, validOnly })} data-testid="start-import">
          {t('imports.report.start')}
        </Button>
      </Flex>
    </Flex>
  );
}
