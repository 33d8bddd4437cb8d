import { sql } from 'drizzle-orm';
import { CUMULATIVE_MEASURES } from '../../../common/indicators.js';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { allocationGap } from '../indicators/allocation.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramVisible } from './policy.js';

interface Row {
  id: string;
  code: string | null;
  text: string;
  total: number;
  allocations: number[] | null;
}

const round = (v: number) => Math.round(v * 10_000) / 10_000;

/**
 * For each total target (sum, count) of a program: its value, the sum of its
 * allocations (phân bổ) and the gap, so the page can say "phân bổ chưa khớp".
 * Only totals are split; percentages are inherited, never allocated.
 */
export async function checkProgramAllocations(db: Executor, actor: Actor, id: string) {
  const found = await findProgram(db, id);
  if (!found) throw programNotFound(actor);
  await requireProgramVisible(db, actor, found.program);
  const rows = await queryRows<Row>(
    db,
    sql`select tg.id, tg.code, tg.text, tg.value::float8 as total,
          array_remove(array_agg(al.value::float8 order by al.unit_id), null) as allocations
        from targets tg
        join indicators i on i.id = tg.indicator_id
        left join target_allocations al on al.target_id = tg.id
        where tg.program_id = ${id}::uuid
          and i.measure in (${sql.join(
            CUMULATIVE_MEASURES.map((m) => sql`${m}`),
            sql`, `,
          )})
        group by tg.id, tg.code, tg.text, tg.value, tg.sort_order, tg.created_at
        order by tg.sort_order, tg.code nulls last, tg.created_at, tg.id`,
  );
  return {
    programId: id,
    items: rows.map((r) => {
      const shares = (r.allocations ?? []).map(Number);
      const total = Number(r.total);
      const gap = round(allocationGap(total, shares));
      return {
        targetId: r.id,
        code: r.code,
        text: r.text,
        total,
        allocated: round(shares.reduce((s, v) => s + v, 0)),
        gap,
        allocationCount: shares.length,
        status: shares.length === 0 ? ('not_allocated' as const) : gap === 0 ? ('balanced' as const) : ('unbalanced' as const),
      };
    }),
  };
}
