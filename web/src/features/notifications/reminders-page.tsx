// Nhật ký nhắc nhở (the Office): every reminder sent in the reader's scope —
// kind, period, unit, channel, recipient, outcome (a failed e-mail shows its
// error) — newest first, and whether e-mail is on. Phone: cards and a pager.
import { Alert, Card, Empty, Pagination, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import { periodText } from '../../../../common/notification-text';
import { useI18n } from '../../app/i18n';
import { useFormat } from '../../lib/format';
import { useIsPhone } from '../../lib/responsive';
import { EmailStatusLine } from './email-status';
import { useReminders, type ReminderPage } from './api';
import './notifications.css';

type Reminder = ReminderPage['items'][number];

const STATUS_COLOR: Record<Reminder['status'], string> = { sent: 'green', failed: 'red', skipped: 'default', queued: 'blue' };

export function RemindersPage() {
  const { t } = useI18n();
  const f = useFormat();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const list = useReminders(page, pageSize);
  const items = list.data?.items ?? [];
  const tk = (key: string) => t(key as MessageKey);
  const period = (r: Reminder) =>
    r.period
      ? periodText(tk as (key: string, params?: Record<string, string | number>) => string, {
          periodKind: r.period.kind,
          month: Number(r.period.dataFrom.slice(5, 7)),
          year: Number(r.period.dataFrom.slice(0, 4)),
        })
      : '–';
  const status = (r: Reminder) => (
    <>
      <Tag color={STATUS_COLOR[r.status]}>{tk(`reportReview.reminderStatus_${r.status}`)}</Tag>
      {r.error && <Typography.Text type="danger">{r.error}</Typography.Text>}
    </>
  );

  return (
    <div className="page" data-testid="reminders-page">
      <Typography.Title level={3}>{t('reportReview.remindersTitle')}</Typography.Title>
      <EmailStatusLine />
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      {isPhone ? (
        <>
          {items.length === 0 && !list.isLoading && <Empty description={t('reportReview.remindersEmpty')} />}
          {items.map((r) => (
            <Card key={r.id} size="small" className="reminder-card">
              <Typography.Text strong>{r.unit?.shortName ?? '–'}</Typography.Text> · {period(r)}
              <div>
                {tk(`reportReview.reminderKind_${r.kind}`)} · {tk(`reportReview.reminderChannel_${r.channel}`)} · {r.recipient}
              </div>
              <div>
                {status(r)} <Typography.Text type="secondary">{f.dateTime(r.sentAt)}</Typography.Text>
              </div>
            </Card>
          ))}
          <Pagination
            simple
            size="small"
            current={page}
            pageSize={pageSize}
            total={list.data?.total ?? 0}
            onChange={(p) => setPage(p)}
            hideOnSinglePage
          />
        </>
      ) : (
        <Table<Reminder>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: t('reportReview.remindersEmpty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          columns={[
            { title: t('reportReview.reminderSentAt'), key: 'at', render: (_, r) => f.dateTime(r.sentAt), width: 150 },
            { title: t('reportReview.reminderKind'), key: 'kind', render: (_, r) => tk(`reportReview.reminderKind_${r.kind}`) },
            { title: t('reportReview.reminderPeriod'), key: 'period', render: (_, r) => period(r) },
            { title: t('reportReview.reminderUnit'), key: 'unit', render: (_, r) => r.unit?.shortName ?? '–' },
            { title: t('reportReview.reminderChannel'), key: 'channel', render: (_, r) => tk(`reportReview.reminderChannel_${r.channel}`) },
            { title: t('reportReview.reminderRecipient'), dataIndex: 'recipient' },
            { title: t('reportReview.reminderStatus'), key: 'status', render: (_, r) => status(r) },
          ]}
        />
      )}
    </div>
  );
}
