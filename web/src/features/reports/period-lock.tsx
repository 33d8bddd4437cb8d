// Khóa sổ / mở khóa a reporting period (leader): closing freezes every report
// of the period and its figures; reopening needs a reason. Confirmed first;
// a stale period (409) is said plainly.
import { App as AntApp, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { REPORT_LIMITS } from '../../../../common/reports';
import { useI18n } from '../../app/i18n';
import { useCan } from '../auth/use-me';
import { usePeriodLock, type ReportPeriod } from './review-api';

export function PeriodLockButton({ programId, period }: { programId: string; period: ReportPeriod }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  // Leaders close periods (docs/reporting.md "Workflow"); the server decides on the unit.
  const isLeader = useCan('closeReportPeriods');
  const lock = usePeriodLock(programId);
  const [reopening, setReopening] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  if (!isLeader) return null;

  const onClose = async () => {
    try {
      await lock.mutateAsync({ periodId: period.id, action: 'close', body: { expectedVersion: period.rowVersion } });
      message.success(t('reportReview.periodClosedDone'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const onReopen = async () => {
    const { reason } = await form.validateFields();
    try {
      await lock.mutateAsync({ periodId: period.id, action: 'reopen', body: { expectedVersion: period.rowVersion, reason } });
      setReopening(false);
      message.success(t('reportReview.periodReopenDone'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  if (!period.closedAt)
    return (
      <Popconfirm
        title={t('reportReview.periodCloseConfirm')}
        okText={t('reportReview.periodClose')}
        cancelText={t('reportReview.cancel')}
        onConfirm={() => void onClose()}
      >
        <Button size="small" icon={<LockOutlined />} loading={lock.isPending} data-testid={`period-close-${period.id}`}>
          {t('reportReview.periodClose')}
        </Button>
      </Popconfirm>
    );
  return (
    <>
      <Button size="small" icon={<UnlockOutlined />} onClick={() => setReopening(true)} data-testid={`period-reopen-${period.id}`}>
        {t('reportReview.periodReopen')}
      </Button>
      <Modal
        open={reopening}
        title={t('reportReview.periodReopenTitle')}
        okText={t('reportReview.periodReopen')}
        cancelText={t('reportReview.cancel')}
        confirmLoading={lock.isPending}
        onOk={() => void onReopen().catch(() => undefined)}
        onCancel={() => setReopening(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('reportReview.reopenReason')}
            rules={[{ required: true, whitespace: true, message: t('reportReview.reopenReasonRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={REPORT_LIMITS.reasonMax} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
