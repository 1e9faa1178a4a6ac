import { useEffect, useRef, useState } from 'react';
import { Button, Card, Flex, Result, Skeleton, Steps, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../app/components/back-link';
import { PageHeader } from '../../../app/components/page-header';
import { describeError } from '../../../app/error-notifier';
import { MappingStep } from '../components/mapping-step';
import { RecentImports } from '../components/recent-imports';
import { ReportStep } from '../components/report-step';
import { RunStep } from '../components/run-step';
import { UploadStep } from '../components/upload-step';
import { isBusy, useImportJob, useRecentImports, type ImportJob, type ImportKind } from '../hooks/use-imports';
import { formatFileSize, importPaths, importSteps, stepOf } from '../import-step';

export function ClientsImportPage() {
  return <ImportPage kind="clients" />;
}

export function LicencesImportPage() {
  return <ImportPage kind="licences" />;
}

/** The file being imported, and the way to start again with another. */
function FileLine({ job, onNewFile }: { job: ImportJob; onNewFile: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
      <FileTextOutlined />
      <Typography.Text data-testid="import-file">{t('imports.fileLine', { name: job.fileName, size: formatFileSize(job.fileSize) })}</Typography.Text>
      {!isBusy(job.status) && job.status !== 'done' && (
        <Button type="link" size="small" onClick={onNewFile}>
          {t('imports.newFile')}
        </Button>
      )}
    </Flex>
  );
}

/** The open import lives in the address (?job=…), so a reload, the back button or a link returns to it. */
function useOpenJob(kind: ImportKind): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const recent = useRecentImports();
  const decided = useRef(Boolean(jobId));
  const open = (id: string | null) => setParams(id ? { job: id } : {});

  // Opening the page while one of this kind is being checked or imported shows it (once: "another file" stays put).
  useEffect(() => {
    if (decided.current || !recent.data) return;
    decided.current = true;
    const busy = recent.data.find((job) => job.kind === kind && isBusy(job.status));
    if (busy) setParams({ job: busy.id }, { replace: true });
  }, [kind, recent.data, setParams]);

  return [jobId, open];
}

function ImportPage({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const [jobId, open] = useOpenJob(kind);
  const job = useImportJob(jobId);
  // The job whose columns the user went back to change (from the report or a failed import).
  const [editing, setEditing] = useState<string | null>(null);

  if (job.data && job.data.kind !== kind) return <Navigate to={`${importPaths[job.data.kind].page}?job=${job.data.id}`} replace />;

  const current = jobId ? job.data : null;
  const step = stepOf(current, editing === jobId);
  const failed = current?.status === 'failed';
  const finished = current?.status === 'done';

  function content() {
    if (jobId && job.isError) {
      return <Result status="warning" title={t('imports.recent.notFound')} subTitle={describeError(job.error)} extra={<Button onClick={() => open(null)}>{t('imports.result.another')}</Button>} />;
    }
    if (jobId && !current) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (!current) return <UploadStep kind={kind} onUploaded={(uploaded) => open(uploaded.id)} />;
    const body =
      step === 'mapping' ? (
        <MappingStep key={`${current.id}:${editing === current.id}`} job={current} onCheckStarted={() => setEditing(null)} />
      ) : step === 'report' && current.report ? (
        <ReportStep job={{ ...current, report: current.report }} onBackToMapping={() => setEditing(current.id)} />
      ) : (
        <RunStep job={current} onBackToMapping={() => setEditing(current.id)} onAnother={() => open(null)} />
      );
    return (
      <>
        <FileLine job={current} onNewFile={() => open(null)} />
        {body}
      </>
    );
  }

  return (
    <>
      <BackLink to={importPaths[kind].list} />
      <PageHeader title={t(`imports.kinds.${kind}.title`)} subtitle={t(`imports.kinds.${kind}.subtitle`)} />
      <Flex vertical gap={16}>
        <Card>
          <Steps
            current={importSteps.indexOf(step)}
            status={failed ? 'error' : finished ? 'finish' : 'process'}
            items={importSteps.map((key) => ({ title: t(`imports.steps.${key}`) }))}
            style={{ marginBottom: 24 }}
            data-testid="import-steps"
          />
          {content()}
        </Card>
        <RecentImports kind={kind} currentId={jobId} onOpen={open} />
      </Flex>
    </>
  );
}
