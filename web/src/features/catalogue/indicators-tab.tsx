// Chỉ số: how results are measured. The create form shows only the parts the
// chosen measure uses (mirrors slotRules in server/modules/indicators/definition-rules.ts).
import { Alert, App, Button, Form, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { CreateIndicatorBody, UpdateIndicatorBody } from '../../../../common/api/indicators';
import { GRASSROOTS_SECTORS, ORG_UNIT_KINDS, type GrassrootsSector, type OrgUnitKind } from '../../../../common/enums';
import type { MessageKey } from '../../../../common/i18n';
import {
  DIRECTIONS,
  INDICATOR_LIMITS,
  MEASURES,
  OPERATORS_BY_TYPE,
  RECORD_SOURCES,
  UNITS_OF_MEASURE,
  type ConditionOperator,
  type Direction,
  type Measure,
  type RecordSourceName,
  type UnitOfMeasure,
  type ValueType,
} from '../../../../common/indicators';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { useCreateIndicator, useDataElements, useIndicators, useUpdateIndicator, type DataElement, type Indicator } from './api';
import { CardLine, CreateDrawer, NameWithCode, ResponsiveList, useCanManage, useExpectedVersion, useLocalName } from './shared';

type Slot = 'numerator' | 'denominator' | 'condition' | 'eligibility' | 'recordSource';

/** Which parts each measure uses (the server checks the same rules). */
function slotsOf(measure: Measure, recordSource: RecordSourceName | undefined): Set<Slot> {
  switch (measure) {
    case 'ratio_of_sums':
      return new Set(['numerator', 'denominator']);
    case 'share_of_units':
    case 'count_of_units':
      return new Set(['condition']);
    case 'average_per_eligible_unit':
      return new Set(['numerator', 'eligibility']);
    case 'sum':
      return new Set(['numerator']);
    case 'count_of_records':
      return new Set<Slot>(recordSource === 'facts' ? ['recordSource', 'numerator'] : ['recordSource']);
  }
}

export function IndicatorsTab() {
  const { t } = useI18n();
  const canManage = useCanManage();
  const name = useLocalName();
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const list = useIndicators();
  const editing = editingId ? (list.data?.items.find((i) => i.id === editingId) ?? null) : null;
  const editButton = (r: Indicator) =>
    r.allowedActions?.includes('edit') ? (
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditingId(r.id)} data-testid={`edit-${r.code}`}>
        {t('catalogue.edit')}
      </Button>
    ) : null;
  const measureLabel = (m: string) => t(`catalogue.measure.${m}` as MessageKey);
  const uomLabel = (u: string) => t(`catalogue.uom.${u}` as MessageKey);
  const dirLabel = (d: string) => t(`catalogue.direction.${d}` as MessageKey);

  return (
    <>
      <div className="catalogue-toolbar">
        <span className="catalogue-grow" />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-indicator">
            {t('catalogue.newIndicator')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
      <ResponsiveList<Indicator>
        testId="indicators"
        rows={list.data?.items}
        loading={list.isLoading}
        rowKey={(r) => r.id}
        columns={[
          { title: t('catalogue.name'), key: 'name', render: (_, r) => <NameWithCode name={name(r)} code={r.code} /> },
          {
            title: t('catalogue.measure'),
            dataIndex: 'measure',
            render: (v: Indicator['measure']) => <div className="catalogue-wrap-cell">{measureLabel(v)}</div>,
          },
          { title: t('catalogue.unitOfMeasure'), dataIndex: 'unitOfMeasure', render: uomLabel },
          { title: t('catalogue.direction'), dataIndex: 'direction', render: dirLabel },
          { key: 'actions', render: (_, r) => (r.archivedAt ? <Tag>{t('catalogue.archived')}</Tag> : editButton(r)) },
        ]}
        card={(r) => (
          <>
            <div className="catalogue-card-title">{name(r)}</div>
            <CardLine label={t('catalogue.code')}>
              <code>{r.code}</code>
            </CardLine>
            <CardLine label={t('catalogue.measure')}>{measureLabel(r.measure)}</CardLine>
            <CardLine label={t('catalogue.unitOfMeasure')}>{uomLabel(r.unitOfMeasure)}</CardLine>
            <CardLine label={t('catalogue.direction')}>{dirLabel(r.direction)}</CardLine>
            <div className="catalogue-card-actions">{editButton(r)}</div>
          </>
        )}
      />
      <IndicatorDrawer open={creating} onClose={() => setCreating(false)} />
      <IndicatorEditDrawer indicator={editing} onClose={() => setEditingId(null)} />
    </>
  );
}

interface IndicatorForm {
  code: string;
  nameVi: string;
  nameEn: string;
  measure: Measure;
  unitOfMeasure: UnitOfMeasure;
  direction: Direction;
  numeratorElementId?: string;
  denominatorElementId?: string;
  condition?: { elementId?: string; operator?: ConditionOperator; number?: number; values?: string[] };
  eligibilityElementId?: string;
  unitKinds: OrgUnitKind[];
  recordSource?: RecordSourceName;
  recordFilter?: { sector?: GrassrootsSector };
}

/** The API's rules for the fields this form checks before sending. */
const fields = CreateIndicatorBody.shape;

function IndicatorDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const name = useLocalName();
  const [form] = Form.useForm<IndicatorForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateIndicator();
  const elements = useDataElements();
  const measure = (Form.useWatch('measure', form) ?? 'sum') as Measure;
  const recordSource = Form.useWatch('recordSource', form) as RecordSourceName | undefined;
  const conditionElementId = Form.useWatch(['condition', 'elementId'], form) as string | undefined;
  const slots = slotsOf(measure, recordSource);

  const active = useMemo(() => (elements.data?.items ?? []).filter((e) => !e.archivedAt), [elements.data]);
  const options = (types: ValueType[]) =>
    active.filter((e) => types.includes(e.valueType)).map((e) => ({ value: e.id, label: `${name(e)} (${e.code})` }));
  const conditionElement: DataElement | undefined = active.find((e) => e.id === conditionElementId);
  const operator = Form.useWatch(['condition', 'operator'], form) as ConditionOperator | undefined;
  const required = [{ required: true, message: t('validation.required') }];

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const submit = async (v: IndicatorForm) => {
    setError(null);
    const body = {
      code: v.code,
      nameVi: v.nameVi,
      nameEn: v.nameEn,
      measure: v.measure,
      unitOfMeasure: v.unitOfMeasure,
      direction: v.direction,
      unitKinds: v.unitKinds,
      numeratorElementId: slots.has('numerator') ? (v.numeratorElementId ?? null) : null,
      denominatorElementId: slots.has('denominator') ? (v.denominatorElementId ?? null) : null,
      eligibilityElementId: slots.has('eligibility') ? (v.eligibilityElementId ?? null) : null,
      condition:
        // Both are required fields of the form when the measure has a condition.
        slots.has('condition') && v.condition?.elementId && v.condition.operator
          ? {
              elementId: v.condition.elementId,
              operator: v.condition.operator,
              number: v.condition.operator && ['=', '>=', '<='].includes(v.condition.operator) ? (v.condition.number ?? null) : null,
              values: v.condition.operator === 'in' ? (v.condition.values ?? []) : null,
            }
          : null,
      recordSource: slots.has('recordSource') ? (v.recordSource ?? null) : null,
      recordFilter:
        slots.has('recordSource') && v.recordSource === 'unit_founded' && v.recordFilter?.sector ? { sector: v.recordFilter.sector } : null,
    };
    try {
      await create.mutateAsync(body);
      message.success(t('catalogue.saved'));
      close();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <CreateDrawer
      open={open}
      onClose={close}
      title={t('catalogue.newIndicator')}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="save-indicator"
      error={error}
    >
      <Form<IndicatorForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ measure: 'sum', unitOfMeasure: 'count', direction: 'higher_is_better', unitKinds: ['grassroots_union'] }}
        onValuesChange={(changed: Partial<IndicatorForm>) => {
          if (changed.measure) {
            const percent = ['ratio_of_sums', 'share_of_units'].includes(changed.measure);
            form.setFieldValue('unitOfMeasure', percent ? 'percent' : 'count');
          }
          if (changed.condition?.elementId) form.setFieldValue(['condition', 'operator'], undefined);
        }}
      >
        <Form.Item name="code" label={t('catalogue.code')} extra={t('catalogue.codeHelp')} rules={[...required, fieldRule(fields.code, t)]}>
          <Input maxLength={INDICATOR_LIMITS.codeMax} />
        </Form.Item>
        <Form.Item name="nameVi" label={t('catalogue.nameVi')} rules={[...required, fieldRule(fields.nameVi, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalogue.nameEn')} rules={[...required, fieldRule(fields.nameEn, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="measure" label={t('catalogue.measure')}>
          <Select options={MEASURES.map((m) => ({ value: m, label: t(`catalogue.measure.${m}` as MessageKey) }))} data-testid="measure" />
        </Form.Item>
        {slots.has('recordSource') && (
          <Form.Item name="recordSource" label={t('catalogue.recordSource')} rules={required}>
            <Select options={RECORD_SOURCES.map((s) => ({ value: s, label: t(`catalogue.recordSource.${s}` as MessageKey) }))} />
          </Form.Item>
        )}
        {slots.has('recordSource') && recordSource === 'unit_founded' && (
          <Form.Item name={['recordFilter', 'sector']} label={t('catalogue.recordSector')}>
            <Select allowClear options={GRASSROOTS_SECTORS.map((s) => ({ value: s, label: t(`enums.sector.${s}` as MessageKey) }))} />
          </Form.Item>
        )}
        {slots.has('numerator') && (
          <Form.Item name="numeratorElementId" label={t('catalogue.numerator')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('catalogue.pickElement')} options={options(['number'])} />
          </Form.Item>
        )}
        {slots.has('denominator') && (
          <Form.Item name="denominatorElementId" label={t('catalogue.denominator')} rules={required}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('catalogue.pickElement')} options={options(['number'])} />
          </Form.Item>
        )}
        {slots.has('condition') && (
          <>
            <Form.Item name={['condition', 'elementId']} label={t('catalogue.conditionElement')} rules={required}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('catalogue.pickElement')}
                options={options(['number', 'boolean', 'grade'])}
              />
            </Form.Item>
            <Form.Item name={['condition', 'operator']} label={t('catalogue.conditionOperator')} rules={required}>
              <Select
                disabled={!conditionElement}
                options={(conditionElement ? OPERATORS_BY_TYPE[conditionElement.valueType] : []).map((o) => ({
                  value: o,
                  label: t(`catalogue.operator.${o}` as MessageKey),
                }))}
              />
            </Form.Item>
            {operator && ['=', '>=', '<='].includes(operator) && (
              <Form.Item name={['condition', 'number']} label={t('catalogue.conditionNumber')} rules={required}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            )}
            {operator === 'in' && (
              <Form.Item name={['condition', 'values']} label={t('catalogue.conditionValues')} rules={required}>
                <Select mode="multiple" options={(conditionElement?.gradeOptions ?? []).map((g) => ({ value: g, label: g }))} />
              </Form.Item>
            )}
          </>
        )}
        {slots.has('eligibility') && (
          <Form.Item name="eligibilityElementId" label={t('catalogue.eligibility')} extra={t('catalogue.eligibilityHelp')}>
            <Select allowClear placeholder={t('catalogue.pickElement')} options={options(['boolean'])} />
          </Form.Item>
        )}
        <Form.Item name="unitOfMeasure" label={t('catalogue.unitOfMeasure')}>
          <Select options={UNITS_OF_MEASURE.map((u) => ({ value: u, label: t(`catalogue.uom.${u}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="direction" label={t('catalogue.direction')}>
          <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`catalogue.direction.${d}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="unitKinds" label={t('catalogue.unitKinds')} rules={required}>
          <Select mode="multiple" options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`enums.kind.${k}` as MessageKey) }))} />
        </Form.Item>
      </Form>
    </CreateDrawer>
  );
}

interface IndicatorEditForm {
  nameVi: string;
  nameEn: string;
  bounded: boolean;
  direction: Direction;
}

const editFields = UpdateIndicatorBody.shape;

/**
 * Correcting an indicator: names and "bounded" at any time, the direction only
 * while no target uses it (else the server's INDICATOR_MEANING_IN_USE says to
 * create a new one). What it computes is fixed. A 409 keeps what was typed.
 */
function IndicatorEditDrawer({ indicator, onClose }: { indicator: Indicator | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorEditForm>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateIndicator();
  const { version, markStale } = useExpectedVersion(indicator);
  const required = { required: true, message: t('validation.required') };
  const id = indicator?.id;
  const close = () => {
    setError(null);
    onClose();
  };
  useEffect(() => {
    if (!indicator) return;
    form.resetFields();
    form.setFieldsValue({ nameVi: indicator.nameVi, nameEn: indicator.nameEn, bounded: indicator.bounded, direction: indicator.direction });
    // Filled once per opened indicator: a refetch never overwrites what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const submit = async (v: IndicatorEditForm) => {
    if (!indicator) return;
    setError(null);
    try {
      await update.mutateAsync({
        id: indicator.id,
        body: {
          expectedVersion: version,
          nameVi: v.nameVi,
          nameEn: v.nameEn,
          bounded: v.bounded,
          ...(v.direction !== indicator.direction ? { direction: v.direction } : {}),
        },
      });
      message.success(t('catalogue.saved'));
      close();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_WRITE') markStale();
      setError(applyApiError(form, e));
    }
  };

  const shareOfUnits = indicator?.measure === 'share_of_units';
  return (
    <CreateDrawer
      open={Boolean(indicator)}
      onClose={close}
      title={t('catalogue.editIndicator')}
      saving={update.isPending}
      onSave={() => form.submit()}
      saveTestId="save-indicator-edit"
      error={error}
    >
      <Form<IndicatorEditForm> form={form} name="indicator-edit" layout="vertical" onFinish={submit}>
        <Typography.Paragraph type="secondary">{t('catalogue.indicatorFixedHelp')}</Typography.Paragraph>
        <Form.Item label={t('catalogue.code')}>
          <code>{indicator?.code}</code>
        </Form.Item>
        <Form.Item name="nameVi" label={t('catalogue.nameVi')} rules={[required, fieldRule(editFields.nameVi, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalogue.nameEn')} rules={[required, fieldRule(editFields.nameEn, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} />
        </Form.Item>
        {indicator?.unitOfMeasure === 'percent' && (
          <Form.Item name="bounded" label={t('catalogue.bounded')} extra={t('catalogue.boundedHelp')} valuePropName="checked">
            <Switch disabled={shareOfUnits} />
          </Form.Item>
        )}
        <Form.Item name="direction" label={t('catalogue.direction')} extra={t('catalogue.indicatorMeaningHelp')}>
          <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`catalogue.direction.${d}` as MessageKey) }))} />
        </Form.Item>
      </Form>
    </CreateDrawer>
  );
}
