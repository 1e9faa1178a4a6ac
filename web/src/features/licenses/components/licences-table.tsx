import type { ReactNode } from 'react';
import { Flex, Table, Tag, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { useScopeName } from '../../applications/hooks/use-catalog-names';
import type { Licence } from '../hooks/use-licences';
import { LicenceStatusTag } from './licence-status-tag';

interface LicencesTableProps {
  items: Licence[] | undefined;
  loading: boolean;
  empty: ReactNode;
  pagination: TablePaginationConfig | false;
  /** Leave out the holder column (on a client's own page). */
  hideHolder?: boolean;
}

/** Licences as rows: number, holder, services and where, who issued it, when it expires and its status. */
export function LicencesTable({ items, loading, empty, pagination, hideHolder = false }: LicencesTableProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const scopeName = useScopeName();
  const columns: TableColumnsType<Licence> = [
    {
      key: 'number',
      title: t('licences.fields.number'),
      width: 190,
      render: (_, l) => (
        <Link to={`/licenses/${l.id}`} style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
          {l.number}
        </Link>
      ),
    },
    { key: 'holder', title: t('licences.fields.holder'), minWidth: 200, render: (_, l) => <Link to={`/clients/${l.clientId}`}>{l.clientName}</Link> },
    {
      key: 'services',
      title: t('licences.fields.services'),
      width: 260,
      render: (_, l) => (
        <Flex vertical gap={2}>
          {l.services.map((s) => (
            <span key={s.serviceCode}>
              <Tag style={{ marginInlineEnd: 6 }}>{s.serviceCode}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {localized(s.name)} · {scopeName(s.scope)}
              </Typography.Text>
            </span>
          ))}
        </Flex>
      ),
    },
    { key: 'authority', title: t('licences.fields.authority'), width: 180, render: (_, l) => localized(l.authority.name) },
    { key: 'expiresOn', title: t('licences.fields.expiresOn'), width: 120, render: (_, l) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(l.expiresOn)}</span> },
    { key: 'status', title: t('licences.fields.status'), width: 110, render: (_, l) => <LicenceStatusTag status={l.status} /> },
  ];
  return (
    <Table<Licence>
      rowKey="id"
      columns={columns.filter((c) => !(hideHolder && c.key === 'holder'))}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: empty }}
      scroll={{ x: 1000 }}
      pagination={pagination}
      data-testid="licences-table"
    />
  );
}
