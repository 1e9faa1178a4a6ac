import { Button, Flex, Tooltip } from 'antd';
import { FileZipOutlined, OrderedListOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchDocument, saveFile } from '../fetch-document';
import { packageUrl } from '../hooks/use-application-materials';

/**
 * Staff downloads beside the checklist: the materials index (材料目录, drafted afresh each time, not stored) and the
 * submission package (a ZIP of every item's latest version, with the index and a manifest of SHA-256s).
 */
interface MaterialsDownloadsProps {
  applicationId: string;
  /** Drafting a document, the index too, is a staff write (server: applications:write). */
  canDraftIndex: boolean;
  canDownloadPackage: boolean;
}

export function MaterialsDownloads({ applicationId, canDraftIndex, canDownloadPackage }: MaterialsDownloadsProps) {
  const { t } = useTranslation();
  const index = useMutation({
    mutationFn: () => fetchDocument({ applicationId, key: 'materials-index' }),
    onSuccess: (document) => saveFile(document.content, document.fileName),
  });
  return (
    <Flex gap={8} wrap>
      {canDraftIndex && (
        <Tooltip title={t('applications.documents.indexHint')}>
          <Button icon={<OrderedListOutlined />} loading={index.isPending} onClick={() => index.mutate()} data-testid="materials-index">
            {t('applications.documents.index')}
          </Button>
        </Tooltip>
      )}
      {canDownloadPackage && (
        <Tooltip title={t('applications.documents.packageHint')}>
          <Button type="primary" ghost icon={<FileZipOutlined />} href={packageUrl(applicationId)} download data-testid="application-package">
            {t('applications.documents.package')}
          </Button>
        </Tooltip>
      )}
    </Flex>
  );
}
