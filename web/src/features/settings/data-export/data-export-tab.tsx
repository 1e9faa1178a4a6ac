import { Alert, Button, Card, Flex, Typography } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

/** Where the whole organisation downloads from: streamed by the server, so a plain link (the session cookie goes with it). */
const archiveUrl = '/api/exports/archive';

/**
 * 数据导出: the whole organisation as one ZIP, for a backup or a move to another LicenseDesk; what it holds, what it
 * leaves out (secrets), and the command that restores it as a new organisation.
 */
export function DataExportTab() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('settings.dataExport.intro')}</Typography.Paragraph>
      <Flex gap={12} align="center" wrap>
        <Button type="primary" size="large" icon={<CloudDownloadOutlined />} href={archiveUrl} download data-testid="archive-download">
          {t('settings.dataExport.download')}
        </Button>
        <Typography.Text type="secondary">{t('settings.dataExport.downloadHint')}</Typography.Text>
      </Flex>
      <Card size="small" title={t('settings.dataExport.containsTitle')}>
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="archive-contents">
          <li>{t('settings.dataExport.records')}</li>
          <li>{t('settings.dataExport.files')}</li>
          <li>{t('settings.dataExport.manifest')}</li>
        </ul>
      </Card>
      <Alert type="info" showIcon title={t('settings.dataExport.secretsTitle')} description={t('settings.dataExport.secrets')} />
      <Card size="small" title={t('settings.dataExport.restoreTitle')}>
        <Typography.Paragraph>{t('settings.dataExport.restore')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: t('settings.dataExport.restoreCommand') }} style={{ margin: 0 }}>
          <Typography.Text code data-testid="restore-command">
            {t('settings.dataExport.restoreCommand')}
          </Typography.Text>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
