import { useState } from 'react';
import { Alert, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { areMaterialsOpen } from '../application-flow';
import type { Application } from '../hooks/use-applications';
import type { MaterialItem } from '../hooks/use-application-materials';
import { AddMaterialItem } from './add-material-item';
import { MaterialRow } from './material-row';
import { MaterialsDownloads } from './materials-downloads';
import { RejectMaterialModal } from './reject-material-modal';

interface MaterialsChecklistProps {
  application: Pick<Application, 'id' | 'state' | 'correctionItems'>;
  materials: MaterialItem[] | undefined;
  canUpload: boolean;
  /** Staff: review, generate documents, add and remove items, download the index and the package. */
  canReview: boolean;
  canDownloadPackage: boolean;
}

/** How far the required items are: accepted of required, and how many wait for review, a new file or an upload. */
function ChecklistSummary({ materials }: { materials: MaterialItem[] }) {
  const { t } = useTranslation();
  const required = materials.filter((m) => m.required);
  const count = (status: MaterialItem['status']) => required.filter((m) => m.status === status).length;
  const toGenerate = required.filter((m) => m.status === 'missing' && m.generated).length;
  const toUpload = count('missing') - toGenerate;
  return (
    <Flex gap={8} wrap align="center" data-testid="materials-summary">
      <Typography.Text strong>{t('applications.materials.summary', { accepted: String(count('accepted')), required: String(required.length) })}</Typography.Text>
      {count('pending') > 0 && <Tag color="processing">{t('applications.materials.summaryPending', { count: count('pending') })}</Tag>}
      {count('rejected') > 0 && <Tag color="error">{t('applications.materials.summaryRejected', { count: count('rejected') })}</Tag>}
      {toUpload > 0 && <Tag>{t('applications.materials.summaryMissing', { count: toUpload })}</Tag>}
      {toGenerate > 0 && <Tag color="purple">{t('applications.materials.summaryToGenerate', { count: toGenerate })}</Tag>}
    </Flex>
  );
}

/** The service's checklist (and the agency's own items): each item's status, files, upload, review and generation. */
export function MaterialsChecklist({ application, materials, canUpload, canReview, canDownloadPackage }: MaterialsChecklistProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [rejecting, setRejecting] = useState<MaterialItem | null>(null);
  if (!materials) return <Skeleton active paragraph={{ rows: 6 }} />;

  const isOpen = areMaterialsOpen(application.state);
  const correcting = application.state === 'correction_requested' ? application.correctionItems : [];
  const correctionTitles = materials.filter((m) => correcting.includes(m.key)).map((m) => localized(m.title));

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <ChecklistSummary materials={materials} />
        {(canReview || canDownloadPackage) && <MaterialsDownloads applicationId={application.id} canDraftIndex={canReview} canDownloadPackage={canDownloadPackage} />}
      </Flex>
      {!isOpen && <Alert type="info" showIcon title={t(application.state === 'on_hold' ? 'applications.materials.paused' : 'applications.materials.frozen')} style={{ marginTop: 12 }} />}
      {correctionTitles.length > 0 && (
        <Alert type="warning" showIcon title={t('applications.materials.correctionOpen', { items: correctionTitles.join(t('applications.listSeparator')) })} style={{ marginTop: 12 }} />
      )}
      <div style={{ marginTop: 4 }} data-testid="materials-checklist">
        {materials.map((item) => (
          <MaterialRow
            key={item.key}
            applicationId={application.id}
            item={item}
            isOpen={isOpen}
            canUpload={canUpload}
            canReview={canReview}
            needsCorrection={correcting.includes(item.key)}
            onReject={setRejecting}
          />
        ))}
      </div>
      {isOpen && canReview && <AddMaterialItem applicationId={application.id} />}
      <RejectMaterialModal applicationId={application.id} item={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
