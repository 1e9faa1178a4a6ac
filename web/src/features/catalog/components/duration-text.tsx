import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Duration } from '../hooks/use-catalog';
import { SourceTag } from './source-tag';

export type AmountUnit = 'working-days' | 'calendar-days' | 'months' | 'people' | 'percent';

/** A value with its unit: "5 个工作日", "12 个月", "10 人", "50%". */
export function useFormatAmount(): (value: number, unit: string) => string {
  const { t } = useTranslation();
  return (value, unit) => t(`catalog.amount.${unit as AmountUnit}`, { value: String(value) });
}

/** "5 个工作日内", "约 60 个工作日（40–90）", "60 日内". */
export function useFormatDuration(): (duration: Pick<Duration, 'unit' | 'value' | 'min' | 'max'>) => string {
  const { t } = useTranslation();
  const formatAmount = useFormatAmount();
  return (d) => {
    const amount = formatAmount(d.value, d.unit);
    if (d.min !== undefined && d.max !== undefined && d.min !== d.max) return t('catalog.duration.approx', { amount, min: String(d.min), max: String(d.max) });
    if (d.max !== undefined && d.max === d.value) return t('catalog.duration.within', { amount });
    return amount;
  };
}

/** The organisation's own value, with the catalogue default on hover. */
export function OverriddenTag({ defaultText }: { defaultText: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('catalog.overriddenHint', { value: defaultText })}>
      <Tag color="magenta" style={{ marginInlineEnd: 0 }} data-testid="overridden-tag">
        {t('catalog.overridden')}
      </Tag>
    </Tooltip>
  );
}

/** One stage duration: the figure, whether the organisation changed it, and its source. */
export function DurationCell({ duration }: { duration: Duration | null }) {
  const { t } = useTranslation();
  const format = useFormatDuration();
  if (!duration) return <Typography.Text type="secondary">—</Typography.Text>;
  const defaultText = format({ ...duration, value: duration.defaultValue });
  return (
    <Flex vertical gap={4} align="flex-start">
      <Typography.Text strong={duration.overridden}>{format(duration)}</Typography.Text>
      <Flex gap={4} wrap>
        {duration.overridden && <OverriddenTag defaultText={defaultText} />}
        <SourceTag source={duration.source} confidence={duration.confidence} />
      </Flex>
      {duration.configurableKey && !duration.overridden && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('catalog.configurable')}
        </Typography.Text>
      )}
    </Flex>
  );
}
