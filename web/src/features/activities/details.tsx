// What each kind of record shows beside its date, unit and title: the kind's
// main details, as table columns on a desktop, as lines of a card on a phone,
// and as one line in the list of every kind.
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ActivityKind } from '../../../../common/activities';
import type { MessageKey } from '../../../../common/i18n';
import { formatDate } from '../../lib/dates';
import type { WebFormatter } from '../../lib/format';
import type { ActivityRecord } from './api';
import { roleKey, valueKey, type ValueList } from './labels';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface DetailColumn {
  key: string;
  /** Column header and card label. */
  label: MessageKey;
  render: (r: ActivityRecord, t: Translate, fmt: WebFormatter) => ReactNode;
  /** A short text for the one-line summary (the list of every kind, the export's feel). */
  text?: (r: ActivityRecord, t: Translate, fmt: WebFormatter) => string;
  align?: 'right';
  width?: number;
}

const d = (r: ActivityRecord) => r.details as Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const label = (list: ValueList, t: Translate) => (r: ActivityRecord, key: string) =>
  str(d(r)[key]) ? t(valueKey(list, str(d(r)[key]))) : '';
const yesNo = (v: unknown, t: Translate) => (v === true ? t('common.yes') : v === false ? t('common.no') : '');
const names = (r: ActivityRecord) => r.people.map((p) => p.fullName).join(', ');

/** A column showing one vocabulary field. */
function vocab(key: string, list: ValueList, header: MessageKey): DetailColumn {
  return {
    key,
    label: header,
    render: (r, t) => label(list, t)(r, key),
    text: (r, t) => label(list, t)(r, key),
  };
}

function count(key: string, header: MessageKey): DetailColumn {
  return {
    key,
    label: header,
    align: 'right',
    width: 110,
    render: (r, _t, fmt) => fmt.number(num(d(r)[key])),
    text: (r, _t, fmt) => fmt.number(num(d(r)[key])),
  };
}

const people = (header: MessageKey): DetailColumn => ({
  key: 'people',
  label: header,
  render: (r) => names(r),
  text: (r) => names(r),
});

const amount: DetailColumn = {
  key: 'amountVnd',
  label: 'activities.amountVnd',
  align: 'right',
  width: 150,
  render: (r, _t, fmt) => <span className="activities-mono">{fmt.vnd(r.amountVnd)}</span>,
  text: (r, _t, fmt) => fmt.vnd(r.amountVnd),
};

const year: DetailColumn = {
  key: 'year',
  label: 'activities.year',
  width: 80,
  render: (r) => String(num(d(r).year) ?? ''),
  text: (r) => String(num(d(r).year) ?? ''),
};

/** The kind's main details, in the order shown. */
export const KIND_COLUMNS: Record<ActivityKind, DetailColumn[]> = {
  training: [
    vocab('topic', 'topic', 'activities.topicLabel'),
    vocab('form', 'form', 'activities.formLabel'),
    {
      key: 'reached',
      label: 'activities.reached',
      align: 'right',
      width: 120,
      render: (r, _t, fmt) => fmt.number((num(d(r).membersReached) ?? 0) + (num(d(r).workersReached) ?? 0)),
      text: (r, t, fmt) =>
        t('activities.reachedText', {
          members: fmt.number(num(d(r).membersReached) ?? 0),
          workers: fmt.number(num(d(r).workersReached) ?? 0),
        }),
    },
  ],
  inspection_plan: [
    year,
    count('plannedCount', 'activities.plannedCount'),
    {
      key: 'inspectionsDone',
      label: 'activities.inspectionsDone',
      align: 'right',
      width: 130,
      render: (r, _t, fmt) => {
        const planned = num(d(r).plannedCount) ?? 0;
        const done = r.inspectionsDone ?? 0;
        return <Tag color={done >= planned ? 'green' : 'orange'}>{`${fmt.number(done)} / ${fmt.number(planned)}`}</Tag>;
      },
      text: (r, t, fmt) =>
        t('activities.inspectionsDoneText', { done: fmt.number(r.inspectionsDone ?? 0), planned: fmt.number(num(d(r).plannedCount) ?? 0) }),
    },
  ],
  inspection: [
    {
      key: 'subjectUnit',
      label: 'activities.inspectedUnit',
      render: (r) => r.subjectUnitName ?? '',
      text: (r) => r.subjectUnitName ?? '',
    },
    {
      key: 'type',
      label: 'activities.inspectionTypeLabel',
      render: (r, t) => <Tag color={d(r).type === 'inspection' ? 'blue' : 'default'}>{label('inspectionType', t)(r, 'type')}</Tag>,
      text: (r, t) => label('inspectionType', t)(r, 'type'),
    },
    vocab('subject', 'inspectionSubject', 'activities.inspectionSubjectLabel'),
    vocab('followUp', 'followUp', 'activities.followUpLabel'),
  ],
  legal_case: [
    vocab('caseType', 'legalCaseType', 'activities.legalCaseTypeLabel'),
    {
      key: 'atCourt',
      label: 'activities.atCourt',
      width: 100,
      render: (r, t) => yesNo(d(r).atCourt, t),
      text: (r, t) => (d(r).atCourt ? t('activities.atCourt') : ''),
    },
    vocab('participation', 'participation', 'activities.participationLabel'),
    vocab('outcome', 'legalOutcome', 'activities.outcomeLabel'),
    people('activities.role.member_concerned'),
  ],
  party_introduction: [people('activities.role.introduced'), vocab('outcome', 'partyOutcome', 'activities.outcomeLabel')],
  party_source: [
    year,
    {
      key: 'hasCandidates',
      label: 'activities.hasCandidates',
      render: (r, t) => yesNo(d(r).hasCandidates, t),
      text: (r, t) => `${t('activities.hasCandidates')}: ${yesNo(d(r).hasCandidates, t)}`,
    },
  ],
  campaign: [vocab('campaign', 'campaign', 'activities.campaignLabel'), count('participants', 'activities.participants')],
  welfare: [
    vocab('welfareKind', 'welfareKind', 'activities.welfareKindLabel'),
    vocab('houseWork', 'houseWork', 'activities.houseWorkLabel'),
    people('activities.role.beneficiary'),
    amount,
  ],
  classification: [
    year,
    {
      key: 'grade',
      label: 'activities.grade',
      render: (r, t) => label('grade', t)(r, 'grade'),
      text: (r, t) => label('grade', t)(r, 'grade'),
    },
    {
      key: 'score',
      label: 'activities.score',
      align: 'right',
      width: 80,
      render: (r, _t, fmt) => (num(d(r).score) === null ? '' : fmt.number(num(d(r).score))),
    },
  ],
  emulation_work: [
    vocab('workType', 'workType', 'activities.workTypeLabel'),
    {
      key: 'completedOn',
      label: 'activities.completedOn',
      width: 120,
      render: (r) => formatDate(str(d(r).completedOn) || null),
    },
    amount,
  ],
  award: [
    vocab('awardKind', 'awardKind', 'activities.awardKindLabel'),
    vocab('level', 'awardLevel', 'activities.awardLevelLabel'),
    {
      key: 'decision',
      label: 'activities.decision',
      render: (r) => `${str(d(r).decisionNumber)} · ${formatDate(str(d(r).decisionDate) || null)}`,
      text: (r) => `${str(d(r).decisionNumber)} ${formatDate(str(d(r).decisionDate) || null)}`,
    },
    people('activities.role.recipient'),
  ],
};

/** One line of the kind's details (the list of every kind). */
export function summaryOf(r: ActivityRecord, t: Translate, fmt: WebFormatter): string {
  return KIND_COLUMNS[r.kind]
    .map((c) => c.text?.(r, t, fmt) ?? '')
    .filter((s) => s && s !== '–')
    .join(' · ');
}

/** The people named, with what they were, for the drawer's read-only view and the cards. */
export function peopleLine(r: ActivityRecord, t: Translate): string {
  return r.people.map((p) => `${p.fullName} (${t(roleKey(p.role))})`).join(', ');
}
