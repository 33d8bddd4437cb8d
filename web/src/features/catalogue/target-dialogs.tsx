// Correcting and retiring a target (sửa, bãi bỏ chỉ tiêu): used by the
// catalogue's targets tab and by the editor of an amendment. Each carries the
// version the target was read at; a 409 shows the server's message and keeps
// what was typed (the list is read again, so a second save goes over the
// newer version knowingly). Once the program is issued a reason is asked.
import { Alert, App, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { MessageKey } from '../../../../common/i18n';
import { UpdateTargetBody } from '../../../../common/api/indicators';
import { COMPARATORS, CUMULATIVE_MEASURES, INDICATOR_LIMITS, type TargetComparator } from '../../../../common/indicators';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { useArchiveTarget, useUpdateTarget, type Indicator, type Target } from './api';
import { CreateDrawer, useExpectedVersion } from './shared';

/** Comparators that point the indicator's way ("exactly" only for sums and counts), as the server checks. */
export function comparatorsFor(indicator: Indicator | undefined): TargetComparator[] {
  if (!indicator) return [...COMPARATORS];
  const way: TargetComparator = indicator.direction === 'higher_is_better' ? 'gte' : 'lte';
  return CUMULATIVE_MEASURES.includes(indicator.measure) ? [way, 'eq'] : [way];
}

/** Whether a change of the target needs a reason (its program is issued). */
export const needsReason = (target: Target) => target.programStatus === 'issued';

/** Comparator and value of a target, with the indicator's unit: the same row in the create and edit forms. */
export function TargetValueFields({
  indicator,
  valueRule,
  valueTestId,
}: {
  indicator: Indicator | undefined;
  valueRule: z.ZodType;
  valueTestId?: string;
}) {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <Form.Item name="comparator" label={t('catalogue.comparator')} style={{ width: '45%' }}>
        <Select options={comparatorsFor(indicator).map((c) => ({ value: c, label: t(`catalogue.comparator.${c}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="value" label={t('catalogue.value')} rules={[...required, fieldRule(valueRule, t)]} style={{ width: '55%' }}>
        <InputNumber
          min={0}
          style={{ width: '100%' }}
          suffix={indicator ? t(`catalogue.uom.${indicator.unitOfMeasure}` as MessageKey) : undefined}
          data-testid={valueTestId}
        />
      </Form.Item>
    </div>
  );
}

/** How a target is judged (tolerance, stretch target, "when conditions allow"): the same fields in the create and edit forms. */
export function TargetJudgementFields({ toleranceRule }: { toleranceRule: z.ZodType }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="tolerance" label={t('catalogue.tolerance')} rules={[fieldRule(toleranceRule, t)]}>
        <InputNumber min={0} style={{ width: '100%', maxWidth: 200 }} />
      </Form.Item>
      <Space wrap size={[24, 0]}>
        <Form.Item name="stretch" label={t('catalogue.stretch')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="whenConditionsAllow" label={t('catalogue.whenConditionsAllow')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
    </>
  );
}

interface EditForm {
  code?: string;
  text: string;
  comparator: TargetComparator;
  value: number;
  tolerance: number;
  stretch: boolean;
  whenConditionsAllow: boolean;
  reason?: string;
}

const fields = UpdateTargetBody.shape;

/** The edit drawer of a target; `onSaved` gets the target before and after (the amendment editor keeps the document's sentence in step). */
export function TargetEditDrawer({
  target,
  indicator,
  onClose,
  onSaved,
}: {
  target: Target | null;
  indicator: Indicator | undefined;
  onClose: () => void;
  onSaved?: (before: Target, after: Target) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateTarget();
  const { version, markStale } = useExpectedVersion(target);
  const required = [{ required: true, message: t('validation.required') }];
  const id = target?.id;

  const close = () => {
    setError(null);
    onClose();
  };
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({
      code: target.code ?? '',
      text: target.text,
      comparator: target.comparator,
      value: target.value,
      tolerance: target.tolerance,
      stretch: target.stretch,
      whenConditionsAllow: target.whenConditionsAllow,
    });
    // Filled once per opened target, so a refetch never overwrites what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const submit = async (v: EditForm) => {
    if (!target) return;
    setError(null);
    try {
      const after = await update.mutateAsync({
        id: target.id,
        body: {
          expectedVersion: version,
          code: v.code?.trim() || null,
          text: v.text,
          comparator: v.comparator,
          value: v.value,
          tolerance: v.tolerance ?? 0,
          stretch: v.stretch,
          whenConditionsAllow: v.whenConditionsAllow,
          ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        },
      });
      message.success(t('catalogue.saved'));
      onSaved?.(target, after);
      close();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_WRITE') markStale();
      setError(applyApiError(form, e));
    }
  };

  return (
    <CreateDrawer
      open={Boolean(target)}
      onClose={close}
      title={target?.code ? `${t('catalogue.editTarget')} ${target.code}` : t('catalogue.editTarget')}
      saving={update.isPending}
      onSave={() => form.submit()}
      saveTestId="save-target-edit"
      error={error}
    >
      <Form<EditForm> form={form} name="target-edit" layout="vertical" onFinish={submit} data-testid="target-edit-form">
        <Typography.Paragraph type="secondary">{t('catalogue.targetFixedHelp')}</Typography.Paragraph>
        <Form.Item name="code" label={t('catalogue.targetCode')} rules={[fieldRule(fields.code, t)]}>
          <Input maxLength={16} style={{ maxWidth: 160 }} />
        </Form.Item>
        <Form.Item name="text" label={t('catalogue.text')} rules={[...required, fieldRule(fields.text, t)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={INDICATOR_LIMITS.textMax} data-testid="target-edit-text" />
        </Form.Item>
        <TargetValueFields indicator={indicator} valueRule={fields.value} valueTestId="target-edit-value" />
        <TargetJudgementFields toleranceRule={fields.tolerance} />
        {target && needsReason(target) && (
          <Form.Item
            name="reason"
            label={t('catalogue.reason')}
            extra={t('catalogue.reasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('catalogue.reasonRequired') }, fieldRule(fields.reason, t)]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={INDICATOR_LIMITS.textMax} data-testid="target-edit-reason" />
          </Form.Item>
        )}
      </Form>
    </CreateDrawer>
  );
}

/** Retiring a target, confirmed; a reason once the program is issued. */
export function TargetRetireDialog({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const archive = useArchiveTarget();
  const { version, markStale } = useExpectedVersion(target);
  // The modal's form is destroyed when hidden; the banner is cleared on closing.
  const close = () => {
    setError(null);
    onClose();
  };

  const onOk = async () => {
    if (!target) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      await archive.mutateAsync({
        id: target.id,
        body: { expectedVersion: version, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
      });
      message.success(t('catalogue.retired'));
      close();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_WRITE') markStale();
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal
      open={Boolean(target)}
      title={t('catalogue.retireTitle', { code: target?.code ?? target?.text.slice(0, 40) ?? '' })}
      okText={t('catalogue.retire')}
      cancelText={t('catalogue.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={archive.isPending}
      onOk={() => void onOk()}
      onCancel={close}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{target?.text}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('catalogue.retireHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        {target && needsReason(target) && (
          <Form.Item
            name="reason"
            label={t('catalogue.reason')}
            extra={t('catalogue.reasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('catalogue.reasonRequired') }, fieldRule(fields.reason, t)]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={INDICATOR_LIMITS.textMax} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
