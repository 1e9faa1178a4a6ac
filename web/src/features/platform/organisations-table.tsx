import { Button, Popconfirm, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format';
import type { AdminOrganisation } from './use-organisations';

interface OrganisationsTableProps {
  organisations: AdminOrganisation[] | undefined;
  loading: boolean;
  /** The signed-in operator's own organisation, which they may not deactivate. */
  ownId: string;
  onSetActive: (organisation: AdminOrganisation, active: boolean) => Promise<void>;
}

/** Failed mutations are already reported by the one error notifier. */
const shownByNotifier = () => undefined;

export function OrganisationsTable({ organisations, loading, ownId, onSetActive }: OrganisationsTableProps) {
  const { t } = useTranslation();

  const action = (organisation: AdminOrganisation) => {
    if (organisation.isActive && organisation.id === ownId) {
      return (
        <Tooltip title={t('platform.organisations.ownHint')}>
          <Button type="link" size="small" disabled>
            {t('platform.organisations.deactivate')}
          </Button>
        </Tooltip>
      );
    }
    const verb = organisation.isActive ? 'deactivate' : 'reactivate';
    return (
      <Popconfirm
        title={t(`platform.organisations.${verb}`)}
        description={<div style={{ maxWidth: 320 }}>{t(`platform.organisations.${verb}Confirm`, { name: organisation.name })}</div>}
        onConfirm={() => onSetActive(organisation, !organisation.isActive).catch(shownByNotifier)}
      >
        <Button type="link" size="small" danger={organisation.isActive}>
          {t(`platform.organisations.${verb}`)}
        </Button>
      </Popconfirm>
    );
  };

  const columns: TableColumnsType<AdminOrganisation> = [
    {
      key: 'name',
      title: t('platform.organisations.name'),
      render: (_, organisation) => (
        <>
          {organisation.name}
          {organisation.id === ownId && <Typography.Text type="secondary">{t('platform.organisations.yours')}</Typography.Text>}
          {organisation.isDemo && <Tag color="gold" style={{ marginLeft: 8 }}>{t('header.demoTag')}</Tag>}
        </>
      ),
    },
    { key: 'kind', title: t('platform.organisations.kind'), width: 110, render: (_, organisation) => t(`header.orgKind.${organisation.kind}`) },
    {
      key: 'status',
      title: t('platform.organisations.status'),
      width: 100,
      render: (_, organisation) =>
        organisation.isActive ? <Tag color="green">{t('platform.organisations.active')}</Tag> : <Tag color="red">{t('platform.organisations.inactive')}</Tag>,
    },
    { key: 'users', title: t('platform.organisations.users'), width: 80, align: 'right', dataIndex: 'userCount' },
    { key: 'clients', title: t('platform.organisations.clients'), width: 90, align: 'right', dataIndex: 'clientCount' },
    { key: 'createdAt', title: t('platform.organisations.createdAt'), width: 150, render: (_, organisation) => formatInstant(organisation.createdAt) },
    { key: 'actions', title: t('common.actions'), width: 110, render: (_, organisation) => action(organisation) },
  ];

  return (
    <Table<AdminOrganisation>
      rowKey="id"
      columns={columns}
      dataSource={organisations}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total: String(total) }) }}
      locale={{ emptyText: t('platform.organisations.empty') }}
      scroll={{ x: 800 }}
      data-testid="organisations-table"
    />
  );
}
