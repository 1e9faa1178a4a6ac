import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Table, Tag, Typography, Upload, type TableColumnsType } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../app/api-error';
import { asApiError, notifyError, notifySuccess } from '../../../app/error-notifier';
import { isIsoDate, weekdayName } from '../../calendar/calendar-dates';
import { useLoadCalendarYear, type CalendarLoadBody } from '../../calendar/use-calendar';
import { issueText, locateIssue } from './arrangement-issues';
import { useConfirmReplace } from './use-confirm-replace';

type HolidayCnFile = NonNullable<CalendarLoadBody['holidayCn']>;

interface FileDay {
  index: number;
  date: unknown;
  isOffDay: unknown;
  name: unknown;
}

interface ReadFile {
  fileName: string;
  json: Record<string, unknown>;
  days: FileDay[];
}

function readDays(json: Record<string, unknown>): FileDay[] {
  if (!Array.isArray(json.days)) return [];
  return json.days.map((raw: unknown, index) => {
    const day = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    return { index, date: day.date, isOffDay: day.isOffDay, name: day.name };
  });
}

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** What the file lists, row by row, with the server's problems beside the rows they concern. */
function FileDaysTable({ days, issues }: { days: FileDay[]; issues: FieldIssue[] }) {
  const { t } = useTranslation();
  const rowIssues = (index: number) => issues.filter((issue) => {
    const target = locateIssue(issue.field);
    return target.kind === 'day' && target.row === index;
  });

  const columns: TableColumnsType<FileDay> = [
    { key: 'index', title: '#', width: 50, render: (_, day) => day.index + 1 },
    {
      key: 'date',
      title: t('settings.calendar.date'),
      width: 160,
      render: (_, day) => (typeof day.date === 'string' && isIsoDate(day.date) ? `${day.date} ${weekdayName(day.date)}` : shown(day.date)),
    },
    {
      key: 'isOffDay',
      title: t('settings.calendar.type'),
      width: 110,
      render: (_, day) =>
        day.isOffDay === true ? <Tag color="red">{t('settings.calendar.offDay')}</Tag> : day.isOffDay === false ? <Tag color="blue">{t('settings.calendar.workDay')}</Tag> : shown(day.isOffDay),
    },
    { key: 'name', title: t('settings.calendar.name'), render: (_, day) => shown(day.name) },
    {
      key: 'issues',
      title: t('settings.calendar.problems'),
      render: (_, day) =>
        rowIssues(day.index).map((issue) => (
          <Typography.Text key={issue.field + issue.code} type="danger" style={{ display: 'block' }} data-testid="row-issue">
            {issueText(issue, (row) => t('settings.calendar.rowRef', { row: String(row) }))}
          </Typography.Text>
        )),
    },
  ];

  return (
    <Table<FileDay>
      rowKey="index"
      size="small"
      columns={columns}
      dataSource={days}
      pagination={false}
      scroll={{ y: 360 }}
      data-testid="file-days"
      onRow={(day) => ({ style: rowIssues(day.index).length > 0 ? { background: '#fff1f0' } : undefined })}
    />
  );
}

/** Reads a holiday-cn JSON file in the browser, shows what it holds, and sends it as `holidayCn`. */
export function HolidayCnUpload() {
  const { t } = useTranslation();
  const load = useLoadCalendarYear();
  const confirmReplace = useConfirmReplace();
  const [file, setFile] = useState<ReadFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  async function read(picked: File) {
    setIssues([]);
    setFile(null);
    setReadError(null);
    try {
      const json: unknown = JSON.parse(await picked.text());
      if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error(t('settings.calendar.fileNotObject'));
      const record = json as Record<string, unknown>;
      setFile({ fileName: picked.name, json: record, days: readDays(record) });
    } catch (error) {
      setReadError(t('settings.calendar.fileUnreadable', { name: picked.name, reason: error instanceof Error ? error.message : String(error) }));
    }
  }

  async function submit() {
    if (!file) return;
    const year = typeof file.json.year === 'number' ? file.json.year : NaN;
    if (Number.isInteger(year) && !(await confirmReplace(year))) return;
    setIssues([]);
    try {
      // Sent as read: the server checks the file and names each problem, which the table shows beside its row.
      const result = await load.mutateAsync({ holidayCn: file.json as HolidayCnFile });
      notifySuccess(t('settings.calendar.loaded', { year: String(result.year), count: result.days }));
      setFile(null);
    } catch (caught) {
      const error = asApiError(caught);
      if (error.fieldIssues.length === 0) notifyError(error);
      setIssues(error.fieldIssues);
    }
  }

  const otherIssues = issues.filter((issue) => locateIssue(issue.field).kind !== 'day');

  return (
    <Flex vertical gap={16}>
      <Upload.Dragger
        accept=".json,application/json"
        showUploadList={false}
        multiple={false}
        beforeUpload={(picked) => {
          void read(picked);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('settings.calendar.dropFile')}</p>
        <p className="ant-upload-hint">
          {t('settings.calendar.fileHint')}{' '}
          <Typography.Link href="https://github.com/NateScarlet/holiday-cn" target="_blank" rel="noreferrer" onClick={(event) => event.stopPropagation()}>
            github.com/NateScarlet/holiday-cn
          </Typography.Link>
        </p>
      </Upload.Dragger>
      {readError && <Alert type="error" showIcon title={readError} />}
      {file && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'file', label: t('settings.calendar.file'), children: file.fileName },
              { key: 'year', label: t('settings.calendar.year'), children: shown(file.json.year) },
              { key: 'days', label: t('settings.calendar.days'), children: t('settings.calendar.dayCount', { count: file.days.length }) },
            ]}
          />
          {otherIssues.length > 0 && (
            <Alert
              type="error"
              showIcon
              title={t('settings.calendar.fileProblems')}
              description={otherIssues.map((issue) => (
                <div key={issue.field + issue.code}>{issue.message}</div>
              ))}
            />
          )}
          {issues.length > 0 && otherIssues.length === 0 && <Alert type="error" showIcon title={t('settings.calendar.rowProblems', { count: issues.length })} />}
          <FileDaysTable days={file.days} issues={issues} />
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => setFile(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={load.isPending} onClick={() => void submit()}>
              {t('settings.calendar.loadYear', { year: shown(file.json.year) })}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
