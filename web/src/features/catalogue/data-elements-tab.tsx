// Dữ liệu báo cáo: what units report each month (list, add, correct, archive).
// Each row's buttons are those the server allows (allowedActions).
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Switch, Tag } from 'antd';
import { EditOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import { CreateDataElementBody, UpdateDataElementBody } from '../../../../common/api/indicators';
import {
  AGGREGATIONS_BY_TYPE,
  GRASSROOTS_GRADES,
  INDICATOR_LIMITS,
  VALUE_TYPES,
  type Aggregation,
  type CatalogueAction,
  type ValueType,
} from '../../../../common/indicators';
import { RECORD_DERIVED_SOURCES, type RecordDerivedSource } from '../../../../common/activities';
import { DERIVED_FACT_SOURCES, REGISTRY_DERIVED_SOURCES, type DerivedFactSource } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { useArchiveDataElement, useCreateDataElement, useDataElements, useUpdateDataElement, type DataElement } from './api';
import { CardLine, CreateDrawer, NameWithCode, ResponsiveList, useCanManage, useExpectedVersion, useLocalName } from './shared';

export function DataElementsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canManage = useCanManage();
  const name = useLocalName();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const list = useDataElements(showArchived);
  const editing = editingId ? (list.data?.items.find((e) => e.id === editingId) ?? null) : null;
  const can = (row: DataElement, action: CatalogueAction) => Boolean(row.allowedActions?.includes(action));
  const archive = useArchiveDataElement();

  const onArchive = async (row: DataElement) => {
    try {
      await archive.mutateAsync(row.id);
      message.success(t('catalogue.archivedDone'));
    } catch (e) {
      // e.g. DATA_ELEMENT_IN_USE: "đang được dùng cho 2 chỉ tiêu…"
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const editButton = (row: DataElement) =>
    can(row, 'edit') ? (
      <Button size="small" icon={<EditOutlined />} onClick={() => setEditingId(row.id)} data-testid={`edit-${row.code}`}>
        {t('catalogue.edit')}
      </Button>
    ) : null;
  const archiveButton = (row: DataElement) =>
    can(row, 'archive') ? (
      <Popconfirm
        title={t('catalogue.archiveConfirm', { name: name(row) })}
        okText={t('catalogue.archive')}
        cancelText={t('catalogue.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => onArchive(row)}
      >
        <Button size="small" icon={<InboxOutlined />} data-testid={`archive-${row.code}`}>
          {t('catalogue.archive')}
        </Button>
      </Popconfirm>
    ) : null;
  const typeLabel = (v: string) => t(`catalogue.valueType.${v}` as MessageKey);
  const aggLabel = (v: string) => t(`catalogue.aggregation.${v}` as MessageKey);
  // The addend is looked up in the list shown (an addend in use cannot be archived).
  const byId = new Map((list.data?.items ?? []).map((e) => [e.id, e]));
  const sourceLabel = (r: DataElement) => {
    if (!r.derivedFrom) return t('catalogue.derivedFromReported');
    const addend = r.derivedAddendElementId ? byId.get(r.derivedAddendElementId) : undefined;
    return (
      <>
        <Tag color="blue" data-testid="derived-tag">
          {t(`catalogue.derivedFrom.${r.derivedFrom}` as MessageKey)}
        </Tag>
        {addend && <span data-testid="derived-addend">{t('catalogue.derivedAddendPlus', { name: name(addend) })}</span>}
      </>
    );
  };

  return (
    <>
      <div className="catalogue-toolbar">
        <Space>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} id="show-archived" />
          <label htmlFor="show-archived">{t('catalogue.showArchived')}</label>
        </Space>
        <span className="catalogue-grow" />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-element">
            {t('catalogue.newElement')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
      <ResponsiveList<DataElement>
        testId="elements"
        rows={list.data?.items}
        loading={list.isLoading}
        rowKey={(r) => r.id}
        columns={[
          { title: t('catalogue.name'), key: 'name', render: (_, r) => <NameWithCode name={name(r)} code={r.code} /> },
          { title: t('catalogue.valueType'), dataIndex: 'valueType', render: typeLabel },
          { title: t('catalogue.aggregation'), dataIndex: 'aggregation', render: aggLabel },
          {
            title: t('catalogue.derivedFrom'),
            key: 'derivedFrom',
            render: (_, r) => <div className="catalogue-wrap-cell">{sourceLabel(r)}</div>,
          },
          {
            title: t('catalogue.allowsNotApplicable'),
            dataIndex: 'allowsNotApplicable',
            render: (v: boolean) => (v ? t('catalogue.yes') : t('catalogue.no')),
          },
          {
            key: 'actions',
            render: (_, r) =>
              r.archivedAt ? (
                <Tag>{t('catalogue.archived')}</Tag>
              ) : (
                <Space size={4} wrap>
                  {editButton(r)}
                  {archiveButton(r)}
                </Space>
              ),
          },
        ]}
        card={(r) => (
          <>
            <div className="catalogue-card-title">{name(r)}</div>
            <CardLine label={t('catalogue.code')}>
              <code>{r.code}</code>
            </CardLine>
            <CardLine label={t('catalogue.valueType')}>{typeLabel(r.valueType)}</CardLine>
            <CardLine label={t('catalogue.aggregation')}>{aggLabel(r.aggregation)}</CardLine>
            <CardLine label={t('catalogue.derivedFrom')}>{sourceLabel(r)}</CardLine>
            <CardLine label={t('catalogue.allowsNotApplicable')}>{r.allowsNotApplicable ? t('catalogue.yes') : t('catalogue.no')}</CardLine>
            <div className="catalogue-card-actions">
              {r.archivedAt ? (
                <Tag>{t('catalogue.archived')}</Tag>
              ) : (
                <Space size={4} wrap>
                  {editButton(r)}
                  {archiveButton(r)}
                </Space>
              )}
            </div>
          </>
        )}
      />
      <DataElementDrawer open={creating} onClose={() => setCreating(false)} />
      <DataElementEditDrawer element={editing} onClose={() => setEditingId(null)} />
    </>
  );
}

interface ElementEditForm {
  nameVi: string;
  nameEn: string;
  helpVi?: string;
  allowsNotApplicable: boolean;
  aggregation: Aggregation;
  gradeOptions?: string[];
}

const editFields = UpdateDataElementBody.shape;

/**
 * Correcting a data element: names, help and "không áp dụng" at any time; the
 * aggregation and grades only while no target uses it — otherwise the
 * server's message (DATA_ELEMENT_MEANING_IN_USE) says to create a new one.
 * A 409 keeps what was typed.
 */
function DataElementEditDrawer({ element, onClose }: { element: DataElement | null; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ElementEditForm>();
  const [error, setError] = useState<string | null>(null);
  const update = useUpdateDataElement();
  const { version, markStale } = useExpectedVersion(element);
  const required = { required: true, message: t('validation.required') };
  const id = element?.id;
  const close = () => {
    setError(null);
    onClose();
  };
  useEffect(() => {
    if (!element) return;
    form.resetFields();
    form.setFieldsValue({
      nameVi: element.nameVi,
      nameEn: element.nameEn,
      helpVi: element.helpVi ?? '',
      allowsNotApplicable: element.allowsNotApplicable,
      aggregation: element.aggregation,
      gradeOptions: element.gradeOptions ?? undefined,
    });
    // Filled once per opened element: a refetch never overwrites what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const submit = async (v: ElementEditForm) => {
    if (!element) return;
    setError(null);
    const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    try {
      await update.mutateAsync({
        id: element.id,
        body: {
          expectedVersion: version,
          nameVi: v.nameVi,
          nameEn: v.nameEn,
          helpVi: v.helpVi?.trim() ? v.helpVi.trim() : null,
          allowsNotApplicable: v.allowsNotApplicable,
          // Only what changed: an unchanged aggregation or grade list is never a change of meaning.
          ...(v.aggregation !== element.aggregation ? { aggregation: v.aggregation } : {}),
          ...(element.valueType === 'grade' && !same(v.gradeOptions, element.gradeOptions) ? { gradeOptions: v.gradeOptions ?? [] } : {}),
        },
      });
      message.success(t('catalogue.saved'));
      close();
    } catch (e) {
      // e.g. "Có 2 chỉ tiêu đang dùng dữ liệu này… Hãy tạo dữ liệu báo cáo mới." (409, the row itself unchanged)
      if (e instanceof ApiError && e.code === 'STALE_WRITE') markStale();
      setError(applyApiError(form, e));
    }
  };

  const derived = Boolean(element?.derivedFrom);
  return (
    <CreateDrawer
      open={Boolean(element)}
      onClose={close}
      title={t('catalogue.editElement')}
      saving={update.isPending}
      onSave={() => form.submit()}
      saveTestId="save-element-edit"
      error={error}
    >
      <Form<ElementEditForm> form={form} name="element-edit" layout="vertical" onFinish={submit}>
        <Form.Item label={t('catalogue.code')}>
          <code>{element?.code}</code>
        </Form.Item>
        <Form.Item name="nameVi" label={t('catalogue.nameVi')} rules={[required, fieldRule(editFields.nameVi, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} data-testid="element-edit-name-vi" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalogue.nameEn')} rules={[required, fieldRule(editFields.nameEn, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="helpVi" label={t('catalogue.helpVi')} rules={[fieldRule(editFields.helpVi, t)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="allowsNotApplicable" label={t('catalogue.allowsNotApplicable')} valuePropName="checked">
          <Switch disabled={derived} data-testid="element-edit-na" />
        </Form.Item>
        <Alert type="info" showIcon title={t('catalogue.elementMeaningHelp')} style={{ marginBottom: 16 }} />
        {element && (
          <Form.Item name="aggregation" label={t('catalogue.aggregation')}>
            <Select
              disabled={derived}
              data-testid="element-edit-aggregation"
              options={AGGREGATIONS_BY_TYPE[element.valueType].map((a) => ({
                value: a,
                label: t(`catalogue.aggregation.${a}` as MessageKey),
              }))}
            />
          </Form.Item>
        )}
        {element?.valueType === 'grade' && (
          <Form.Item
            name="gradeOptions"
            label={t('catalogue.gradeOptions')}
            extra={t('catalogue.gradeOptionsHelp')}
            rules={[fieldRule(editFields.gradeOptions, t)]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', ' ']} />
          </Form.Item>
        )}
      </Form>
    </CreateDrawer>
  );
}

interface ElementForm {
  code: string;
  nameVi: string;
  nameEn: string;
  valueType: ValueType;
  aggregation: Aggregation;
  allowsNotApplicable: boolean;
  gradeOptions?: string[];
  /** '' = reported by units. */
  derivedFrom: DerivedFactSource | '';
  /** Derived only: a reported number element added each month; '' = none. */
  derivedAddendElementId: string;
}

/** The API's rules for the fields this form checks before sending. */
const fields = CreateDataElementBody.shape;

/** Sources computed from activity records (common/activities.ts), in the catalogue's order. */
const RECORD_SOURCES = DERIVED_FACT_SOURCES.filter((s): s is RecordDerivedSource => isRecordSource(s));

function isRecordSource(source: string | null | undefined): source is RecordDerivedSource {
  return source != null && Object.hasOwn(RECORD_DERIVED_SOURCES, source);
}

/** The shape a derived element must have (the server's checkDataElementShape). */
function shapeOfSource(source: DerivedFactSource): Pick<ElementForm, 'valueType' | 'aggregation' | 'allowsNotApplicable' | 'gradeOptions'> {
  if (!isRecordSource(source)) return { valueType: 'number', aggregation: 'last', allowsNotApplicable: false };
  const spec = RECORD_DERIVED_SOURCES[source];
  return source === 'classification_grade'
    ? { valueType: spec.valueType, aggregation: spec.aggregation, allowsNotApplicable: true, gradeOptions: [...GRASSROOTS_GRADES] }
    : { valueType: spec.valueType, aggregation: spec.aggregation, allowsNotApplicable: false };
}

function DataElementDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const required = { required: true, message: t('validation.required') };
  const { message } = App.useApp();
  const [form] = Form.useForm<ElementForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateDataElement();
  const name = useLocalName();
  // Elements a derived one may add: reported (not derived) numbers with the last value, not archived (the list's default).
  const addendOptions = (useDataElements(false).data?.items ?? [])
    .filter((e) => e.valueType === 'number' && e.aggregation === 'last' && !e.derivedFrom && !e.archivedAt)
    .map((e) => ({ value: e.id, label: name(e) }));
  const valueType = Form.useWatch('valueType', form) ?? 'number';
  const derivedFrom = Form.useWatch('derivedFrom', form);
  const derived = Boolean(derivedFrom);
  const fromRecords = isRecordSource(derivedFrom);

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const submit = async (values: ElementForm) => {
    setError(null);
    try {
      await create.mutateAsync({
        ...values,
        gradeOptions: values.valueType === 'grade' ? (values.gradeOptions ?? []) : null,
        derivedFrom: values.derivedFrom || null,
        derivedAddendElementId: (values.derivedFrom === 'active_members' && values.derivedAddendElementId) || null,
      });
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
      title={t('catalogue.newElement')}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="save-element"
      error={error}
    >
      <Form<ElementForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ valueType: 'number', aggregation: 'sum', allowsNotApplicable: false, derivedFrom: '', derivedAddendElementId: '' }}
        onValuesChange={(changed: Partial<ElementForm>) => {
          if (changed.valueType) form.setFieldValue('aggregation', AGGREGATIONS_BY_TYPE[changed.valueType][0]);
          // The source decides the shape: members at month end are a number, its latest month, never
          // "not applicable"; a figure from records has its source's type and aggregation (the
          // classification: the four grades, "not applicable" for a unit not classified).
          if (changed.derivedFrom) form.setFieldsValue(shapeOfSource(changed.derivedFrom));
          // Only the members at month end add a reported element (members + workers who are not members).
          if (changed.derivedFrom !== undefined && changed.derivedFrom !== 'active_members')
            form.setFieldValue('derivedAddendElementId', '');
        }}
      >
        <Form.Item name="code" label={t('catalogue.code')} extra={t('catalogue.codeHelp')} rules={[required, fieldRule(fields.code, t)]}>
          <Input maxLength={INDICATOR_LIMITS.codeMax} />
        </Form.Item>
        <Form.Item name="nameVi" label={t('catalogue.nameVi')} rules={[required, fieldRule(fields.nameVi, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('catalogue.nameEn')} rules={[required, fieldRule(fields.nameEn, t)]}>
          <Input maxLength={INDICATOR_LIMITS.nameMax} />
        </Form.Item>
        <Form.Item
          name="derivedFrom"
          label={t('catalogue.derivedFrom')}
          extra={fromRecords ? t('catalogue.derivedFromRecordsHelp') : derived ? t('catalogue.derivedFromHelp') : undefined}
        >
          <Select
            data-testid="element-derived-from"
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '', label: t('catalogue.derivedFromReported') },
              {
                label: t('catalogue.derivedFromGroup.registry'),
                options: REGISTRY_DERIVED_SOURCES.map((v) => ({ value: v, label: t(`catalogue.derivedFrom.${v}` as MessageKey) })),
              },
              {
                label: t('catalogue.derivedFromGroup.records'),
                options: RECORD_SOURCES.map((v) => ({ value: v, label: t(`catalogue.derivedFrom.${v}` as MessageKey) })),
              },
            ]}
          />
        </Form.Item>
        {derivedFrom === 'active_members' && (
          <Form.Item name="derivedAddendElementId" label={t('catalogue.derivedAddend')} extra={t('catalogue.derivedAddendHelp')}>
            <Select
              data-testid="element-derived-addend"
              showSearch={{ optionFilterProp: 'label' }}
              options={[{ value: '', label: t('catalogue.derivedAddendNone') }, ...addendOptions]}
            />
          </Form.Item>
        )}
        <Form.Item name="valueType" label={t('catalogue.valueType')}>
          <Select disabled={derived} options={VALUE_TYPES.map((v) => ({ value: v, label: t(`catalogue.valueType.${v}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="aggregation" label={t('catalogue.aggregation')}>
          <Select
            disabled={derived}
            options={AGGREGATIONS_BY_TYPE[valueType].map((v) => ({ value: v, label: t(`catalogue.aggregation.${v}` as MessageKey) }))}
          />
        </Form.Item>
        {valueType === 'grade' && (
          <Form.Item
            name="gradeOptions"
            label={t('catalogue.gradeOptions')}
            extra={t('catalogue.gradeOptionsHelp')}
            rules={[fieldRule(fields.gradeOptions, t)]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', ' ']} />
          </Form.Item>
        )}
        <Form.Item name="allowsNotApplicable" label={t('catalogue.allowsNotApplicable')} valuePropName="checked">
          <Switch disabled={derived} />
        </Form.Item>
      </Form>
    </CreateDrawer>
  );
}
