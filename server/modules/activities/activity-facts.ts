// STUB (act-core lane): the act-engine lane owns this file and replaces it.
// refreshActivityFacts rewrites the record-derived facts of the given units;
// recordsBehindSource is the condition (on alias `r` = activity_records) of the
// records a derived source counts (docs/activities.md "Derived facts").
import { sql, type SQL } from 'drizzle-orm';
import type { RecordDerivedSource } from '../../../common/activities.js';
import type { Executor } from '../../db/client.js';

export async function refreshActivityFacts(_tx: Executor, _unitIds: readonly string[], _today?: string): Promise<void> {}

export function recordsBehindSource(_source: RecordDerivedSource): SQL {
  return sql`true`;
}
