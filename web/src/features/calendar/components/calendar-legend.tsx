import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayKind } from '../use-calendar';
import { dayCellStyle } from './day-style';
import { DayMark } from './day-mark';

const kinds: DayKind[] = ['workday', 'weekend', 'holiday', 'adjusted-workday'];

function Swatch({ kind, provisional = false }: { kind: DayKind; provisional?: boolean }) {
  return <span style={{ display: 'inline-block', width: 16, height: 16, borderRadius: 3, verticalAlign: 'middle', ...dayCellStyle(kind, provisional) }} />;
}

/** What the colours and marks mean. */
export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <Flex gap={16} wrap align="center" style={{ fontSize: 13 }}>
      {kinds.map((kind) => (
        <Flex key={kind} gap={6} align="center">
          <Swatch kind={kind} />
          <DayMark kind={kind} size={16} />
          <Typography.Text>{t(`calendar.kinds.${kind}`)}</Typography.Text>
        </Flex>
      ))}
      <Flex gap={6} align="center">
        <Swatch kind="workday" provisional />
        <Typography.Text>{t('calendar.provisionalLegend')}</Typography.Text>
      </Flex>
    </Flex>
  );
}
