import { boolean, date, index, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { targets } from './indicators.js';

// Live roll-ups of the indicator engine (docs/scale.md "Roll-ups — built"):
// each target's per-unit rows (the engine's `pu`) and their per-target sums
// (the engine's `agg`), stored for every as-of month of the target's period and
// both countings, and kept up to date in the transaction of every write that
// changes what the engine reads. Triggers (migration 0015) note what changed in
// the two "dirty" tables; server/modules/indicators/rollups.ts recomputes it
// with the engine itself before the transaction commits.

/** One counted unit's contribution to a target as of a month (the engine's `pu` row). */
export const targetUnitRollups = pgTable(
  'target_unit_rollups',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    counting: text('counting').notNull(), // FactCounting
    asOfMonth: date('as_of_month').notNull(),
    unitId: uuid('unit_id').notNull(),
    months: integer('months').notNull(),
    state: text('state').notNull(), // UnitState
    num: numeric('num'),
    den: numeric('den'),
    meets: boolean('meets').notNull(),
    grade: text('grade'),
    unitValue: numeric('unit_value'),
  },
  (t) => [
    primaryKey({ columns: [t.targetId, t.counting, t.asOfMonth, t.unitId] }),
    // A unit's rows, replaced when something of the unit changes.
    index('target_unit_rollups_unit_idx').on(t.unitId, t.asOfMonth),
  ],
);

/** A target's sums over its per-unit rows as of a month (the engine's `agg` row): what a dashboard reads. */
export const targetRollupTotals = pgTable(
  'target_rollup_totals',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id, { onDelete: 'cascade' }),
    counting: text('counting').notNull(),
    asOfMonth: date('as_of_month').notNull(),
    reportedUnits: integer('reported_units').notNull(),
    eligibleUnits: integer('eligible_units').notNull(),
    naUnits: integer('na_units').notNull(),
    noDataUnits: integer('no_data_units').notNull(),
    metUnits: integer('met_units').notNull(),
    sumNum: numeric('sum_num').notNull(),
    sumDen: numeric('sum_den').notNull(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.counting, t.asOfMonth] })],
);

/** Units whose rows must be recomputed for the as-of months from `from_month` on (written by triggers). */
export const rollupDirtyUnits = pgTable('rollup_dirty_units', {
  unitId: uuid('unit_id').notNull(),
  fromMonth: date('from_month').notNull(),
});

/** Targets whose rows must be rebuilt for the as-of months from `from_month` on (written by triggers). */
export const rollupDirtyTargets = pgTable('rollup_dirty_targets', {
  targetId: uuid('target_id').notNull(),
  fromMonth: date('from_month').notNull(),
});
