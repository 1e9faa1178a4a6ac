import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MaterialStatus } from '../hooks/use-application-materials';

const looks: Record<MaterialStatus, { color: string; icon: ReactNode }> = {
  missing: { color: 'default', icon: <UploadOutlined /> },
  pending: { color: 'processing', icon: <ClockCircleOutlined /> },
  accepted: { color: 'success', icon: <CheckCircleOutlined /> },
  rejected: { color: 'error', icon: <CloseCircleOutlined /> },
};

/** 待上传 (待生成 for a document LicenseDesk drafts) / 待审核 / 已通过 / 已退回. */
export function MaterialStatusTag({ status, generated = false }: { status: MaterialStatus; generated?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={looks[status].color} icon={looks[status].icon} data-testid="material-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(generated && status === 'missing' ? 'applications.materials.status.notGenerated' : `applications.materials.status.${status}`)}
    </Tag>
  );
}
