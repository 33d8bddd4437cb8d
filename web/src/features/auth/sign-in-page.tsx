import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../../app/i18n';
import { applyApiError } from '../../lib/form-errors';
import { useMe, useSignIn } from './use-me';

export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const [form] = Form.useForm();
  const me = useMe();
  const signIn = useSignIn();
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me.data) return <Navigate to={from} replace />;

  return (
    <div className="signin-page">
      <Card className="signin-card">
        <div className="signin-brand">
          <div className="brand-mark">CĐ</div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('common.appName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('common.appTagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={4}>{t('auth.signInTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.signInSubtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values: { username: string; password: string }) => {
            setError(null);
            signIn.mutate(values, { onError: (e) => setError(applyApiError(form, e)) });
          }}
        >
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required', { field: t('auth.username').toLowerCase() }) }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required', { field: t('auth.password').toLowerCase() }) }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Segmented
            value={locale}
            onChange={(v) => setLocale(v as 'vi' | 'en')}
            options={[
              { label: t('common.vietnamese'), value: 'vi' },
              { label: t('common.english'), value: 'en' },
            ]}
          />
        </div>
      </Card>
    </div>
  );
}
