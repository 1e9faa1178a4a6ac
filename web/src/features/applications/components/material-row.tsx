import { useState } from 'react';
import { Alert, Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../app/error-notifier';
import { useLocalized } from '../../../app/localized';
import { useReviewMaterial, type MaterialItem } from '../hooks/use-application-materials';
import { GenerateDocumentButton } from './generate-document-button';
import { MaterialStatusTag } from './material-status-tag';
import { MaterialUpload } from './material-upload';
import { MaterialVersions } from './material-versions';
import { RemoveItemButton } from './remove-item-button';

interface MaterialRowProps {
  applicationId: string;
  item: MaterialItem;
  /** Uploads and reviews are possible (the checklist is not frozen). */
  isOpen: boolean;
  canUpload: boolean;
  /** Staff: review files, generate documents, remove items they added. */
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
      {item.custom && (
        <Tooltip title={t('applications.customItems.tagHint')}>
          <Tag color="cyan">{t('applications.customItems.tag')}</Tag>
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

/** The facts the latest draft had to leave as 【待补充】, and where to fill them in. */
function MissingFacts({ missing }: { missing: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="document-missing"
      style={{ flex: '1 1 100%' }}
      title={t('applications.documents.missingTitle', { facts: missing.join(t('applications.listSeparator')) })}
      description={t('applications.documents.missingHint')}
    />
  );
}

/** One checklist item: what it is, where it stands (and why it was sent back), its files, and what can be done. */
export function MaterialRow({ applicationId, item, isOpen, canUpload, canReview, needsCorrection, onReject }: MaterialRowProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const review = useReviewMaterial(applicationId);
  // What the last draft made here lacked; null until one is generated on this page.
  const [missing, setMissing] = useState<string[] | null>(null);
  const title = localized(item.title);
  const hasFile = item.versions.length > 0;
  // A generated document takes an upload once drafted: the version signed and sealed by the company.
  const showUpload = isOpen && canUpload && (!item.generated || hasFile);
  const showReview = isOpen && canReview && hasFile;
  const canGenerate = isOpen && canReview && item.generated;

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
        {localized(item.hint) && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 2 }}>
            {localized(item.hint)}
          </Typography.Text>
        )}
        {item.generated && !hasFile && (
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', fontStyle: 'italic' }}>
            {t(canGenerate ? 'applications.documents.notYetStaff' : 'applications.documents.notYetClient')}
          </Typography.Text>
        )}
        <MaterialVersions applicationId={applicationId} item={item} />
      </div>
      <Flex vertical gap={6} style={{ flex: '0 1 300px', minWidth: 240 }}>
        <Flex gap={8} align="center" justify="space-between" wrap>
          <MaterialStatusTag status={item.status} generated={item.generated} />
          <Flex gap={6} wrap>
            {canGenerate && <GenerateDocumentButton applicationId={applicationId} itemKey={item.key} title={title} hasDraft={hasFile} onGenerated={setMissing} />}
            {showReview && item.status !== 'accepted' && (
              <Button size="small" type="primary" ghost icon={<CheckOutlined />} loading={review.isPending} onClick={() => void accept()}>
                {t('applications.materials.accept')}
              </Button>
            )}
            {showReview && item.status !== 'rejected' && (
              <Button size="small" danger icon={<RollbackOutlined />} onClick={() => onReject(item)}>
                {t('applications.materials.reject')}
              </Button>
            )}
            {item.custom && isOpen && canReview && <RemoveItemButton applicationId={applicationId} itemKey={item.key} title={title} hasFiles={hasFile} />}
          </Flex>
        </Flex>
        {item.status === 'rejected' && item.reviewReason && (
          <Typography.Text type="danger" data-testid="rejection-reason" style={{ fontSize: 13 }}>
            {t('applications.materials.rejectedReason', { reason: item.reviewReason })}
          </Typography.Text>
        )}
        {showUpload && <MaterialUpload applicationId={applicationId} item={item} />}
      </Flex>
      {missing && missing.length > 0 && <MissingFacts missing={missing} />}
    </Flex>
  );
}
