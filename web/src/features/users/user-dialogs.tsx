import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { emailAddress, newPassword, personName } from '../../../../common/fields';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, fromIsoDate, todayDayjs, toIsoDate } from '../../lib/dates';
import { fieldRule, normalised } from '../../lib/field-rule';
import { applyApiError } from '../../lib/form-errors';
import { useAddAssignment, useResetPassword, useUpdateAssignment, useUpdateUser, type RoleAssignment, type User } from './api';
import { AssignmentFields, toAssignmentBody, type AssignmentFormValues } from './assignment-fields';
import { roleKey } from './user-labels';

interface DialogProps {
  user: User;
  open: boolean;
  onClose: () => void;
}

/** Sửa thông tin: full name, e-mail, interface language. */
export function EditUserModal({ user, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ fullName: string; email?: string; locale: User['locale'] }>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateUser(user.id);
  return (
    <Modal
      open={open}
      title={t('users.editDetails')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ fullName: user.fullName, email: user.email ?? '', locale: user.locale }}
        onFinish={(v) => {
          setError(null);
          update.mutate(
            { fullName: normalised(personName, v.fullName) ?? '', email: normalised(emailAddress, v.email), locale: v.locale },
            {
              onSuccess: () => {
                message.success(t('users.detailsSaved'));
                onClose();
              },
              onError: (e) => setError(applyApiError(form, e)),
            },
          );
        }}
        data-testid="user-edit-form"
      >
        <Form.Item
          name="fullName"
          label={t('users.fullName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, fieldRule(personName, t)]}
        >
          <Input data-testid="user-edit-fullname" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[fieldRule(emailAddress, t)]}>
          <Input type="email" data-testid="user-edit-email" />
        </Form.Item>
        <Form.Item name="locale" label={t('users.locale')}>
          <Select
            options={[
              { value: 'vi', label: t('common.vietnamese') },
              { value: 'en', label: t('common.english') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Đặt lại mật khẩu: new password twice; the user is signed out everywhere. */
export function ResetPasswordModal({ user, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  const reset = useResetPassword(user.id);
  return (
    <Modal
      open={open}
      title={t('users.resetPasswordTitle', { username: user.username })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.resetPassword')}
      okButtonProps={{ danger: true, 'data-testid': 'reset-password-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordText')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => {
          setError(null);
          reset.mutate(
            { newPassword: v.newPassword },
            {
              onSuccess: () => {
                message.success(t('users.passwordReset'));
                onClose();
              },
              onError: (e) => setError(applyApiError(form, e)),
            },
          );
        }}
        data-testid="reset-password-form"
      >
        <Form.Item
          name="newPassword"
          label={t('users.newPassword')}
          extra={t('users.passwordHint')}
          rules={[{ required: true, message: t('validation.required') }, fieldRule(newPassword, t)]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('users.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('users.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Thêm phân quyền: role, unit, subtree, period. */
export function AddAssignmentModal({ user, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignmentFormValues>();
  const [error, setError] = useState<string | null>(null);
  const add = useAddAssignment(user.id);
  return (
    <Modal
      open={open}
      title={t('users.addAssignmentTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'assignment-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="assignment-error" />}
      <Form<AssignmentFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ includesSubtree: true, validFrom: todayDayjs() }}
        onFinish={(v) => {
          setError(null);
          add.mutate(toAssignmentBody(v), {
            onSuccess: () => {
              message.success(t('users.assignmentAdded'));
              onClose();
            },
            onError: (e) => setError(applyApiError(form, e)),
          });
        }}
        data-testid="assignment-form"
      >
        <AssignmentFields />
      </Form>
    </Modal>
  );
}

/** Kết thúc phân quyền: choose the last day the role applies. */
export function EndAssignmentModal({ user, assignment, onClose }: { user: User; assignment: RoleAssignment | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ validTo: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateAssignment(user.id);
  const from = assignment ? fromIsoDate(assignment.validFrom) : undefined;
  const today = todayDayjs();
  return (
    <Modal
      open={Boolean(assignment)}
      title={t('users.endAssignmentTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('users.endAssignment')}
      okButtonProps={{ 'data-testid': 'end-assignment-submit' }}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {assignment && (
        <>
          <Typography.Paragraph type="secondary">
            {t('users.endAssignmentText', { role: t(roleKey(assignment.role)), unit: `${assignment.unitName} (${assignment.unitCode})` })}
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ validTo: from && from.isAfter(today, 'day') ? from : today }}
            onFinish={(v) => {
              setError(null);
              update.mutate(
                { assignmentId: assignment.id, validTo: toIsoDate(v.validTo)! },
                {
                  onSuccess: () => {
                    message.success(t('users.assignmentEndedMsg'));
                    onClose();
                  },
                  onError: (e) => setError(applyApiError(form, e)),
                },
              );
            }}
            data-testid="end-assignment-form"
          >
            <Form.Item
              name="validTo"
              label={t('users.endDate')}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: (_, value: Dayjs | undefined) =>
                    !value || !from || !value.isBefore(from, 'day')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('errors.ASSIGNMENT_DATES_INVALID'))),
                },
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="end-assignment-date" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
