import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';
import { vnDate } from '../org-units/tree-queries.js';
import { MEMBER_UNIT_KINDS } from './member-writes.js';
import { canManageMembersOf, requireMemberManager } from './policy.js';
import type { ReceivingUnitInput } from './schemas.js';

export interface ReceivingUnitModel {
  id: string;
  code: string;
  fullName: string;
  shortName: string;
  inScope: boolean;
}

/**
 * The receiving union of a transfer, by the code the receiver gives (it is on
 * the transfer letter): one grassroots union or section active on the date,
 * looked up by exact code (trimmed, any case), whether or not it is in the
 * caller's scope. This is how a CĐCS chair names a union outside their scope
 * without any list of such units being offered: nothing else is answered
 * (no search, no prefix match, no other kind of unit).
 * `inScope` tells whether the caller manages members there (the transfer then
 * takes effect at once); otherwise it will wait for the unit to accept.
 */
export async function findReceivingUnit(db: Executor, actor: Actor, input: ReceivingUnitInput): Promise<ReceivingUnitModel> {
  requireMemberManager(actor);
  const code = input.code.trim();
  const kinds = JSON.stringify(MEMBER_UNIT_KINDS);
  // Codes are unique as typed; should two differ only in case, the exact spelling wins.
  const [unit] = await queryRows<{ id: string; code: string; full_name: string; short_name: string }>(
    db,
    sql`select u.id, u.code, u.full_name, u.short_name from org_units u
        where lower(u.code) = lower(${code})
          and u.kind in (select value from json_array_elements_text(${kinds}::json))
          and u.valid_from <= ${input.date}::date and (u.valid_to is null or u.valid_to >= ${input.date}::date)
        order by (u.code = ${code}) desc, u.code
        limit 1`,
  );
  if (!unit) {
    throw new AppError('MEMBER_RECEIVING_UNIT_NOT_FOUND', { code, date: vnDate(input.date) });
  }
  return {
    id: unit.id,
    code: unit.code,
    fullName: unit.full_name,
    shortName: unit.short_name,
    inScope: await canManageMembersOf(db, actor, unit.id, input.date),
  };
}
