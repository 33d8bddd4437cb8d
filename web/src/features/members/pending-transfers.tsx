import { Alert, App, Button, Card, Empty, Input, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { ArrowRightOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { LIMITS } from '../../../../common/limits';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useDecideTransfer, type PendingTransfer } from './api';

/** Chuyển sinh hoạt chờ xác nhận: transfers into (or out of) the caller's units, with Accept / Refuse for the receiving unit. */
export function PendingTransfers({ query }: { query: UseQueryResult<{ items: PendingTransfer[] }> }) {
  const { t } = useI18n();
  const [deciding, setDeciding] = useState<{ transfer: PendingTransfer; accept: boolean } | null>(null);
  if (query.isLoading)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={query.error instanceof ApiError ? query.error.message : t('common.loadFailed')}
        action={<Button onClick={() => query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  const items = query.data?.items ?? [];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('members.transfersHint')}</Typography.Paragraph>
      <List
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.transfersEmpty')} /> }}
        data-testid="pending-transfers"
        renderItem={(tr) => (
          <Card size="small" className="members-transfer-card" data-testid="pending-transfer">
            <div className="members-transfer-head">
              <Link to={`/members/${tr.memberId}`}>
                <Typography.Text strong>{tr.memberName}</Typography.Text>
              </Link>
              <Tag color={tr.canDecide ? 'gold' : 'blue'}>
                {tr.canDecide ? t('members.transferIncoming') : t('members.transferOutgoing')}
              </Tag>
            </div>
            <div className="members-transfer-route">
              <span>{tr.fromUnitName}</span>
              <ArrowRightOutlined aria-label={t('members.transferTo')} />
              <span>{tr.toUnitName}</span>
            </div>
            <Typography.Text type="secondary">{t('members.transferDateLabel', { date: formatDate(tr.date) })}</Typography.Text>
            {tr.note && <div className="members-transfer-note">{tr.note}</div>}
            {tr.canDecide && (
              <div className="members-transfer-actions">
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => setDeciding({ transfer: tr, accept: true })}
                  data-testid="transfer-accept"
                >
                  {t('members.transferAccept')}
                </Button>
                <Button
                  danger
                  icon={<CloseOutlined />}
                  onClick={() => setDeciding({ transfer: tr, accept: false })}
                  data-testid="transfer-refuse"
                >
                  {t('members.transferRefuse')}
                </Button>
              </div>
            )}
          </Card>
        )}
      />
      <DecideTransferModal decision={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}

/** Confirms accepting or refusing a transfer, with an optional note (a refusal says why). */
function DecideTransferModal({
  decision,
  onClose,
}: {
  decision: { transfer: PendingTransfer; accept: boolean } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decide = useDecideTransfer();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const accept = decision?.accept ?? true;
  const close = () => {
    setNote('');
    setError(null);
    onClose();
  };
  return (
    <Modal
      open={Boolean(decision)}
      title={t(accept ? 'members.transferAcceptTitle' : 'members.transferRefuseTitle')}
      onCancel={close}
      okText={t(accept ? 'members.transferAccept' : 'members.transferRefuse')}
      okButtonProps={{ danger: !accept, 'data-testid': 'transfer-decide-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      destroyOnHidden
      onOk={() => {
        if (!decision) return;
        setError(null);
        decide.mutate(
          { eventId: decision.transfer.eventId, accept, note: note.trim() || null },
          {
            onSuccess: () => {
              message.success(t(accept ? 'members.transferAccepted' : 'members.transferRefused'));
              close();
            },
            onError: (e) => setError(e instanceof ApiError ? e.message : t('common.loadFailed')),
          },
        );
      }}
    >
      {decision && (
        <Typography.Paragraph>
          {t(accept ? 'members.transferAcceptText' : 'members.transferRefuseText', {
            name: decision.transfer.memberName,
            from: decision.transfer.fromUnitName,
            to: decision.transfer.toUnitName,
            date: formatDate(decision.transfer.date),
          })}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <label className="members-field-label" htmlFor="transfer-decide-note">
        {t('members.note')}
      </label>
      <Input.TextArea
        id="transfer-decide-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={LIMITS.addressMax}
        autoSize={{ minRows: 2, maxRows: 5 }}
      />
    </Modal>
  );
}
