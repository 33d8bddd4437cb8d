// Kết nạp hàng loạt: many new members, each with the later events of their
// history (cards, transfers, leaving, re-admission), written set-wise — a few
// multi-row statements whatever the number of members — with the checks of
// the single use-cases (admitMember, issueMemberCard, transferMember,
// leaveMember, rejoinMember) made on all of them first: write scope at each
// event's own date, the member unit rule, dates, the order of events, CCCD
// and card uniqueness. All or nothing. The demo registry and the Excel import
// write members through it (docs/members.md "Batch writes").
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  deriveMemberState,
  type DerivedMemberState,
  type MemberEventKind,
  type MemberStatus,
  type TransferState,
} from '../../../common/members.js';
import type { Executor, Tx } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit, recordAudits, type AuditEntry } from '../../lib/audit.js';
import { todayInVietnam } from '../../lib/dates.js';
import { AppError, fieldError, forbidden } from '../../lib/errors.js';
import { foldText } from '../../lib/search-text.js';
import { inTransaction } from '../../lib/transaction.js';
import { mapYielding } from '../../lib/yield.js';
import { refreshMemberFacts } from './member-facts.js';
import {
  checkBirthDate,
  checkMemberUnit,
  personColumns,
  requireNotFuture,
  withMemberUniqueness,
  type MemberUnitFacts,
} from './member-writes.js';
import { heldKey, memberManageScope, membersUnitsHeld } from './policy.js';
import type { AdmitMembersInput, AdmitMembersItem } from './schemas.js';

/** Members per INSERT (one JSON parameter each, so PostgreSQL's parameter limit never applies). */
const INSERT_BATCH = 2_500;

export interface AdmitMembersOptions {
  /** members.import_key of the new members (the Excel import's id, so re-importing the file finds them). */
  importKey?: string;
  /**
   * One audit entry for the whole batch (the Excel import's 'member.import',
   * naming its file) instead of one 'member.admit' entry per member.
   */
  batchAudit?: AuditEntry;
  /** Called after each batch of members written, with the share done (0..1). */
  onProgress?: (done: number) => void;
  today?: string;
}

/** One event as it will be written (seq = its index in the member's events). */
interface PlannedEvent {
  kind: MemberEventKind;
  eventDate: string;
  unitId: string;
  toUnitId: string | null;
  toOutsideName: string | null;
  transferState: TransferState | null;
  decidedOn: string | null;
  decidedBy: string | null;
  cardNumber: string | null;
  note: string | null;
}

interface PlannedMember {
  id: string;
  input: AdmitMembersItem;
  events: PlannedEvent[];
  cardNumber: string | null;
  cardIssuedOn: string | null;
  /** Status, unit, first admission and unit periods, derived from the events (deriveMemberState, as rederiveMember). */
  state: DerivedMemberState;
}

/**
 * Admits the members with their histories; returns their ids in the input's
 * order. Joins the caller's transaction (inTransaction). A refusal names the
 * member (and event) at fault in its field path — `members.3.citizenId`,
 * `members.3.history.1.date` — and writes nothing.
 */
export async function admitMembers(
  db: Executor,
  actor: Actor,
  input: AdmitMembersInput,
  options: AdmitMembersOptions = {},
): Promise<{ ids: string[] }> {
  const today = options.today ?? todayInVietnam();
  // The per-member checks are synchronous: other requests are served between slices (mapYielding) of a large batch.
  const planned = await mapYielding(input.members, (m, i) => at(`members.${i}`, () => planDates(m, today)));
  return withMemberUniqueness(() =>
    inTransaction(db, async (tx) => {
      const units = await loadUnits(tx, planned);
      const held = await membersUnitsHeld(tx, actor, scopePairs(planned));
      const members = await mapYielding(planned, (m, i) => at(`members.${i}`, () => planHistory(m, actor, units, held, today)));
      await checkIdentities(tx, actor, members);
      await insertMemberHistories(tx, actor, members, options);
      if (options.batchAudit) await recordAudit(tx, actor, options.batchAudit);
      else await recordAudits(tx, actor, await mapYielding(members, auditEntry));
      await refreshMemberFacts(tx, [...new Set(members.flatMap(memberUnits))], today);
      return { ids: members.map((m) => m.id) };
    }),
  );
}

/** Runs a check of one member; its refusal names the member: field paths are prefixed (`members.3.citizenId`), other refusals get the member's path. */
function at<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const fields = e.fields.length
      ? e.fields.map((f) => ({ ...f, field: `${path}.${f.field}` }))
      : [{ field: path, messageKey: `errors.${e.code}`, params: e.params }];
    throw new AppError(e.code, e.params, { fields });
  }
}

/** Checks without the database: dates (not in the future, in order, birth before admission), transfer targets. */
function planDates(m: AdmitMembersItem, today: string): AdmitMembersItem {
  requireNotFuture(m.admittedOn, 'admittedOn', today);
  checkBirthDate(m.birthDate, m.admittedOn);
  let last = m.admittedOn;
  m.history.forEach((e, j) => {
    const field = `history.${j}.date`;
    requireNotFuture(e.date, field, today);
    // Events are kept in order (requireAfterLastEvent); a batch gives them in order, cards included.
    if (e.date < last) throw fieldError('MEMBER_DATE_BEFORE_LAST_EVENT', field, { date: vnDateOf(last) });
    last = e.date;
    if (e.kind === 'transferred') {
      if ((e.toUnitId == null) === (e.toOutsideName == null)) throw fieldError('MEMBER_TRANSFER_TARGET_REQUIRED', `history.${j}.toUnitId`);
      if (e.decidedOn) requireNotFuture(e.decidedOn, `history.${j}.decidedOn`, today);
    }
  });
  return m;
}

const vnDateOf = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The units the members are admitted into, re-admitted into or transferred to, in one query. */
async function loadUnits(tx: Executor, members: readonly AdmitMembersItem[]): Promise<Map<string, MemberUnitFacts>> {
  const ids = unitsOfAdmissions(members);
  const rows = await queryRows<{ id: string; kind: string; valid_from: string; valid_to: string | null }>(
    tx,
    sql`select id::text as id, kind, valid_from::text as valid_from, valid_to::text as valid_to from org_units
        where id in (select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json))`,
  );
  return new Map(rows.map((r) => [r.id, { kind: r.kind, validFrom: r.valid_from, validTo: r.valid_to }]));
}

/**
 * Every (unit, date) the scope rule may ask about: each unit the member can be
 * in (admission, re-admission, transfer target) on each date of their
 * history — a superset of what planHistory reads, asked in one query.
 */
function scopePairs(members: readonly AdmitMembersItem[]): Array<{ unitId: string; date: string }> {
  const pairs: Array<{ unitId: string; date: string }> = [];
  for (const m of members) {
    const units = new Set([m.unitId]);
    for (const e of m.history) {
      if (e.kind === 'rejoined') units.add(e.unitId);
      if (e.kind === 'transferred' && e.toUnitId) units.add(e.toUnitId);
    }
    const dates = new Set([m.admittedOn, ...m.history.map((e) => e.date)]);
    for (const unitId of units) for (const date of dates) pairs.push({ unitId, date });
  }
  return pairs;
}

/**
 * Replays a member's history with the single use-cases' rules, in their
 * order: scope at the event's date (403), status, pending transfer, units.
 * Returns the events to write (a transfer's state decided as transferMember
 * decides it; a pending transfer lapses when the member leaves, as in
 * leaveMember).
 */
function planHistory(
  m: AdmitMembersItem,
  actor: Actor,
  units: Map<string, MemberUnitFacts>,
  held: Set<string>,
  today: string,
): PlannedMember {
  const holds = (unitId: string, date: string) => held.has(heldKey(unitId, date));
  // admitMember: requireManageMembersOf, then the unit.
  if (!holds(m.unitId, m.admittedOn)) throw forbidden();
  checkMemberUnit(units.get(m.unitId), m.admittedOn, 'unitId');
  const event = (e: Partial<PlannedEvent> & Pick<PlannedEvent, 'kind' | 'eventDate' | 'unitId'>): PlannedEvent => ({
    toUnitId: null,
    toOutsideName: null,
    transferState: null,
    decidedOn: null,
    decidedBy: null,
    cardNumber: null,
    note: null,
    ...e,
  });
  const events: PlannedEvent[] = [event({ kind: 'admitted', eventDate: m.admittedOn, unitId: m.unitId, note: m.note ?? null })];
  let card: { number: string; on: string } | null = null;
  if (m.cardNumber) {
    events.push(event({ kind: 'card_issued', eventDate: m.admittedOn, unitId: m.unitId, cardNumber: m.cardNumber }));
    card = { number: m.cardNumber, on: m.admittedOn };
  }
  let status: MemberStatus = 'active';
  let unitId = m.unitId;
  let pending: PlannedEvent | null = null;
  m.history.forEach((e, j) =>
    at(`history.${j}`, () => {
      const date = e.date;
      const note = 'note' in e ? (e.note ?? null) : null;
      switch (e.kind) {
        case 'card_issued': // issueMemberCard
          if (!holds(unitId, date)) throw forbidden();
          if (status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
          events.push(event({ kind: 'card_issued', eventDate: date, unitId, cardNumber: e.cardNumber }));
          card = { number: e.cardNumber, on: date };
          return;
        case 'transferred': {
          // transferMember (and decideTransfer for a transfer recorded as accepted)
          if (!holds(unitId, date)) throw forbidden();
          if (status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
          if (pending) throw new AppError('MEMBER_TRANSFER_PENDING');
          const toUnitId = e.toUnitId ?? null;
          let transferState: 'pending' | 'accepted' | null = null;
          if (toUnitId) {
            if (toUnitId === unitId) throw fieldError('MEMBER_TRANSFER_SAME_UNIT', 'toUnitId');
            checkMemberUnit(units.get(toUnitId), date, 'toUnitId');
            const receiver = holds(toUnitId, date);
            if (e.transferState === 'accepted' && !receiver) throw forbidden();
            transferState = e.transferState ?? (receiver ? 'accepted' : 'pending');
          }
          const accepted = transferState === 'accepted';
          const planned = event({
            kind: 'transferred',
            eventDate: date,
            unitId,
            toUnitId,
            toOutsideName: e.toOutsideName ?? null,
            transferState,
            decidedOn: accepted ? (e.decidedOn ?? today) : null,
            decidedBy: accepted ? actor.userId : null,
            note,
          });
          events.push(planned);
          if (accepted) unitId = toUnitId!;
          else if (transferState === 'pending') pending = planned;
          else status = 'transferred_out';
          return;
        }
        case 'left':
        case 'died': // leaveMember
          if (!holds(unitId, date)) throw forbidden();
          if (status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
          events.push(event({ kind: e.kind, eventDate: date, unitId, note }));
          if (pending) {
            // A member who leaves can no longer be received elsewhere: the pending transfer lapses.
            pending.transferState = 'refused';
            pending.decidedOn = today;
            pending = null;
          }
          status = e.kind === 'died' ? 'deceased' : 'left';
          return;
        case 'rejoined': // rejoinMember
          if (!holds(e.unitId, date) || !holds(unitId, date)) throw forbidden();
          if (status === 'active') throw new AppError('MEMBER_ALREADY_ACTIVE');
          if (status === 'deceased') throw new AppError('MEMBER_NOT_ACTIVE');
          checkMemberUnit(units.get(e.unitId), date, 'unitId');
          events.push(event({ kind: 'rejoined', eventDate: date, unitId: e.unitId, note }));
          status = 'active';
          unitId = e.unitId;
          return;
      }
    }),
  );
  const final = card as { number: string; on: string } | null;
  return {
    id: crypto.randomUUID(),
    input: m,
    events,
    cardNumber: final?.number ?? null,
    cardIssuedOn: final?.on ?? null,
    state: deriveMemberState(events),
  };
}

/**
 * checkMemberIdentity for all of them at once: a CCCD or card number another
 * member holds (in the registry or earlier in the batch), a same-name,
 * same-birth-date member of the admission unit. As in the Excel import, two
 * members of the batch with one name and birth date in one unit are two
 * people when both carry (different) CCCDs.
 */
async function checkIdentities(tx: Executor, actor: Actor, members: readonly PlannedMember[]): Promise<void> {
  const citizenIds = new Map<string, number>();
  const cards = new Map<string, number>();
  const persons = new Map<string, { index: number; citizenId: string | null }>();
  // The registry's same-person key of each member, folded once.
  const keys = await mapYielding(members, (m, i) => {
    const cccd = m.input.citizenId ?? null;
    if (cccd) {
      if (citizenIds.has(cccd)) throw fieldError('MEMBER_CITIZEN_ID_TAKEN', `members.${i}.citizenId`);
      citizenIds.set(cccd, i);
    }
    for (const number of new Set(m.events.flatMap((e) => (e.cardNumber ? [e.cardNumber] : [])))) {
      if (cards.has(number)) throw fieldError('MEMBER_CARD_TAKEN', `members.${i}.cardNumber`);
      cards.set(number, i);
    }
    const k = { n: foldText(m.input.fullName), b: m.input.birthDate, u: m.input.unitId };
    const key = personKey(k.n, k.b, k.u);
    const first = persons.get(key);
    if (first && (!first.citizenId || !cccd)) throw fieldError('MEMBER_DUPLICATE_PERSON', `members.${i}.fullName`);
    if (!first) persons.set(key, { index: i, citizenId: cccd });
    return k;
  });
  // Against the registry, in one statement: the lowest member index at fault is reported.
  const list = (values: Iterable<string>) => sql`(select value from json_array_elements_text(${JSON.stringify([...values])}::json))`;
  const [hits] = await queryRows<{
    citizens: Array<{ citizen_id: string; manageable: boolean }>;
    cards: string[];
    persons: Array<{ n: string; b: string; u: string }>;
  }>(
    tx,
    sql`select
        ${
          citizenIds.size
            ? sql`(select json_agg(json_build_object('citizen_id', citizen_id, 'manageable', ${memberManageScope(sql`members.unit_id`, actor)}))
                from members where citizen_id in ${list(citizenIds.keys())})`
            : sql`null::json`
        } as citizens,
        ${cards.size ? sql`(select json_agg(card_number) from members where card_number in ${list(cards.keys())})` : sql`null::json`} as cards,
        (select json_agg(json_build_object('n', k.n, 'b', k.b::text, 'u', k.u::text))
          from json_to_recordset(${JSON.stringify(keys)}::json) as k(n text, b date, u uuid)
          where exists (select 1 from members m where m.name_folded = k.n and m.birth_date = k.b and m.unit_id = k.u)) as persons`,
  );
  const firstOf = (indexes: number[]) => Math.min(...indexes);
  const citizenHits = hits?.citizens ?? [];
  if (citizenHits.length) {
    const i = firstOf(citizenHits.map((h) => citizenIds.get(h.citizen_id)!));
    const hit = citizenHits.find((h) => citizenIds.get(h.citizen_id) === i)!;
    throw fieldError(hit.manageable ? 'MEMBER_CITIZEN_ID_TAKEN' : 'MEMBER_CITIZEN_ID_DUPLICATE', `members.${i}.citizenId`);
  }
  const cardHits = hits?.cards ?? [];
  if (cardHits.length) throw fieldError('MEMBER_CARD_TAKEN', `members.${firstOf(cardHits.map((c) => cards.get(c)!))}.cardNumber`);
  const personHits = hits?.persons ?? [];
  if (personHits.length) {
    const found = new Set(personHits.map((h) => personKey(h.n, h.b, h.u)));
    const i = keys.findIndex((k) => found.has(personKey(k.n, k.b, k.u)));
    throw fieldError('MEMBER_DUPLICATE_PERSON', `members.${i}.fullName`);
  }
}

const personKey = (nameFolded: string, birthDate: string, unitId: string) => `${nameFolded}\u001f${birthDate}\u001f${unitId}`;

/**
 * Writes checked members: the member rows (status, unit and first admission
 * derived from their events by deriveMemberState, like rederiveMember), their
 * events and unit periods, INSERT … SELECT FROM json_to_recordset per 2,500
 * members. No checks here: admitMembers makes them first.
 */
async function insertMemberHistories(tx: Tx, actor: Actor, members: readonly PlannedMember[], options: AdmitMembersOptions): Promise<void> {
  for (let start = 0; start < members.length; start += INSERT_BATCH) {
    const batch = members.slice(start, start + INSERT_BATCH);
    const memberRows = [];
    const eventRows: Array<PlannedEvent & { memberId: string; seq: number }> = [];
    const periodRows = [];
    for (const m of batch) {
      const { state } = m;
      memberRows.push({
        id: m.id,
        ...personColumns(m.input),
        cardNumber: m.cardNumber,
        cardIssuedOn: m.cardIssuedOn,
        unitId: state.unitId,
        status: state.status,
        admittedOn: state.admittedOn,
      });
      m.events.forEach((e, seq) => eventRows.push({ memberId: m.id, ...e, seq }));
      for (const p of state.periods) periodRows.push({ memberId: m.id, ...p });
    }
    await tx.execute(sql`
      insert into members (id, full_name, name_folded, gender, birth_date, citizen_id, phone, email, ethnicity, job, workplace,
        union_position, party_member, card_number, card_issued_on, unit_id, status, admitted_on, import_key, updated_by)
      select r.id, r."fullName", r."nameFolded", r.gender, r."birthDate", r."citizenId", r.phone, r.email, r.ethnicity, r.job, r.workplace,
        r."unionPosition", r."partyMember", r."cardNumber", r."cardIssuedOn", r."unitId", r.status, r."admittedOn",
        ${options.importKey ?? null}, ${actor.userId}::uuid
      from json_to_recordset(${JSON.stringify(memberRows)}::json) as r(id uuid, "fullName" text, "nameFolded" text, gender text,
        "birthDate" date, "citizenId" text, phone text, email text, ethnicity text, job text, workplace text, "unionPosition" text,
        "partyMember" boolean, "cardNumber" text, "cardIssuedOn" date, "unitId" uuid, status text, "admittedOn" date)`);
    await tx.execute(sql`
      insert into member_events (member_id, kind, event_date, unit_id, to_unit_id, to_outside_name, transfer_state, decided_on,
        decided_by, card_number, note, seq, created_by)
      select r."memberId", r.kind, r."eventDate", r."unitId", r."toUnitId", r."toOutsideName", r."transferState", r."decidedOn",
        r."decidedBy", r."cardNumber", r.note, r.seq, ${actor.userId}::uuid
      from json_to_recordset(${JSON.stringify(eventRows)}::json) as r("memberId" uuid, kind text, "eventDate" date, "unitId" uuid,
        "toUnitId" uuid, "toOutsideName" text, "transferState" text, "decidedOn" date, "decidedBy" uuid, "cardNumber" text,
        note text, seq int)`);
    if (periodRows.length) {
      await tx.execute(sql`
        insert into member_unit_periods (member_id, unit_id, valid_from, valid_to)
        select r."memberId", r."unitId", r."validFrom", r."validTo"
        from json_to_recordset(${JSON.stringify(periodRows)}::json) as r("memberId" uuid, "unitId" uuid, "validFrom" date, "validTo" date)`);
    }
    options.onProgress?.(Math.min(1, (start + INSERT_BATCH) / members.length));
  }
}

/** The units whose derived facts the member changes: those of their periods. */
function memberUnits(m: PlannedMember): string[] {
  return m.state.periods.map((p) => p.unitId);
}

/** Every unit the members are admitted into, re-admitted into or transferred to. */
function unitsOfAdmissions(members: readonly AdmitMembersItem[]): string[] {
  const units = new Set<string>();
  for (const m of members) {
    units.add(m.unitId);
    for (const e of m.history) {
      if (e.kind === 'rejoined') units.add(e.unitId);
      if (e.kind === 'transferred' && e.toUnitId) units.add(e.toUnitId);
    }
  }
  return [...units];
}

/** 'member.admit' as admitMember records it (the member as written), with the later events of the history. */
function auditEntry(m: PlannedMember): AuditEntry {
  const { state } = m;
  const { history: _h, note: _n, ...person } = m.input;
  return {
    action: 'member.admit',
    entityType: 'member',
    entityId: m.id,
    unitId: m.input.unitId,
    before: null,
    after: {
      id: m.id,
      ...person,
      citizenId: person.citizenId ?? null,
      cardNumber: m.cardNumber,
      cardIssuedOn: m.cardIssuedOn,
      unitId: state.unitId,
      status: state.status,
      admittedOn: state.admittedOn,
      events: m.events.map((e) => ({ kind: e.kind, date: e.eventDate, unitId: e.unitId, toUnitId: e.toUnitId, state: e.transferState })),
    },
  };
}
