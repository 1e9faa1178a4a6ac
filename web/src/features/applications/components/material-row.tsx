import { Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../app/error-notifier';
import { useLocalized } from '../../../app/localized';
import { useReviewMaterial, type MaterialItem } from '../hooks/use-application-materials';
import { MaterialStatusTag } from './material-status-tag';
import { MaterialUpload } from './material-upload';
import { MaterialVersions } from './material-versions';

interface MaterialRowProps {
  applicationId: string;
  item: MaterialItem;
  /** Uploads and reviews are possible (the checklist is not frozen). */
  isOpen: boolean;
  canUpload: boolean;
  canReview: boolean;
  /** Named by the authority's open correction notice. */
  needsCorrection: boolean;
  onReject: (item: MaterialItem) => void;
}

function ItemTags({ item, needsCorrection }: { item: MaterialItem; needsCorrection: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={item.required ? 'red' : 'default'} variant="outlined">
        {t(item.required ? 'applications.materials.required' : 'applications.materials.optional')}
      </Tag>
      {item.generated && (
        <Tooltip title={t('applications.materials.generatedHint')}>
          <Tag color="purple">{t('applications.materials.generated')}</Tag>
        </Tooltip>
      )}
      {item.personalData && (
        <Tooltip title={t('applications.materials.personalDataHint')}>
          <Tag color="gold">{t('applications.materials.personalData')}</Tag>
        </Tooltip>
      )}
      {needsCorrection && <Tag color="orange">{t('applications.materials.needsCorrection')}</Tag>}
    </>
  );
}

/** One checklist item: what it is, where it stands (and why it was sent back), its files, and what can be done. */
export function MaterialRow({ applicationId, item, isOpen, canUpload, canReview, needsCorrection, onReject }: MaterialRowProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const review = useReviewMaterial(applicationId);
  const title = localized(item.title);
  const hasFile = item.versions.length > 0;
  const showUpload = isOpen && canUpload && !item.generated;
  const showReview = isOpen && canReview && hasFile && !item.generated;

  async function accept() {
    try {
      await review.mutateAsync({ key: item.key, body: { decision: 'accept' } });
      notifySuccess(t('applications.materials.accepted', { title }));
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Flex
      gap={16}
      wrap
      data-testid={`material-${item.key}`}
      style={{ padding: '12px 0', borderBottom: '1px solid rgba(5,5,5,0.06)', background: needsCorrection ? 'rgba(250,140,22,0.04)' : undefined }}
    >
      <div style={{ flex: '1 1 360px', minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{title}</Typography.Text>
          <ItemTags item={item} needsCorrection={needsCorrection} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 2 }}>
          {localized(item.hint)}
        </Typography.Text>
        {item.generated && !hasFile && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', fontStyle: 'italic' }}>
            {t('applications.materials.generatedHint')}
          </Typography.Text>
        )}
        <MaterialVersions applicationId={applicationId} item={item} />
      </div>
      <Flex vertical gap={6} style={{ flex: '0 1 300px', minWidth: 240 }}>
        <Flex gap={8} align="center" justify="space-between" wrap>
          <MaterialStatusTag status={item.status} />
          {showReview && (
            <Flex gap={6}>
              {item.status !== 'accepted' && (
                <Button size="small" type="primary" ghost icon={<CheckOutlined />} loading={review.isPending} onClick={() => void accept()}>
                  {t('applications.materials.accept')}
                </Button>
              )}
              {item.status !== 'rejected' && (
                <Button size="small" danger icon={<RollbackOutlined />} onClick={() => onReject(item)}>
                  {t('applications.materials.reject')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
        {item.status === 'rejected' && item.reviewReason && (
          <Typography.Text type="danger" data-testid="rejection-reason" style={{ fontSize: 13 }}>
            {t('applications.materials.rejectedReason', { reason: item.reviewReason })}
          </Typography.Text>
        )}
        {showUpload && <MaterialUpload applicationId={applicationId} item={item} />}
      </Flex>
    </Flex>
  );
}
