// The fields of each kind's details (common/api/activities.ts, one schema per
// kind), as form items named ['details', field] so the server's field errors
// ("details.membersReached") land under them.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useMemo } from 'react';
import {
  ACTIVITY_LIMITS,
  AWARD_KINDS,
  AWARD_LEVELS,
  CAMPAIGNS,
  CLASSIFICATION_GRADES,
  EMULATION_WORK_TYPES,
  FOLLOW_UP_STATES,
  FUND_SOURCES,
  HOUSE_WORKS,
  INSPECTION_SUBJECTS,
  INSPECTION_TYPES,
  LEGAL_CASE_TYPES,
  LEGAL_OUTCOMES,
  LEGAL_PARTICIPATION,
  PARTY_OUTCOMES,
  TRAINING_FORMS,
  TRAINING_TOPICS,
  WELFARE_KINDS,
  type ActivityKind,
} from '../../../../common/activities';
import { useI18n } from '../../app/i18n';
import { DATE_FORMAT, todayDayjs } from '../../lib/dates';
import { useFormat } from '../../lib/format';
import { useOrgUnits } from '../units/api';
import { UnitPicker } from '../units/unit-picker';
import type { DETAIL_DATE_FIELDS } from './activity-body';
import { valueKey, type ValueList } from './labels';
import { VndInput } from './vnd-input';

function useOptions() {
  const { t } = useI18n();
  return (list: ValueList, values: readonly string[]) => values.map((v) => ({ value: v, label: t(valueKey(list, v)) }));
}

function Choice(props: { name: string; list: ValueList; values: readonly string[]; label: string; required?: boolean; radio?: boolean }) {
  const { t } = useI18n();
  const options = useOptions()(props.list, props.values);
  return (
    <Form.Item
      name={['details', props.name]}
      label={props.label}
      rules={props.required === false ? [] : [{ required: true, message: t('validation.required') }]}
    >
      {props.radio ? (
        <Radio.Group optionType="button" options={options} data-testid={`activity-${props.name}`} />
      ) : (
        <Select options={options} data-testid={`activity-${props.name}`} popupMatchSelectWidth={false} />
      )}
    </Form.Item>
  );
}

function Count(props: { name: string; label: string; max?: number; extra?: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={['details', props.name]}
      label={props.label}
      extra={props.extra}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <InputNumber
        min={0}
        max={props.max ?? ACTIVITY_LIMITS.reachedMax}
        precision={0}
        inputMode="numeric"
        style={{ width: '100%' }}
        data-testid={`activity-${props.name}`}
      />
    </Form.Item>
  );
}

function Year() {
  const { t } = useI18n();
  return (
    <Form.Item
      name={['details', 'year']}
      label={t('activities.year')}
      extra={t('activities.yearHint')}
      rules={[{ required: true, message: t('validation.required') }]}
    >
      <InputNumber min={2000} max={2100} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="activity-year" />
    </Form.Item>
  );
}

function DateField({ name, label, required }: { name: (typeof DETAIL_DATE_FIELDS)[number]; label: string; required?: boolean }) {
  const { t } = useI18n();
  return (
    <Form.Item name={['details', name]} label={label} rules={required ? [{ required: true, message: t('validation.required') }] : []}>
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} maxDate={todayDayjs()} data-testid={`activity-${name}`} />
    </Form.Item>
  );
}

function LongText({ name, label }: { name: string; label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={['details', name]}
      label={label}
      rules={[{ max: ACTIVITY_LIMITS.textMax, message: t('validation.tooLong', { maximum: ACTIVITY_LIMITS.textMax }) }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`activity-${name}`} />
    </Form.Item>
  );
}

function YesNo({ name, label }: { name: string; label: string }) {
  const { t } = useI18n();
  return (
    <Form.Item name={['details', name]} label={label} valuePropName="checked">
      <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} data-testid={`activity-${name}`} />
    </Form.Item>
  );
}

/**
 * Đơn vị được kiểm tra: the inspecting unit itself (cùng cấp) or one in its
 * subtree on the record's date; the others cannot be chosen.
 */
function InspectedUnitPicker(props: {
  unitId: string | undefined;
  date: string | undefined;
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}) {
  const list = useOrgUnits(props.date, undefined, { enabled: Boolean(props.date) });
  const outside = useMemo(() => {
    const items = list.data?.items ?? [];
    if (!props.unitId) return items.map((u) => u.id);
    const parent = new Map(items.map((u) => [u.id, u.parentId]));
    const inSubtree = (id: string) => {
      for (let cur: string | null | undefined = id, guard = 0; cur && guard < 64; cur = parent.get(cur), guard++) {
        if (cur === props.unitId) return true;
      }
      return false;
    };
    return items.filter((u) => !inSubtree(u.id)).map((u) => u.id);
  }, [list.data, props.unitId]);
  return (
    <UnitPicker
      date={props.date}
      value={props.value}
      onChange={props.onChange}
      disabledIds={outside}
      id={props.id}
      data-testid="activity-inspected-unit"
    />
  );
}

/** Số tiền theo nguồn: one row per source (Quỹ công đoàn, tài trợ, quỹ xã hội, khác), with the total below. */
function AmountsEditor() {
  const { t } = useI18n();
  const fmt = useFormat();
  const form = Form.useFormInstance();
  const amounts = (Form.useWatch(['details', 'amounts'], form) ?? []) as Array<{ amountVnd?: unknown } | undefined>;
  const total = amounts.reduce((s, a) => s + (typeof a?.amountVnd === 'number' ? a.amountVnd : 0), 0);
  const sourceOptions = useOptions()('fundSource', FUND_SOURCES);
  return (
    <div className="activities-amounts" data-testid="activity-amounts">
      <Typography.Text strong>{t('activities.amountsTitle')}</Typography.Text>
      <Form.List name={['details', 'amounts']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="activities-amount-row">
                <Form.Item
                  name={[field.name, 'source']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  className="activities-amount-source"
                >
                  <Select
                    options={sourceOptions}
                    aria-label={t('activities.fundSourceLabel')}
                    data-testid={`activity-amount-source-${i}`}
                    popupMatchSelectWidth={false}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amountVnd']}
                  rules={[{ required: true, message: t('validation.required') }]}
                  className="activities-amount-value"
                >
                  <VndInput aria-label={t('activities.amountVnd')} data-testid={`activity-amount-${i}`} />
                </Form.Item>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={fields.length <= 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('activities.amountRemove')}
                />
              </div>
            ))}
            {fields.length < ACTIVITY_LIMITS.amountsMax && (
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ source: FUND_SOURCES.find((s) => !amounts.some((a) => (a as { source?: string })?.source === s)) ?? 'other' })
                }
                data-testid="activity-amount-add"
              >
                {t('activities.amountAdd')}
              </Button>
            )}
          </>
        )}
      </Form.List>
      <div className="activities-amount-total" data-testid="activity-amount-total">
        {t('activities.totalAll')}: <strong>{fmt.vnd(total)}</strong>
      </div>
    </div>
  );
}

/** The details of one kind. */
export function KindFields({ kind, unitId, date }: { kind: ActivityKind; unitId: string | undefined; date: string | undefined }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const welfareKind = Form.useWatch(['details', 'welfareKind'], form) as string | undefined;
  switch (kind) {
    case 'training':
      return (
        <>
          <Choice name="topic" list="topic" values={TRAINING_TOPICS} label={t('activities.topicLabel')} />
          <Choice name="form" list="form" values={TRAINING_FORMS} label={t('activities.formLabel')} />
          <div className="activities-form-pair">
            <Count name="membersReached" label={t('activities.membersReached')} />
            <Count name="workersReached" label={t('activities.workersReached')} />
          </div>
        </>
      );
    case 'inspection_plan':
      return (
        <div className="activities-form-pair">
          <Year />
          <Count name="plannedCount" label={t('activities.plannedCount')} max={100} />
        </div>
      );
    case 'inspection':
      return (
        <>
          <Form.Item
            name={['details', 'inspectedUnitId']}
            label={t('activities.inspectedUnit')}
            extra={t('activities.inspectedUnitHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <InspectedUnitPicker unitId={unitId} date={date} />
          </Form.Item>
          <Choice name="type" list="inspectionType" values={INSPECTION_TYPES} label={t('activities.inspectionTypeLabel')} radio />
          <Choice name="subject" list="inspectionSubject" values={INSPECTION_SUBJECTS} label={t('activities.inspectionSubjectLabel')} />
          <LongText name="findings" label={t('activities.findings')} />
          <LongText name="recommendations" label={t('activities.recommendations')} />
          <Choice name="followUp" list="followUp" values={FOLLOW_UP_STATES} label={t('activities.followUpLabel')} />
        </>
      );
    case 'legal_case':
      return (
        <>
          <Choice name="caseType" list="legalCaseType" values={LEGAL_CASE_TYPES} label={t('activities.legalCaseTypeLabel')} />
          <div className="activities-form-pair">
            <YesNo name="atCourt" label={t('activities.atCourt')} />
            <YesNo name="memberRequested" label={t('activities.memberRequested')} />
          </div>
          <Choice name="participation" list="participation" values={LEGAL_PARTICIPATION} label={t('activities.participationLabel')} />
          <div className="activities-form-pair">
            <Choice name="outcome" list="legalOutcome" values={LEGAL_OUTCOMES} label={t('activities.outcomeLabel')} />
            <DateField name="closedOn" label={t('activities.closedOn')} />
          </div>
        </>
      );
    case 'party_introduction':
      return (
        <div className="activities-form-pair">
          <Choice name="outcome" list="partyOutcome" values={PARTY_OUTCOMES} label={t('activities.outcomeLabel')} />
          <DateField name="outcomeOn" label={t('activities.outcomeOn')} />
        </div>
      );
    case 'party_source':
      return (
        <div className="activities-form-pair">
          <Year />
          <YesNo name="hasCandidates" label={t('activities.hasCandidates')} />
        </div>
      );
    case 'campaign':
      return (
        <div className="activities-form-pair">
          <Choice name="campaign" list="campaign" values={CAMPAIGNS} label={t('activities.campaignLabel')} />
          <Count name="participants" label={t('activities.participants')} />
        </div>
      );
    case 'welfare':
      return (
        <>
          <Choice name="welfareKind" list="welfareKind" values={WELFARE_KINDS} label={t('activities.welfareKindLabel')} />
          {welfareKind === 'mai_am_house' && (
            <Choice name="houseWork" list="houseWork" values={HOUSE_WORKS} label={t('activities.houseWorkLabel')} radio />
          )}
          <AmountsEditor />
        </>
      );
    case 'classification':
      return (
        <>
          <div className="activities-form-pair">
            <Year />
            <Form.Item
              name={['details', 'score']}
              label={t('activities.score')}
              rules={[{ type: 'number', min: 0, max: 100, message: t('validation.tooBig', { maximum: 100 }) }]}
            >
              <InputNumber min={0} max={100} style={{ width: '100%' }} data-testid="activity-score" />
            </Form.Item>
          </div>
          <Choice name="grade" list="grade" values={CLASSIFICATION_GRADES} label={t('activities.grade')} />
          <LongText name="reasons" label={t('activities.reasons')} />
        </>
      );
    case 'emulation_work':
      return (
        <>
          <Choice name="workType" list="workType" values={EMULATION_WORK_TYPES} label={t('activities.workTypeLabel')} radio />
          <div className="activities-form-pair">
            <Form.Item name={['details', 'valueVnd']} label={t('activities.valueVnd')}>
              <VndInput data-testid="activity-valueVnd" />
            </Form.Item>
            <DateField name="completedOn" label={t('activities.completedOn')} />
          </div>
        </>
      );
    case 'award':
      return (
        <>
          <div className="activities-form-pair">
            <Choice name="awardKind" list="awardKind" values={AWARD_KINDS} label={t('activities.awardKindLabel')} />
            <Choice name="level" list="awardLevel" values={AWARD_LEVELS} label={t('activities.awardLevelLabel')} />
          </div>
          <div className="activities-form-pair">
            <Form.Item
              name={['details', 'decisionNumber']}
              label={t('activities.decisionNumber')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 64, message: t('validation.tooLong', { maximum: 64 }) },
              ]}
            >
              <Input autoComplete="off" data-testid="activity-decisionNumber" />
            </Form.Item>
            <DateField name="decisionDate" label={t('activities.decisionDate')} required />
          </div>
        </>
      );
    default:
      return null;
  }
}

/** The details a new record of each kind starts with. */
export function defaultDetails(kind: ActivityKind, year: number): Record<string, unknown> {
  switch (kind) {
    case 'training':
      return { form: 'in_person', membersReached: 0, workersReached: 0 };
    case 'inspection_plan':
      return { year, plannedCount: 2 };
    case 'inspection':
      return { type: 'inspection', followUp: 'open' };
    case 'legal_case':
      return { atCourt: false, memberRequested: false, participation: 'none', outcome: 'pending' };
    case 'party_introduction':
      return { outcome: 'pending' };
    case 'party_source':
      return { year, hasCandidates: true };
    case 'campaign':
      return { campaign: 'worker_month', participants: 0 };
    case 'welfare':
      return { welfareKind: 'mai_am_house', houseWork: 'new', amounts: [{ source: 'union_fund' }] };
    case 'classification':
      return { year };
    case 'emulation_work':
      return {};
    case 'award':
      return { level: 'lien_doan_huyen' };
  }
}
