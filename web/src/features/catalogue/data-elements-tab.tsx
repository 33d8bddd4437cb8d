// Dữ liệu báo cáo: what units report each month (list, add, archive).
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Switch, Tag } from 'antd';
import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import { CreateDataElementBody } from '../../../../common/api/indicators';
import { AGGREGATIONS_BY_TYPE, INDICATOR_LIMITS, VALUE_TYPES, type Aggregation, type ValueType } from '../../../../common/indicators';
import { DERIVED_FACT_SOURCES, type DerivedFactSource } from '../../../../common/members';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { useArchiveDataElement, useCreateDataElement, useDataElements, type DataElement } from './api';
import { CardLine, CreateDrawer, NameWithCode, ResponsiveList, useCanManage, useLocalName } from './shared';

export function DataElementsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canManage = useCanManage();
  const name = useLocalName();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useDataElements(showArchived);
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

  const archiveButton = (row: DataElement) =>
    canManage && !row.archivedAt ? (
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
            render: (_, r) => (r.archivedAt ? <Tag>{t('catalogue.archived')}</Tag> : archiveButton(r)),
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
            <div className="catalogue-card-actions">{r.archivedAt ? <Tag>{t('catalogue.archived')}</Tag> : archiveButton(r)}</div>
          </>
        )}
      />
      <DataElementDrawer open={creating} onClose={() => setCreating(false)} />
    </>
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
  const derived = Boolean(Form.useWatch('derivedFrom', form));

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
        derivedAddendElementId: (values.derivedFrom && values.derivedAddendElementId) || null,
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
          // Members at month end: a number, its latest month, never "not applicable".
          if (changed.derivedFrom) form.setFieldsValue({ valueType: 'number', aggregation: 'last', allowsNotApplicable: false });
          // Back to "reported by units": nothing is added.
          if (changed.derivedFrom === '') form.setFieldValue('derivedAddendElementId', '');
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
        <Form.Item name="derivedFrom" label={t('catalogue.derivedFrom')} extra={derived ? t('catalogue.derivedFromHelp') : undefined}>
          <Select
            data-testid="element-derived-from"
            options={[
              { value: '', label: t('catalogue.derivedFromReported') },
              ...DERIVED_FACT_SOURCES.map((v) => ({ value: v, label: t(`catalogue.derivedFrom.${v}` as MessageKey) })),
            ]}
          />
        </Form.Item>
        {derived && (
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
