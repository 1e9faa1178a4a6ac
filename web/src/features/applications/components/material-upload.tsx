import { useState } from 'react';
import { Progress, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/error-notifier';
import { useUploadMaterial, type MaterialItem } from '../hooks/use-application-materials';

const extensions: Record<string, string> = { pdf: '.pdf', jpg: '.jpg,.jpeg', png: '.png', docx: '.docx', xlsx: '.xlsx' };

interface UploadState {
  name: string;
  percent: number;
  status: 'uploading' | 'done' | 'error';
  error?: string;
}

/**
 * Drag and drop (or click) one file as the item's next version, with the bytes' progress. The server reads the type
 * from the content, so a dropped file is never filtered here: its refusal (type, size, name) is shown instead.
 */
export function MaterialUpload({ applicationId, item }: { applicationId: string; item: MaterialItem }) {
  const { t } = useTranslation();
  const upload = useUploadMaterial(applicationId);
  const [state, setState] = useState<UploadState | null>(null);
  const busy = state?.status === 'uploading';

  return (
    <div data-testid={`upload-${item.key}`}>
      <Upload.Dragger
        name="file"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        accept={{ format: item.accepts.map((type) => extensions[type] ?? `.${type}`).join(','), filter: 'native' }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const chosen = file as File;
          setState({ name: chosen.name, percent: 0, status: 'uploading' });
          const reportProgress = (percent: number) => {
            setState((s) => (s ? { ...s, percent } : s));
            onProgress?.({ percent });
          };
          upload.mutate(
            { key: item.key, file: chosen, onProgress: reportProgress },
            {
              onSuccess: (saved) => {
                setState({ name: chosen.name, percent: 100, status: 'done' });
                onSuccess?.(saved);
              },
              onError: (error) => {
                setState((s) => ({ name: chosen.name, percent: s?.percent ?? 0, status: 'error', error: describeError(error) }));
                onError?.(error as Error);
              },
            },
          );
        }}
        style={{ padding: 0 }}
        styles={{ root: { display: 'block' } }}
      >
        <Typography.Text style={{ fontSize: 13 }}>
          <InboxOutlined style={{ color: '#1677ff', marginInlineEnd: 6 }} />
          {t(item.generated ? 'applications.materials.dropSigned' : item.versions.length > 0 ? 'applications.materials.dropAgain' : 'applications.materials.drop')}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.materials.accepts', { types: item.accepts.map((type) => type.toUpperCase()).join(' / ') })}
          </Typography.Text>
        </div>
      </Upload.Dragger>
      {state && (
        <div data-testid="upload-progress" data-status={state.status} style={{ marginTop: 6 }}>
          <Typography.Text type={state.status === 'error' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} ellipsis>
            {state.status === 'uploading' && t('applications.materials.uploading', { name: state.name })}
            {state.status === 'done' && t('applications.materials.uploaded', { name: state.name })}
            {state.status === 'error' && t('applications.materials.uploadFailed', { name: state.name })}
          </Typography.Text>
          <Progress
            size="small"
            percent={state.percent}
            status={state.status === 'error' ? 'exception' : state.status === 'done' ? 'success' : 'active'}
            aria-label={state.name}
          />
          {state.error && (
            <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }} data-testid="upload-error">
              {state.error}
            </Typography.Text>
          )}
        </div>
      )}
    </div>
  );
}
