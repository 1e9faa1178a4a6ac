import { useState } from 'react';
import { Alert, Button, ConfigProvider, Flex, Form, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import { clientFieldNames, type ClientFormValues } from '../client-form-values';
import { CompanySection, ContactSection, NotesSection } from './client-form-sections';
import { UsccField } from './uscc-field';
import { useMe } from '../../../app/auth/auth-context';

interface ClientFormProps {
  initialValues?: ClientFormValues;
  /** Saves; throws the ApiError when the server refuses. */
  onSubmit: (values: ClientFormValues, usccOverride: boolean) => Promise<unknown>;
  onCancel: () => void;
  submitting: boolean;
}

/** Create and edit form for a client company (客户), all fields, with the server's field errors shown in place. */
export function ClientForm({ initialValues, onSubmit, onCancel, submitting }: ClientFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ClientFormValues>();
  const { token } = theme.useToken();
  // A client company's own user keeps its contact details; what feeds the licence is kept by the agency's staff.
  const companyLocked = useMe().user.role === 'client';
  // Kept in view on long forms, so Save is always one click away.
  const footerStyle = {
    position: 'sticky',
    bottom: 0,
    zIndex: 10,
    padding: '12px 24px',
    background: token.colorBgContainer,
    borderTop: `1px solid ${token.colorBorderSecondary}`,
    boxShadow: token.boxShadowTertiary,
    borderRadius: token.borderRadiusLG,
  } as const;
  const [usccIssue, setUsccIssue] = useState<string | null>(null);
  const [usccOverride, setUsccOverride] = useState(false);

  async function finish(values: ClientFormValues) {
    try {
      await onSubmit(values, usccOverride);
    } catch (caught) {
      const error = asApiError(caught);
      if (error.code === 'USCC_CHECK_FAILED') {
        setUsccIssue(error.fieldIssues.find((issue) => issue.field === 'uscc')?.message ?? error.message);
        setUsccOverride(false);
        form.scrollToField('uscc', { block: 'center' });
        return;
      }
      showFormError(form, error, clientFieldNames);
    }
  }

  function valuesChanged(changed: Partial<ClientFormValues>) {
    // A different code is checked afresh, so an earlier refusal and confirmation no longer apply.
    if ('uscc' in changed) {
      setUsccIssue(null);
      setUsccOverride(false);
    }
  }

  return (
    <Form<ClientFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => void finish(values)}
      onValuesChange={valuesChanged}
      scrollToFirstError={{ block: 'center' }}
      disabled={submitting}
    >
      <Flex vertical gap={16}>
        {companyLocked && <Alert type="info" showIcon title={t('clients.clientUserEditHint')} data-testid="company-locked" />}
        <ConfigProvider componentDisabled={companyLocked || submitting}>
          <CompanySection usccField={<UsccField serverIssue={usccIssue} override={usccOverride} onOverrideChange={setUsccOverride} />} />
        </ConfigProvider>
        <ContactSection />
        <ConfigProvider componentDisabled={companyLocked || submitting}>
          <NotesSection />
        </ConfigProvider>
        <Flex gap={8} justify="flex-end" style={footerStyle}>
          <Button onClick={onCancel} disabled={false}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
