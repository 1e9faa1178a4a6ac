import type { ReactNode } from 'react';
import { Descriptions, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatPercent, formatYuan } from '../../../app/format';
import type { Client } from '../hooks/use-clients';
import { useProvinceName } from '../hooks/use-provinces';
import { ClientStatusTag } from './client-status-tag';
import { UsccParsed } from './uscc-parsed';

/** Every field of a client, empty ones marked as not set rather than left blank. */
export function ClientDescriptions({ client }: { client: Client }) {
  const { t } = useTranslation();
  const provinceName = useProvinceName();
  const orNotSet = (value: ReactNode) =>
    value === '' || value === null || value === undefined ? <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text> : value;
  const multiline = (value: string) => (value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : '');

  const uscc = (
    <>
      <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
        {client.uscc}
      </Typography.Text>
      {client.usccOverride && (
        <Tooltip title={t('clients.usccOverriddenHint')}>
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            {t('clients.usccOverridden')}
          </Tag>
        </Tooltip>
      )}
    </>
  );

  const items: { key: string; label: string; children: ReactNode; span?: 'filled' }[] = [
    { key: 'name', label: t('clients.fields.name'), children: client.name },
    { key: 'uscc', label: t('clients.fields.uscc'), children: uscc },
    { key: 'usccParsed', label: t('clients.usccParsed.label'), children: <UsccParsed uscc={client.uscc} province={client.province} />, span: 'filled' },
    { key: 'legalRepresentative', label: t('clients.fields.legalRepresentative'), children: client.legalRepresentative },
    { key: 'province', label: t('clients.fields.province'), children: provinceName(client.province) },
    { key: 'registeredCapital', label: t('clients.fields.registeredCapital'), children: formatYuan(client.registeredCapital) },
    { key: 'foreignSharePercent', label: t('clients.fields.foreignSharePercent'), children: formatPercent(client.foreignSharePercent) },
    { key: 'businessScope', label: t('clients.fields.businessScope'), children: multiline(client.businessScope), span: 'filled' },
    { key: 'address', label: t('clients.fields.address'), children: client.address, span: 'filled' },
    { key: 'contactName', label: t('clients.fields.contactName'), children: client.contactName },
    { key: 'contactPhone', label: t('clients.fields.contactPhone'), children: client.contactPhone },
    { key: 'contactEmail', label: t('clients.fields.contactEmail'), children: client.contactEmail },
    { key: 'status', label: t('clients.fields.status'), children: <ClientStatusTag client={client} /> },
    { key: 'notes', label: t('clients.fields.notes'), children: multiline(client.notes), span: 'filled' },
    { key: 'createdAt', label: t('clients.fields.createdAt'), children: formatInstant(client.createdAt) },
    { key: 'updatedAt', label: t('clients.fields.updatedAt'), children: formatInstant(client.updatedAt) },
  ];

  return (
    <Descriptions
      bordered
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      styles={{ label: { width: 180 } }}
      items={items.map((item) => ({ ...item, children: orNotSet(item.children) }))}
    />
  );
}
