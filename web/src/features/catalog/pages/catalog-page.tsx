import { useState } from 'react';
import { Card, Empty, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { CatalogLayout } from '../components/catalog-layout';
import { useCatalogServices, type CatalogService } from '../hooks/use-catalog';

/** The service LicenseDesk supports in depth first. */
const featuredCode = 'B24-1';

function matches(service: CatalogService, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [service.code, service.zh, service.en, service.description.zh, service.description.en].some((text) => text.toLowerCase().includes(q));
}

function ServiceGroup({ group, services }: { group: 'B1' | 'B2'; services: CatalogService[] }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const english = i18n.language === 'en-US';
  const columns: TableColumnsType<CatalogService> = [
    {
      key: 'code',
      title: t('catalog.code'),
      width: 110,
      render: (_, s) => (
        <Tag color={s.parent ? 'default' : 'blue'} style={{ fontFamily: 'monospace', marginInlineStart: s.parent ? 16 : 0 }}>
          {s.code}
        </Tag>
      ),
    },
    {
      key: 'name',
      title: t('catalog.serviceName'),
      width: 320,
      render: (_, s) => (
        <div style={{ paddingInlineStart: s.parent ? 16 : 0 }}>
          <Link to={`/catalog/${s.code}`} onClick={(event) => event.stopPropagation()}>
            {english ? s.en : s.zh}
          </Link>
          {s.code === featuredCode && (
            <Tag color="green" style={{ marginInlineStart: 8 }}>
              {t('catalog.featured')}
            </Tag>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {english ? s.zh : s.en}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'description',
      title: t('catalog.description'),
      render: (_, s) => (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 1, tooltip: localized(s.description) }} style={{ margin: 0 }}>
          {localized(s.description)}
        </Typography.Paragraph>
      ),
    },
  ];
  return (
    <Card title={t(`catalog.classes.${group}`)} size="small" data-testid={`services-${group}`}>
      <Table<CatalogService>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={services}
        pagination={false}
        onRow={(s) => ({ onClick: () => navigate(`/catalog/${s.code}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.noMatch')} /> }}
        tableLayout="fixed"
      />
    </Card>
  );
}

/** 知识库 → 业务种类: every value-added telecom service, by class, with its code and a one-line description. */
export function CatalogPage() {
  const { t } = useTranslation();
  const { data, isPending } = useCatalogServices();
  const [query, setQuery] = useState('');
  const services = (data ?? []).filter((s) => matches(s, query));

  return (
    <CatalogLayout section="services">
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Typography.Text type="secondary">{t('catalog.servicesIntro')}</Typography.Text>
          <Input.Search allowClear placeholder={t('catalog.searchServices')} aria-label={t('catalog.searchServices')} style={{ width: 300 }} onChange={(event) => setQuery(event.target.value)} />
        </Flex>
        {isPending ? (
          <Card loading />
        ) : (
          (['B1', 'B2'] as const).map((group) => <ServiceGroup key={group} group={group} services={services.filter((s) => s.class === group)} />)
        )}
      </Flex>
    </CatalogLayout>
  );
}
