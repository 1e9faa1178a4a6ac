import { useState } from 'react';
import { Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError, notifySuccess } from '../../../app/error-notifier';
import { useUploadEvidence } from '../hooks/use-obligations';

const accepted = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';

interface UploadState {
  name: string;
  percent: number;
  status: 'uploading' | 'done' | 'error';
  error?: string;
}

/**
 * Drag and drop (or click) the completion's evidence, with the bytes' progress. The server reads the type from the
 * content, so its refusal (type, size) is shown here rather than the file being filtered.
 */
export function EvidenceUpload({ obligationId, replacing }: { obligationId: string; replacing: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(obligationId);
  const [state, setState] = useState<UploadState | null>(null);

  return (
    <div data-testid="evidence-upload">
      <Upload.Dragger
        name="file"
        multiple={false}
        showUploadList={false}
        disabled={state?.status === 'uploading'}
        accept={{ format: accepted, filter: 'native' }}
        customRequest={({ file }) => {
          const chosen = file as File;
          setState({ name: chosen.name, percent: 0, status: 'uploading' });
          upload.mutate(
            { file: chosen, onProgress: (percent) => setState((s) => (s ? { ...s, percent } : s)) },
            {
              onSuccess: () => {
                setState({ name: chosen.name, percent: 100, status: 'done' });
                notifySuccess(t('obligations.evidence.uploaded', { name: chosen.name }));
              },
              onError: (error) => setState((s) => ({ name: chosen.name, percent: s?.percent ?? 0, status: 'error', error: describeError(error) })),
            },
          );
        }}
        style={{ padding: 0 }}
      >
        <Typography.Text style={{ fontSize: 13 }}>
          <InboxOutlined style={{ color: '#1677ff', marginInlineEnd: 6 }} />
          {t(replacing ? 'obligations.evidence.replace' : 'obligations.evidence.drop')}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('obligations.evidence.accepts')}
          </Typography.Text>
        </div>
      </Upload.Dragger>
      {state && (
        <div data-testid="evidence-progress" data-status={state.status} style={{ marginTop: 6 }}>
          <Typography.Text type={state.status === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} ellipsis>
            {state.status === 'uploading' && t('obligations.evidence.uploading', { name: state.name })}
            {state.status === 'done' && t('obligations.evidence.uploaded', { name: state.name })}
            {state.status === 'error' && t('obligations.evidence.failed', { name: state.name })}
          </Typography.Text>
          <Progress size="small" percent={state.percent} status={state.status === 'error' ? 'exception' : state.status === 'done' ? 'success' : 'active'} aria-label={state.name} />
          {state.error && (
            <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
              {state.error}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
