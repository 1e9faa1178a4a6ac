import { Button, Card, Empty, Result, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { PageHeader } from '../../../app/components/page-header';
import { formatInstant, formatYuan } from '../../../app/format';
import { formatListCount, lastPageNumber, pageNumberRowLimit, pagerTotal, searchPageNumberRowLimit } from '../../../app/list-count';
import { ExportButton } from '../../imports/components/export-button';
import { ImportButton } from '../../imports/components/import-button';
import { ClientFiltersBar } from '../components/client-filters-bar';
import { ClientStatusTag } from '../components/client-status-tag';
import { hasActiveFilters, useClientFilters } from '../hooks/use-client-filters';
import { useClientList, type Client, type ProvinceCode } from '../hooks/use-clients';
import { useProvinceName } from '../hooks/use-provinces';

export function ClientsListPage() {
  const me = useMe();
  const { t } = useTranslation();
  if (me.user.role === 'client') {
    if (me.user.clientId) return <Navigate to={`/clients/${me.user.clientId}`} replace />;
    return <Result status="info" title={t('nav.myCompany')} subTitle={t('clients.noClientLinked')} />;
  }
  return <ClientsList canCreate={can(me.user.role, 'createClients')} />;
}

function ClientsList({ canCreate }: { canCreate: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const provinceName = useProvinceName();
  const [filters, setFilters] = useClientFilters();
  // A page number from a link may lie past the rows the API pages by number; show the last one it answers instead.
  const rowLimit = filters.q ? searchPageNumberRowLimit : pageNumberRowLimit;
  const page = Math.min(filters.page, lastPageNumber(filters.pageSize, rowLimit));
  const shown = { q: filters.q || undefined, province: (filters.province || undefined) as ProvinceCode | undefined, status: filters.status };
  const { data, isFetching, isPending } = useClientList({ ...shown, page, pageSize: filters.pageSize });

  const newButton = canCreate && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/clients/new')}>
      {t('clients.newClient')}
    </Button>
  );

  const columns: TableColumnsType<Client> = [
    { key: 'name', title: t('clients.fields.name'), minWidth: 240, render: (_, c) => <Link to={`/clients/${c.id}`}>{c.name}</Link> },
    {
      key: 'uscc',
      title: t('clients.fields.uscc'),
      width: 210,
      render: (_, c) => <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{c.uscc}</Typography.Text>,
    },
    { key: 'province', title: t('clients.fields.province'), width: 120, render: (_, c) => provinceName(c.province) },
    {
      key: 'contact',
      title: t('clients.fields.contactName'),
      width: 170,
      render: (_, c) => (
        <>
          <div>{c.contactName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.contactPhone}
          </Typography.Text>
        </>
      ),
    },
    { key: 'capital', title: t('clients.fields.registeredCapital'), width: 150, align: 'right', render: (_, c) => formatYuan(c.registeredCapital) },
    { key: 'status', title: t('clients.fields.status'), width: 90, render: (_, c) => <ClientStatusTag client={c} /> },
    { key: 'updatedAt', title: t('clients.fields.updatedAt'), width: 150, render: (_, c) => formatInstant(c.updatedAt) },
  ];

  const filtered = hasActiveFilters(filters);
  const empty = filtered ? (
    <Empty description={t('clients.emptyFiltered')}>
      <Button onClick={() => setFilters({ q: '', province: '', status: 'active' })}>{t('clients.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty
      description={
        <>
          <Typography.Text strong>{t('clients.emptyTitle')}</Typography.Text>
          <div>{t('clients.emptyHint')}</div>
        </>
      }
    >
      {newButton}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('clients.listTitle')}
        subtitle={t('clients.listSubtitle')}
        extra={
          <>
            <ImportButton kind="clients" />
            <ExportButton kind="clients" filters={shown} />
            {newButton}
          </>
        }
      />
      <Card>
        <ClientFiltersBar filters={filters} onChange={setFilters} />
        <Table<Client>
          rowKey="id"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          locale={{ emptyText: isPending ? ' ' : empty }}
          scroll={{ x: 960 }}
          pagination={{
            current: page,
            pageSize: filters.pageSize,
            // Page numbers reach the first 10,000 rows (1,000 matches of a search); the total shown may be larger
            // (exact from the organisation's counters) or "at least" (10,000+, 1,000+).
            total: pagerTotal(data, rowLimit),
            showSizeChanger: true,
            showTotal: () => t('common.totalItems', { total: formatListCount(data ?? { total: 0, totalIsExact: true }) }),
            onChange: (nextPage, pageSize) => setFilters({ page: pageSize === filters.pageSize ? nextPage : 1, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
