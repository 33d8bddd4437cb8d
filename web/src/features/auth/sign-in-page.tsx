// The sign-in page. Two required fields need no form library: plain controlled inputs
// (Ant Design's Form brings rc-field-form and async-validator, ≈17 kB compressed, onto the
// first screen every user downloads). Labels, messages and Enter-to-submit stay as they were.
import { Alert, Button, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useId, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { LightCard } from '../../lib/light-card';
import { useMe, useSignIn } from './use-me';

type Field = 'username' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const me = useMe();
  const signIn = useSignIn();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (me.data) return <Navigate to={from} replace />;

  const label = (f: Field) => t(f === 'username' ? 'auth.username' : 'auth.password');
  const requiredMessage = (f: Field) => t('common.required', { field: label(f).toLowerCase() });
  const change = (f: Field, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setFieldErrors((old) => ({ ...old, [f]: v ? undefined : requiredMessage(f) }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldErrors = {};
    for (const f of ['username', 'password'] as const) if (!values[f]) missing[f] = requiredMessage(f);
    setFieldErrors(missing);
    if (Object.keys(missing).length) return;
    setError(null);
    signIn.mutate(values, {
      onError: (err) => {
        if (!(err instanceof ApiError)) return setError(String(err));
        // Field messages beside their fields, the rest in the banner (as applyApiError does for forms).
        const placed: FieldErrors = {};
        const rest: string[] = [];
        for (const f of err.fields) {
          const name = f.field.split('.')[0];
          if (name === 'username' || name === 'password') placed[name] = f.message;
          else rest.push(f.message);
        }
        setFieldErrors(placed);
        setError(Object.keys(placed).length && !rest.length ? null : [err.message, ...rest].join(' '));
      },
    });
  };

  const field = (f: Field) => {
    const inputId = `${id}-${f}`;
    const errorId = `${inputId}-error`;
    const common = {
      id: inputId,
      value: values[f],
      onChange: (e: { target: { value: string } }) => change(f, e.target.value),
      size: 'large' as const,
      status: fieldErrors[f] ? ('error' as const) : undefined,
      'aria-required': true,
      'aria-invalid': fieldErrors[f] ? true : undefined,
      'aria-describedby': fieldErrors[f] ? errorId : undefined,
    };
    return (
      <div className="signin-field">
        <label className="signin-label" htmlFor={inputId}>
          {label(f)}
        </label>
        {f === 'username' ? (
          <Input {...common} prefix={<UserOutlined />} autoComplete="username" autoFocus />
        ) : (
          <Input.Password {...common} prefix={<LockOutlined />} autoComplete="current-password" />
        )}
        <div className="signin-field-error" id={errorId} role={fieldErrors[f] ? 'alert' : undefined}>
          {fieldErrors[f]}
        </div>
      </div>
    );
  };

  return (
    <div className="signin-page">
      <LightCard className="signin-card">
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
        <form noValidate onSubmit={submit}>
          {field('username')}
          {field('password')}
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
        </form>
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
      </LightCard>
    </div>
  );
}
