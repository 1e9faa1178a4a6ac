import { useState } from 'react';
import { Button, Card, Empty, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { PageHeader } from '../../../app/components/page-header';
import { formatListCount, lastPageNumber, pagerTotal } from '../../../app/list-count';
import { ExportButton } from '../../imports/components/export-button';
import { ApplicationFiltersBar } from '../components/application-filters-bar';
import { ApplicationsBoard } from '../components/applications-board';
import { ApplicationsTable } from '../components/applications-table';
import { NewApplicationModal } from '../components/new-application-modal';
import { clearedFilters, hasActiveFilters, useApplicationFilters } from '../hooks/use-application-filters';
import { useApplicationList } from '../hooks/use-applications';

export function ApplicationsListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = me.user.role !== 'client';
  const canCreate = can(me.user, 'createApplications');
  const [creating, setCreating] = useState(false);
  const [filters, setFilters] = useApplicationFilters();
  // A page number from a link may lie past the rows the API pages by number; show the last one it answers instead.
  const page = Math.min(filters.page, lastPageNumber(filters.pageSize));
  const shared = {
    q: filters.q || undefined,
    serviceCode: filters.serviceCode || undefined,
    clientId: filters.clientId || undefined,
    assigneeId: filters.mine ? me.user.id : undefined,
    overdue: filters.overdue || undefined,
  };
  const isTable = filters.view === 'table';
  const { data, isFetching, isPending } = useApplicationList({ ...shared, state: filters.state || undefined, page, pageSize: filters.pageSize }, { enabled: isTable });

  const newButton = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('applications.newApplication')}
    </Button>
  );

  const empty = hasActiveFilters(filters) ? (
    <Empty description={t('applications.emptyFiltered')}>
      <Button onClick={() => setFilters(clearedFilters)}>{t('applications.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty
      description={
        isStaff ? (
          <>
            <Typography.Text strong>{t('applications.emptyTitle')}</Typography.Text>
            <div>{t('applications.emptyHint')}</div>
          </>
        ) : (
          t('applications.emptyClientUser')
        )
      }
    >
      {newButton}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('applications.listTitle')}
        subtitle={t(isStaff ? 'applications.listSubtitle' : 'applications.listSubtitleClient')}
        extra={
          <>
            {/* The board shows every state, whatever the table's state filter. */}
            <ExportButton kind="applications" filters={{ ...shared, state: isTable ? filters.state || undefined : undefined }} />
            {newButton}
          </>
        }
      />
      <Card>
        <ApplicationFiltersBar filters={filters} onChange={setFilters} isStaff={isStaff} />
        {isTable ? (
          <ApplicationsTable
            items={data?.items}
            loading={isFetching}
            empty={isPending ? ' ' : empty}
            hideAssignee={!isStaff}
            pagination={{
              current: page,
              pageSize: filters.pageSize,
              total: pagerTotal(data),
              showSizeChanger: true,
              showTotal: () => t('common.totalItems', { total: formatListCount(data ?? { total: 0, totalIsExact: true }) }),
              onChange: (nextPage, pageSize) => setFilters({ page: pageSize === filters.pageSize ? nextPage : 1, pageSize }),
            }}
          />
        ) : (
          <ApplicationsBoard query={shared} hideAssignee={!isStaff} onShowState={(state) => setFilters({ view: 'table', state })} />
        )}
      </Card>
      {canCreate && <NewApplicationModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
