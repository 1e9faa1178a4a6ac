import type { ReactNode } from 'react';
import { Table, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../app/format';
import type { Application } from '../hooks/use-applications';
import { useScopeName, useServiceName } from '../hooks/use-catalog-names';
import { ApplicationStateTag } from './application-state-tag';
import { AssigneeText } from './assignee-text';
import { DueDateText } from './due-date-text';

interface ApplicationsTableProps {
  items: Application[] | undefined;
  loading: boolean;
  empty: ReactNode;
  pagination: TablePaginationConfig | false;
  /** Leave out the client column (on a client's own page). */
  hideClient?: boolean;
  /** Leave out the assignee column (client users do not see the agency's staff). */
  hideAssignee?: boolean;
  size?: 'small' | 'middle';
}

/** Applications as rows: who applies, for what, where, where it stands, what falls due next, who is in charge, when it last changed. */
export function ApplicationsTable({ items, loading, empty, pagination, hideClient = false, hideAssignee = false, size = 'middle' }: ApplicationsTableProps) {
  const { t } = useTranslation();
  const scopeName = useScopeName();
  const serviceName = useServiceName();

  const columns: TableColumnsType<Application> = [
    {
      key: 'client',
      title: t('applications.fields.client'),
      minWidth: 220,
      render: (_, a) => <Link to={`/applications/${a.id}`}>{a.clientName}</Link>,
    },
    {
      key: 'service',
      title: t('applications.fields.service'),
      width: 200,
      render: (_, a) => (hideClient ? <Link to={`/applications/${a.id}`}>{serviceName(a.serviceCode)}</Link> : serviceName(a.serviceCode)),
    },
    { key: 'scope', title: t('applications.fields.scopeShort'), width: 170, render: (_, a) => scopeName(a.scope) },
    { key: 'state', title: t('applications.fields.state'), width: 190, render: (_, a) => <ApplicationStateTag state={a.state} /> },
    {
      key: 'dueOn',
      title: (
        <Tooltip title={t('applications.fields.dueOnHint')}>
          <span>{t('applications.fields.dueOn')}</span>
        </Tooltip>
      ),
      width: 170,
      render: (_, a) => <DueDateText application={a} />,
    },
    { key: 'assignee', title: t('applications.fields.assignee'), width: 130, render: (_, a) => <AssigneeText assigneeId={a.assigneeId} /> },
    {
      key: 'updatedAt',
      title: t('applications.fields.updatedAt'),
      width: 150,
      render: (_, a) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{formatInstant(a.updatedAt)}</Typography.Text>,
    },
  ];
  const shown = columns.filter((c) => !(hideClient && c.key === 'client') && !(hideAssignee && c.key === 'assignee'));

  return (
    <Table<Application>
      rowKey="id"
      size={size}
      columns={shown}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: empty }}
      scroll={{ x: hideClient ? 810 : 1130 }}
      pagination={pagination}
    />
  );
}
