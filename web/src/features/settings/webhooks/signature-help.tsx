import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** How a receiver checks x-licensedesk-signature (sha256=<hex HMAC-SHA256 of the raw body>), in Node.js. */
export const verifySnippet = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body as received (a Buffer), before JSON.parse
export function isFromLicenseDesk(rawBody, signatureHeader, secret) {
  const hmac = createHmac('sha256', secret).update(rawBody).digest('hex');
  const expected = Buffer.from('sha256=' + hmac);
  const received = Buffer.from(String(signatureHeader ?? ''));
  return expected.length === received.length && timingSafeEqual(expected, received);
}`;

export function SignatureHelp({ showTitle = true }: { showTitle?: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid="signature-help">
      {showTitle && <Typography.Title level={5}>{t('webhooks.verifyTitle')}</Typography.Title>}
      <Typography.Paragraph type="secondary">{t('webhooks.verifyText')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: verifySnippet, tooltips: [t('common.copy'), t('common.copied')] }} style={{ marginBottom: 0 }}>
        <pre style={{ fontSize: 12, margin: 0, padding: 12, overflowX: 'auto', whiteSpace: 'pre' }}>{verifySnippet}</pre>
      </Typography.Paragraph>
    </div>
  );
}
