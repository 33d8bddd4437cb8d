// Chỉ số: how results are measured. The create form shows only the parts the
// chosen measure uses (mirrors slotRules in server/modules/indicators/definition-rules.ts).
import { Alert, App, Button, Form, Input, InputNumber, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { CreateIndicatorBody } from '../../../../common/api/indicators';
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
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { useCreateIndicator, useDataElements, useIndicators, type DataElement, type Indicator } from './api';
import { CardLine, CreateDrawer, NameWithCode, ResponsiveList, useCanManage, useLocalName } from './shared';

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
  const list = useIndicators();
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
          { key: 'archived', render: (_, r) => (r.archivedAt ? <Tag>{t('catalogue.archived')}</Tag> : null) },
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
          </>
        )}
      />
      <IndicatorDrawer open={creating} onClose={() => setCreating(false)} />
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
