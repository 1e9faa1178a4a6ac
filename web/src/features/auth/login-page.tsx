import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined, SafetyCertificateTwoTone } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth/auth-context';
import { safeRedirect } from '../../app/auth/require-auth';
import { LanguageSwitch } from '../../app/components/language-switch';
import { asApiError, describeError } from '../../app/error-notifier';
import { useDocumentTitle } from '../../app/components/use-document-title';

interface Credentials {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const target = safeRedirect(searchParams.get('redirect'));
  const [failure, setFailure] = useState<unknown>(null);
  useDocumentTitle(t('login.title'));

  const mutation = useMutation({
    mutationFn: login,
    meta: { notifyErrors: false },
    onMutate: () => setFailure(null),
    onSuccess: () => navigate(target, { replace: true }),
    onError: setFailure,
  });

  if (me && !mutation.isPending) return <Navigate to={target} replace />;

  const throttled = failure !== null && asApiError(failure).status === 429;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
      <div style={{ position: 'fixed', top: 16, right: 24 }}>
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" style={{ marginBottom: 24, maxWidth: 560, textAlign: 'center' }}>
        <SafetyCertificateTwoTone style={{ fontSize: 40, marginBottom: 8 }} />
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('common.productName')}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ marginTop: 8 }}>
          {t('common.productTagline')}
        </Typography.Text>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }} title={t('login.title')}>
        <Form<Credentials> layout="vertical" requiredMark={false} onFinish={(values) => mutation.mutate(values)} disabled={mutation.isPending}>
          <Form.Item
            label={t('login.email')}
            name="email"
            rules={[
              { required: true, message: t('login.emailRequired') },
              { type: 'email', message: t('login.emailInvalid') },
            ]}
          >
            <Input prefix={<MailOutlined />} placeholder={t('login.emailPlaceholder')} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {failure !== null && (
            <Alert
              role="alert"
              type={throttled ? 'warning' : 'error'}
              showIcon
              title={t(throttled ? 'login.throttledTitle' : 'login.failedTitle')}
              description={describeError(failure)}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, maxWidth: 400, textAlign: 'center', fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
