import { useState } from 'react';
import { AutoComplete, Button, DatePicker, Flex, Popover, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { holidayNames } from './holiday-names';

interface AddRangePopoverProps {
  /** Adds one 休 row per date of the range. */
  onAdd: (dates: Dayjs[], name: string) => void;
}

/** Types a run of holidays at once: 10-01 to 10-07, 国庆节. */
export function AddRangePopover({ onAdd }: AddRangePopoverProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [name, setName] = useState('');
  const [start, end] = range ?? [null, null];
  const ready = start && end && name.trim();

  function add() {
    if (!start || !end) return;
    const dates: Dayjs[] = [];
    for (let d = start; !d.isAfter(end, 'day'); d = d.add(1, 'day')) dates.push(d);
    onAdd(dates, name.trim());
    setOpen(false);
    setRange(null);
    setName('');
  }

  const content = (
    <Flex vertical gap={8} style={{ width: 300 }}>
      <Typography.Text type="secondary">{t('settings.calendar.addRangeHint')}</Typography.Text>
      <DatePicker.RangePicker value={range} onChange={(value) => setRange(value)} format="YYYY-MM-DD" />
      <AutoComplete
        value={name}
        onChange={setName}
        options={holidayNames.map((value) => ({ value }))}
        placeholder={t('settings.calendar.namePlaceholder')}
        aria-label={t('settings.calendar.name')}
      />
      <Button type="primary" disabled={!ready} onClick={add}>
        {t('settings.calendar.addRangeConfirm')}
      </Button>
    </Flex>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} title={t('settings.calendar.addRange')}>
      <Button icon={<CalendarOutlined />}>{t('settings.calendar.addRange')}</Button>
    </Popover>
  );
}
