// Reads shared by the org-unit use-cases (not use-cases themselves).
import { and, asc, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { OrgUnitKind } from '../../../common/enums.js';
import { addDays, formatDate } from '../../../common/format.js';
import type { Executor } from '../../db/client.js';
import { orgUnitParents, orgUnits } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import { inUnitScope, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import type { MessageKey } from '../../../common/i18n/index.js';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { AppError, fieldError, notFound } from '../../lib/errors.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type ParentRow = typeof orgUnitParents.$inferSelect;

/** Level of a kind in the tree, for sorting (district, sector, zone and commune unions sit at the same level). */
const KIND_LEVEL: Record<OrgUnitKind, number> = {
  national_confederation: 0,
  province_federation: 1,
  district_federation: 2,
  sector_union: 2,
  industrial_zone_union: 2,
  commune_union: 2,
  grassroots_union: 3,
  section: 4,
};

/** Sort by kind level, then short name (Vietnamese order). */
export function compareUnits(a: { kind: string; shortName: string }, b: { kind: string; shortName: string }): number {
  const la = KIND_LEVEL[a.kind as OrgUnitKind] ?? 9;
  const lb = KIND_LEVEL[b.kind as OrgUnitKind] ?? 9;
  return la - lb || a.shortName.localeCompare(b.shortName, 'vi');
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy' for messages. */
export const vnDate = (iso: string): string => formatDate(iso);

export function isValidOn(unit: { validFrom: string; validTo: string | null }, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}

export function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** The unit, locked for the rest of the transaction; 404 when unknown. */
export async function lockUnit(tx: Executor, id: string): Promise<OrgUnitRow> {
  const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.id, id)).for('update');
  if (!unit) throw notFound();
  return unit;
}

export async function findUnit(db: Executor, id: string): Promise<OrgUnitRow | undefined> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return unit;
}

export async function codeTaken(db: Executor, code: string, exceptId?: string): Promise<boolean> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  return rows.some((r) => r.id !== exceptId);
}

export function parentHistory(db: Executor, unitId: string): Promise<ParentRow[]> {
  return db.select().from(orgUnitParents).where(eq(orgUnitParents.unitId, unitId)).orderBy(asc(orgUnitParents.validFrom));
}

const covers = (date: string) =>
  and(lte(orgUnitParents.validFrom, date), or(isNull(orgUnitParents.validTo), gte(orgUnitParents.validTo, date)));

/** Parent rows of children under the unit that are in force on or after the date. */
export function childRowsFrom(db: Executor, unitId: string, date: string): Promise<ParentRow[]> {
  return db
    .select()
    .from(orgUnitParents)
    .where(and(eq(orgUnitParents.parentId, unitId), or(isNull(orgUnitParents.validTo), gte(orgUnitParents.validTo, date))));
}

/** Parent rows of children under the unit that start before the date. */
export function childRowsBefore(db: Executor, unitId: string, date: string): Promise<ParentRow[]> {
  return db
    .select()
    .from(orgUnitParents)
    .where(and(eq(orgUnitParents.parentId, unitId), sql`${orgUnitParents.validFrom} < ${date}::date`));
}

/** Rows of the unit's own parent history starting after the date. */
export function ownRowsAfter(db: Executor, unitId: string, date: string): Promise<ParentRow[]> {
  return db
    .select()
    .from(orgUnitParents)
    .where(and(eq(orgUnitParents.unitId, unitId), gt(orgUnitParents.validFrom, date)))
    .orderBy(asc(orgUnitParents.validFrom));
}

export async function parentRowOn(db: Executor, unitId: string, date: string): Promise<ParentRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnitParents)
    .where(and(eq(orgUnitParents.unitId, unitId), covers(date)));
  return row;
}

/** Is `candidateId` the unit itself or one of its descendants at any time from the date on? */
export async function isSelfOrDescendantFrom(db: Executor, unitId: string, candidateId: string, date: string): Promise<boolean> {
  if (unitId === candidateId) return true;
  const [row] = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from org_unit_paths
      where ancestor_id = ${unitId}::uuid and descendant_id = ${candidateId}::uuid and valid_to >= ${date}::date) as ok`,
  );
  return Boolean(row?.ok);
}

/** What the audit log keeps of a unit: its row and parent history. */
export async function snapshotUnit(db: Executor, unitId: string) {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, unitId));
  if (!unit) return null;
  const { createdAt: _c, updatedAt: _u, rowVersion: _v, updatedBy: _b, ...fields } = unit;
  const parents = (await parentHistory(db, unitId)).map((p) => ({ parentId: p.parentId, validFrom: p.validFrom, validTo: p.validTo }));
  return { ...fields, parents };
}

/** True for a unique violation on org_units.code (PostgreSQL and PGlite, raw or wrapped by drizzle). */
export function isCodeUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const { code, constraint, message } = e as { code?: string; constraint?: string; message?: string };
    if (code === '23505' && (!constraint || constraint === 'org_units_code_unique')) return true;
    if (typeof message === 'string' && message.includes('org_units_code_unique')) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// ---- The detail read model ----------------------------------------------

export interface OrgUnitDetailModel {
  unit: OrgUnitRow;
  parentId: string | null;
  parents: Array<{
    id: string;
    parentId: string;
    parentCode: string;
    parentName: string;
    validFrom: string;
    validTo: string | null;
    visible: boolean;
  }>;
  links: Array<{
    id: string;
    kind: string;
    direction: 'out' | 'in';
    otherUnitId: string;
    otherCode: string;
    otherName: string;
    effectiveDate: string;
    visible: boolean;
  }>;
  children: Array<{ id: string; code: string; shortName: string; kind: string; validFrom: string; validTo: string | null }>;
  departures: Array<{
    id: string;
    code: string;
    shortName: string;
    leftOn: string;
    /** The unit itself ended that day (dissolved, or merged into `to`). */
    ended: boolean;
    to: {
      kind: 'parent' | 'merged_into' | 'split_from';
      id: string;
      code: string;
      shortName: string;
      from: string;
      visible: boolean;
    } | null;
  }>;
}

/** The day a unit's "current" parent is read on: today, clamped into its validity. */
export function referenceDate(unit: { validFrom: string; validTo: string | null }, today = todayInVietnam()): string {
  if (unit.validTo !== null && unit.validTo < today) return unit.validTo;
  if (unit.validFrom > today) return unit.validFrom;
  return today;
}

/**
 * Loads everything the detail view shows. The parent and the children are
 * limited to the caller's scope; the parent history and successor links name
 * the other units (code and short name) so the unit's own story is readable.
 */
export async function loadOrgUnitDetail(db: Executor, actor: Actor, id: string, asOf?: string): Promise<OrgUnitDetailModel> {
  const unit = await findUnit(db, id);
  if (!unit) throw notFound();
  const ref = referenceDate(unit);
  const childrenOn = asOf ?? todayInVietnam();

  const [parentOnRef] = await queryRows<{ parent_id: string }>(
    db,
    sql`select e.parent_id from org_unit_parents e
      where e.unit_id = ${id}::uuid and e.valid_from <= ${ref}::date and (e.valid_to is null or e.valid_to >= ${ref}::date)
        and ${inUnitScope(sql`e.parent_id`, actor)}
      limit 1`,
  );

  const parents = await queryRows<{
    id: string;
    parent_id: string;
    code: string;
    short_name: string;
    valid_from: string;
    valid_to: string | null;
    visible: boolean;
  }>(
    db,
    sql`select e.id, e.parent_id, p.code, p.short_name, e.valid_from::text as valid_from, e.valid_to::text as valid_to,
        ${inUnitScope(sql`e.parent_id`, actor)} as visible
      from org_unit_parents e join org_units p on p.id = e.parent_id
      where e.unit_id = ${id}::uuid order by e.valid_from`,
  );

  const links = await queryRows<{
    id: string;
    kind: string;
    direction: 'out' | 'in';
    other_id: string;
    code: string;
    short_name: string;
    effective_date: string;
    visible: boolean;
  }>(
    db,
    sql`select l.id, l.kind, 'out' as direction, o.id as other_id, o.code, o.short_name, l.effective_date::text as effective_date,
          ${inUnitScope(sql`o.id`, actor)} as visible
        from org_unit_links l join org_units o on o.id = l.to_unit_id where l.from_unit_id = ${id}::uuid
      union all
      select l.id, l.kind, 'in' as direction, o.id as other_id, o.code, o.short_name, l.effective_date::text as effective_date,
          ${inUnitScope(sql`o.id`, actor)} as visible
        from org_unit_links l join org_units o on o.id = l.from_unit_id where l.to_unit_id = ${id}::uuid
      order by effective_date, code`,
  );

  const children = await queryRows<{
    id: string;
    code: string;
    short_name: string;
    kind: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`select c.id, c.code, c.short_name, c.kind, c.valid_from::text as valid_from, c.valid_to::text as valid_to
      from org_unit_parents e join org_units c on c.id = e.unit_id
      where e.parent_id = ${id}::uuid
        and e.valid_from <= ${childrenOn}::date and (e.valid_to is null or e.valid_to >= ${childrenOn}::date)
        and c.valid_from <= ${childrenOn}::date and (c.valid_to is null or c.valid_to >= ${childrenOn}::date)
        and ${inUnitScope(sql`c.id`, actor)}`,
  );

  // Where the units under it went (after a restructuring): their next parent, else what they merged into.
  const departures = await queryRows<{
    id: string;
    code: string;
    short_name: string;
    left_on: string;
    ended: boolean;
    parent_id: string | null;
    parent_code: string | null;
    parent_name: string | null;
    parent_from: string | null;
    parent_visible: boolean | null;
    link_kind: string | null;
    link_id: string | null;
    link_code: string | null;
    link_name: string | null;
    link_from: string | null;
    link_visible: boolean | null;
  }>(
    db,
    sql`select c.id, c.code, c.short_name, e.valid_to::text as left_on, (c.valid_to is not null and c.valid_to <= e.valid_to) as ended,
        np.id as parent_id, np.code as parent_code, np.short_name as parent_name, n.valid_from::text as parent_from,
        case when np.id is null then null else ${inUnitScope(sql`np.id`, actor)} end as parent_visible,
        l.kind as link_kind, lu.id as link_id, lu.code as link_code, lu.short_name as link_name, l.effective_date::text as link_from,
        case when lu.id is null then null else ${inUnitScope(sql`lu.id`, actor)} end as link_visible
      from org_unit_parents e join org_units c on c.id = e.unit_id
      left join lateral (
        select n.parent_id, n.valid_from from org_unit_parents n
        where n.unit_id = e.unit_id and n.valid_from > e.valid_to order by n.valid_from limit 1
      ) n on true
      left join org_units np on np.id = n.parent_id
      left join lateral (
        select l.kind, l.to_unit_id, l.effective_date from org_unit_links l
        where l.from_unit_id = c.id and l.effective_date > e.valid_to order by l.effective_date limit 1
      ) l on true
      left join org_units lu on lu.id = l.to_unit_id
      where e.parent_id = ${id}::uuid and e.valid_to is not null and ${inUnitScope(sql`c.id`, actor)}
      order by e.valid_to, c.code`,
  );

  return {
    unit,
    parentId: parentOnRef?.parent_id ?? null,
    departures: departures.map((d) => ({
      id: d.id,
      code: d.code,
      shortName: d.short_name,
      leftOn: d.left_on,
      ended: Boolean(d.ended),
      to: d.parent_id
        ? {
            kind: 'parent' as const,
            id: d.parent_id,
            code: d.parent_code!,
            shortName: d.parent_name!,
            from: d.parent_from!,
            visible: Boolean(d.parent_visible),
          }
        : d.link_id
          ? {
              kind: d.link_kind as 'merged_into' | 'split_from',
              id: d.link_id,
              code: d.link_code!,
              shortName: d.link_name!,
              from: d.link_from!,
              visible: Boolean(d.link_visible),
            }
          : null,
    })),
    parents: parents.map((p) => ({
      id: p.id,
      parentId: p.parent_id,
      parentCode: p.code,
      parentName: p.short_name,
      validFrom: p.valid_from,
      validTo: p.valid_to,
      visible: Boolean(p.visible),
    })),
    links: links.map((l) => ({
      id: l.id,
      kind: l.kind,
      direction: l.direction,
      otherUnitId: l.other_id,
      otherCode: l.code,
      otherName: l.short_name,
      effectiveDate: l.effective_date,
      visible: Boolean(l.visible),
    })),
    children: children
      .map((c) => ({ id: c.id, code: c.code, shortName: c.short_name, kind: c.kind, validFrom: c.valid_from, validTo: c.valid_to }))
      .sort(compareUnits),
  };
}

/** Runs a write; a unique-violation race on the unit code becomes UNIT_CODE_TAKEN on the given field. */
export async function withCodeRace<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isCodeUniqueViolation(err)) throw fieldError('UNIT_CODE_TAKEN', field);
    throw err;
  }
}

/** Only grassroots unions have a sector. */
export function checkSector(kind: string, sector: string | null | undefined, field = 'sector'): void {
  if (sector && kind !== 'grassroots_union') throw fieldError('UNIT_SECTOR_ONLY_GRASSROOTS', field);
}

/**
 * The grassroots-union record (hồ sơ CĐCS): only grassroots unions have a
 * founding decision and a founding member count (refused for other kinds, like
 * the sector), and a union is founded with at least MEMBER_LIMITS.foundingMinMembers.
 */
export function checkFoundingRecord(kind: string, record: { foundingDecision?: string | null; initialMemberCount?: number | null }): void {
  if (kind !== 'grassroots_union') {
    for (const field of ['foundingDecision', 'initialMemberCount'] as const) {
      if (record[field] != null) {
        throw new AppError(
          'VALIDATION_FAILED',
          {},
          { fields: [{ field, messageKey: 'units.foundingOnlyGrassroots' satisfies MessageKey }] },
        );
      }
    }
    return;
  }
  const count = record.initialMemberCount;
  if (count != null && count < MEMBER_LIMITS.foundingMinMembers) {
    throw fieldError('UNIT_FOUNDING_TOO_FEW_MEMBERS', 'initialMemberCount', { min: MEMBER_LIMITS.foundingMinMembers });
  }
}

/** 'YYYY-MM-DD' of the day after. */
export const dayAfter = (isoDate: string): string => addDays(isoDate, 1);

export const distinctUnitCount = (rows: Array<{ unitId: string }>) => new Set(rows.map((r) => r.unitId)).size;
