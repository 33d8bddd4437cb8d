// Chỉ tiêu: targets of a program (list, add, correct, retire) and their
// allocation to units. Each row's buttons are those the server allows
// (allowedActions, by the write policies).
import { Alert, App, Button, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import { DeleteOutlined, EditOutlined, PartitionOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../../common/i18n';
import { CreateTargetBody } from '../../../../common/api/indicators';
import { CUMULATIVE_MEASURES, INDICATOR_LIMITS, type TargetAction, type TargetComparator } from '../../../../common/indicators';
import { useI18n } from '../../app/i18n';
import { applyApiError } from '../../lib/form-errors';
import { fieldRule } from '../../lib/field-rule';
import { formatMonth, useFormatValue } from '../targets/labels';
import { useProgram } from '../programs/api';
import { useProgramOptions } from '../targets/api';
import { useOrgUnit } from '../units/api';
import { UnitPicker } from '../units/unit-picker';
import { AllocationDrawer } from './allocation-drawer';
import { useCatalogueTargets, useCreateTarget, useIndicators, type Indicator, type Target } from './api';
import { CardLine, CreateDrawer, ResponsiveList, useCanManage, useLocalName } from './shared';
import { comparatorsFor, TargetEditDrawer, TargetJudgementFields, TargetRetireDialog, TargetValueFields } from './target-dialogs';

export function TargetsTab() {
  const { t } = useI18n();
  const canManage = useCanManage();
  const name = useLocalName();
  const formatValue = useFormatValue();
  const [programId, setProgramId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [allocating, setAllocating] = useState<Target | null>(null);
  // Ids, so the dialogs see the row as the list reads it again (a 409 brings the newer version).
  const [editingId, setEditingId] = useState<string | null>(null);
  const [retiringId, setRetiringId] = useState<string | null>(null);
  const programs = useProgramOptions();
  const list = useCatalogueTargets(programId);
  const indicators = useIndicators();
  const indicatorById = useMemo(() => new Map((indicators.data?.items ?? []).map((i) => [i.id, i])), [indicators.data]);

  const rowById = (id: string | null) => (id ? (list.data?.items.find((r) => r.id === id) ?? null) : null);
  const editing = rowById(editingId);
  const retiring = rowById(retiringId);
  const splittable = (r: Target) => {
    const ind = indicatorById.get(r.indicatorId);
    return Boolean(ind && CUMULATIVE_MEASURES.includes(ind.measure));
  };
  const can = (r: Target, action: TargetAction) => Boolean(r.allowedActions?.includes(action));
  const rowActions = (r: Target) => (
    <Space size={4} wrap>
      {can(r, 'edit') && (
        <Button size="small" icon={<EditOutlined />} onClick={() => setEditingId(r.id)} data-testid={`edit-target-${r.code ?? r.id}`}>
          {t('catalogue.edit')}
        </Button>
      )}
      {can(r, 'allocate') && splittable(r) && (
        <Button size="small" icon={<PartitionOutlined />} onClick={() => setAllocating(r)} data-testid={`allocate-${r.code ?? r.id}`}>
          {t('catalogue.allocate')}
        </Button>
      )}
      {can(r, 'archive') && (
        <Button
          size="small"
          danger
          icon={<DeleteOutlined />}
          onClick={() => setRetiringId(r.id)}
          data-testid={`retire-target-${r.code ?? r.id}`}
        >
          {t('catalogue.retire')}
        </Button>
      )}
    </Space>
  );
  const aim = (r: Target) => `${t(`targets.comparator.${r.comparator}` as MessageKey)} ${formatValue(r.value, r.unitOfMeasure)}`;
  const period = (r: Target) => `${formatMonth(r.periodFrom)} – ${formatMonth(r.periodTo)}`;
  const flags = (r: Target) => (
    <>
      {r.stretch && <Tag color="gold">{t('catalogue.stretch')}</Tag>}
      {r.whenConditionsAllow && <Tag>{t('catalogue.whenConditionsAllow')}</Tag>}
      {r.taskGroupNumber != null && <Tag color="purple">{t('catalogue.taskGroupTag', { number: r.taskGroupNumber })}</Tag>}
      {r.allocations.length > 0 && <Tag color="blue">{t('catalogue.allocated', { count: r.allocations.length })}</Tag>}
    </>
  );

  return (
    <>
      <div className="catalogue-toolbar">
        <Select
          className="catalogue-program-select"
          allowClear
          value={programId}
          onChange={setProgramId}
          placeholder={t('catalogue.allPrograms')}
          loading={programs.isLoading}
          options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.documentNumber} – ${p.title}` }))}
          data-testid="program-filter"
        />
        <span className="catalogue-grow" />
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-target">
            {t('catalogue.newTarget')}
          </Button>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
      <ResponsiveList<Target>
        testId="targets"
        rows={list.data?.items}
        loading={list.isLoading}
        rowKey={(r) => r.id}
        columns={[
          { title: t('catalogue.code'), dataIndex: 'code', render: (v: string | null) => v ?? '' },
          {
            title: t('catalogue.text'),
            render: (_, r) => (
              <div style={{ maxWidth: 420, whiteSpace: 'normal' }}>
                {r.text} {flags(r)}
              </div>
            ),
          },
          {
            title: t('catalogue.indicator'),
            render: (_, r) => (
              <div style={{ maxWidth: 280, whiteSpace: 'normal' }}>
                {indicatorById.get(r.indicatorId) ? name(indicatorById.get(r.indicatorId)!) : '–'}
              </div>
            ),
          },
          { title: t('catalogue.value'), render: (_, r) => aim(r) },
          { title: t('catalogue.period'), render: (_, r) => period(r) },
          { title: t('catalogue.scopeUnit'), render: (_, r) => <ScopeUnitName target={r} /> },
          { key: 'actions', render: (_, r) => rowActions(r) },
        ]}
        card={(r) => (
          <>
            <div className="catalogue-card-title">
              {r.code && <Tag color="red">{r.code}</Tag>}
              {r.text}
            </div>
            <div>{flags(r)}</div>
            <CardLine label={t('catalogue.value')}>{aim(r)}</CardLine>
            <CardLine label={t('catalogue.period')}>{period(r)}</CardLine>
            <CardLine label={t('catalogue.scopeUnit')}>{<ScopeUnitName target={r} />}</CardLine>
            <div className="catalogue-card-actions">{rowActions(r)}</div>
          </>
        )}
      />
      <TargetDrawer
        open={creating}
        onClose={() => setCreating(false)}
        defaultProgramId={programId}
        indicators={indicators.data?.items ?? []}
      />
      <AllocationDrawer target={allocating} onClose={() => setAllocating(null)} />
      <TargetEditDrawer
        target={editing}
        indicator={editing ? indicatorById.get(editing.indicatorId) : undefined}
        onClose={() => setEditingId(null)}
      />
      <TargetRetireDialog target={retiring} onClose={() => setRetiringId(null)} />
    </>
  );
}

/** The scope unit's name as it was at the start of the target's period (it may have been merged since). */
function ScopeUnitName({ target }: { target: Target }) {
  const unit = useOrgUnit(target.scopeUnitId, `${target.periodFrom}-01`);
  return <>{unit.data?.shortName ?? '–'}</>;
}

/** The form's values once its rules pass (onFinish). */
interface TargetForm {
  indicatorId: string;
  comparator: TargetComparator;
  value: number;
  period: [Dayjs, Dayjs];
  scopeUnitId: string;
  tolerance: number;
  stretch: boolean;
  whenConditionsAllow: boolean;
  programId?: string;
  taskGroupNumber?: number;
  code?: string;
  text: string;
}

/** The API's rules for the fields this form checks before sending. */
const fields = CreateTargetBody.shape;

/** The "add a target" drawer; the amendment editor opens it for its own program, unit and year. */
export function TargetDrawer({
  open,
  onClose,
  defaultProgramId,
  defaultScopeUnitId,
  year: defaultYear,
  indicators,
}: {
  open: boolean;
  onClose: () => void;
  defaultProgramId: string | undefined;
  defaultScopeUnitId?: string;
  year?: number;
  indicators: Indicator[];
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const name = useLocalName();
  const [form] = Form.useForm<TargetForm>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateTarget();
  const programs = useProgramOptions();
  const indicatorId = Form.useWatch('indicatorId', form);
  const programId = Form.useWatch('programId', form);
  const program = useProgram(programId);
  const taskGroups = program.data?.content.taskGroups ?? [];
  const range = Form.useWatch('period', form) as [Dayjs, Dayjs] | undefined;
  const indicator = indicators.find((i) => i.id === indicatorId);
  const required = [{ required: true, message: t('validation.required') }];
  const year = defaultYear ?? dayjs().year();

  const close = () => {
    form.resetFields();
    setError(null);
    onClose();
  };
  const submit = async (v: TargetForm) => {
    setError(null);
    try {
      await create.mutateAsync({
        indicatorId: v.indicatorId,
        comparator: v.comparator,
        value: v.value,
        periodFrom: v.period[0].format('YYYY-MM'),
        periodTo: v.period[1].format('YYYY-MM'),
        scopeUnitId: v.scopeUnitId,
        tolerance: v.tolerance ?? 0,
        stretch: v.stretch,
        whenConditionsAllow: v.whenConditionsAllow,
        programId: v.programId ?? null,
        taskGroupNumber: v.programId ? (v.taskGroupNumber ?? null) : null,
        code: v.code?.trim() || null,
        text: v.text,
      });
      message.success(t('catalogue.saved'));
      close();
    } catch (e) {
      const rest = applyApiError(form, e);
      // Period errors come back on periodFrom/periodTo; the form has one range field.
      const fields = (e as { fields?: { field: string; message: string }[] }).fields ?? [];
      const periodError = fields.find((f) => f.field === 'periodFrom' || f.field === 'periodTo');
      if (periodError) form.setFields([{ name: 'period', errors: [periodError.message] }]);
      setError(periodError && rest?.endsWith(periodError.message) ? null : rest);
    }
  };

  return (
    <CreateDrawer
      open={open}
      onClose={close}
      title={t('catalogue.newTarget')}
      saving={create.isPending}
      onSave={() => form.submit()}
      saveTestId="save-target"
      error={error}
    >
      <Form<TargetForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          comparator: 'gte',
          tolerance: 0,
          stretch: false,
          whenConditionsAllow: false,
          period: [dayjs(`${year}-01-01`), dayjs(`${year}-12-01`)],
          programId: defaultProgramId,
          scopeUnitId: defaultScopeUnitId,
        }}
        onValuesChange={(changed: Partial<TargetForm>) => {
          if ('programId' in changed) form.setFieldValue('taskGroupNumber', undefined);
          if (changed.indicatorId) {
            const ind = indicators.find((i) => i.id === changed.indicatorId);
            form.setFieldValue('comparator', comparatorsFor(ind)[0]);
          }
        }}
      >
        <Form.Item name="programId" label={t('catalogue.program')}>
          <Select
            allowClear
            placeholder={t('catalogue.noProgram')}
            options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.documentNumber} – ${p.title}` }))}
          />
        </Form.Item>
        <Form.Item name="taskGroupNumber" label={t('catalogue.taskGroup')} extra={t('catalogue.taskGroupHelp')}>
          <Select
            allowClear
            disabled={!programId}
            loading={program.isLoading}
            placeholder={programId ? undefined : t('catalogue.taskGroupNone')}
            options={taskGroups.map((g) => ({ value: g.number, label: `${g.number}. ${g.title}` }))}
            data-testid="target-task-group"
          />
        </Form.Item>
        <Form.Item name="code" label={t('catalogue.targetCode')} extra={t('catalogue.targetCodeHelp')} rules={[fieldRule(fields.code, t)]}>
          <Input maxLength={16} style={{ maxWidth: 160 }} />
        </Form.Item>
        <Form.Item name="text" label={t('catalogue.text')} extra={t('catalogue.textHelp')} rules={[...required, fieldRule(fields.text, t)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={INDICATOR_LIMITS.textMax} />
        </Form.Item>
        <Form.Item name="indicatorId" label={t('catalogue.indicator')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={indicators.filter((i) => !i.archivedAt).map((i) => ({ value: i.id, label: `${name(i)} (${i.code})` }))}
            data-testid="target-indicator"
          />
        </Form.Item>
        <TargetValueFields indicator={indicator} valueRule={fields.value} />
        <Form.Item name="period" label={t('catalogue.period')} rules={required}>
          <DatePicker.RangePicker picker="month" format="MM/YYYY" style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="scopeUnitId" label={t('catalogue.scopeUnit')} rules={required}>
          <UnitPicker date={range?.[0] ? range[0].startOf('month').format('YYYY-MM-DD') : undefined} />
        </Form.Item>
        <TargetJudgementFields toleranceRule={fields.tolerance} />
      </Form>
    </CreateDrawer>
  );
}
