import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { memberCardNumber } from '../../../../common/fields';
import { LIMITS } from '../../../../common/limits';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, formatDate, fromIsoDate, todayDayjs, toIsoDate } from '../../lib/dates';
import { ApiError } from '../../lib/api';
import { fieldRule, normalised } from '../../lib/field-rule';
import { applyApiError } from '../../lib/form-errors';
import {
  receivingUnitQuery,
  useIssueCard,
  useLeaveMember,
  useReceivingUnit,
  useRejoinMember,
  useTransferMember,
  type MemberDetail,
  type ReceivingUnit,
} from './api';
import { GrassrootsUnitPicker } from './member-form-fields';

interface DialogProps {
  member: MemberDetail;
  open: boolean;
  onClose: () => void;
}

/** The date of the member's latest event: actions cannot be dated before it. */
function lastEventDate(member: MemberDetail): Dayjs | undefined {
  const dates = member.events.map((e) => e.eventDate).sort();
  return fromIsoDate(dates[dates.length - 1]);
}

function DateItem({ name = 'date', label, member }: { name?: string; label: string; member: MemberDetail }) {
  const { t } = useI18n();
  const min = lastEventDate(member);
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('validation.required') }]}>
      <DatePicker
        format={DATE_FORMAT}
        style={{ width: '100%' }}
        allowClear={false}
        minDate={min}
        maxDate={todayDayjs()}
        data-testid={`member-dialog-${name}`}
      />
    </Form.Item>
  );
}

function NoteItem() {
  const { t } = useI18n();
  return (
    <Form.Item
      name="note"
      label={t('members.note')}
      rules={[{ max: LIMITS.addressMax, message: t('validation.tooLong', { maximum: LIMITS.addressMax }) }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="member-dialog-note" />
    </Form.Item>
  );
}

type TransferTarget = 'inside' | 'code' | 'outside';

/** The frame every member action shares: title, submit and cancel, an optional intro, the server's error. */
function ActionModal(props: {
  open: boolean;
  onClose: () => void;
  onSubmit: () => void;
  title: string;
  okText: string;
  okTestId: string;
  pending: boolean;
  danger?: boolean;
  intro?: ReactNode;
  error: string | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onClose}
      onOk={props.onSubmit}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, 'data-testid': props.okTestId }}
      cancelText={t('common.cancel')}
      confirmLoading={props.pending}
      destroyOnHidden
    >
      {props.intro && <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>}
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 16 }} data-testid="member-dialog-error" />}
      {props.children}
    </Modal>
  );
}

/**
 * Chuyển sinh hoạt: to a unit of the caller's scope (picked from the tree), to
 * any other grassroots union of the system named by its code (it accepts
 * before the move takes effect), or to a union outside the system (takes
 * effect at once).
 */
export function TransferModal({ member, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{
    date: Dayjs;
    target: TransferTarget;
    toUnitId?: string;
    toUnitCode?: string;
    toOutsideName?: string;
    note?: string;
  }>();
  const [error, setError] = useState<string | null>(null);
  /** The code last looked up (Enter, the "Tìm" button, leaving the field, submitting). */
  const [lookedUp, setLookedUp] = useState<string | null>(null);
  const transfer = useTransferMember(member.id);
  const target = Form.useWatch('target', form) ?? 'inside';
  const date = Form.useWatch('date', form);
  const receiving = useReceivingUnit(target === 'code' ? lookedUp : null, toIsoDate(date));
  const found = lookedUp && receiving.data ? receiving.data : null;
  const sameUnit = found?.id === member.unitId;
  const lookupError = lookedUp && receiving.error ? receiving.error.message : sameUnit ? t('errors.MEMBER_TRANSFER_SAME_UNIT') : null;
  const lookup = (value: string | undefined) => setLookedUp(value?.trim() || null);
  return (
    <ActionModal
      open={open}
      onClose={onClose}
      onSubmit={() => form.submit()}
      title={t('members.transferTitle', { name: member.fullName })}
      okText={t('members.transfer')}
      okTestId="member-transfer-submit"
      pending={transfer.isPending}
      intro={t('members.transferText', { unit: member.unitName })}
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ date: todayDayjs(), target: 'inside' }}
        onFinish={async (v) => {
          setError(null);
          let toUnitId = v.target === 'inside' ? v.toUnitId : null;
          if (v.target === 'code') {
            // The unit as the server finds it on the transfer date (from the cache when just looked up).
            const code = v.toUnitCode!.trim();
            setLookedUp(code);
            let unit: ReceivingUnit;
            try {
              unit = await client.fetchQuery(receivingUnitQuery(code, toIsoDate(v.date)!));
            } catch {
              return; // the server's message is under the field
            }
            if (unit.id === member.unitId) return;
            toUnitId = unit.id;
          }
          transfer.mutate(
            {
              date: toIsoDate(v.date)!,
              toUnitId,
              toOutsideName: v.target === 'outside' ? v.toOutsideName?.trim() : null,
              note: v.note?.trim() || null,
            },
            {
              onSuccess: (m) => {
                message.success(t(m.pendingTransfer ? 'members.transferSent' : 'members.transferDone'));
                onClose();
              },
              onError: (e) => setError(applyApiError(form, v.target === 'code' ? onCodeField(e) : e)),
            },
          );
        }}
        data-testid="member-transfer-form"
      >
        <DateItem label={t('members.transferDate')} member={member} />
        <Form.Item name="target" label={t('members.transferTarget')}>
          <Radio.Group
            vertical
            options={[
              { value: 'inside', label: t('members.transferInside') },
              { value: 'code', label: t('members.transferByCode') },
              { value: 'outside', label: t('members.transferOutside') },
            ]}
            data-testid="member-transfer-target"
          />
        </Form.Item>
        {target === 'inside' && (
          <Form.Item
            name="toUnitId"
            label={t('members.transferToUnit')}
            extra={t('members.transferInsideHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <GrassrootsUnitPicker date={toIsoDate(date)} disabledIds={[member.unitId]} data-testid="member-transfer-unit" />
          </Form.Item>
        )}
        {target === 'code' && (
          <>
            <Form.Item
              name="toUnitCode"
              label={t('members.transferCode')}
              extra={found && !sameUnit ? undefined : t('members.transferCodeHint')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: LIMITS.codeMax, message: t('validation.tooLong', { maximum: LIMITS.codeMax }) },
              ]}
              {...(lookupError
                ? { validateStatus: 'error' as const, help: <span data-testid="member-transfer-code-error">{lookupError}</span> }
                : {})}
            >
              <Input.Search
                placeholder={t('members.transferCodePlaceholder')}
                enterButton={t('members.transferCodeFind')}
                maxLength={LIMITS.codeMax}
                autoComplete="off"
                spellCheck={false}
                loading={receiving.isFetching}
                onSearch={lookup}
                onBlur={(e) => lookup(e.target.value)}
                onChange={(e) => {
                  if (lookedUp !== null && e.target.value.trim() !== lookedUp) setLookedUp(null);
                }}
                data-testid="member-transfer-code"
              />
            </Form.Item>
            {found && !sameUnit && (
              <div className="members-transfer-found" data-testid="member-transfer-code-unit">
                <div>
                  <Typography.Text strong data-testid="member-transfer-code-name">
                    {found.fullName}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">({found.code})</Typography.Text>
                </div>
                <Alert
                  type={found.inScope ? 'success' : 'info'}
                  showIcon
                  title={t(found.inScope ? 'members.transferCodeAtOnce' : 'members.transferCodeWaits', {
                    unit: found.shortName || found.fullName,
                  })}
                  data-testid={found.inScope ? 'member-transfer-code-at-once' : 'member-transfer-code-waits'}
                />
              </div>
            )}
          </>
        )}
        {target === 'outside' && (
          <Form.Item
            name="toOutsideName"
            label={t('members.transferOutsideName')}
            extra={t('members.transferOutsideHint')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: LIMITS.nameMax, message: t('validation.tooLong', { maximum: LIMITS.nameMax }) },
            ]}
          >
            <Input data-testid="member-transfer-outside" />
          </Form.Item>
        )}
        <NoteItem />
      </Form>
    </ActionModal>
  );
}

/** A server error about the receiving unit (sent as toUnitId) shown under the code the user typed. */
function onCodeField(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  return new ApiError(
    e.status,
    e.code,
    e.message,
    e.fields.map((f) => (f.field === 'toUnitId' ? { ...f, field: 'toUnitCode' } : f)),
  );
}

/** Ra khỏi tổ chức / từ trần: a destructive step, confirmed a second time. */
export function LeaveModal({ member, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; reason: 'left' | 'died'; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const leave = useLeaveMember(member.id);
  return (
    <ActionModal
      open={open}
      onClose={onClose}
      onSubmit={() => form.submit()}
      title={t('members.leaveTitle', { name: member.fullName })}
      okText={t('members.leave')}
      okTestId="member-leave-submit"
      pending={leave.isPending}
      danger
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ date: todayDayjs(), reason: 'left' }}
        onFinish={(v) => {
          setError(null);
          modal.confirm({
            title: t(v.reason === 'died' ? 'members.diedConfirmTitle' : 'members.leaveConfirmTitle', { name: member.fullName }),
            content: t('members.leaveConfirmText', { date: formatDate(toIsoDate(v.date)) }),
            okText: t('common.confirm'),
            okButtonProps: { danger: true, 'data-testid': 'member-leave-confirm' },
            cancelText: t('common.cancel'),
            onOk: async () => {
              try {
                await leave.mutateAsync({ date: toIsoDate(v.date)!, reason: v.reason, note: v.note?.trim() || null });
                message.success(t('members.leaveDone'));
                onClose();
              } catch (e) {
                setError(applyApiError(form, e));
              }
            },
          });
        }}
        data-testid="member-leave-form"
      >
        <Form.Item name="reason" label={t('members.leaveReason')}>
          <Radio.Group
            options={[
              { value: 'left', label: t('members.reason_left') },
              { value: 'died', label: t('members.reason_died') },
            ]}
            data-testid="member-leave-reason"
          />
        </Form.Item>
        <DateItem label={t('members.leaveDate')} member={member} />
        <NoteItem />
      </Form>
    </ActionModal>
  );
}

/** Kết nạp lại: a former member joins a grassroots union of the caller's scope again. */
export function RejoinModal({ member, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; unitId: string; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const rejoin = useRejoinMember(member.id);
  const date = Form.useWatch('date', form);
  return (
    <ActionModal
      open={open}
      onClose={onClose}
      onSubmit={() => form.submit()}
      title={t('members.rejoinTitle', { name: member.fullName })}
      okText={t('members.rejoin')}
      okTestId="member-rejoin-submit"
      pending={rejoin.isPending}
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ date: todayDayjs() }}
        onFinish={(v) => {
          setError(null);
          rejoin.mutate(
            { date: toIsoDate(v.date)!, unitId: v.unitId, note: v.note?.trim() || null },
            {
              onSuccess: () => {
                message.success(t('members.rejoinDone'));
                onClose();
              },
              onError: (e) => setError(applyApiError(form, e)),
            },
          );
        }}
        data-testid="member-rejoin-form"
      >
        <DateItem label={t('members.rejoinDate')} member={member} />
        <Form.Item name="unitId" label={t('members.unit')} rules={[{ required: true, message: t('validation.required') }]}>
          <GrassrootsUnitPicker date={toIsoDate(date)} data-testid="member-rejoin-unit" />
        </Form.Item>
        <NoteItem />
      </Form>
    </ActionModal>
  );
}

/** Cấp thẻ đoàn viên (or a new card, replacing the old number). */
export function IssueCardModal({ member, open, onClose }: DialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ cardNumber: string; date: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const issue = useIssueCard(member.id);
  return (
    <ActionModal
      open={open}
      onClose={onClose}
      onSubmit={() => form.submit()}
      title={t('members.cardTitle', { name: member.fullName })}
      okText={t('members.issueCard')}
      okTestId="member-card-submit"
      pending={issue.isPending}
      intro={member.cardNumber ? t('members.cardReplaceText', { number: member.cardNumber }) : null}
      error={error}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ date: todayDayjs() }}
        onFinish={(v) => {
          setError(null);
          issue.mutate(
            { cardNumber: normalised(memberCardNumber, v.cardNumber) ?? '', date: toIsoDate(v.date)! },
            {
              onSuccess: () => {
                message.success(t('members.cardDone'));
                onClose();
              },
              onError: (e) => setError(applyApiError(form, e)),
            },
          );
        }}
        data-testid="member-card-form"
      >
        <Form.Item
          name="cardNumber"
          label={t('members.cardNumber')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, fieldRule(memberCardNumber, t)]}
        >
          <Input autoComplete="off" data-testid="member-card-input" />
        </Form.Item>
        <Form.Item name="date" label={t('members.cardDate')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            allowClear={false}
            maxDate={todayDayjs()}
            data-testid="member-dialog-date"
          />
        </Form.Item>
      </Form>
    </ActionModal>
  );
}
