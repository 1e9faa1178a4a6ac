import { Button, Tooltip } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../../app/error-notifier';
import { useGenerateDocument } from '../hooks/use-application-materials';

interface GenerateDocumentButtonProps {
  applicationId: string;
  itemKey: string;
  title: string;
  /** A draft exists already: the button drafts the next version. */
  hasDraft: boolean;
  /** The facts the new draft still lacks (empty when complete). */
  onGenerated: (missing: string[]) => void;
}

/** 生成文书: drafts the item's DOCX from the client record and the business description, as its next version. */
export function GenerateDocumentButton({ applicationId, itemKey, title, hasDraft, onGenerated }: GenerateDocumentButtonProps) {
  const { t } = useTranslation();
  const generate = useGenerateDocument(applicationId);

  async function run() {
    try {
      const missing = await generate.mutateAsync(itemKey);
      onGenerated(missing);
      notifySuccess(t('applications.documents.generated', { title }));
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Tooltip title={t('applications.documents.generateHint')}>
      <Button size="small" icon={<FileWordOutlined />} loading={generate.isPending} onClick={() => void run()} data-testid="generate-document">
        {t(hasDraft ? 'applications.documents.regenerate' : 'applications.documents.generate')}
      </Button>
    </Tooltip>
  );
}
