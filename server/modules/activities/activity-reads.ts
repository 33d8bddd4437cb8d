// Reading records for the list, a record's page and the export: one query
// shape, the caller's read scope always applied, with what the reader may do
// with each row (edit/delete) and whether a change needs a reason.
import { sql, type SQL } from 'drizzle-orm';
import { RECORD_DERIVED_SOURCES, type ActivityKind, type RecordDerivedSource, type RecordPersonRole } from '../../../common/activities.js';
import type { z } from 'zod';
import type { ListActivityRecordsQuery } from '../../../common/api/activities.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly, toIso } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { foldedSql, foldText } from '../../lib/search-text.js';
import { recordsBehindSource } from './activity-facts.js';
import { activityReadScope, recordWritableSql, reportedSql } from './policy.js';

export interface ActivityRecordPersonModel {
  memberId: string;
  role: RecordPersonRole;
  fullName: string;
  unionPosition: string;
}

/** A record as the use-cases return it (the presenter turns it into ActivityRecordView). */
export interface ActivityRecordModel {
  id: string;
  kind: ActivityKind;
  unitId: string;
  unitName: string;
  unitFullName: string;
  occurredOn: string;
  year: number | null;
  title: string;
  notes: string | null;
  details: Record<string, unknown>;
  amountVnd: number | null;
  subjectUnitId: string | null;
  subjectUnitName: string | null;
  /** An inspection plan: the inspections (kiểm tra) its unit made in the plan's year (plan vs done). */
  inspectionsDone: number | null;
  people: ActivityRecordPersonModel[];
  attachmentCount: number;
  rowVersion: number;
  updatedAt: string;
  /** The reader holds the record's unit on its date with the kind's permission. */
  writable: boolean;
  /** A report of the unit covering the record's month was submitted or approved. */
  reasonRequired: boolean;
}

export type ActivityFilter = Omit<z.output<typeof ListActivityRecordsQuery>, 'page' | 'pageSize'>;

interface RawRecord {
  id: string;
  kind: string;
  unit_id: string;
  unit_name: string;
  unit_full_name: string;
  occurred_on: unknown;
  year: number | null;
  title: string;
  notes: string | null;
  details: unknown;
  amount_vnd: string | number | null;
  subject_unit_id: string | null;
  subject_unit_name: string | null;
  inspections_done: number | string | null;
  attachment_count: number | string;
  row_version: number;
  updated_at: unknown;
  writable: boolean;
  reason_required: boolean;
}

/**
 * The WHERE condition over `activity_records r` of the list and the export:
 * not deleted, in the reader's (historical) scope, then each filter. An
 * element id keeps the records behind that derived element's figures.
 */
export async function activityConditions(db: Executor, actor: Actor, filter: Partial<ActivityFilter>): Promise<SQL> {
  const parts: SQL[] = [sql`r.deleted_at is null`, activityReadScope(sql`r.unit_id`, actor)];
  if (filter.kind) parts.push(sql`r.kind = ${filter.kind}`);
  if (filter.unitId) {
    parts.push(sql`exists (select 1 from org_unit_paths fp where fp.ancestor_id = ${filter.unitId}::uuid
      and fp.descendant_id = r.unit_id and fp.valid_from <= r.occurred_on and fp.valid_to >= r.occurred_on)`);
  }
  if (filter.from) parts.push(sql`r.occurred_on >= ${filter.from}::date`);
  if (filter.to) parts.push(sql`r.occurred_on <= ${filter.to}::date`);
  const q = filter.q?.trim();
  if (q) parts.push(sql`r.search_folded like ${`%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (filter.elementId) {
    const [element] = await queryRows<{ derived_from: string | null }>(
      db,
      sql`select derived_from from data_elements where id = ${filter.elementId}::uuid`,
    );
    const source = element?.derived_from;
    parts.push(source && source in RECORD_DERIVED_SOURCES ? recordsBehindSource(source as RecordDerivedSource) : sql`false`);
  }
  return sql.join(parts, sql` and `);
}

/** ORDER BY for a sort key, always ending on the id so pages are stable. */
export function activityOrder(sort: ActivityFilter['sort'] = 'occurredOn', order: 'asc' | 'desc' = 'desc'): SQL {
  const dir = order === 'asc' ? sql`asc` : sql`desc`;
  switch (sort) {
    case 'unit':
      return sql`${foldedSql(sql`u.short_name`)} ${dir}, u.short_name ${dir}, r.occurred_on desc, r.id`;
    case 'title':
      return sql`${foldedSql(sql`r.title`)} ${dir}, r.title ${dir}, r.occurred_on desc, r.id`;
    case 'occurredOn':
    default:
      return sql`r.occurred_on ${dir}, r.created_at ${dir}, r.id`;
  }
}

/** Records matching the condition, in order, with their people. */
export async function readActivityRecords(
  db: Executor,
  actor: Actor,
  where: SQL,
  order: SQL,
  limit: number,
  offset = 0,
): Promise<ActivityRecordModel[]> {
  const rows = await queryRows<RawRecord>(
    db,
    sql`select r.id::text as id, r.kind, r.unit_id::text as unit_id, u.short_name as unit_name, u.full_name as unit_full_name,
        r.occurred_on::text as occurred_on, r.year, r.title, r.notes, r.details, r.amount_vnd,
        r.subject_unit_id::text as subject_unit_id, su.short_name as subject_unit_name, r.row_version, r.updated_at,
        (select count(*)::int from report_attachments a where a.activity_record_id = r.id and a.deleted_at is null) as attachment_count,
        case when r.kind = 'inspection_plan' then (
          select count(*)::int from activity_records d
          where d.unit_id = r.unit_id and d.kind = 'inspection' and d.deleted_at is null and d.details ->> 'type' = 'inspection'
            and d.occurred_on between make_date(r.year, 1, 1) and make_date(r.year, 12, 31)) end as inspections_done,
        ${recordWritableSql(actor)} as writable,
        ${reportedSql(sql`r.unit_id`, sql`r.occurred_on`)} as reason_required
      from activity_records r
      join org_units u on u.id = r.unit_id
      left join org_units su on su.id = r.subject_unit_id
      where ${where}
      order by ${order}
      limit ${limit} offset ${offset}`,
  );
  if (rows.length === 0) return [];
  const people = await queryRows<{ record_id: string; member_id: string; role: string; full_name: string; union_position: string }>(
    db,
    sql`select p.record_id::text as record_id, p.member_id::text as member_id, p.role, m.full_name, p.union_position
      from activity_record_people p join members m on m.id = p.member_id
      where p.record_id in (${sql.join(
        rows.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})
      order by p.role, m.name_folded, m.id`,
  );
  const byRecord = new Map<string, ActivityRecordPersonModel[]>();
  for (const p of people) {
    const list = byRecord.get(p.record_id) ?? [];
    list.push({ memberId: p.member_id, role: p.role as RecordPersonRole, fullName: p.full_name, unionPosition: p.union_position });
    byRecord.set(p.record_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ActivityKind,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitFullName: r.unit_full_name,
    occurredOn: toDateOnly(r.occurred_on)!,
    year: r.year === null ? null : Number(r.year),
    title: r.title,
    notes: r.notes,
    details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
    amountVnd: r.amount_vnd === null ? null : Number(r.amount_vnd),
    subjectUnitId: r.subject_unit_id,
    subjectUnitName: r.subject_unit_name,
    inspectionsDone: r.inspections_done === null ? null : Number(r.inspections_done),
    people: byRecord.get(r.id) ?? [],
    attachmentCount: Number(r.attachment_count),
    rowVersion: Number(r.row_version),
    updatedAt: toIso(r.updated_at),
    writable: Boolean(r.writable),
    reasonRequired: Boolean(r.reason_required),
  }));
}

/** Count of the records matching the condition. */
export async function countActivityRecords(db: Executor, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`select count(*)::int as n from activity_records r where ${where}`);
  return Number(row?.n ?? 0);
}
