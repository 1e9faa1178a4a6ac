import { useState } from 'react';
import { Alert, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { areMaterialsOpen } from '../application-flow';
import type { Application } from '../hooks/use-applications';
import type { MaterialItem } from '../hooks/use-application-materials';
import { MaterialRow } from './material-row';
import { RejectMaterialModal } from './reject-material-modal';

interface MaterialsChecklistProps {
  application: Pick<Application, 'id' | 'state' | 'correctionItems'>;
  materials: MaterialItem[] | undefined;
  canUpload: boolean;
  canReview: boolean;
}

/** How far the required items are: accepted of required, and how many wait for review, a new file or an upload. */
function ChecklistSummary({ materials }: { materials: MaterialItem[] }) {
  const { t } = useTranslation();
  const required = materials.filter((m) => m.required);
  const count = (status: MaterialItem['status']) => required.filter((m) => m.status === status).length;
  return (
    <Flex gap={8} wrap align="center" data-testid="materials-summary">
      <Typography.Text strong>{t('applications.materials.summary', { accepted: String(count('accepted')), required: String(required.length) })}</Typography.Text>
      {count('pending') > 0 && <Tag color="processing">{t('applications.materials.summaryPending', { count: count('pending') })}</Tag>}
      {count('rejected') > 0 && <Tag color="error">{t('applications.materials.summaryRejected', { count: count('rejected') })}</Tag>}
      {count('missing') > 0 && <Tag>{t('applications.materials.summaryMissing', { count: count('missing') })}</Tag>}
    </Flex>
  );
}

/** The service's checklist: each item's status, files, upload and review. */
export function MaterialsChecklist({ application, materials, canUpload, canReview }: MaterialsChecklistProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [rejecting, setRejecting] = useState<MaterialItem | null>(null);
  if (!materials) return <Skeleton active paragraph={{ rows: 6 }} />;

  const isOpen = areMaterialsOpen(application.state);
  const correcting = application.state === 'correction_requested' ? application.correctionItems : [];
  const correctionTitles = materials.filter((m) => correcting.includes(m.key)).map((m) => localized(m.title));

  return (
    <>
      <ChecklistSummary materials={materials} />
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
      <RejectMaterialModal applicationId={application.id} item={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
