import { Button, Card, Col, Flex, Result, Row, Statistic, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { groupThousands } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { errorReportUrl, type ImportJob } from '../hooks/use-imports';
import { importPaths } from '../import-step';
import { JobProgress } from './job-progress';

interface RunStepProps {
  job: ImportJob;
  onBackToMapping: () => void;
  onAnother: () => void;
}

/** What was written: created, updated, duplicates skipped, invalid rows left out. */
function ResultCounts({ result }: { result: NonNullable<ImportJob['result']> }) {
  const { t } = useTranslation();
  const counts = [
    { key: 'created', value: result.created },
    { key: 'updated', value: result.updated },
    { key: 'skipped', value: result.skipped },
    { key: 'invalidSkipped', value: result.invalidSkipped },
  ] as const;
  return (
    <Row gutter={[16, 16]} justify="center" style={{ maxWidth: 720, margin: '0 auto' }} data-testid="result-counts">
      {counts.map((c) => (
        <Col key={c.key} xs={12} md={6}>
          <Card size="small" data-testid={`result-${c.key}`}>
            <Statistic title={t(`imports.result.${c.key}`)} value={c.value} formatter={(v) => groupThousands(Number(v))} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Step 4: the import's progress, then its result, or why it failed (one transaction: a failure wrote nothing). */
export function RunStep({ job, onBackToMapping, onAnother }: RunStepProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const listLink = (
    <Link key="list" to={importPaths[job.kind].list}>
      <Button type="primary">{t(`imports.kinds.${job.kind}.list`)}</Button>
    </Link>
  );
  const another = (
    <Button key="another" onClick={onAnother}>
      {t('imports.result.another')}
    </Button>
  );

  if (job.status === 'running') return <JobProgress job={job} />;
  if (job.status === 'done' && job.result) {
    return (
      <Result status="success" title={t('imports.result.doneTitle')} extra={[listLink, another]} data-testid="import-done">
        <ResultCounts result={job.result} />
        {job.result.invalidSkipped > 0 && (
          <Flex vertical align="center" gap={8} style={{ marginTop: 24 }}>
            <Typography.Text type="secondary">{t('imports.result.invalidLeftOut', { count: job.result.invalidSkipped })}</Typography.Text>
            <Button icon={<DownloadOutlined />} href={errorReportUrl(job.id)} download data-testid="error-report">
              {t('imports.report.errorReport')}
            </Button>
          </Flex>
        )}
      </Result>
    );
  }
  return (
    <Result
      status="error"
      title={t('imports.result.failedTitle')}
      subTitle={
        <>
          <div>{localized(job.failure?.message)}</div>
          <div>{t('imports.result.nothingWritten')}</div>
        </>
      }
      extra={[
        <Button key="back" type="primary" icon={<ArrowLeftOutlined />} onClick={onBackToMapping}>
          {t('imports.report.backToMapping')}
        </Button>,
        another,
      ]}
      data-testid="import-failed"
    />
  );
}
