import { Descriptions, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../app/format';
import { formatFileSize } from '../../applications/file-size';
import { evidenceUrl, type Obligation } from '../hooks/use-obligations';
import { EvidenceUpload } from './evidence-upload';

/** 完成情况: when, how it is known (the licence's history or by hand), by whom, the note and the evidence. */
export function ObligationCompletion({ obligation, canWrite }: { obligation: Obligation; canWrite: boolean }) {
  const { t } = useTranslation();
  const completion = obligation.completion;
  const evidence = completion?.evidence ?? null;
  return (
    <Descriptions column={1} size="small" bordered data-testid="obligation-completion" styles={{ label: { width: 120 } }}>
      <Descriptions.Item label={t('obligations.fields.doneOn')}>{obligation.doneOn ?? '—'}</Descriptions.Item>
      {obligation.doneBy && (
        <Descriptions.Item label={t('obligations.fields.doneBy')}>{t(obligation.doneBy === 'facts' ? 'obligations.drawer.doneByFacts' : 'obligations.drawer.doneByUser')}</Descriptions.Item>
      )}
      {completion && (
        <Descriptions.Item label={t('obligations.fields.completedBy')}>
          {completion.by ? t('obligations.drawer.by', { name: completion.by.name, at: formatInstant(completion.at) }) : formatInstant(completion.at)}
        </Descriptions.Item>
      )}
      {completion?.note && (
        <Descriptions.Item label={t('obligations.fields.note')}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }} data-testid="completion-note">
            {completion.note}
          </Typography.Text>
        </Descriptions.Item>
      )}
      {completion && (
        <Descriptions.Item label={t('obligations.fields.evidence')}>
          {evidence ? (
            <a href={evidenceUrl(obligation.id)} download data-testid="evidence-download">
              <DownloadOutlined /> {evidence.fileName} <Typography.Text type="secondary">({formatFileSize(evidence.size)})</Typography.Text>
            </a>
          ) : (
            <Typography.Text type="secondary">{t('obligations.evidence.none')}</Typography.Text>
          )}
          {canWrite && (
            <div style={{ marginTop: 8 }}>
              <EvidenceUpload key={obligation.version} obligationId={obligation.id} replacing={evidence !== null} />
            </div>
          )}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
