import type { HTMLAttributes } from 'react';
import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { ProvisionalTag } from '../../calendar/components/provisional-tag';
import { weekdayName } from '../../calendar/calendar-dates';
import type { PreviewObligation } from '../hooks/use-catalog';
import { SeverityTag } from './level-tag';
import { SourceTag } from './source-tag';

const statusColors: Record<PreviewObligation['status'], string> = { upcoming: 'blue', 'due-soon': 'orange', overdue: 'red', done: 'green', 'not-applicable': 'default' };

export function ObligationStatusTag({ status }: { status: PreviewObligation['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid="obligation-status">
      {t(`catalog.obligations.status.${status}`)}
    </Tag>
  );
}

/** 合规事项预览: each obligation with its due date, status, basis, consequence and source. */
export function ObligationsPreviewTable({ items }: { items: PreviewObligation[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const columns: TableColumnsType<PreviewObligation> = [
    {
      key: 'title',
      title: t('catalog.obligations.item'),
      width: 200,
      render: (_, o) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text strong>{localized(o.title)}</Typography.Text>
          <SeverityTag severity={o.severity} labelled />
        </Flex>
      ),
    },
    {
      key: 'due',
      title: t('catalog.obligations.dueDate'),
      width: 190,
      render: (_, o) => (
        <Flex vertical gap={2} align="flex-start">
          <Flex gap={6} align="center">
            <Typography.Text strong>{o.dueDate}</Typography.Text>
            <Typography.Text type="secondary">{weekdayName(o.dueDate)}</Typography.Text>
            {o.provisional && <ProvisionalTag reason={o.provisionalReason} />}
          </Flex>
          {o.windowStart !== o.dueDate && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.obligations.window', { from: o.windowStart })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'status', title: t('catalog.obligations.statusTitle'), width: 100, render: (_, o) => <ObligationStatusTag status={o.status} /> },
    { key: 'basis', title: t('catalog.obligations.basis'), render: (_, o) => <span style={{ fontSize: 13 }}>{localized(o.basis)}</span> },
    { key: 'consequence', title: t('catalog.rules.consequence'), width: 240, render: (_, o) => <Typography.Text type="secondary" style={{ fontSize: 13 }}>{localized(o.consequence)}</Typography.Text> },
    { key: 'source', title: t('catalog.sourceColumn'), width: 130, render: (_, o) => <SourceTag source={o.source} confidence={o.confidence} /> },
  ];
  return (
    <Table<PreviewObligation>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('catalog.obligations.none') }}
      data-testid="obligations-table"
      onRow={(o) => ({ 'data-status': o.status, style: o.status === 'overdue' ? { background: '#fff1f0' } : undefined }) as HTMLAttributes<HTMLElement>}
    />
  );
}
