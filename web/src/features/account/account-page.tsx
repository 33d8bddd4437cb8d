import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { ChangePasswordBody } from '../../../../common/api/auth';
import { newPassword } from '../../../../common/fields';
import { useI18n } from '../../app/i18n';
import { api } from '../../lib/api';
import { fieldRule } from '../../lib/field-rule';
import { applyApiError } from '../../lib/form-errors';
import { EmailStatusLine } from '../notifications/email-status';

export function AccountPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (body: z.input<typeof ChangePasswordBody>) => api.post('/api/auth/change-password', body),
  });
  return (
    <div className="page page-narrow">
      <Typography.Title level={3}>{t('nav.changePassword')}</Typography.Title>
      <EmailStatusLine />
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: { currentPassword: string; newPassword: string }) => {
            setError(null);
            change.mutate(
              { currentPassword: v.currentPassword, newPassword: v.newPassword },
              {
                onSuccess: () => {
                  form.resetFields();
                  message.success(t('auth.passwordChanged'));
                },
                onError: (e) => setError(applyApiError(form, e)),
              },
            );
          }}
        >
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            extra={t('auth.passwordHint')}
            rules={[{ required: true, message: t('validation.required') }, fieldRule(newPassword, t)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('newPassword') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
