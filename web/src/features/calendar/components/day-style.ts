import type { CSSProperties } from 'react';
import type { DayKind } from '../use-calendar';

/** One colour per kind of day, the same in the month view, the year view, the legend and the calculator. */
export const dayColors: Record<DayKind, { background: string; color: string; mark: string }> = {
  workday: { background: '#ffffff', color: 'rgba(0,0,0,0.88)', mark: '' },
  weekend: { background: '#f0f0f0', color: 'rgba(0,0,0,0.45)', mark: '' },
  holiday: { background: '#fff1f0', color: '#cf1322', mark: '#f5222d' },
  'adjusted-workday': { background: '#e6f4ff', color: '#0958d9', mark: '#1677ff' },
};

export const provisionalBorder = '1px dashed #e8a33d';

export function dayCellStyle(kind: DayKind, provisional: boolean): CSSProperties {
  const colors = dayColors[kind];
  return {
    background: colors.background,
    color: colors.color,
    border: provisional ? provisionalBorder : '1px solid #f0f0f0',
  };
}
