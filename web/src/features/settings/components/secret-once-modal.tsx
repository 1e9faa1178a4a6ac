import type { ReactNode } from 'react';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface SecretOnceModalProps {
  title: string;
  /** What the secret is for and that it will not be shown again. */
  text: string;
  secret: string | null;
  /** Optional line under the secret, e.g. how to use a token. */
  hint?: string;
  /** More under the hint, e.g. how to verify a webhook's signature. */
  children?: ReactNode;
  /** Wider for a code sample; antd's default otherwise. */
  width?: number;
  onClose: () => void;
}

/** Shows a password or token the server will never show again, with a copy button. */
export function SecretOnceModal({ title, text, secret, hint, children, width, onClose }: SecretOnceModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== null}
      title={title}
      width={width}
      onCancel={onClose}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('settings.users.savedIt')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={text} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
        data-testid="one-time-secret"
        style={{ fontFamily: 'monospace', fontSize: 16, padding: '8px 12px', background: 'rgba(0,0,0,0.04)', borderRadius: 6, wordBreak: 'break-all' }}
      >
        {secret}
      </Typography.Paragraph>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      {children}
    </Modal>
  );
}
