import { useState } from 'react';
import { Button, Flex, InputNumber, Space, Tag, Typography } from 'antd';
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { addLeadDay } from './lead-days';

interface LeadDaysEditorProps {
  value: number[];
  onChange: (days: number[]) => void;
  readOnly: boolean;
  /** A problem the server found with the list, shown under it. */
  error: string | null;
}

/** The lead times as tags (提前 N 天), each removable, with a number input to add one. */
export function LeadDaysEditor({ value, onChange, readOnly, error }: LeadDaysEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  function add() {
    const result = addLeadDay(value, draft);
    if ('problem' in result) {
      setProblem(
        result.problem === 'range' ? t('reminders.dayOutOfRange') : result.problem === 'duplicate' ? t('reminders.dayDuplicate', { days: String(draft ?? '') }) : t('reminders.tooMany'),
      );
      return;
    }
    setProblem(null);
    setDraft(null);
    onChange(result.days);
  }

  const shown = problem ?? error;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center" data-testid="lead-days">
        {value.map((days) => (
          <Tag
            key={days}
            color="blue"
            closable={!readOnly}
            closeIcon={readOnly ? undefined : <CloseOutlined aria-label={t('reminders.removeDay', { days: String(days) })} />}
            onClose={(event) => {
              event.preventDefault();
              onChange(value.filter((d) => d !== days));
            }}
            data-days={days}
            style={{ fontSize: 14, padding: '2px 8px', marginInlineEnd: 0 }}
          >
            {t('reminders.dayTag', { days: String(days) })}
          </Tag>
        ))}
        {value.length === 0 && <Typography.Text type="warning">{t('reminders.noLeadDays')}</Typography.Text>}
      </Flex>
      {!readOnly && (
        <Space.Compact>
          <InputNumber<number>
            min={1}
            max={365}
            precision={0}
            value={draft}
            onChange={(next) => {
              setDraft(next);
              setProblem(null);
            }}
            onPressEnter={add}
            placeholder={t('reminders.dayInput')}
            aria-label={t('reminders.dayInput')}
            suffix={t('settings.rules.units.calendarDays')}
            style={{ width: 140 }}
            status={shown ? 'error' : undefined}
            id="lead-day-input"
          />
          <Button icon={<PlusOutlined />} onClick={add}>
            {t('reminders.addDay')}
          </Button>
        </Space.Compact>
      )}
      {shown && (
        <Typography.Text type="danger" role="alert">
          {shown}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">{t('reminders.leadDaysHint')}</Typography.Text>
    </Flex>
  );
}
