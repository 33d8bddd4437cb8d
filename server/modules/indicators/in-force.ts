// Which version of a program — and so which of its targets — is in force on a
// date (docs/indicator-engine.md "Amendments"): the issued version whose issue
// date is on or before the date and that no newer version issued by then
// replaces. Progress, breakdowns and dashboards follow it; a superseded
// version's targets stay readable in its history.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';

/**
 * Condition on a program id column: the program version is in force on `asOf`.
 * A first version counts from the start (its draft is followed by the unit that
 * writes it, as before it is issued); an amendment only from its issue date;
 * any version stops when a newer one has been issued on or before `asOf`.
 */
export function programInForce(programId: SQL, asOf: string): SQL {
  return sql`exists (select 1 from programs fp where fp.id = ${programId}
    and (fp.previous_version_id is null or (fp.status <> 'draft' and fp.issued_on <= ${asOf}::date))
    and not exists (select 1 from programs np where np.previous_version_id = fp.id
      and np.status <> 'draft' and np.issued_on <= ${asOf}::date))`;
}

/** Condition on the targets alias `tg`: in use (not retired) and, when it belongs to a program, of the version in force on `asOf`. */
export function targetInForce(asOf: string): SQL {
  return sql`(tg.archived_at is null and (tg.program_id is null or ${programInForce(sql`tg.program_id`, asOf)}))`;
}

/**
 * The version of `programId`'s chain in force on `asOf` (a draft asked for is
 * itself: its author previews it). `programId` itself when none is in force.
 */
export async function programVersionInForce(db: Executor, programId: string, asOf: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`with recursive up as (
          select id, previous_version_id, status from programs where id = ${programId}::uuid
          union all
          select p.id, p.previous_version_id, p.status from programs p join up on p.id = up.previous_version_id
        ), down as (
          select id from up where previous_version_id is null
          union all
          select p.id from programs p join down on p.previous_version_id = down.id
        )
        select d.id from down d
        where not exists (select 1 from programs x where x.id = ${programId}::uuid and x.status = 'draft')
          and ${programInForce(sql`d.id`, asOf)}
        limit 1`,
  );
  return row?.id ?? programId;
}

/**
 * The target continuing (or continued by) `targetId` through the amendments
 * (previous_target_id) whose program version is in force on `asOf`; `targetId`
 * itself when none is (retired by an amendment, or not in a program).
 */
export async function targetVersionInForce(db: Executor, targetId: string, asOf: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`with recursive up as (
          select id, previous_target_id from targets where id = ${targetId}::uuid
          union all
          select t.id, t.previous_target_id from targets t join up on t.id = up.previous_target_id
        ), down as (
          select id from up where previous_target_id is null
          union all
          select t.id from targets t join down on t.previous_target_id = down.id
        )
        select tg.id from down d join targets tg on tg.id = d.id
        where tg.program_id is not null and ${targetInForce(asOf)}
        limit 1`,
  );
  return row?.id ?? targetId;
}
