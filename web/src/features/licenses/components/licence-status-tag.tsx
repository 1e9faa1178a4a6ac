import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LicenceStatus } from '../hooks/use-licences';

const colors: Record<LicenceStatus, string> = { active: 'success', expiring: 'warning', expired: 'error', cancelled: 'default' };

/** 有效 / 即将到期 / 已过期 / 已注销, coloured so the registry reads at a glance. */
export function LicenceStatusTag({ status }: { status: LicenceStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`licences.status.${status}`)}
    </Tag>
  );
}
