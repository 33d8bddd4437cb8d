// Thông báo: the reader's notifications, newest first; a tap opens what it is
// about and marks it read; "mark all read". Phone: the same list, full width.
import { Button, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n';
import { useFormat } from '../../lib/format';
import { LightList } from '../../lib/light-list';
import { useMarkAllRead, useMarkRead, useNotifications, type NotificationItem } from './api';
import { textOf } from './notification-text';
import './notifications.css';

export function NotificationsPage() {
  const { t } = useI18n();
  const f = useFormat();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  return (
    <div className="page page-narrow" data-testid="notifications-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('notifications.title')}
        </Typography.Title>
        <Button icon={<CheckOutlined />} disabled={!list.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      <Segmented
        style={{ margin: '12px 0' }}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => setUnreadOnly(v === 'unread')}
        options={[
          { value: 'all', label: t('notifications.all') },
          { value: 'unread', label: t('notifications.unreadOnly') },
        ]}
      />
      {list.isLoading ? (
        <Spin />
      ) : (
        <LightList
          items={list.data?.items ?? []}
          rowKey={(n) => n.id}
          emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />}
          renderItem={(n) => (
            <div className={`notification-item${n.readAt ? '' : ' notification-item-unread'}`} data-testid="notification-item">
              <div
                className="notification-body"
                role="link"
                tabIndex={0}
                onClick={() => open(n)}
                onKeyDown={(e) => e.key === 'Enter' && open(n)}
              >
                <div className="notification-text">{textOf(t, n)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.dateTime(n.createdAt)}
                </Typography.Text>
              </div>
              {!n.readAt && (
                <Button
                  size="small"
                  type="text"
                  icon={<CheckOutlined />}
                  aria-label={t('notifications.markRead')}
                  onClick={() => markRead.mutate(n.id)}
                />
              )}
            </div>
          )}
        />
      )}
    </div>
  );
}
