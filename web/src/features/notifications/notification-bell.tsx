// The bell in the header (every page): the unread count only, no list, so it
// costs one small request a minute and no extra Ant Design parts (a plain
// badge span instead of antd's Badge). A tap opens the notifications page.
import { Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useUnreadCount } from './api';
import './notifications.css';

export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Button
      type="text"
      className="notification-bell"
      data-testid="notification-bell"
      aria-label={t('notifications.bell', { count: unread })}
      onClick={() => navigate('/notifications')}
      icon={<BellOutlined />}
    >
      {unread > 0 && (
        <span className="notification-bell-count" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Button>
  );
}
