// Live roll-ups (docs/scale.md "Roll-ups — built"): the engine's per-unit rows
// (`pu`) of every target, for every as-of month of its period and both
// countings, stored in target_unit_rollups, and their per-target sums (`agg`)
// in target_rollup_totals, so that a dashboard of any size reads one row per
// target and a breakdown reads its units' rows instead of every fact.
//
// Who keeps them: triggers (migration 0015) note in rollup_dirty_units /
// rollup_dirty_targets what changed something the engine reads (facts, member
// events, the tree, a unit's record, a target, its indicator or elements, a
// period's closing); flushRollups() recomputes exactly that with the engine
// itself (engineCtes in roll-up mode) and applies the difference to the sums.
// It runs before the outermost transaction of every use-case commits
// (server/lib/transaction.ts), so a submission shows in every dashboard in its
// own commit; readers also flush what a writer outside a use-case left (tests'
// raw inserts, a migration), so a reader never sees stale figures.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { inTransaction, onOutermostCommit } from '../../lib/transaction.js';
import type { RecordSourceName } from '../../../common/indicators.js';
import { engineCtes, type RecordWindow } from './engine-sql.js';

/** Advisory lock space of the roll-ups: key 0 = all targets (shared by unit flushes, exclusive for rebuilds). */
const LOCK_SPACE = 7_311_2024;

let maintainOnWrite = true;

/**
 * Benchmarks only (bench/national.ts): when off, writing transactions leave
 * their marks for the next reader instead of recomputing before commit.
 */
export function setRollupMaintenance(on: boolean): void {
  maintainOnWrite = on;
}

onOutermostCommit(async (tx) => {
  if (maintainOnWrite) await flushRollups(tx);
});

interface Mark {
  kind: 'u' | 't';
  id: string;
  from_month: string;
}

/** The sums of rows (per target, counting, as-of month) as the engine's `agg` counts them. */
const totalsOf = (rows: SQL) => sql`
  select target_id, counting, as_of_month,
    count(*) filter (where state in ('reported', 'ineligible'))::int as reported_units,
    count(*) filter (where state = 'reported')::int as eligible_units,
    count(*) filter (where state = 'not_applicable')::int as na_units,
    count(*) filter (where state = 'no_data')::int as no_data_units,
    count(*) filter (where state = 'reported' and meets)::int as met_units,
    coalesce(sum(num) filter (where state = 'reported'), 0) as sum_num,
    coalesce(sum(den) filter (where state = 'reported'), 0) as sum_den
  from ${rows} r
  group by target_id, counting, as_of_month`;

const ROLLUP_COLUMNS = sql`target_id, counting, as_of_month, unit_id, months, state, num, den, meets, grade, unit_value`;

/** The engine's rows in roll-up mode for `targets` (a condition on tg), limited to `units` (on p.descendant_id). */
function engineRows(targets: SQL, fromMonth: SQL, units?: SQL, known?: RecordWindow): SQL {
  return sql`${engineCtes(targets, '2000-01-01', { rollup: { fromMonth, ...(known ? { known } : {}) }, ...(units ? { units } : {}) })},
    computed as (
      select t.real_target_id as target_id, t.counting, t.as_of_month, pu.unit_id, pu.months, pu.state,
        pu.num, pu.den, pu.meets, pu.grade, pu.unit_value
      from pu
      join t on t.target_id = pu.target_id
    )`;
}

/**
 * Recomputes what the marks name, in the caller's transaction. Units: their
 * rows are compared with the engine's and only the difference is written, to
 * the rows and to the sums (the totals' difference added in one ordered
 * upsert: no deadlock between two flushes). Targets: rebuilt whole from the
 * month marked. Two flushes of one unit wait for each other (advisory lock per
 * unit); a rebuild waits for every unit flush and they wait for it.
 */
export async function flushRollups(db: Executor): Promise<void> {
  const marks = await queryRows<Mark>(
    db,
    sql`with du as (delete from rollup_dirty_units returning unit_id, from_month),
      dt as (delete from rollup_dirty_targets returning target_id, from_month)
    select 'u' as kind, unit_id as id, min(from_month)::text as from_month from du group by unit_id
    union all
    select 't', target_id, min(from_month)::text from dt group by target_id
    order by 1, 2`,
  );
  if (marks.length === 0) return;
  const units = marks.filter((m) => m.kind === 'u');
  const targets = marks.filter((m) => m.kind === 't');

  // Targets rebuilt below are left out of the units' pass (they get every unit's rows anyway).
  const rebuilt = uuidArray(targets.map((t) => t.id));
  const unitList = uuidArray(units.map((u) => u.id));

  // The locks, in one statement: all targets (shared by unit flushes, exclusive for a rebuild),
  // then each unit's in id order (a rebuild needs none: it holds everything).
  await db.execute(
    sql`select ${
      targets.length > 0 ? sql`pg_advisory_xact_lock(${LOCK_SPACE}::int, 0)` : sql`pg_advisory_xact_lock_shared(${LOCK_SPACE}::int, 0)`
    }${
      targets.length === 0 && units.length > 0
        ? sql`, (select count(pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(u::text)))
          from (select u from unnest(${unitList}) as u order by u) x)`
        : sql``
    }`,
  );

  if (units.length > 0) {
    // The earliest month marked, for all of them: a unit's rows are recomputed from one month on.
    const from = units.reduce((min, u) => (u.from_month < min ? u.from_month : min), units[0]!.from_month);
    const unitTargets = sql`tg.scope_unit_id in (select ancestor_id from org_unit_paths where descendant_id = any(${unitList}))
        and tg.id <> all(${rebuilt})`;
    // What the engine's statement below will read: its targets' months and record sources
    // (RecordWindow), read after the locks so that no target can change before the engine runs.
    const [bounds] = await queryRows<{ from: string | null; to: string | null; sources: RecordSourceName[] }>(
      db,
      sql`select date_trunc('month', min(tg.period_from)::timestamp)::date::text as "from",
          (date_trunc('month', max(tg.period_to)::timestamp) + interval '1 month - 1 day')::date::text as "to",
          coalesce(array_agg(distinct i.record_source) filter (where i.record_source is not null), '{}') as sources
        from targets tg
        join indicators i on i.id = tg.indicator_id
        where ${unitTargets} and tg.period_to >= ${from}::date`,
    );
    const known: RecordWindow = bounds?.from
      ? { from: bounds.from, to: bounds.to!, sources: bounds.sources }
      : { from, to: from, sources: [] };
    // The units' rows are compared with what the engine computes now, and only the difference is
    // written: rows that changed are updated in place, new ones inserted, rows no longer computed
    // deleted, rows that did not change left alone (an admission changes the member targets' rows,
    // not the others'). The sums get the new rows' totals minus the old ones', where not zero.
    // At national size the pages a flush writes, not its computing, were most of its cost: deleting
    // and inserting a unit's rows touched a heap page and a primary-key page per row (the key
    // starts with the target), read from disk and written whole to the WAL after a checkpoint.
    await queryRows(
      db,
      sql`with ${engineRows(unitTargets, sql`${from}::date`, sql`p.descendant_id = any(${unitList})`, known)},
      old as (
        select ${ROLLUP_COLUMNS} from target_unit_rollups r
        where r.unit_id = any(${unitList}) and r.as_of_month >= ${from}::date and r.target_id <> all(${rebuilt})
      ),
      -- Old and new rows side by side, by aggregation (linear whatever the planner estimates; a join
      -- of the two was a nested loop over thousands of rows when a flush had many units).
      diff as (
        select target_id, counting, as_of_month, unit_id,
          bool_or(side = 'o') as in_old, bool_or(side = 'n') as in_new,
          count(distinct (months, state, num, den, meets, grade, unit_value)) as versions,
          max(months) filter (where side = 'n') as months, max(state) filter (where side = 'n') as state,
          max(num) filter (where side = 'n') as num, max(den) filter (where side = 'n') as den,
          bool_or(meets) filter (where side = 'n') as meets, max(grade) filter (where side = 'n') as grade,
          max(unit_value) filter (where side = 'n') as unit_value
        from (
          select 'o' as side, ${ROLLUP_COLUMNS} from old
          union all
          select 'n', ${ROLLUP_COLUMNS} from computed
        ) x
        group by target_id, counting, as_of_month, unit_id
      ),
      gone as (
        delete from target_unit_rollups r
        where r.unit_id = any(${unitList}) and r.as_of_month >= ${from}::date
          and (r.target_id, r.counting, r.as_of_month, r.unit_id) in (
            select target_id, counting, as_of_month, unit_id from diff where not in_new)
      ),
      -- Changed rows in place: found through the units' index, and with the table's free room in
      -- each page (fillfactor, migration 0019) written as heap-only updates, without index entries.
      changed as (
        update target_unit_rollups r set
          months = d.months, state = d.state, num = d.num, den = d.den,
          meets = d.meets, grade = d.grade, unit_value = d.unit_value
        from diff d
        where r.unit_id = any(${unitList}) and r.as_of_month >= ${from}::date
          and (r.target_id, r.counting, r.as_of_month, r.unit_id) = (d.target_id, d.counting, d.as_of_month, d.unit_id)
          and d.in_old and d.in_new and d.versions > 1
      ),
      added as (
        insert into target_unit_rollups (${ROLLUP_COLUMNS})
        select ${ROLLUP_COLUMNS} from diff where in_new and not in_old
        order by target_id, counting, as_of_month, unit_id
      ),
      d as (
        ${totalsOf(sql`computed`)}
        union all
        select target_id, counting, as_of_month, -reported_units, -eligible_units, -na_units, -no_data_units,
          -met_units, -sum_num, -sum_den
        from (${totalsOf(sql`old`)}) o
      )
      insert into target_rollup_totals (target_id, counting, as_of_month, reported_units, eligible_units, na_units,
        no_data_units, met_units, sum_num, sum_den)
      select target_id, counting, as_of_month, sum(reported_units), sum(eligible_units), sum(na_units),
        sum(no_data_units), sum(met_units), sum(sum_num), sum(sum_den)
      from d
      group by target_id, counting, as_of_month
      having sum(reported_units) <> 0 or sum(eligible_units) <> 0 or sum(na_units) <> 0 or sum(no_data_units) <> 0
        or sum(met_units) <> 0 or sum(sum_num) <> 0 or sum(sum_den) <> 0
      order by target_id, counting, as_of_month
      on conflict (target_id, counting, as_of_month) do update set
        reported_units = target_rollup_totals.reported_units + excluded.reported_units,
        eligible_units = target_rollup_totals.eligible_units + excluded.eligible_units,
        na_units = target_rollup_totals.na_units + excluded.na_units,
        no_data_units = target_rollup_totals.no_data_units + excluded.no_data_units,
        met_units = target_rollup_totals.met_units + excluded.met_units,
        sum_num = target_rollup_totals.sum_num + excluded.sum_num,
        sum_den = target_rollup_totals.sum_den + excluded.sum_den`,
    );
  }

  // One target per statement: a national target is ≈ 126,000 units × 12 months × 2 countings of rows.
  for (const target of targets) {
    const marked = sql`(select m.id, m.from_month from jsonb_to_recordset(${JSON.stringify([
      { id: target.id, from_month: target.from_month },
    ])}::jsonb) as m(id uuid, from_month date))`;
    await db.execute(sql`delete from target_unit_rollups r using ${marked} m
      where r.target_id = m.id and r.as_of_month >= m.from_month`);
    await db.execute(sql`delete from target_rollup_totals r using ${marked} m
      where r.target_id = m.id and r.as_of_month >= m.from_month`);
    await db.execute(sql`with ${engineRows(
      sql`tg.id in (select id from ${marked} mk)`,
      sql`(select mk.from_month from ${marked} mk where mk.id = tg.id)`,
    )},
      ins as (insert into target_unit_rollups (${ROLLUP_COLUMNS}) select ${ROLLUP_COLUMNS} from computed returning *)
      insert into target_rollup_totals (target_id, counting, as_of_month, reported_units, eligible_units, na_units,
        no_data_units, met_units, sum_num, sum_den)
      ${totalsOf(sql`ins`)}`);
  }
}

/** A uuid[] parameter of ids (its text '{…}' goes as a value, not as SQL). */
function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * Before reading roll-ups: recomputes what a writer outside a use-case left
 * marked (none in normal running: every use-case flushes before it commits).
 */
export async function ensureRollupsFresh(db: Executor): Promise<void> {
  const [pending] = await queryRows<{ pending: boolean }>(
    db,
    sql`select exists (select 1 from rollup_dirty_units) or exists (select 1 from rollup_dirty_targets) as pending`,
  );
  if (pending?.pending) await inTransaction(db, (tx) => flushRollups(tx));
}

/**
 * Rebuilds every target's roll-ups from the facts (after a bulk load that
 * wrote outside the use-cases, e.g. bench/national.ts's COPY): one engine run
 * per target set instead of one per unit marked.
 */
export async function rebuildRollups(db: Executor): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`delete from rollup_dirty_units`);
    await tx.execute(sql`insert into rollup_dirty_targets (target_id, from_month) select id, '-infinity' from targets`);
    await flushRollups(tx);
  });
}
