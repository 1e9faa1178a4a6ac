import { Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { Material } from '../hooks/use-catalog';
import { SourceTag } from './source-tag';

/** 申请材料: what to hand in, who produces it, the file types accepted and how to scan it. */
export function MaterialsTable({ materials }: { materials: Material[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const columns: TableColumnsType<Material> = [
    { key: 'index', title: '#', width: 44, render: (_, _m, index) => index + 1 },
    {
      key: 'title',
      title: t('catalog.materials.title'),
      render: (_, m) => (
        <>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{localized(m.title)}</Typography.Text>
            {m.personalData && (
              <Tooltip title={t('catalog.materials.personalDataHint')}>
                <Tag color="purple">{t('catalog.materials.personalData')}</Tag>
              </Tooltip>
            )}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.materials.hint', { hint: localized(m.hint) })}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'required',
      title: t('catalog.materials.required'),
      width: 80,
      render: (_, m) => (m.required ? <Tag color="red">{t('catalog.materials.mandatory')}</Tag> : <Tag>{t('catalog.materials.optional')}</Tag>),
    },
    {
      key: 'by',
      title: t('catalog.materials.by'),
      width: 130,
      render: (_, m) =>
        m.generated ? (
          <Tooltip title={t('catalog.materials.generatedHint')}>
            <Tag color="green">{t('catalog.materials.generated')}</Tag>
          </Tooltip>
        ) : (
          <Tag>{t('catalog.materials.uploaded')}</Tag>
        ),
    },
    {
      key: 'accepts',
      title: t('catalog.materials.accepts'),
      width: 150,
      render: (_, m) => (
        <Flex gap={2} wrap>
          {m.accepts.map((type) => (
            <Tag key={type} style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>
              {type.toUpperCase()}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'source', title: t('catalog.sourceColumn'), width: 130, render: (_, m) => <SourceTag source={m.source} confidence={m.confidence} /> },
  ];
  return <Table<Material> rowKey="key" size="middle" columns={columns} dataSource={materials} pagination={false} scroll={{ x: 860 }} data-testid="materials-table" />;
}
