import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized, type LocalizedText } from '../../../app/localized';

/** 暂定: the date was counted with weekends only, because a year's holiday arrangement is not published. */
export function ProvisionalTag({ reason }: { reason: LocalizedText | null | undefined }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <Tooltip title={reason ? t('calendar.provisionalBecause', { reason: localized(reason) }) : t('calendar.provisionalHint')}>
      <Tag color="gold" data-testid="provisional-tag" style={{ marginInlineEnd: 0 }}>
        {t('calendar.provisional')}
      </Tag>
    </Tooltip>
  );
}
