import { Button, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { formatInstant } from '../../../app/format';
import { useCalendarYears, useRemoveCalendarYear, type CalendarYear } from '../../calendar/use-calendar';

/** Every year with an official arrangement: its notice, where it comes from and who loaded it; operators remove loaded ones. */
export function CalendarYearsTable({ mayRemove }: { mayRemove: boolean }) {
  const { t } = useTranslation();
  const { data, isPending } = useCalendarYears();
  const remove = useRemoveCalendarYear();
  const years = [...(data?.years ?? [])].sort((a, b) => b.year - a.year);

  async function removeYear(year: number) {
    await remove.mutateAsync(year);
    notifySuccess(t('settings.calendar.removed', { year: String(year) }));
  }

  const removeColumn: TableColumnsType<CalendarYear>[number] = {
    key: 'actions',
    title: t('common.actions'),
    width: 90,
    render: (_, row) =>
      row.origin === 'loaded' && (
        <Popconfirm
          title={t('settings.calendar.removeTitle', { year: String(row.year) })}
          description={<div style={{ maxWidth: 300 }}>{t(row.hasBuiltin ? 'settings.calendar.removeRestoresBuiltin' : 'settings.calendar.removeLeavesProvisional', { year: String(row.year) })}</div>}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => removeYear(row.year).catch(() => undefined)}
        >
          <Button type="link" size="small" danger>
            {t('settings.calendar.remove')}
          </Button>
        </Popconfirm>
      ),
  };

  const columns: TableColumnsType<CalendarYear> = [
    { key: 'year', title: t('settings.calendar.year'), dataIndex: 'year', width: 80 },
    {
      key: 'source',
      title: t('settings.calendar.notice'),
      render: (_, row) => (
        <>
          <div>{row.source}</div>
          {row.papers.map((paper) => (
            <Typography.Link key={paper} href={paper} target="_blank" rel="noreferrer" style={{ fontSize: 12, display: 'block' }} ellipsis>
              {paper}
            </Typography.Link>
          ))}
        </>
      ),
    },
    { key: 'days', title: t('settings.calendar.days'), dataIndex: 'days', width: 90, render: (days: number) => t('settings.calendar.dayCount', { count: days }) },
    {
      key: 'origin',
      title: t('settings.calendar.origin'),
      width: 220,
      render: (_, row) =>
        row.origin === 'loaded' ? (
          <>
            <Tag color="blue">{t('calendar.origin.loaded')}</Tag>
            {row.loadedAt && <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{formatInstant(row.loadedAt)}</div>}
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }} data-testid="loaded-by">
              {row.loadedBy ? t('settings.calendar.loadedBy', { name: row.loadedBy.name, email: row.loadedBy.email }) : t('settings.calendar.loadedByCli')}
            </div>
          </>
        ) : (
          <Tag>{t('calendar.origin.builtin')}</Tag>
        ),
    },
    ...(mayRemove ? [removeColumn] : []),
  ];

  return (
    <Table<CalendarYear>
      rowKey="year"
      size="middle"
      columns={columns}
      dataSource={years}
      loading={isPending}
      locale={{ emptyText: t('settings.calendar.noYears') }}
      pagination={{ pageSize: 8, hideOnSinglePage: true, showTotal: (total) => t('common.totalItems', { total: String(total) }) }}
    />
  );
}
