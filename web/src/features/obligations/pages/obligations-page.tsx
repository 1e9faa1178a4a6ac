import { useState } from 'react';
import { Button, Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { PageHeader } from '../../../app/components/page-header';
import { formatListCount, lastPageNumber, pagerTotal } from '../../../app/list-count';
import { ExportButton } from '../../imports/components/export-button';
import { BulkActions } from '../components/bulk-actions';
import { CompleteObligationModal } from '../components/complete-obligation-modal';
import { ObligationDrawer } from '../components/obligation-drawer';
import { ObligationFiltersBar } from '../components/obligation-filters-bar';
import { ObligationsTable } from '../components/obligations-table';
import { useObligationFilters } from '../hooks/use-obligation-filters';
import { clearedFilters, hasActiveFilters, type ObligationFilters } from '../obligation-filters';
import { useObligationList, type Obligation } from '../hooks/use-obligations';
import type { ObligationListQuery } from '../hooks/obligation-keys';

/** The list's filters without its paging, as the list and its export both send them. */
function filterQuery(filters: ObligationFilters): Omit<ObligationListQuery, 'page' | 'pageSize'> {
  return {
    status: filters.status || undefined,
    dueWithinDays: filters.dueWithinDays || undefined,
    dueAfterDays: filters.dueAfterDays >= 0 ? filters.dueAfterDays : undefined,
    clientId: filters.clientId || undefined,
    licenceId: filters.licenceId || undefined,
    kind: filters.kind || undefined,
    assigneeId: filters.assignee || undefined,
  };
}

function listQuery(filters: ObligationFilters, page: number): ObligationListQuery {
  return { ...filterQuery(filters), page, pageSize: filters.pageSize };
}

/** What an empty list says: why (the filter), and the way out. */
function EmptyList({ filters, isStaff, onClear }: { filters: ObligationFilters; isStaff: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  if (!hasActiveFilters(filters)) {
    return (
      <Empty
        description={
          isStaff ? (
            <>
              <Typography.Text strong>{t('obligations.emptyTitle')}</Typography.Text>
              <div>{t('obligations.emptyHint')}</div>
            </>
          ) : (
            t('obligations.emptyClientUser')
          )
        }
      />
    );
  }
  const onlyStatus = filters.status && !filters.dueWithinDays && filters.dueAfterDays < 0 && !filters.clientId && !filters.licenceId && !filters.kind && !filters.assignee;
  return (
    <Empty description={onlyStatus ? t(`obligations.emptyByStatus.${filters.status as Obligation['status']}`) : t('obligations.emptyFiltered')}>
      <Button onClick={onClear}>{t('obligations.clearFilters')}</Button>
    </Empty>
  );
}

/** 合规事项: every obligation of the portfolio, soonest due first, filtered by the URL, done and assigned from here. */
export function ObligationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = me.user.role !== 'client';
  const canWrite = can(me.user, 'writeObligations');
  const { filters, update, focus, setFocus } = useObligationFilters();
  const [completing, setCompleting] = useState<Obligation | null>(null);
  const [selected, setSelected] = useState<Map<string, Obligation>>(new Map());
  // A page number from a link may lie past the rows the API pages by number; show the last one it answers instead.
  const page = Math.min(filters.page, lastPageNumber(filters.pageSize));
  const { data, isFetching, isPending } = useObligationList(listQuery(filters, page));

  return (
    <>
      <PageHeader
        title={t('obligations.listTitle')}
        subtitle={t(isStaff ? 'obligations.listSubtitle' : 'obligations.listSubtitleClient')}
        extra={<ExportButton kind="obligations" filters={filterQuery(filters)} />}
      />
      <Card>
        <ObligationFiltersBar filters={filters} onChange={update} isStaff={isStaff} />
        {canWrite && <BulkActions selected={[...selected.values()]} onClear={() => setSelected(new Map())} actions={['assign', 'complete']} />}
        <ObligationsTable
          items={data?.items}
          loading={isFetching}
          empty={isPending ? ' ' : <EmptyList filters={filters} isStaff={isStaff} onClear={() => update(clearedFilters)} />}
          hide={isStaff ? [] : ['assignee', 'client']}
          canWrite={canWrite}
          onOpen={(o) => setFocus(o.id)}
          onComplete={setCompleting}
          rowSelection={
            canWrite
              ? {
                  selectedRowKeys: [...selected.keys()],
                  preserveSelectedRowKeys: true,
                  onChange: (keys, rows) => {
                    const next = new Map<string, Obligation>();
                    for (const key of keys) {
                      const row = rows.find((r) => r?.id === key) ?? selected.get(String(key));
                      if (row) next.set(row.id, row);
                    }
                    setSelected(next);
                  },
                }
              : undefined
          }
          pagination={{
            current: page,
            pageSize: filters.pageSize,
            total: pagerTotal(data),
            showSizeChanger: true,
            showTotal: () => t('common.totalItems', { total: formatListCount(data ?? { total: 0, totalIsExact: true }) }),
            onChange: (nextPage, pageSize) => update({ page: pageSize === filters.pageSize ? nextPage : 1, pageSize }),
          }}
        />
      </Card>
      <ObligationDrawer id={focus} onClose={() => setFocus(null)} canWrite={canWrite} onComplete={setCompleting} />
      {canWrite && <CompleteObligationModal obligation={completing} onClose={() => setCompleting(null)} />}
    </>
  );
}
