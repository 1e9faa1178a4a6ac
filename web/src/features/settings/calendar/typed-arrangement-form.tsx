import type { KeyboardEvent } from 'react';
import { AutoComplete, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFieldIssues, type IssuePlacement } from '../../../app/form-errors';
import type { FieldIssue } from '../../../app/api-error';
import { useLoadCalendarYear, type CalendarLoadBody } from '../../calendar/use-calendar';
import { AddRangePopover } from './add-range-popover';
import { issueText, locateIssue } from './arrangement-issues';
import { holidayNames } from './holiday-names';
import { useConfirmReplace } from './use-confirm-replace';

interface TypedDay {
  date?: Dayjs | null;
  isOffDay: boolean;
  name?: string;
}

interface TypedValues {
  year?: number | null;
  source?: string;
  papers?: string[];
  days: TypedDay[];
}

const emptyDay: TypedDay = { date: null, isOffDay: true, name: '' };

function toBody(values: TypedValues): CalendarLoadBody {
  return {
    arrangement: {
      year: values.year!,
      source: (values.source ?? '').trim(),
      papers: (values.papers ?? []).map((p) => p.trim()).filter(Boolean),
      days: values.days.map((day) => ({ date: day.date!.format('YYYY-MM-DD'), isOffDay: day.isOffDay, name: (day.name ?? '').trim() })),
    },
  };
}

/** A server issue goes beside its row's date, 休/班 choice or name, or beside year / source / papers. */
function placeIssue(issue: FieldIssue, rowLabel: (row: number) => string): IssuePlacement {
  const target = locateIssue(issue.field);
  if (target.kind === 'day') return { name: ['days', target.row, target.part ?? 'date'], message: issueText(issue, rowLabel) };
  if (target.kind === 'header') return { name: target.field, message: issueText(issue, rowLabel) };
  return null;
}

/** The weekday beside a typed date, so a 班 day on a weekday stands out before saving. */
function WeekdayHint({ index }: { index: number }) {
  const form = Form.useFormInstance<TypedValues>();
  const date = Form.useWatch(['days', index, 'date'], form) as Dayjs | null | undefined;
  if (!date) return null;
  const weekend = date.day() === 0 || date.day() === 6;
  return <Typography.Text type={weekend ? 'secondary' : undefined} style={{ width: 40, paddingTop: 5 }}>{date.format('ddd')}</Typography.Text>;
}

/** The listed days: one row per 休 or 班 day, with a shortcut for a run of holidays. */
function ArrangementDaysList() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<TypedValues>();
  return (
    <Form.List name="days">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('settings.calendar.daysTitle')}</Typography.Text>
            <Typography.Text type="secondary">{t('settings.calendar.daysHint')}</Typography.Text>
          </Flex>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap data-row={index}>
              <Typography.Text type="secondary" style={{ width: 28, paddingTop: 5 }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: t('settings.calendar.dateRequired') }]} style={{ marginBottom: 8 }}>
                <DatePicker format="YYYY-MM-DD" style={{ width: 150 }} aria-label={t('settings.calendar.date')} />
              </Form.Item>
              <WeekdayHint index={index} />
              <Form.Item name={[field.name, 'isOffDay']} style={{ marginBottom: 8 }}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: true, label: t('settings.calendar.offDay') },
                    { value: false, label: t('settings.calendar.workDay') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('settings.calendar.nameRequired') }]} style={{ marginBottom: 8, flex: 1, minWidth: 160 }}>
                <AutoComplete options={holidayNames.map((value) => ({ value }))} placeholder={t('settings.calendar.namePlaceholder')} aria-label={t('settings.calendar.name')} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('settings.calendar.removeRow')} onClick={() => remove(field.name)} disabled={fields.length === 1} />
            </Flex>
          ))}
          <Flex gap={8} wrap>
            <Button icon={<PlusOutlined />} onClick={() => add({ ...emptyDay })}>
              {t('settings.calendar.addDay')}
            </Button>
            <AddRangePopover
              onAdd={(dates, name) => {
                const rows = (form.getFieldValue('days') as TypedDay[]).filter((day) => day.date || day.name);
                form.setFieldValue('days', [...rows, ...dates.map((date) => ({ date, isOffDay: true, name }))]);
              }}
            />
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}

/** Type a year's holidays (休) and adjusted working days (班) from the State Council notice. */
export function TypedArrangementForm({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<TypedValues>();
  const load = useLoadCalendarYear();
  const confirmReplace = useConfirmReplace();

  // A server issue on a row (e.g. 班 on a weekday) no longer applies once any part of that row changes.
  function clearRowIssues(changedDays: TypedDay[] | undefined) {
    if (!changedDays) return;
    const rows = Object.keys(changedDays).map(Number);
    form.setFields(rows.flatMap((row) => (['date', 'isOffDay', 'name'] as const).map((part) => ({ name: ['days', row, part], errors: [] }))));
  }

  async function submit(values: TypedValues) {
    if (!(await confirmReplace(values.year!))) return;
    try {
      const result = await load.mutateAsync(toBody(values));
      notifySuccess(t('settings.calendar.loaded', { year: String(result.year), count: result.days }));
      form.resetFields();
    } catch (caught) {
      showFieldIssues(form, asApiError(caught), (issue) => placeIssue(issue, (row) => t('settings.calendar.rowRef', { row: String(row) })));
    }
  }

  // Enter confirms a typed date or name in a row; it must not also submit the whole year (only the button does).
  function keepEnterInRow(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.target as HTMLElement).closest('[data-row]')) event.preventDefault();
  }

  return (
    <Form<TypedValues>
      form={form}
      onKeyDown={keepEnterInRow}
      layout="vertical"
      initialValues={{ year: defaultYear, source: '', papers: [], days: [emptyDay] }}
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: Partial<TypedValues>) => clearRowIssues(changed.days)}
      disabled={load.isPending}
      data-testid="typed-arrangement-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label={t('settings.calendar.year')} name="year" rules={[{ required: true, message: t('settings.calendar.yearRequired') }]}>
            <InputNumber<number> min={1950} max={2150} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={18}>
          <Form.Item
            label={t('settings.calendar.notice')}
            name="source"
            rules={[{ required: true, whitespace: true, message: t('settings.calendar.sourceRequired') }]}
            extra={t('settings.calendar.sourceHint')}
          >
            <Input maxLength={300} placeholder={t('settings.calendar.sourcePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('settings.calendar.papers')} name="papers" extra={t('settings.calendar.papersHint')}>
            <Select mode="tags" open={false} tokenSeparators={[' ', ',', '，']} placeholder="https://www.gov.cn/…" suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
      <ArrangementDaysList />
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={load.isPending}>
          {t('settings.calendar.load')}
        </Button>
      </Flex>
    </Form>
  );
}
