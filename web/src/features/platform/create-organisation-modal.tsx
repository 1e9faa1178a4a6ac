import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../app/components/form-modal';
import { asApiError } from '../../app/error-notifier';
import { showFieldIssues } from '../../app/form-errors';
import { useCreateOrganisation, type CreatedOrganisation } from './use-organisations';

interface CreateOrganisationValues {
  name: string;
  kind: 'agency' | 'company';
  ownerEmail: string;
  ownerName: string;
  passwordMode: 'generate' | 'set';
  password?: string;
}

// The server names the owner's fields owner.email…; the form keeps them flat.
const formFields: Record<string, keyof CreateOrganisationValues> = { name: 'name', kind: 'kind', 'owner.email': 'ownerEmail', 'owner.name': 'ownerName', 'owner.password': 'password' };

interface CreateOrganisationModalProps {
  open: boolean;
  onClose: () => void;
  /** Called with what the server created, including a generated password to show once. */
  onCreated: (created: CreatedOrganisation) => void;
}

/** 新建组织: an organisation and its first owner, who signs in with a given or generated password (no invitation). */
export function CreateOrganisationModal({ open, onClose, onCreated }: CreateOrganisationModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateOrganisationValues>();
  const create = useCreateOrganisation();
  const passwordMode = Form.useWatch('passwordMode', form);

  async function submit(values: CreateOrganisationValues) {
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        kind: values.kind,
        owner: { email: values.ownerEmail.trim(), name: values.ownerName.trim(), ...(values.passwordMode === 'set' ? { password: values.password } : {}) },
      });
      form.resetFields();
      onCreated(created);
    } catch (error) {
      showFieldIssues(form, asApiError(error), (issue) => (formFields[issue.field] ? { name: formFields[issue.field] } : null));
    }
  }

  return (
    <FormModal open={open} title={t('platform.organisations.createTitle')} okText={t('common.create')} form={form} pending={create.isPending} onClose={onClose} resetOnCancel>
      <Form<CreateOrganisationValues> form={form} layout="vertical" initialValues={{ kind: 'agency', passwordMode: 'generate' }} onFinish={(values) => void submit(values)}>
        <Form.Item label={t('platform.organisations.name')} name="name" rules={[{ required: true, whitespace: true, message: t('platform.organisations.nameRequired') }, { max: 200 }]}>
          <Input autoComplete="off" placeholder={t('platform.organisations.namePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('platform.organisations.kind')} name="kind">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'agency', label: t('header.orgKind.agency') },
              { value: 'company', label: t('header.orgKind.company') },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('platform.organisations.ownerEmail')}
          name="ownerEmail"
          extra={t('platform.organisations.ownerHint')}
          rules={[
            { required: true, message: t('settings.users.emailRequired') },
            { type: 'email', message: t('settings.users.emailInvalid') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('platform.organisations.ownerName')} name="ownerName" rules={[{ required: true, whitespace: true, message: t('settings.users.nameRequired') }, { max: 100 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('platform.organisations.password')} name="passwordMode">
          <Radio.Group
            options={[
              { value: 'generate', label: t('platform.organisations.passwordGenerate') },
              { value: 'set', label: t('platform.organisations.passwordSet') },
            ]}
          />
        </Form.Item>
        {passwordMode === 'set' && (
          <Form.Item name="password" rules={[{ required: true, message: t('platform.organisations.passwordRequired') }, { min: 8, message: t('platform.organisations.passwordTooShort') }]}>
            <Input.Password autoComplete="new-password" aria-label={t('platform.organisations.password')} />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}
