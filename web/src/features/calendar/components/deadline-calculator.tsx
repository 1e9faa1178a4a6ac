import { Alert, Collapse, DatePicker, Flex, Form, InputNumber, Segmented, Skeleton, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { weekdayName } from '../calendar-dates';
import { useAddDays, type AddDaysResult } from '../use-calendar';
import { CountedDaysTable, skippedSummary, useCountedDays, useSkipReason, type CountUnit, type CountedRow } from './counted-days';
import { ProvisionalTag } from './provisional-tag';

interface CalculatorValues {
  from?: Dayjs | null;
  days?: number | null;
  unit: CountUnit;
}

/** The largest count the calculator accepts; longer periods are better counted in months or years. */
const maxCount = 3650;

function useSkippedText(rows: CountedRow[] | null): string {
  const { t, i18n } = useTranslation();
  const reasonOf = useSkipReason();
  if (!rows) return '';
  const groups = skippedSummary(rows, reasonOf);
  const total = groups.reduce((sum, g) => sum + g.days, 0);
  if (total === 0) return t('calendar.calculator.noneSkipped');
  const list = groups.map((g) => t('calendar.calculator.skippedGroup', { label: g.label, count: g.days })).join(i18n.language === 'en-US' ? ', ' : '、');
  return t('calendar.calculator.skippedSummary', { count: total, list });
}

/** When a calendar-day count ends on a day off: the Civil Code moves the last day to the next working day. */
function NextWorkingDayNote({ date }: { date: string }) {
  const { t } = useTranslation();
  const { data } = useAddDays({ from: date, days: 0, unit: 'working' });
  if (!data || data.date === date) return null;
  return <Alert type="info" showIcon title={t('calendar.calculator.endsOnDayOff', { date: data.date, weekday: weekdayName(data.date) })} />;
}

function CalculatorResult({ result }: { result: AddDaysResult }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unit = result.unit as CountUnit;
  const { rows, tooLong } = useCountedDays({ from: result.from, to: result.date, unit });
  const skipped = useSkippedText(rows);
  const counted = rows?.filter((r) => r.count !== null).length ?? 0;
  const lastRow = rows?.[rows.length - 1];

  return (
    <Flex vertical gap={12} data-testid="deadline-result">
      <div>
        <Typography.Text type="secondary">{t('calendar.calculator.result')}</Typography.Text>
        <Flex align="center" gap={8} wrap>
          <Tooltip title={skipped || undefined}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="deadline-date">
              {result.date} <span style={{ fontSize: 16, fontWeight: 400 }}>{weekdayName(result.date)}</span>
            </Typography.Title>
          </Tooltip>
          {result.provisional && <ProvisionalTag reason={result.provisionalReason} />}
        </Flex>
        <Typography.Text type="secondary">
          {t(unit === 'working' ? 'calendar.calculator.explainWorking' : 'calendar.calculator.explainCalendar', { from: result.from, n: String(result.days) })}
        </Typography.Text>
      </div>
      {result.provisional && (
        <Alert type="warning" showIcon title={t('calendar.provisionalBecause', { reason: localized(result.provisionalReason) })} description={t('calendar.calculator.provisionalAdvice')} />
      )}
      {unit === 'calendar' && lastRow && !lastRow.day.isWorkingDay && <NextWorkingDayNote date={result.date} />}
      {tooLong ? (
        <Typography.Text type="secondary">{t('calendar.calculator.tooLongToList')}</Typography.Text>
      ) : (
        <Collapse
          size="small"
          items={[
            {
              key: 'days',
              label: rows ? t('calendar.calculator.breakdown', { counted: String(counted), skipped }) : t('common.loading'),
              children: rows ? <CountedDaysTable rows={rows} unit={unit} /> : <Skeleton active />,
            },
          ]}
        />
      )}
    </Flex>
  );
}

/** A start date plus N working or calendar days, counted on the official calendar. */
export function DeadlineCalculator() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CalculatorValues>();
  const from = Form.useWatch('from', form);
  const days = Form.useWatch('days', form);
  const unit = Form.useWatch('unit', form) ?? 'working';
  const ready = Boolean(from) && typeof days === 'number' && days >= 1 && days <= maxCount;
  const { data, isFetching } = useAddDays(ready ? { from: from!.format('YYYY-MM-DD'), days: days!, unit } : null);
  const current = data && ready && data.from === from!.format('YYYY-MM-DD') && data.days === days && data.unit === unit ? data : undefined;

  return (
    <Flex vertical gap={16}>
      <Form<CalculatorValues> form={form} layout="vertical" initialValues={{ from: dayjs(todayInChina()), days: 5, unit: 'working' }} requiredMark={false}>
        <Form.Item label={t('calendar.calculator.from')} name="from" style={{ marginBottom: 12 }}>
          <DatePicker id="calc-from" allowClear={false} style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <Flex gap={8} align="flex-end" wrap>
          <Form.Item label={t('calendar.calculator.plus')} name="days" style={{ marginBottom: 0, flex: 1, minWidth: 120 }}>
            <InputNumber<number> id="calc-days" min={1} max={maxCount} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="unit" style={{ marginBottom: 0 }}>
            <Segmented<CountUnit>
              options={[
                { value: 'working', label: t('calendar.calculator.workingDays') },
                { value: 'calendar', label: t('calendar.calculator.calendarDays') },
              ]}
            />
          </Form.Item>
        </Flex>
      </Form>
      {current ? (
        <CalculatorResult key={`${current.from}:${current.days}:${current.unit}`} result={current} />
      ) : ready && isFetching ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Typography.Text type="secondary">{t('calendar.calculator.empty', { max: String(maxCount) })}</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('calendar.calculator.rule')}
      </Typography.Text>
    </Flex>
  );
}
