import { useState } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format';
import { formatListCount } from '../../app/list-count';
import { translateCode } from '../../app/i18n';
import { useAuditLog, type AuditEntry } from './use-audit-log';

interface AuditTableProps {
  entityType?: string;
  entityId?: string;
  /** Show the entity column (off when the table is about one entity). */
  showEntity?: boolean;
}

const entityLinks: Record<string, (id: string) => string> = {
  client: (id) => `/clients/${id}`,
};

function EntityCell({ entry }: { entry: AuditEntry }) {
  const label = translateCode('audit.entityTypes', entry.entityType);
  const link = entry.entityId ? entityLinks[entry.entityType]?.(entry.entityId) : undefined;
  return link ? <Link to={link}>{label}</Link> : <span>{label}</span>;
}

/** Server-paginated audit entries (操作记录), newest first. */
export function AuditTable({ entityType, entityId, showEntity = false }: AuditTableProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useAuditLog({ entityType: entityType || undefined, entityId, page, pageSize });

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'at', title: t('settings.audit.at'), dataIndex: 'at', width: 150, render: (at: string) => formatInstant(at) },
    {
      key: 'actor',
      title: t('settings.audit.actor'),
      width: 200,
      render: (_, entry) =>
        entry.actor ? (
          <>
            <div>{entry.actor.name || entry.actor.email}</div>
            {entry.actor.name && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{entry.actor.email}</Typography.Text>}
          </>
        ) : (
          <Typography.Text type="secondary">{t('settings.audit.system')}</Typography.Text>
        ),
    },
    { key: 'action', title: t('settings.audit.action'), dataIndex: 'action', width: 150, render: (action: string) => translateCode('audit.actions', action) },
    ...(showEntity ? [{ key: 'entity', title: t('settings.audit.entity'), width: 110, render: (_: unknown, entry: AuditEntry) => <EntityCell entry={entry} /> }] : []),
    { key: 'summary', title: t('settings.audit.summary'), dataIndex: 'summary' },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={data?.items}
      loading={isFetching}
      locale={{ emptyText: t('settings.audit.empty') }}
      pagination={{
        current: page,
        pageSize,
        // Past 10,000 entries the total is "at least" (10,000+) and stays the cap, so no page number goes deeper.
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: () => t('common.totalItems', { total: formatListCount(data ?? { total: 0, totalIsExact: true }) }),
        onChange: (nextPage, nextSize) => {
          setPage(nextSize === pageSize ? nextPage : 1);
          setPageSize(nextSize);
        },
      }}
    />
  );
}
