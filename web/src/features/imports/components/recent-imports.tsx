import { Button, Card, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, groupThousands } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { useRecentImports, type ImportJob, type ImportKind, type ImportStatus } from '../hooks/use-imports';
import { formatFileSize } from '../import-step';

const statusColors: Record<ImportStatus, string> = { uploaded: 'default', checking: 'processing', checked: 'blue', running: 'processing', done: 'success', failed: 'error' };

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`imports.status.${status}`)}</Tag>;
}

function Outcome({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (job.result) {
    return t('imports.recent.outcomeDone', { created: groupThousands(job.result.created), updated: groupThousands(job.result.updated), skipped: groupThousands(job.result.skipped + job.result.invalidSkipped) });
  }
  if (job.report && job.status === 'checked') {
    return t('imports.recent.outcomeChecked', { valid: groupThousands(job.report.validRows), invalid: groupThousands(job.report.invalidRows) });
  }
  if (job.status === 'failed' && job.failure) {
    return (
      <Typography.Text type="danger" ellipsis={{ tooltip: localized(job.failure.message) }} style={{ maxWidth: 360 }}>
        {localized(job.failure.message)}
      </Typography.Text>
    );
  }
  return null;
}

/** 最近导入: this kind's latest imports, to come back to one (still running, or waiting for a decision). */
export function RecentImports({ kind, currentId, onOpen }: { kind: ImportKind; currentId: string | null; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const recent = useRecentImports();
  const items = recent.data?.filter((job) => job.kind === kind);

  const columns: TableColumnsType<ImportJob> = [
    {
      key: 'file',
      title: t('imports.recent.file'),
      render: (_, job) => (
        <>
          <Typography.Text ellipsis={{ tooltip: job.fileName }} style={{ maxWidth: 320 }}>
            {job.fileName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {formatFileSize(job.fileSize)}
          </Typography.Text>
        </>
      ),
    },
    { key: 'status', title: t('imports.recent.status'), width: 120, render: (_, job) => <ImportStatusTag status={job.status} /> },
    { key: 'outcome', title: t('imports.recent.outcome'), render: (_, job) => <Outcome job={job} /> },
    { key: 'createdAt', title: t('imports.recent.uploadedAt'), width: 160, render: (_, job) => formatInstant(job.createdAt) },
    {
      key: 'open',
      title: t('common.actions'),
      width: 100,
      render: (_, job) =>
        job.id === currentId ? (
          <Typography.Text type="secondary">{t('imports.recent.current')}</Typography.Text>
        ) : (
          <Button type="link" style={{ paddingInline: 0 }} onClick={() => onOpen(job.id)}>
            {t('imports.recent.open')}
          </Button>
        ),
    },
  ];

  return (
    <Card title={t('imports.recent.title')} data-testid="recent-imports">
      <Table<ImportJob>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={recent.isFetching && !recent.data}
        locale={{ emptyText: recent.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.recent.empty')} /> }}
        pagination={false}
        size="small"
        scroll={{ x: 720 }}
      />
    </Card>
  );
}
