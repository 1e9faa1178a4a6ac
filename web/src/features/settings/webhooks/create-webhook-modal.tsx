import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal';
import { asApiError } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import { useCreateWebhook, webhookPresets, type Webhook, type WebhookPreset } from './use-webhooks';

interface Values {
  preset: WebhookPreset;
  name?: string;
  url: string;
  secret?: string;
}

interface CreateWebhookModalProps {
  open: boolean;
  onClose: () => void;
  /** The new webhook, and its generated or given secret when it is a generic one (shown once). */
  onCreated: (webhook: Webhook, secret: string | null) => void;
}

export function CreateWebhookModal({ open, onClose, onCreated }: CreateWebhookModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateWebhook();
  const preset = Form.useWatch('preset', form) ?? 'generic';

  async function submit(values: Values) {
    try {
      const secret = values.preset === 'wecom' ? undefined : values.secret?.trim() || undefined;
      const result = await create.mutateAsync({ preset: values.preset, url: values.url.trim(), name: values.name?.trim() || undefined, secret });
      form.resetFields();
      onCreated(result.webhook, result.secret);
    } catch (error) {
      showFormError(form, asApiError(error), ['preset', 'name', 'url', 'secret']);
    }
  }

  return (
    <FormModal open={open} title={t('webhooks.addTitle')} okText={t('webhooks.add')} form={form} pending={create.isPending} onClose={onClose} resetOnCancel>
      <Form<Values> form={form} layout="vertical" initialValues={{ preset: 'generic' }} onFinish={(values) => void submit(values)}>
        <Form.Item label={t('webhooks.preset')} name="preset" extra={<Typography.Text type="secondary" data-testid="preset-help">{t(`webhooks.presetHelp.${preset}`)}</Typography.Text>}>
          <Select options={webhookPresets.map((p) => ({ value: p, label: t(`webhooks.presets.${p}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('webhooks.url')}
          name="url"
          rules={[
            { required: true, whitespace: true, message: t('webhooks.urlRequired') },
            { pattern: /^https?:\/\/\S{3,}$/, message: t('webhooks.urlInvalid') },
          ]}
        >
          <Input placeholder={preset === 'wecom' ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' : preset === 'dingtalk' ? 'https://oapi.dingtalk.com/robot/send?access_token=…' : 'https://'} maxLength={2000} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('webhooks.name')} name="name" extra={t('webhooks.nameHint')}>
          <Input placeholder={t('webhooks.namePlaceholder')} maxLength={100} autoComplete="off" />
        </Form.Item>
        {preset !== 'wecom' && (
          <Form.Item
            label={preset === 'dingtalk' ? t('webhooks.secretDingtalk') : t('webhooks.secretGeneric')}
            name="secret"
            extra={preset === 'dingtalk' ? t('webhooks.secretDingtalkHint') : t('webhooks.secretGenericHint')}
            rules={[{ pattern: /^[\x21-\x7e]{8,200}$/, message: t('webhooks.secretInvalid') }]}
          >
            <Input.Password placeholder={preset === 'dingtalk' ? 'SEC…' : undefined} maxLength={200} autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
