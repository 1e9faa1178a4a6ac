import { useState } from 'react';
import { Alert, Button, Flex, Progress, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/error-notifier';
import { templateUrl, useUploadImport, type ImportJob, type ImportKind } from '../hooks/use-imports';

interface UploadState {
  name: string;
  percent: number;
  error?: string;
}

/**
 * Step 1: the templates, and the drop zone. The server reads the format from the content, so a dropped file is not
 * filtered here: its refusal (type, size, encoding, an empty sheet) is shown under the zone in its own words.
 */
export function UploadStep({ kind, onUploaded }: { kind: ImportKind; onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const upload = useUploadImport(kind);
  const [state, setState] = useState<UploadState | null>(null);
  const busy = upload.isPending;

  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('imports.upload.templateTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('imports.upload.templateHint')}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button icon={<FileExcelOutlined />} href={templateUrl(kind, 'xlsx')} download data-testid="template-xlsx">
            {t('imports.upload.templateXlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} href={templateUrl(kind, 'csv')} download data-testid="template-csv">
            {t('imports.upload.templateCsv')}
          </Button>
        </Flex>
      </div>
      <div data-testid="import-upload">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('imports.upload.dropTitle')}
        </Typography.Title>
        <Upload.Dragger
          name="file"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          accept={{ format: '.xlsx,.csv', filter: 'native' }}
          customRequest={({ file }) => {
            const chosen = file as File;
            setState({ name: chosen.name, percent: 0 });
            upload.mutate(
              { file: chosen, onProgress: (percent) => setState((s) => (s ? { ...s, percent } : s)) },
              {
                onSuccess: (job) => {
                  setState(null);
                  onUploaded(job);
                },
                onError: (error) => setState((s) => ({ name: chosen.name, percent: s?.percent ?? 0, error: describeError(error) })),
              },
            );
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.upload.drop')}</p>
          <p className="ant-upload-hint">{t('imports.upload.accepts')}</p>
        </Upload.Dragger>
        {state && !state.error && (
          <div style={{ marginTop: 8 }} data-testid="upload-progress">
            <Typography.Text type="secondary">{t('imports.upload.uploading', { name: state.name })}</Typography.Text>
            <Progress percent={state.percent} status="active" aria-label={state.name} />
          </div>
        )}
        {state?.error && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title={t('imports.upload.failed', { name: state.name })}
            description={state.error}
            data-testid="upload-error"
          />
        )}
      </div>
    </Flex>
  );
}
