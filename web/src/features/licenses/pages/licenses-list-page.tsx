import { useState } from 'react';
import { Button, Card, Empty, Flex, Segmented, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListSearch } from '../../../app/components/list-search';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { PageHeader } from '../../../app/components/page-header';
import { formatListCount, lastPageNumber, pagerTotal } from '../../../app/list-count';
import { ExportButton } from '../../imports/components/export-button';
import { ImportButton } from '../../imports/components/import-button';
import { ClientSelect } from '../../clients/components/client-select';
import { LicencesTable } from '../components/licences-table';
import { NewLicenceModal } from '../components/licence-form-modal';
import { licenceStatuses, useLicenceList, type LicenceStatus } from '../hooks/use-licences';

function positive(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** 许可证: the registry, soonest expiry first, with the filters in the URL so a link keeps them. */
export function LicensesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isStaff = me.user.role !== 'client';
  const canWrite = can(me.user, 'writeLicences');
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const q = params.get('q') ?? '';
  const status = (licenceStatuses as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as LicenceStatus) : undefined;
  const clientId = params.get('clientId') ?? undefined;
  const pageSize = positive(params.get('pageSize'), 20);
  const page = Math.min(positive(params.get('page'), 1), lastPageNumber(pageSize));

  const shown = { q: q || undefined, status, clientId };
  const { data, isFetching, isPending } = useLicenceList({ ...shown, page, pageSize });

  function update(change: Record<string, string | number | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries({ page: undefined, ...change })) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  }

  const filtered = Boolean(q || status || clientId);
  const newButton = canWrite && (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      {t('licences.newLicence')}
    </Button>
  );
  const empty = filtered ? (
    <Empty description={t('licences.emptyFiltered')}>
      <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('licences.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty
      description={
        isStaff ? (
          <>
            <Typography.Text strong>{t('licences.emptyTitle')}</Typography.Text>
            <div>{t('licences.emptyHint')}</div>
          </>
        ) : (
          t('licences.emptyClientUser')
        )
      }
    >
      {newButton}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('licences.listTitle')}
        subtitle={t(isStaff ? 'licences.listSubtitle' : 'licences.listSubtitleClient')}
        extra={
          <>
            <ImportButton kind="licences" />
            <ExportButton kind="licences" filters={shown} />
            {newButton}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <ListSearch value={q} width={300} placeholder={t('licences.searchPlaceholder')} onSearch={(value) => update({ q: value })} />
          <Segmented<string>
            aria-label={t('licences.fields.status')}
            value={status ?? ''}
            onChange={(value) => update({ status: value || undefined })}
            options={[{ value: '', label: t('licences.allStatuses') }, ...licenceStatuses.map((s) => ({ value: s, label: t(`licences.status.${s}`) }))]}
          />
          {isStaff && (
            <Flex vertical style={{ width: 280 }}>
              <ClientSelect value={clientId} onChange={(id) => update({ clientId: id ?? undefined })} placeholder={t('licences.allHolders')} allowClear />
            </Flex>
          )}
        </Flex>
        <LicencesTable
          items={data?.items}
          loading={isFetching}
          empty={isPending ? ' ' : empty}
          pagination={{
            current: page,
            pageSize,
            total: pagerTotal(data),
            showSizeChanger: true,
            showTotal: () => t('common.totalItems', { total: formatListCount(data ?? { total: 0, totalIsExact: true }) }),
            onChange: (nextPage, size) => update({ page: size === pageSize ? nextPage : undefined, pageSize: size === 20 ? undefined : size }),
          }}
        />
      </Card>
      {canWrite && <NewLicenceModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
