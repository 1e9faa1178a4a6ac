import { useTranslation } from 'react-i18next';
import type { DayKind } from '../use-calendar';
import { dayColors } from './day-style';

/** The 休 / 班 mark Chinese calendars print on holidays and adjusted working days. */
export function DayMark({ kind, size = 18 }: { kind: DayKind; size?: number }) {
  const { t } = useTranslation();
  if (kind !== 'holiday' && kind !== 'adjusted-workday') return null;
  return (
    <span
      aria-label={t(`calendar.kinds.${kind}`)}
      style={{
        display: 'inline-block',
        minWidth: size,
        height: size,
        lineHeight: `${size}px`,
        padding: '0 3px',
        fontSize: size * 0.66,
        borderRadius: 4,
        textAlign: 'center',
        color: '#fff',
        background: dayColors[kind].mark,
        fontWeight: 600,
      }}
    >
      {t(`calendar.marks.${kind}`)}
    </span>
  );
}
