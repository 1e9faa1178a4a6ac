import { Form, Input } from 'antd';
import { FormModal } from '../../../app/components/form-modal';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import { useCreateToken } from './use-tokens';

interface CreateTokenModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (name: string, secret: string) => void;
}

export function CreateTokenModal({ open, onClose, onCreated }: CreateTokenModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateToken();

  async function submit({ name }: { name: string }) {
    try {
      const result = await create.mutateAsync(name.trim());
      form.resetFields();
      onCreated(result.token.name, result.secret);
    } catch (error) {
      showFormError(form, asApiError(error), ['name']);
    }
  }

  return (
    <FormModal open={open} title={t('settings.tokens.createTitle')} okText={t('common.create')} form={form} pending={create.isPending} onClose={onClose} resetOnCancel>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('settings.tokens.name')} name="name" rules={[{ required: true, whitespace: true, message: t('settings.tokens.nameRequired') }]}>
          <Input placeholder={t('settings.tokens.namePlaceholder')} maxLength={100} autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
