// The row checks of the members' Excel import: every cell, then the units
// (existence, kind, validity on the admission date, caller's scope), then
// duplicates inside the file and against the registry. Used when the file is
// uploaded and again inside the import transaction (members may have been
// added meanwhile). Database lookups go per batch of rows, never per row.
import { sql } from 'drizzle-orm';
import { formatDate } from '../../../common/format.js';
import {
  citizenId,
  compactPhone,
  emailAddress,
  isoDate,
  memberCardNumber,
  optionalLabel,
  personName,
  phoneNumber,
} from '../../../common/fields.js';
import { LIMITS } from '../../../common/limits.js';
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Gender, UnionPosition } from '../../../common/members.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { inUnitScope, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { yieldToEventLoop } from '../../lib/yield.js';
import { foldText } from '../../lib/search-text.js';
import { heldKey, memberManageScope, membersUnitsHeld } from './policy.js';
import {
  columnName,
  COLUMN_BY_KEY,
  IMPORT_COLUMNS,
  parseGender,
  parsePosition,
  parseYesNo,
  type ImportColumnKey,
} from './import-columns.js';
import { FORMULA_KEY, hasFlag, NUMBER_KEY, rowNumber, type ImportRow } from './import-read-file.js';

/** A cell error as stored in member_imports.errors: message memberImport.<code>. */
export interface CellError {
  row: number;
  /** The column's Vietnamese name ("Ngày sinh"). */
  column: string;
  code: string;
  params?: Record<string, string | number>;
}

export interface ParsedMember {
  fullName: string;
  nameFolded: string;
  gender: Gender;
  birthDate: string;
  citizenId: string | null;
  phone: string | null;
  email: string | null;
  ethnicity: string | null;
  job: string | null;
  workplace: string | null;
  unitId: string;
  admittedOn: string;
  cardNumber: string | null;
  unionPosition: UnionPosition;
  partyMember: boolean;
}

export type RowOutcome =
  | { kind: 'new'; row: number; member: ParsedMember }
  /** Already in the registry (same person): skipped on import. */
  | { kind: 'existing'; row: number; memberId: string }
  | { kind: 'invalid'; row: number };

export interface ValidationResult {
  outcomes: RowOutcome[];
  /** Every error, by row then column. */
  errors: CellError[];
}

export interface ValidateOptions {
  today?: string;
  /** Rows checked against the database per query. */
  batchSize?: number;
  /** Called after each batch with the share done (0..1). */
  onProgress?: (done: number) => Promise<void> | void;
}

const GRASSROOTS_KINDS = new Set(['grassroots_union', 'section']);
const MIN_DATE = '1900-01-01';
const PARAM_TEXT_MAX = 60;

/** Ethnicity, job, workplace: the API's rule (the column's own length limit is checked first). */
const label = optionalLabel(LIMITS.nameMax);

const COLUMN_INDEX = new Map(IMPORT_COLUMNS.map((c, i) => [c.key, i]));

/** A value quoted in a message, shortened. */
const shown = (text: string) => (text.length > PARAM_TEXT_MAX ? `${text.slice(0, PARAM_TEXT_MAX - 1)}…` : text);

/** "15/03/1990", "5-3-1990", "15.03.1990" or "1990-03-15" → "1990-03-15"; else null. */
export function parseImportDate(text: string): string | null {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  let iso: string | null = null;
  if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) iso = text;
  return iso && isoDate.safeParse(iso).success ? iso : null;
}

/** "2024-03-15" → "15/03/2024". */
export const viDate = (iso: string): string => formatDate(iso);

interface Draft {
  row: number;
  errors: Array<{ key: ImportColumnKey; code: string; params?: Record<string, string | number> }>;
  /** Columns whose value could be read (no error in that cell). */
  fields: Partial<Omit<ParsedMember, 'unitId'>> & { unitCode?: string };
  unitId?: string;
}

/** Cell checks of one row (no database). Each value goes through its field rule (common/fields.ts), as in the API and the forms. */
function checkCells(row: ImportRow, today: string): Draft {
  const draft: Draft = { row: rowNumber(row), errors: [], fields: {} };
  const fail = (key: ImportColumnKey, code: string, params?: Record<string, string | number>) =>
    draft.errors.push(params ? { key, code, params } : { key, code });
  const usable = new Map<ImportColumnKey, string>();
  for (const column of IMPORT_COLUMNS) {
    const text = (row[column.key] ?? '').trim();
    if (row[FORMULA_KEY] && hasFlag(row, FORMULA_KEY, column.key)) {
      fail(column.key, 'formula');
    } else if (text === '') {
      if (column.required) fail(column.key, 'required');
      else usable.set(column.key, '');
    } else if (text.length > column.max) {
      fail(column.key, 'tooLong', { max: column.max });
    } else {
      usable.set(column.key, text);
    }
  }
  const text = (key: ImportColumnKey) => usable.get(key);
  const optional = (key: ImportColumnKey) => {
    const v = text(key);
    return v === undefined ? undefined : v === '' ? null : (label.parse(v) ?? null);
  };
  const isNumber = (key: ImportColumnKey) => Boolean(row[NUMBER_KEY]) && hasFlag(row, NUMBER_KEY, key);

  const name = text('fullName');
  if (name) {
    const parsed = personName.safeParse(name);
    if (parsed.success) {
      draft.fields.fullName = parsed.data;
      draft.fields.nameFolded = foldText(parsed.data);
    } else fail('fullName', 'required');
  }
  const gender = text('gender');
  if (gender) {
    const g = parseGender(gender);
    if (g) draft.fields.gender = g;
    else fail('gender', 'genderInvalid', { value: shown(gender) });
  }
  const date = (key: 'birthDate' | 'admittedOn') => {
    const t = text(key);
    if (!t) return;
    const iso = parseImportDate(t);
    if (!iso) fail(key, 'dateInvalid', { value: shown(t) });
    else if (iso < MIN_DATE) fail(key, 'dateTooEarly');
    else if (iso > today) fail(key, 'dateInFuture', { today: viDate(today) });
    else draft.fields[key] = iso;
  };
  date('birthDate');
  date('admittedOn');
  const { birthDate, admittedOn } = draft.fields;
  if (birthDate && admittedOn && birthDate >= admittedOn) {
    fail('birthDate', 'birthNotBeforeAdmission', { admittedOn: viDate(admittedOn) });
    delete draft.fields.birthDate;
  }

  const cccd = text('citizenId');
  if (cccd !== undefined) {
    const parsed = citizenId.safeParse(cccd);
    const compact = cccd.replace(/\s+/g, '');
    if (compact === '') draft.fields.citizenId = null;
    else if (parsed.success) draft.fields.citizenId = parsed.data;
    else if (isNumber('citizenId') && /^\d{1,11}$/.test(compact)) fail('citizenId', 'citizenIdLostZero', { digits: compact.length });
    else fail('citizenId', 'citizenIdInvalid', { value: shown(cccd) });
  }
  const phone = text('phone');
  if (phone !== undefined) {
    const parsed = phoneNumber.safeParse(phone);
    if (compactPhone(phone) === '') draft.fields.phone = null;
    else if (parsed.success) draft.fields.phone = parsed.data;
    // A number cell drops the leading 0: 912345678 is 0912345678 typed into a number cell.
    else if (isNumber('phone') && /^[1-9]\d{8,9}$/.test(compactPhone(phone))) fail('phone', 'phoneLostZero');
    else fail('phone', 'phoneInvalid', { value: shown(phone) });
  }
  const email = text('email');
  if (email !== undefined) {
    const parsed = emailAddress.safeParse(email);
    if (email === '') draft.fields.email = null;
    else if (parsed.success) draft.fields.email = parsed.data;
    else fail('email', 'emailInvalid', { value: shown(email) });
  }
  for (const key of ['ethnicity', 'job', 'workplace'] as const) {
    const v = optional(key);
    if (v !== undefined) draft.fields[key] = v;
  }
  const card = text('cardNumber');
  if (card !== undefined) {
    const parsed = memberCardNumber.safeParse(card);
    if (card === '') draft.fields.cardNumber = null;
    else if (parsed.success) draft.fields.cardNumber = parsed.data;
    else fail('cardNumber', 'cardNumberInvalid', { value: shown(card) });
  }
  const position = text('unionPosition');
  if (position !== undefined) {
    const p = parsePosition(position);
    if (p) draft.fields.unionPosition = p;
    else fail('unionPosition', 'positionInvalid', { value: shown(position) });
  }
  const party = text('partyMember');
  if (party !== undefined) {
    const yes = parseYesNo(party);
    if (yes === null) fail('partyMember', 'partyMemberInvalid');
    else draft.fields.partyMember = yes;
  }
  const unit = text('unitCode');
  if (unit) draft.fields.unitCode = unit;
  return draft;
}

interface UnitRow {
  id: string;
  code: string;
  kind: string;
  valid_from: string | Date;
  valid_to: string | Date | null;
  in_scope: boolean;
}

const dateOnly = (v: string | Date | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/** The units named in the file, by lower-case code, with whether the actor manages members there. */
async function loadUnits(db: Executor, actor: Actor, codes: string[]): Promise<Map<string, UnitRow>> {
  const map = new Map<string, UnitRow>();
  if (codes.length === 0) return map;
  const rows = await queryRows<UnitRow>(
    db,
    sql`select u.id, u.code, u.kind, u.valid_from, u.valid_to, ${inUnitScope(sql`u.id`, actor, PERMISSIONS.manageMembers)} as in_scope
        from org_units u
        where lower(u.code) in (select lower(value) from json_array_elements_text(${JSON.stringify(codes)}::json))`,
  );
  for (const r of rows) {
    const key = r.code.toLowerCase();
    // An exact match wins over a case-insensitive one.
    if (!map.has(key) || codes.includes(r.code)) map.set(key, r);
  }
  return map;
}

function checkUnit(draft: Draft, units: Map<string, UnitRow>): void {
  const code = draft.fields.unitCode;
  if (!code) return;
  const unit = units.get(code.toLowerCase());
  const fail = (c: string, params: Record<string, string | number>) => {
    draft.errors.push({ key: 'unitCode', code: c, params });
  };
  // Out of scope reads as unknown: nothing outside the caller's scope is revealed.
  if (!unit || !unit.in_scope) return fail('unitNotFound', { code: shown(code) });
  if (!GRASSROOTS_KINDS.has(unit.kind)) return fail('unitNotGrassroots', { code: unit.code });
  const on = draft.fields.admittedOn;
  const to = dateOnly(unit.valid_to);
  if (on && (on < dateOnly(unit.valid_from)! || (to !== null && on > to)))
    return fail('unitNotValidOn', { code: unit.code, date: viDate(on) });
  draft.unitId = unit.id;
}

/**
 * Writing a member into a unit needs the unit to be held by the caller on the
 * admission date (access.ts heldOn, the one write rule): one query per batch
 * over the distinct (unit, date) pairs.
 */
async function checkHeld(db: Executor, actor: Actor, drafts: Draft[], units: Map<string, UnitRow>): Promise<void> {
  const pending = drafts.filter((d) => d.unitId && d.fields.admittedOn);
  if (pending.length === 0) return;
  const held = await membersUnitsHeld(
    db,
    actor,
    pending.map((d) => ({ unitId: d.unitId!, date: d.fields.admittedOn! })),
  );
  for (const d of pending) {
    if (held.has(heldKey(d.unitId!, d.fields.admittedOn!))) continue;
    const code = units.get(d.fields.unitCode!.toLowerCase())?.code ?? d.fields.unitCode!;
    d.errors.push({ key: 'unitCode', code: 'unitNotHeldOn', params: { code, date: viDate(d.fields.admittedOn!) } });
    delete d.unitId;
  }
}

interface ExistingMember {
  id: string;
  citizen_id: string | null;
  name_folded: string;
  birth_date: string | Date;
  unit_id: string;
  card_number: string | null;
  /** The importer manages the member's unit (sees the number unmasked). */
  manageable?: boolean;
}

/** Duplicates inside the file seen so far (first row of each key). */
interface SeenInFile {
  citizenIds: Map<string, number>;
  identities: Map<string, { row: number; citizenId: string | null }>;
  cards: Map<string, number>;
}

function checkInFile(draft: Draft, seen: SeenInFile): void {
  const f = draft.fields;
  if (f.citizenId) {
    const first = seen.citizenIds.get(f.citizenId);
    if (first !== undefined) draft.errors.push({ key: 'citizenId', code: 'duplicateCitizenIdInFile', params: { row: first } });
    else seen.citizenIds.set(f.citizenId, draft.row);
  }
  if (f.nameFolded && f.birthDate && draft.unitId) {
    const key = `${f.nameFolded}\u001f${f.birthDate}\u001f${draft.unitId}`;
    const first = seen.identities.get(key);
    if (!first) seen.identities.set(key, { row: draft.row, citizenId: f.citizenId ?? null });
    // Same citizen ID: reported above. Two different citizen IDs: two people who share a name and birthday.
    else if (!first.citizenId || !f.citizenId) {
      draft.errors.push({ key: 'fullName', code: 'duplicatePersonInFile', params: { row: first.row } });
    }
  }
  if (f.cardNumber) {
    const first = seen.cards.get(f.cardNumber);
    if (first !== undefined) draft.errors.push({ key: 'cardNumber', code: 'duplicateCardInFile', params: { row: first } });
    else seen.cards.set(f.cardNumber, draft.row);
  }
}

const identityKey = (name: string, birth: string, unit: string) => `${name}\u001f${birth}\u001f${unit}`;

/** Checks a batch against the registry; returns the id of the same person already registered, per row. */
async function checkRegistry(db: Executor, actor: Actor, drafts: Draft[]): Promise<Map<Draft, string>> {
  const existing = new Map<Draft, string>();
  const citizenIds = [...new Set(drafts.map((d) => d.fields.citizenId).filter((v): v is string => Boolean(v)))];
  const identities = drafts
    .filter((d) => d.fields.nameFolded && d.fields.birthDate && d.unitId)
    .map((d) => ({ n: d.fields.nameFolded, b: d.fields.birthDate, u: d.unitId }));
  const cards = [...new Set(drafts.map((d) => d.fields.cardNumber).filter((v): v is string => Boolean(v)))];

  const byCitizenId = new Map<string, ExistingMember>();
  if (citizenIds.length) {
    const rows = await queryRows<ExistingMember>(
      db,
      sql`select id, citizen_id, name_folded, birth_date, unit_id, card_number,
            ${memberManageScope(sql`members.unit_id`, actor)} as manageable
          from members
          where citizen_id in (select value from json_array_elements_text(${JSON.stringify(citizenIds)}::json))`,
    );
    for (const r of rows) byCitizenId.set(r.citizen_id!, r);
  }
  const byIdentity = new Map<string, ExistingMember[]>();
  if (identities.length) {
    const rows = await queryRows<ExistingMember>(
      db,
      sql`select distinct m.id, m.citizen_id, m.name_folded, m.birth_date, m.unit_id, m.card_number
          from json_to_recordset(${JSON.stringify(identities)}::json) as k(n text, b date, u uuid)
          join members m on m.name_folded = k.n and m.birth_date = k.b and m.unit_id = k.u`,
    );
    for (const r of rows) {
      const key = identityKey(r.name_folded, dateOnly(r.birth_date)!, r.unit_id);
      byIdentity.set(key, [...(byIdentity.get(key) ?? []), r]);
    }
  }
  const byCard = new Map<string, string>();
  if (cards.length) {
    const rows = await queryRows<{ id: string; card_number: string }>(
      db,
      sql`select id, card_number from members where card_number in (select value from json_array_elements_text(${JSON.stringify(cards)}::json))`,
    );
    for (const r of rows) byCard.set(r.card_number, r.id);
  }

  for (const d of drafts) {
    const f = d.fields;
    let same: string | undefined;
    const known = f.citizenId ? byCitizenId.get(f.citizenId) : undefined;
    if (known && !known.manageable) {
      // Registered in a unit the importer does not manage: say only that the row is a
      // duplicate for the federation to resolve, not where, nor whether the name matches.
      d.errors.push({ key: 'citizenId', code: 'citizenIdDuplicateForFederation' });
    } else if (known) {
      if (known.name_folded === f.nameFolded && dateOnly(known.birth_date) === f.birthDate) same = known.id;
      else if (f.nameFolded && f.birthDate) d.errors.push({ key: 'citizenId', code: 'citizenIdOtherPerson' });
    } else if (f.nameFolded && f.birthDate && d.unitId) {
      const matches = byIdentity.get(identityKey(f.nameFolded, f.birthDate, d.unitId)) ?? [];
      const match = matches.find((m) => !m.citizen_id || !f.citizenId);
      if (match) same = match.id;
      else if (matches.length > 0) d.errors.push({ key: 'fullName', code: 'personOtherCitizenId' });
    }
    if (same) existing.set(d, same);
    else if (f.cardNumber) {
      const owner = byCard.get(f.cardNumber);
      if (owner) d.errors.push({ key: 'cardNumber', code: 'cardTaken' });
    }
  }
  return existing;
}

/** Rows checked between two turns of the event loop. */
const YIELD_EVERY = 250;

/**
 * Checks every row. Outcome per row: new member, already in the registry
 * (same person: skipped), or invalid; errors by row then column.
 */
export async function validateImportRows(
  db: Executor,
  actor: Actor,
  rows: readonly ImportRow[],
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const today = options.today ?? todayInVietnam();
  const batchSize = options.batchSize ?? 5_000;
  const codes = [...new Set(rows.map((r) => (r.unitCode ?? '').trim()).filter(Boolean))];
  const units = await loadUnits(db, actor, codes);
  const seen: SeenInFile = { citizenIds: new Map(), identities: new Map(), cards: new Map() };
  const outcomes: RowOutcome[] = [];
  const errors: CellError[] = [];

  for (let start = 0; start < rows.length; start += batchSize) {
    const drafts: Draft[] = [];
    for (const row of rows.slice(start, start + batchSize)) {
      const draft = checkCells(row, today);
      checkUnit(draft, units);
      checkInFile(draft, seen);
      drafts.push(draft);
      // The checks are synchronous: other requests are served every YIELD_EVERY rows.
      if (drafts.length % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    await checkHeld(db, actor, drafts, units);
    const existing = await checkRegistry(db, actor, drafts);
    let n = 0;
    for (const d of drafts) {
      if (++n % YIELD_EVERY === 0) await yieldToEventLoop();
      if (d.errors.length > 0) {
        d.errors.sort((a, b) => COLUMN_INDEX.get(a.key)! - COLUMN_INDEX.get(b.key)!);
        for (const e of d.errors)
          errors.push({ row: d.row, column: columnName(e.key), code: e.code, ...(e.params ? { params: e.params } : {}) });
        outcomes.push({ kind: 'invalid', row: d.row });
      } else if (existing.has(d)) {
        outcomes.push({ kind: 'existing', row: d.row, memberId: existing.get(d)! });
      } else {
        outcomes.push({ kind: 'new', row: d.row, member: toMember(d) });
      }
    }
    await options.onProgress?.(Math.min(1, (start + batchSize) / rows.length));
  }
  return { outcomes, errors };
}

function toMember(d: Draft): ParsedMember {
  const f = d.fields;
  return {
    fullName: f.fullName!,
    nameFolded: f.nameFolded!,
    gender: f.gender!,
    birthDate: f.birthDate!,
    citizenId: f.citizenId ?? null,
    phone: f.phone ?? null,
    email: f.email ?? null,
    ethnicity: f.ethnicity ?? null,
    job: f.job ?? null,
    workplace: f.workplace ?? null,
    unitId: d.unitId!,
    admittedOn: f.admittedOn!,
    cardNumber: f.cardNumber ?? null,
    unionPosition: f.unionPosition ?? 'member',
    partyMember: f.partyMember ?? false,
  };
}

/** The column key of a stored error's Vietnamese column name. */
export function columnKeyOf(column: string): ImportColumnKey | undefined {
  for (const key of COLUMN_BY_KEY.keys()) if (columnName(key) === column) return key;
  return undefined;
}
