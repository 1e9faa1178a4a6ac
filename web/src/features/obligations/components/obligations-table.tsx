import type { HTMLAttributes, ReactNode } from 'react';
import { Button, Flex, Table, Typography, type TableColumnsType, type TablePaginationConfig, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ObligationBrief } from '../hooks/use-obligations';
import { DueText } from './due-text';
import { ObligationAssignee } from './obligation-assignee-control';
import { ObligationStatusTag } from './obligation-status-tag';
import { ObligationTitle } from './obligation-title';

type Column = 'title' | 'client' | 'licence' | 'assignee' | 'actions';

interface ObligationsTableProps<T extends ObligationBrief> {
  items: T[] | undefined;
  loading: boolean;
  empty: ReactNode;
  pagination: TablePaginationConfig | false;
  /** Columns to leave out: the client and licence on a licence's own page, the assignee for client users, the title where all are alike. */
  hide?: readonly Column[];
  /** Staff see 完成 on open rows. */
  canWrite: boolean;
  onOpen: (obligation: T) => void;
  onComplete: (obligation: T) => void;
  rowSelection?: TableProps<T>['rowSelection'];
  size?: 'small' | 'middle';
  testId?: string;
}

const isOpen = (o: ObligationBrief) => o.status === 'overdue' || o.status === 'due-soon' || o.status === 'upcoming';
/** 许可证到期 is a date to watch rather than a task: it is closed from its details, not from the row. */
const completableFromRow = (o: ObligationBrief) => isOpen(o) && o.kind !== 'expiry';

/** Obligations as rows: when due, what, whose, which licence, where it stands, who is in charge, and what to do. */
export function ObligationsTable<T extends ObligationBrief>({ items, loading, empty, pagination, hide = [], canWrite, onOpen, onComplete, rowSelection, size = 'middle', testId = 'obligations-table' }: ObligationsTableProps<T>) {
  const { t } = useTranslation();
  const columns: TableColumnsType<T> = [
    { key: 'dueOn', title: t('obligations.fields.dueOn'), width: 120, render: (_, o) => <DueText obligation={o} /> },
    {
      key: 'title',
      title: t('obligations.fields.title'),
      minWidth: 220,
      render: (_, o) => (
        <Typography.Link onClick={() => onOpen(o)} data-testid="obligation-open">
          <ObligationTitle obligation={o} />
        </Typography.Link>
      ),
    },
    { key: 'client', title: t('obligations.fields.client'), minWidth: 180, render: (_, o) => <Link to={`/clients/${o.clientId}`}>{o.clientName}</Link> },
    {
      key: 'licence',
      title: t('obligations.fields.licence'),
      width: 150,
      render: (_, o) => (
        <Link to={`/licenses/${o.licenceId}`} style={{ whiteSpace: 'nowrap' }}>
          {o.licenceNumber}
        </Link>
      ),
    },
    { key: 'status', title: t('obligations.fields.status'), width: 90, render: (_, o) => <ObligationStatusTag status={o.status} /> },
    { key: 'assignee', title: t('obligations.fields.assignee'), width: 110, render: (_, o) => <ObligationAssignee assignee={o.assignee} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 150,
      render: (_, o) => (
        <Flex gap={4}>
          {canWrite && completableFromRow(o) && (
            <Button size="small" type="primary" ghost onClick={() => onComplete(o)} data-testid="obligation-complete">
              {t('obligations.actions.complete')}
            </Button>
          )}
          <Button size="small" type="link" onClick={() => onOpen(o)} style={{ paddingInline: 4 }}>
            {t('obligations.actions.details')}
          </Button>
        </Flex>
      ),
    },
  ];
  const shown = columns.filter((c) => !hide.includes(c.key as Column));
  return (
    <Table<T>
      rowKey="id"
      size={size}
      columns={shown}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: empty }}
      scroll={{ x: shown.reduce((sum, c) => sum + Number(c.width ?? c.minWidth ?? 0), rowSelection ? 32 : 0) }}
      pagination={pagination}
      rowSelection={rowSelection}
      data-testid={testId}
      onRow={(o) => ({ 'data-status': o.status, 'data-key': o.key, style: o.status === 'overdue' ? { background: '#fff1f0' } : undefined }) as HTMLAttributes<HTMLElement>}
    />
  );
}
