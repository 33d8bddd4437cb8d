import { Alert, App, Button, Drawer, Form, Input, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { emailAddress, newPassword, personName, username } from '../../../../common/fields';
import { useI18n } from '../../app/i18n';
import { todayDayjs } from '../../lib/dates';
import { fieldRule, normalised } from '../../lib/field-rule';
import { applyApiError } from '../../lib/form-errors';
import { useCreateUser, type User } from './api';
import { AssignmentFields, toAssignmentBody, type AssignmentFormValues } from './assignment-fields';
import { useDrawerSize } from '../../lib/responsive';

interface FormValues {
  username: string;
  fullName: string;
  email?: string;
  password: string;
  confirm: string;
  assignments?: AssignmentFormValues[];
}

/** Thêm người dùng, in a drawer (full width on phones). */
export function UserCreateDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (user: User) => void }) {
  const { t } = useI18n();
  const size = useDrawerSize(600);
  return (
    <Drawer open={open} onClose={onClose} size={size} destroyOnHidden title={t('users.addTitle')} data-testid="user-create-drawer">
      {open && <CreateForm onCancel={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function CreateForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (user: User) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateUser();
  const required = { required: true, message: t('validation.required') };

  const onFinish = (v: FormValues) => {
    setError(null);
    create.mutate(
      {
        username: normalised(username, v.username) ?? '',
        fullName: normalised(personName, v.fullName) ?? '',
        email: normalised(emailAddress, v.email),
        password: v.password,
        assignments: (v.assignments ?? []).map(toAssignmentBody),
      },
      {
        onSuccess: (user) => {
          message.success(t('users.created', { username: user.username }));
          onCreated(user);
        },
        onError: (e) => setError(applyApiError(form, e)),
      },
    );
  };

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} requiredMark="optional" data-testid="user-create-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="user-create-error" />}
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={t('users.usernameHint')}
        normalize={(v: string) => v?.toLowerCase()}
        rules={[required, fieldRule(username, t)]}
      >
        <Input autoComplete="off" data-testid="user-username" />
      </Form.Item>
      <Form.Item
        name="fullName"
        label={t('users.fullName')}
        rules={[required, { whitespace: true, message: t('validation.required') }, fieldRule(personName, t)]}
      >
        <Input data-testid="user-fullname" />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')} rules={[fieldRule(emailAddress, t)]}>
        <Input type="email" autoComplete="off" data-testid="user-email" />
      </Form.Item>
      <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} rules={[required, fieldRule(newPassword, t)]}>
        <Input.Password autoComplete="new-password" data-testid="user-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('users.confirmPassword')}
        dependencies={['password']}
        rules={[
          required,
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('password') === value ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="user-password-confirm" />
      </Form.Item>

      <Typography.Title level={5}>{t('users.firstAssignment')}</Typography.Title>
      <Form.List name="assignments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <div key={field.key} className="user-first-assignment" data-testid="user-first-assignment">
                <AssignmentFields prefix={[field.name]} listName="assignments" testIdPrefix={`first-assignment-${field.name}`} />
                <Button
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  style={{ paddingInline: 0, marginBottom: 12 }}
                >
                  {t('users.removeFirstAssignment')}
                </Button>
              </div>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ includesSubtree: true, validFrom: todayDayjs() })}
              style={{ marginBottom: 24 }}
              data-testid="user-add-first-assignment"
            >
              {t('users.addFirstAssignment')}
            </Button>
          </>
        )}
      </Form.List>

      <div className="user-form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="user-create-submit">
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
