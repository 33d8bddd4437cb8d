import { Alert } from 'antd';
import { useI18n } from '../../app/i18n';
import { useEmailSettings } from './api';

/** One line: e-mail reminders on (from whom) or off (SMTP_URL not set). */
export function EmailStatusLine() {
  const { t } = useI18n();
  const email = useEmailSettings().data;
  if (!email) return null;
  return (
    <Alert
      data-testid="email-status"
      type={email.enabled ? 'success' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      title={email.enabled ? t('reportReview.emailOn', { from: email.from ?? '' }) : t('reportReview.emailOff')}
    />
  );
}
