// Thêm / sửa hồ sơ hoạt động, in a drawer (full screen on phones): the fields
// every record has (unit, date, title, notes), the kind's details, the people
// it names, and its files once saved. The body is checked with the API's own
// schema (ActivityRecordInput) before it is sent; the server's field errors
// land under their fields; an edit carries the version it was read at, and a
// 409 says who changed the record while keeping everything typed.
import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Divider, Drawer, Form, Input, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ACTIVITY_LIMITS, ONE_PER_YEAR_KINDS, type ActivityKind } from '../../../../common/activities';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { ApiError } from '../../lib/api';
import { DATE_FORMAT, formatDate, formatDateTime, keepEnterInDateFields, todayDayjs, toIsoDate } from '../../lib/dates';
import { applyApiError } from '../../lib/form-errors';
import { useFormat } from '../../lib/format';
import { useDrawerSize } from '../../lib/responsive';
import { useOrgUnits } from '../units/api';
import { UnitPicker } from '../units/unit-picker';
import { ActivityAttachments } from './activity-attachments';
import { checkBody, detailsToForm, formField, toBody, type ActivityFormValues as FormValues } from './activity-body';
import { ACTIVITIES_KEY, useCreateActivity, useDeleteActivity, useUpdateActivity, type ActivityRecord } from './api';
import { KIND_COLUMNS, peopleLine } from './details';
import { defaultDetails, KindFields } from './kind-fields';
import { kindKey, peopleRule, roleKey } from './labels';
import { PeoplePicker } from './people-picker';

export function ActivityDrawer(props: {
  record: ActivityRecord | null;
  initialKind?: ActivityKind;
  writableKinds: ActivityKind[];
  defaultUnitId?: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const size = useDrawerSize(720);
  // After a create the drawer stays on the saved record, so files can be attached.
  const [record, setRecord] = useState(props.record);
  const editable = !record || record.allowedActions.includes('edit');
  const title = !record
    ? t('activities.newTitle')
    : editable
      ? t('activities.editTitle', { kind: t(kindKey(record.kind)) })
      : t(kindKey(record.kind));
  return (
    // Escape does not close it: a form full of typed details is not dropped by one key (nor by the Escape a picker swallows).
    <Drawer open onClose={props.onClose} size={size} keyboard={false} destroyOnHidden title={title} data-testid="activity-drawer">
      {record && !editable ? (
        <ActivityView record={record} onClose={props.onClose} />
      ) : (
        <ActivityForm {...props} record={record} onCreated={setRecord} />
      )}
    </Drawer>
  );
}

function ActivityForm({
  record,
  initialKind,
  writableKinds,
  defaultUnitId,
  onClose,
  onCreated,
}: {
  record: ActivityRecord | null;
  initialKind?: ActivityKind;
  writableKinds: ActivityKind[];
  defaultUnitId?: string;
  onClose: () => void;
  onCreated: (r: ActivityRecord) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  // A reason is asked when the row says so, or when the server says a report of the month was submitted since.
  const [needReason, setNeedReason] = useState(Boolean(record?.reasonRequired));
  const create = useCreateActivity();
  const update = useUpdateActivity(record?.id ?? '');
  const kind = (Form.useWatch('kind', form) ?? record?.kind ?? initialKind ?? writableKinds[0] ?? 'training') as ActivityKind;
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const occurredOn = Form.useWatch('occurredOn', form) as Dayjs | undefined;
  const welfareKind = Form.useWatch(['details', 'welfareKind'], form) as string | undefined;
  const date = toIsoDate(occurredOn);
  const people = peopleRule(kind, welfareKind);
  const required = { required: true, message: t('validation.required') };

  const initialValues = useMemo<FormValues>(() => {
    if (record) {
      return {
        kind: record.kind,
        unitId: record.unitId,
        occurredOn: dayjs(record.occurredOn),
        title: record.title,
        notes: record.notes ?? undefined,
        details: detailsToForm(record.details),
        people: record.people.map((p) => p.memberId),
      };
    }
    const k = initialKind ?? writableKinds[0] ?? 'training';
    const today = todayDayjs();
    return {
      kind: k,
      unitId: defaultUnitId,
      occurredOn: today,
      details: { ...defaultDetails(k, today.year()), ...(k === 'inspection' && defaultUnitId ? { inspectedUnitId: defaultUnitId } : {}) },
      people: [],
    };
    // The form is set up once per record (the drawer is keyed by it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // One unit in scope (a CĐCS chair): it is the record's unit, no need to pick it.
  const scope = useOrgUnits(date, undefined, { enabled: !record && Boolean(date) });
  useEffect(() => {
    const items = scope.data?.items ?? [];
    if (record || items.length !== 1 || form.getFieldValue('unitId')) return;
    form.setFieldValue('unitId', items[0]!.id);
    if (form.getFieldValue('kind') === 'inspection' && !form.getFieldValue(['details', 'inspectedUnitId'])) {
      form.setFieldValue(['details', 'inspectedUnitId'], items[0]!.id);
    }
  }, [scope.data, record, form]);

  const onValuesChange = (changed: Partial<FormValues>) => {
    if (changed.kind && !record) {
      const details = defaultDetails(changed.kind, (occurredOn ?? todayDayjs()).year());
      // An inspection starts as one of the unit itself (cùng cấp).
      if (changed.kind === 'inspection' && unitId) details.inspectedUnitId = unitId;
      form.setFieldsValue({ details, people: [] });
    }
    // A one-per-year record's year follows its date until the year is typed.
    if (changed.occurredOn && (ONE_PER_YEAR_KINDS as readonly string[]).includes(kind) && !form.isFieldTouched(['details', 'year'])) {
      form.setFieldValue(['details', 'year'], changed.occurredOn.year());
    }
    if (changed.unitId !== undefined && kind === 'inspection' && !form.isFieldTouched(['details', 'inspectedUnitId'])) {
      form.setFieldValue(['details', 'inspectedUnitId'], changed.unitId);
    }
  };

  const showError = (e: unknown) => {
    // Someone saved the record after it was opened: say who and when (the server's message), keep what was typed.
    if (e instanceof ApiError && e.code === 'STALE_WRITE') {
      setStale(e.message);
      return;
    }
    if (e instanceof ApiError && e.code === 'ACTIVITY_REASON_REQUIRED') setNeedReason(true);
    const mapped =
      e instanceof ApiError
        ? new ApiError(
            e.status,
            e.code,
            e.message,
            e.fields.map((f) => ({ ...f, field: formField(f.field) })),
          )
        : e;
    setError(applyApiError(form, mapped));
  };

  const onFinish = (v: FormValues) => {
    setError(null);
    setStale(null);
    const values = { ...form.getFieldsValue(true), ...v } as FormValues;
    const body = toBody(values);
    // The API's own schema, with the catalogue's messages under each field.
    const checked = checkBody(body, t);
    if (checked.fields.length || checked.general.length) {
      form.setFields(checked.fields);
      if (checked.general.length) setError(checked.general.join(' '));
      return;
    }
    if (people && (values.people?.length ?? 0) < people.min) {
      form.setFields([{ name: ['people'], errors: [t('activities.peopleRequired')] }]);
      return;
    }
    if (!record) {
      create.mutate(body, {
        onSuccess: (created) => {
          message.success(t('activities.created'));
          onCreated(created);
        },
        onError: showError,
      });
    } else {
      update.mutate(
        { record: body, expectedVersion: record.rowVersion, reason: values.reason?.trim() || null },
        {
          onSuccess: () => {
            message.success(t('activities.saved'));
            onClose();
          },
          onError: showError,
        },
      );
    }
  };

  const reload = () => {
    void client.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
    onClose();
  };

  return (
    <>
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={onFinish}
        onKeyDown={keepEnterInDateFields}
        scrollToFirstError
        data-testid="activity-form"
        data-kind={kind}
      >
        {stale && (
          <Alert
            type="warning"
            showIcon
            title={stale}
            action={
              <Button size="small" onClick={reload} data-testid="activity-stale-reload">
                {t('activities.reload')}
              </Button>
            }
            style={{ marginBottom: 16 }}
            data-testid="activity-stale"
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="activity-error" />}
        {record && needReason && (
          <Alert
            type="info"
            showIcon
            title={t('activities.reasonRequiredText')}
            style={{ marginBottom: 16 }}
            data-testid="activity-reason-note"
          />
        )}
        {record && (
          <Typography.Paragraph type="secondary" className="activities-updated">
            {t('activities.updatedAt', { time: formatDateTime(record.updatedAt) })}
          </Typography.Paragraph>
        )}

        <Form.Item name="kind" label={t('activities.kindLabel')} rules={[required]} hidden={Boolean(record)}>
          <Select
            options={writableKinds.map((k) => ({ value: k, label: t(kindKey(k)) }))}
            data-testid="activity-kind"
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <div className="activities-form-pair">
          <Form.Item name="occurredOn" label={t('activities.occurredOn')} rules={[required]}>
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: '100%' }}
              allowClear={false}
              maxDate={todayDayjs()}
              data-testid="activity-date"
            />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={
              kind === 'inspection'
                ? t('activities.inspectingUnit')
                : kind === 'classification'
                  ? t('activities.classifiedUnit')
                  : t('activities.unit')
            }
            rules={[required]}
          >
            {kind === 'classification' ? (
              <ClassifiedUnitPicker date={date} />
            ) : (
              <UnitPicker date={date} placeholder={t('activities.unitPlaceholder')} data-testid="activity-unit" />
            )}
          </Form.Item>
        </div>
        <Form.Item
          name="title"
          label={t('activities.titleLabel')}
          rules={[
            required,
            { whitespace: true, message: t('validation.required') },
            { max: ACTIVITY_LIMITS.titleMax, message: t('validation.tooLong', { maximum: ACTIVITY_LIMITS.titleMax }) },
          ]}
        >
          <Input autoComplete="off" placeholder={t(`activities.titlePlaceholder.${kind}` as MessageKey)} data-testid="activity-title" />
        </Form.Item>

        <Divider titlePlacement="start" plain>
          {t(kindKey(kind))}
        </Divider>
        <KindFields kind={kind} unitId={unitId} date={date} />

        {people && (
          <Form.Item
            name="people"
            label={t(roleKey(people.role))}
            extra={people.max === 1 ? t('activities.peopleOne') : t('activities.peopleHint')}
            rules={people.min > 0 ? [{ required: true, type: 'array', min: people.min, message: t('activities.peopleRequired') }] : []}
          >
            <PeoplePicker
              unitId={unitId}
              date={date}
              known={record?.people}
              single={people.max === 1}
              max={people.max}
              data-testid="activity-people"
            />
          </Form.Item>
        )}

        <Form.Item
          name="notes"
          label={t('activities.notes')}
          rules={[{ max: ACTIVITY_LIMITS.textMax, message: t('validation.tooLong', { maximum: ACTIVITY_LIMITS.textMax }) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="activity-notes" />
        </Form.Item>

        {record && needReason && (
          <Form.Item
            name="reason"
            label={t('activities.reason')}
            rules={[
              required,
              { whitespace: true, message: t('validation.required') },
              { max: 500, message: t('validation.tooLong', { maximum: 500 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="activity-reason" />
          </Form.Item>
        )}

        <div className="activities-form-actions">
          {record?.allowedActions.includes('delete') && (
            <Button danger icon={<DeleteOutlined />} onClick={() => setDeleting(true)} data-testid="activity-delete">
              {t('common.delete')}
            </Button>
          )}
          <span style={{ flex: 1 }} />
          <Space wrap>
            <Button onClick={onClose} data-testid="activity-close">
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="activity-submit">
              {record ? t('common.save') : t('activities.create')}
            </Button>
          </Space>
        </div>
      </Form>

      <Divider />
      <ActivityAttachments recordId={record?.id ?? null} editable />

      {record && deleting && (
        <DeleteModal
          record={record}
          onCancel={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            onClose();
          }}
        />
      )}
    </>
  );
}

/** Xóa hồ sơ: confirmed, with a reason when a report covering its month was already submitted. */
function DeleteModal({ record, onCancel, onDeleted }: { record: ActivityRecord; onCancel: () => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  const remove = useDeleteActivity(record.id);
  const [needReason, setNeedReason] = useState(record.reasonRequired);
  return (
    <Modal
      open
      title={t('activities.deleteTitle', { title: record.title })}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('common.delete')}
      okButtonProps={{ danger: true, 'data-testid': 'activity-delete-confirm' }}
      cancelText={t('common.cancel')}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('activities.deleteText')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="activity-delete-error" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          remove.mutate(
            { expectedVersion: record.rowVersion, reason: v.reason?.trim() || null },
            {
              onSuccess: () => {
                message.success(t('activities.deleted'));
                onDeleted();
              },
              onError: (e) => {
                if (e instanceof ApiError && e.code === 'ACTIVITY_REASON_REQUIRED') setNeedReason(true);
                setError(applyApiError(form, e));
              },
            },
          );
        }}
      >
        {needReason ? (
          <Form.Item
            name="reason"
            label={t('activities.reason')}
            extra={t('activities.reasonRequiredText')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 500, message: t('validation.tooLong', { maximum: 500 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="activity-delete-reason" />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label={t('activities.reasonOptional')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} data-testid="activity-delete-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Công đoàn cơ sở được xếp loại: only grassroots unions can be chosen (ACTIVITY_UNIT_NOT_GRASSROOTS otherwise). */
function ClassifiedUnitPicker(props: {
  date: string | undefined;
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const list = useOrgUnits(props.date, undefined, { enabled: Boolean(props.date) });
  const others = useMemo(() => (list.data?.items ?? []).filter((u) => u.kind !== 'grassroots_union').map((u) => u.id), [list.data]);
  return (
    <UnitPicker
      date={props.date}
      value={props.value}
      onChange={props.onChange}
      disabledIds={others}
      placeholder={t('activities.unitPlaceholder')}
      id={props.id}
      data-testid="activity-unit"
    />
  );
}

/** A record the reader may not edit: its fields as text, its people and its files. */
function ActivityView({ record, onClose }: { record: ActivityRecord; onClose: () => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const d = record.details as Record<string, unknown>;
  const longTexts = (['findings', 'recommendations', 'reasons'] as const).filter((k) => typeof d[k] === 'string' && d[k]);
  const items = [
    { key: 'occurredOn', label: t('activities.occurredOn'), children: formatDate(record.occurredOn) },
    { key: 'unit', label: t('activities.unit'), children: record.unitName },
    { key: 'title', label: t('activities.titleLabel'), children: record.title },
    ...KIND_COLUMNS[record.kind]
      .filter((c) => c.key !== 'people')
      .map((c) => ({ key: c.key, label: t(c.label), children: c.render(record, t, fmt) })),
    ...(record.people.length ? [{ key: 'people', label: t('activities.people'), children: peopleLine(record, t) }] : []),
    ...longTexts.map((k) => ({ key: k, label: t(`activities.${k}` as MessageKey), children: String(d[k]) })),
    ...(record.notes ? [{ key: 'notes', label: t('activities.notes'), children: record.notes }] : []),
  ];
  return (
    <div data-testid="activity-view">
      <Descriptions column={1} size="small" bordered items={items} />
      <Typography.Paragraph type="secondary" className="activities-updated" style={{ marginTop: 8 }}>
        {t('activities.updatedAt', { time: formatDateTime(record.updatedAt) })}
      </Typography.Paragraph>
      <Divider />
      <ActivityAttachments recordId={record.id} editable={false} />
      <div className="activities-form-actions">
        <span style={{ flex: 1 }} />
        <Button onClick={onClose} data-testid="activity-close">
          {t('activities.close')}
        </Button>
      </div>
    </div>
  );
}
