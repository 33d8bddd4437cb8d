import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { GRASSROOTS_SECTORS, ORG_UNIT_KINDS, type GrassrootsSector, type OrgUnitKind } from '../../../../common/enums';
import type { MessageKey } from '../../../../common/i18n';
import { CreateOrgUnitBody, FOUNDING_LIMITS } from '../../../../common/api/org-units';
import { LIMITS } from '../../../../common/limits';
import { MEMBER_LIMITS } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, formatDate, fromIsoDate, todayDayjs, toIsoDate } from '../../lib/dates';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { useCreateOrgUnit, useUpdateOrgUnit, type OrgUnitDetail } from './api';
import { useDrawerSize } from '../../lib/responsive';
import { UnitPicker } from './unit-picker';

interface FormValues {
  code: string;
  fullName: string;
  shortName: string;
  kind: OrgUnitKind;
  sector?: GrassrootsSector | null;
  address?: string;
  foundingDecision?: string;
  initialMemberCount?: number | null;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  parentId?: string | null;
}

/** The API's rules for the fields this form checks before sending. */
const fields = CreateOrgUnitBody.shape;

interface Props {
  open: boolean;
  onClose: () => void;
  /** Edit this unit; without it the drawer creates a new one. */
  unit?: OrgUnitDetail;
  /** Defaults for a new unit. */
  initialParentId?: string | null;
  initialDate?: string;
  onCreated?: (unit: OrgUnitDetail) => void;
}

/** Thêm / sửa đơn vị, in a drawer (full width on phones). */
export function UnitFormDrawer({ open, onClose, unit, initialParentId, initialDate, onCreated }: Props) {
  const { t } = useI18n();
  const size = useDrawerSize();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      title={t(unit ? 'units.editTitle' : 'units.createTitle')}
      data-testid="unit-form-drawer"
    >
      {open && <UnitForm unit={unit} initialParentId={initialParentId} initialDate={initialDate} onDone={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

function UnitForm({
  unit,
  initialParentId,
  initialDate,
  onDone,
  onCreated,
}: {
  unit?: OrgUnitDetail;
  initialParentId?: string | null;
  initialDate?: string;
  onDone: () => void;
  onCreated?: (unit: OrgUnitDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateOrgUnit();
  const update = useUpdateOrgUnit(unit?.id ?? '');
  const kind = Form.useWatch('kind', form);
  const validFrom = Form.useWatch('validFrom', form);
  const pending = create.isPending || update.isPending;
  const required = { required: true, message: t('validation.required') };

  const initialValues: Partial<FormValues> = unit
    ? {
        code: unit.code,
        fullName: unit.fullName,
        shortName: unit.shortName,
        kind: unit.kind,
        sector: unit.sector,
        address: unit.address ?? '',
        foundingDecision: unit.foundingDecision ?? '',
        initialMemberCount: unit.initialMemberCount,
        validFrom: fromIsoDate(unit.validFrom),
        validTo: fromIsoDate(unit.validTo) ?? null,
      }
    : {
        validFrom: fromIsoDate(initialDate) ?? todayDayjs(),
        parentId: initialParentId ?? null,
      };

  const onFinish = (v: FormValues) => {
    setError(null);
    const isGrassroots = v.kind === 'grassroots_union';
    const address = v.address?.trim() || null;
    // Only grassroots unions have a founding record; other kinds send none (the server refuses it).
    const foundingDecision = isGrassroots ? v.foundingDecision?.trim() || null : null;
    const initialMemberCount = isGrassroots ? (v.initialMemberCount ?? null) : null;
    const onError = (e: unknown) => setError(applyApiError(form, e));
    if (unit) {
      update.mutate(
        {
          code: v.code.trim(),
          fullName: v.fullName.trim(),
          shortName: v.shortName.trim(),
          kind: v.kind,
          sector: isGrassroots ? (v.sector ?? null) : null,
          address,
          foundingDecision,
          initialMemberCount,
          validFrom: toIsoDate(v.validFrom)!,
          validTo: toIsoDate(v.validTo) ?? null,
          expectedVersion: unit.rowVersion,
        },
        {
          onSuccess: () => {
            message.success(t('units.updated'));
            onDone();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        {
          code: v.code.trim(),
          fullName: v.fullName.trim(),
          shortName: v.shortName.trim(),
          kind: v.kind,
          ...(isGrassroots && v.sector ? { sector: v.sector } : {}),
          ...(address ? { address } : {}),
          ...(foundingDecision ? { foundingDecision } : {}),
          ...(initialMemberCount !== null ? { initialMemberCount } : {}),
          validFrom: toIsoDate(v.validFrom)!,
          ...(v.validTo ? { validTo: toIsoDate(v.validTo) } : {}),
          ...(v.parentId ? { parentId: v.parentId } : {}),
        },
        {
          onSuccess: (created) => {
            message.success(t('units.created', { name: created.shortName }));
            onDone();
            onCreated?.(created);
          },
          onError,
        },
      );
    }
  };

  const parentDate = toIsoDate(validFrom);

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish} scrollToFirstError>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="code" label={t('units.code')} rules={[required, fieldRule(fields.code, t)]}>
        <Input autoComplete="off" maxLength={LIMITS.codeMax} />
      </Form.Item>
      <Form.Item name="fullName" label={t('units.fullName')} rules={[required, fieldRule(fields.fullName, t)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="shortName" label={t('units.shortName')} rules={[required, fieldRule(fields.shortName, t)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[required]}>
        <Select
          options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.kind.${k}` as MessageKey) }))}
          placeholder={t('units.kind')}
        />
      </Form.Item>
      {kind === 'grassroots_union' && (
        <Form.Item name="sector" label={t('units.sector')}>
          <Select
            allowClear
            options={GRASSROOTS_SECTORS.map((s) => ({ value: s, label: t(`enums.sector.${s}` as MessageKey) }))}
            placeholder={t('units.sector')}
          />
        </Form.Item>
      )}
      <Form.Item name="address" label={t('units.address')} rules={[fieldRule(fields.address, t)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      {kind === 'grassroots_union' && (
        <Space wrap size={[16, 0]} style={{ width: '100%' }} className="units-date-pair" data-testid="unit-founding-fields">
          <Form.Item name="foundingDecision" label={t('units.foundingDecision')} rules={[fieldRule(fields.foundingDecision, t)]}>
            <Input autoComplete="off" maxLength={FOUNDING_LIMITS.decisionMax} placeholder={t('units.foundingDecisionPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="initialMemberCount"
            label={t('units.initialMemberCount')}
            extra={t('units.initialMemberCountHint', { min: MEMBER_LIMITS.foundingMinMembers })}
            rules={[
              fieldRule(fields.initialMemberCount, t),
              {
                validator: (_, value: number | null | undefined) =>
                  value == null || value >= MEMBER_LIMITS.foundingMinMembers
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('errors.UNIT_FOUNDING_TOO_FEW_MEMBERS', { min: MEMBER_LIMITS.foundingMinMembers }))),
              },
            ]}
          >
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Space>
      )}
      <Space wrap size={[16, 0]} style={{ width: '100%' }} className="units-date-pair">
        <Form.Item
          name="validFrom"
          label={t(kind === 'grassroots_union' ? 'units.foundingDate' : 'units.validFrom')}
          extra={kind === 'grassroots_union' ? t('units.foundingDateHint') : undefined}
          rules={[required]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('units.validTo')}
          extra={t('units.validToHint')}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null | undefined) => {
                const from = getFieldValue('validFrom') as Dayjs | undefined;
                return !value || !from || !value.isBefore(from, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('errors.UNIT_DATES_INVALID')));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Space>
      {!unit && (
        <Form.Item
          name="parentId"
          label={t('units.parent')}
          extra={parentDate ? t('units.parentHint', { date: formatDate(parentDate) }) : undefined}
        >
          <UnitPicker date={parentDate} allowClear placeholder={t('units.noParent')} data-testid="unit-parent-picker" />
        </Form.Item>
      )}
      <div className="units-form-actions">
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={pending} data-testid="unit-form-submit">
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
