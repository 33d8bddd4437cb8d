// The tree-changing actions of a unit page, each in its own drawer:
// chuyển đơn vị cấp trên (move), sáp nhập (merge), chia tách (split),
// giải thể (dissolve). Destructive ones ask for a confirmation first.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Drawer, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { GRASSROOTS_SECTORS, ORG_UNIT_KINDS, type GrassrootsSector, type OrgUnitKind } from '../../../../common/enums';
import type { MessageKey } from '../../../../common/i18n';
import { SplitNewUnit } from '../../../../common/api/org-units';
import { LIMITS } from '../../../../common/limits';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, formatDate, todayDayjs, toIsoDate } from '../../lib/dates';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { useDissolveOrgUnit, useMergeOrgUnit, useMoveOrgUnit, useOrgUnits, useSplitOrgUnit, type OrgUnitDetail } from './api';
import { useDrawerSize } from '../../lib/responsive';
import { UnitPicker } from './unit-picker';

export type UnitAction = 'move' | 'merge' | 'split' | 'dissolve';

const TITLES: Record<UnitAction, MessageKey> = {
  move: 'units.moveTitle',
  merge: 'units.mergeTitle',
  split: 'units.splitTitle',
  dissolve: 'units.dissolveTitle',
};

/** Opens the drawer of one action (or none). */
export function UnitActionDrawer({ action, unit, onClose }: { action: UnitAction | null; unit: OrgUnitDetail; onClose: () => void }) {
  const { t } = useI18n();
  const size = useDrawerSize(action === 'split' ? 720 : 520);
  return (
    <Drawer
      open={action !== null}
      onClose={onClose}
      size={size}
      destroyOnHidden
      title={action ? t(TITLES[action]) : undefined}
      data-testid={action ? `unit-${action}-drawer` : undefined}
    >
      {action === 'move' && <MoveForm unit={unit} onDone={onClose} />}
      {action === 'merge' && <MergeForm unit={unit} onDone={onClose} />}
      {action === 'split' && <SplitForm unit={unit} onDone={onClose} />}
      {action === 'dissolve' && <DissolveForm unit={unit} onDone={onClose} />}
    </Drawer>
  );
}

function FormActions({
  onCancel,
  pending,
  danger,
  children,
}: {
  onCancel: () => void;
  pending: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="units-form-actions">
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={pending} data-testid="unit-action-submit">
        {children}
      </Button>
    </div>
  );
}

function ErrorBanner({ error }: { error: string | null }) {
  return error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null;
}

const today = () => todayDayjs();

// ---------------------------------------------------------------- move

function MoveForm({ unit, onDone }: { unit: OrgUnitDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string | null; fromDate: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const move = useMoveOrgUnit(unit.id);
  const fromDate = toIsoDate(Form.useWatch('fromDate', form));
  const required = { required: true, message: t('validation.required') };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ fromDate: today(), parentId: null }}
      onFinish={(v) => {
        setError(null);
        move.mutate(
          { parentId: v.parentId!, fromDate: toIsoDate(v.fromDate)! },
          {
            onSuccess: () => {
              message.success(t('units.moved'));
              onDone();
            },
            onError: (e) => setError(applyApiError(form, e)),
          },
        );
      }}
    >
      <ErrorBanner error={error} />
      <Typography.Paragraph type="secondary">{t('units.moveHint', { name: unit.shortName })}</Typography.Paragraph>
      <Form.Item name="fromDate" label={t('units.moveFromDate')} rules={[required]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} data-testid="move-from-date" />
      </Form.Item>
      <Form.Item
        name="parentId"
        label={t('units.newParent')}
        rules={[required]}
        extra={fromDate ? t('units.parentHint', { date: formatDate(fromDate) }) : undefined}
      >
        <UnitPicker date={fromDate} excludeSubtreeOf={unit.id} data-testid="move-parent-picker" />
      </Form.Item>
      <FormActions onCancel={onDone} pending={move.isPending}>
        {t('units.actionMove')}
      </FormActions>
    </Form>
  );
}

// ---------------------------------------------------------------- merge

function MergeForm({ unit, onDone }: { unit: OrgUnitDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ intoUnitId: string | null; date: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const merge = useMergeOrgUnit(unit.id);
  const date = toIsoDate(Form.useWatch('date', form));
  const candidates = useOrgUnits(date, undefined, { enabled: Boolean(date) });
  const required = { required: true, message: t('validation.required') };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ date: today(), intoUnitId: null }}
      onFinish={(v) => {
        setError(null);
        const iso = toIsoDate(v.date)!;
        const target = candidates.data?.items.find((u) => u.id === v.intoUnitId);
        modal.confirm({
          title: t('units.mergeConfirmTitle'),
          content: t('units.mergeConfirm', { name: unit.shortName, target: target?.shortName ?? '', date: formatDate(iso) }),
          okText: t('common.confirm'),
          cancelText: t('common.cancel'),
          okButtonProps: { danger: true },
          onOk: async () => {
            try {
              await merge.mutateAsync({ intoUnitId: v.intoUnitId!, date: iso });
              message.success(t('units.merged'));
              onDone();
            } catch (e) {
              setError(applyApiError(form, e));
            }
          },
        });
      }}
    >
      <ErrorBanner error={error} />
      <Alert type="warning" showIcon title={t('units.mergeHint', { name: unit.shortName })} style={{ marginBottom: 16 }} />
      <Form.Item name="date" label={t('units.mergeDate')} rules={[required]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} data-testid="merge-date" />
      </Form.Item>
      <Form.Item
        name="intoUnitId"
        label={t('units.mergeInto')}
        rules={[required]}
        extra={date ? t('units.parentHint', { date: formatDate(date) }) : undefined}
      >
        <UnitPicker date={date} excludeSubtreeOf={unit.id} placeholder={t('units.mergeInto')} data-testid="merge-into-picker" />
      </Form.Item>
      <FormActions onCancel={onDone} pending={merge.isPending} danger>
        {t('units.actionMerge')}
      </FormActions>
    </Form>
  );
}

// ---------------------------------------------------------------- split

interface NewUnitValues {
  code: string;
  fullName: string;
  shortName: string;
  kind?: OrgUnitKind;
  sector?: GrassrootsSector;
  address?: string;
}

const blankNewUnit = (): Partial<NewUnitValues> => ({});

/** The API's rules for each new unit's fields. */
const newUnitFields = SplitNewUnit.shape;

function SplitForm({ unit, onDone }: { unit: OrgUnitDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; endOriginal: boolean; newUnits: NewUnitValues[] }>();
  const [error, setError] = useState<string | null>(null);
  const split = useSplitOrgUnit(unit.id);
  const newUnits = Form.useWatch('newUnits', form) as Partial<NewUnitValues>[] | undefined;
  const required = { required: true, message: t('validation.required') };
  const kindOptions = ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.kind.${k}` as MessageKey) }));
  const sectorOptions = GRASSROOTS_SECTORS.map((s) => ({ value: s, label: t(`enums.sector.${s}` as MessageKey) }));

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ date: today(), endOriginal: true, newUnits: [blankNewUnit(), blankNewUnit()] }}
      onFinish={(v) => {
        setError(null);
        const iso = toIsoDate(v.date)!;
        const body = {
          date: iso,
          endOriginal: v.endOriginal,
          newUnits: v.newUnits.map((n) => {
            const kind = n.kind ?? unit.kind;
            const address = n.address?.trim();
            return {
              code: n.code.trim(),
              fullName: n.fullName.trim(),
              shortName: n.shortName.trim(),
              ...(n.kind ? { kind: n.kind } : {}),
              ...(kind === 'grassroots_union' && n.sector ? { sector: n.sector } : {}),
              ...(address ? { address } : {}),
            };
          }),
        };
        modal.confirm({
          title: t('units.splitConfirmTitle'),
          content: [
            t('units.splitConfirm', { name: unit.shortName, count: body.newUnits.length, date: formatDate(iso) }),
            v.endOriginal ? t('units.splitConfirmEnd') : '',
          ]
            .filter(Boolean)
            .join(' '),
          okText: t('common.confirm'),
          cancelText: t('common.cancel'),
          okButtonProps: { danger: v.endOriginal },
          onOk: async () => {
            try {
              const result = await split.mutateAsync(body);
              message.success(t('units.splitDone', { count: result.created.length }));
              onDone();
            } catch (e) {
              setError(applyApiError(form, e));
            }
          },
        });
      }}
    >
      <ErrorBanner error={error} />
      <Form.Item name="date" label={t('units.splitDate')} rules={[required]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} data-testid="split-date" />
      </Form.Item>
      <Form.Item name="endOriginal" valuePropName="checked" extra={t('units.endOriginalHint')}>
        <Checkbox data-testid="split-end-original">{t('units.endOriginal')}</Checkbox>
      </Form.Item>
      <Typography.Title level={5}>{t('units.newUnits')}</Typography.Title>
      <Form.List
        name="newUnits"
        rules={[
          {
            validator: async (_, value: unknown[] | undefined) => {
              if (!value || value.length < 1) throw new Error(t('errors.UNIT_SPLIT_TOO_FEW'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => {
              const effectiveKind = newUnits?.[index]?.kind ?? unit.kind;
              return (
                <Card
                  key={field.key}
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={t('units.newUnitN', { n: index + 1 })}
                  data-testid={`split-new-unit-${index}`}
                  extra={
                    fields.length > 1 ? (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('units.removeNewUnit')}
                        title={t('units.removeNewUnit')}
                        onClick={() => remove(field.name)}
                      />
                    ) : null
                  }
                >
                  <div className="units-split-grid">
                    <Form.Item name={[field.name, 'code']} label={t('units.code')} rules={[required, fieldRule(newUnitFields.code, t)]}>
                      <Input autoComplete="off" maxLength={LIMITS.codeMax} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'shortName']}
                      label={t('units.shortName')}
                      rules={[required, fieldRule(newUnitFields.shortName, t)]}
                    >
                      <Input autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'fullName']}
                      label={t('units.fullName')}
                      rules={[required, fieldRule(newUnitFields.fullName, t)]}
                      className="units-split-wide"
                    >
                      <Input autoComplete="off" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} label={t('units.kind')} extra={t('units.newUnitKindHint')}>
                      <Select allowClear options={kindOptions} placeholder={t(`enums.kind.${unit.kind}` as MessageKey)} />
                    </Form.Item>
                    {effectiveKind === 'grassroots_union' && (
                      <Form.Item name={[field.name, 'sector']} label={t('units.sector')}>
                        <Select allowClear options={sectorOptions} placeholder={t('units.sector')} />
                      </Form.Item>
                    )}
                    <Form.Item
                      name={[field.name, 'address']}
                      label={t('units.address')}
                      rules={[fieldRule(newUnitFields.address, t)]}
                      className="units-split-wide"
                    >
                      <Input autoComplete="off" />
                    </Form.Item>
                  </div>
                </Card>
              );
            })}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(blankNewUnit())} style={{ marginBottom: 16 }}>
              {t('units.addNewUnit')}
            </Button>
          </>
        )}
      </Form.List>
      <FormActions onCancel={onDone} pending={split.isPending}>
        {t('units.actionSplit')}
      </FormActions>
    </Form>
  );
}

// ---------------------------------------------------------------- dissolve

function DissolveForm({ unit, onDone }: { unit: OrgUnitDetail; onDone: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const dissolve = useDissolveOrgUnit(unit.id);
  const required = { required: true, message: t('validation.required') };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ date: today() }}
      onFinish={(v) => {
        setError(null);
        const iso = toIsoDate(v.date)!;
        modal.confirm({
          title: t('units.dissolveConfirmTitle'),
          content: t('units.dissolveConfirm', { name: unit.shortName, date: formatDate(iso) }),
          okText: t('common.confirm'),
          cancelText: t('common.cancel'),
          okButtonProps: { danger: true },
          onOk: async () => {
            try {
              await dissolve.mutateAsync({ date: iso });
              message.success(t('units.dissolved'));
              onDone();
            } catch (e) {
              setError(applyApiError(form, e));
            }
          },
        });
      }}
    >
      <ErrorBanner error={error} />
      <Alert type="warning" showIcon title={t('units.dissolveWarning', { name: unit.shortName })} style={{ marginBottom: 16 }} />
      <Form.Item name="date" label={t('units.dissolveDate')} rules={[required]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} data-testid="dissolve-date" />
      </Form.Item>
      <FormActions onCancel={onDone} pending={dissolve.isPending} danger>
        {t('units.actionDissolve')}
      </FormActions>
    </Form>
  );
}
