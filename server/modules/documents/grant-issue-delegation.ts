import { eq, sql } from 'drizzle-orm';
import type { GrantIssueDelegationBody } from '../../../common/api/documents.js';
import { formatDate } from '../../../common/format.js';
import type { Executor } from '../../db/client.js';
import { issueDelegations, orgUnits, users } from '../../db/schema/index.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError, forbidden } from '../../lib/errors.js';
import { inTransaction } from '../../lib/transaction.js';
import { isUnitOfficerOn, requireDelegationManage } from './issue-delegation-policy.js';
import { readIssueDelegation, type IssueDelegationView } from './list-issue-delegations.js';

/**
 * Ủy quyền ban hành: a leader of the unit lets one of its officers issue the
 * unit's documents from validFrom (until validTo, or until revoked). The write
 * takes effect on validFrom, so the leader must lead the unit that day (write
 * scope by date); the officer must be the unit's officer that day. One
 * delegation per officer and period: an overlapping one not revoked is refused.
 * Audited ('issue_delegation.grant') in the same transaction.
 */
export async function grantIssueDelegation(
  db: Executor,
  actor: Actor,
  unitId: string,
  input: GrantIssueDelegationBody,
): Promise<IssueDelegationView> {
  return inTransaction(db, async (tx) => {
    const validTo = input.validTo ?? null;
    await requireDelegationManage(tx, actor, unitId, input.validFrom);
    // Grants of one unit wait for each other, so two overlapping ones are never both written.
    const [unit] = await tx
      .select({ id: orgUnits.id, shortName: orgUnits.shortName })
      .from(orgUnits)
      .where(eq(orgUnits.id, unitId))
      .for('no key update');
    if (!unit) throw isSystemAdmin(actor) ? new AppError('NOT_FOUND') : forbidden();
    if (validTo !== null && validTo < input.validFrom) throw fieldError('ISSUE_DELEGATION_DATES_INVALID', 'validTo');
    if (!(await isUnitOfficerOn(tx, input.userId, unitId, input.validFrom))) {
      throw fieldError('ISSUE_DELEGATION_NOT_OFFICER', 'userId', { unit: unit.shortName, date: formatDate(input.validFrom) });
    }
    const [overlap] = await queryRows<{ valid_from: string | Date; full_name: string }>(
      tx,
      sql`select d.valid_from, u.full_name from issue_delegations d join users u on u.id = d.user_id
        where d.unit_id = ${unitId}::uuid and d.user_id = ${input.userId}::uuid and d.revoked_at is null
          and d.valid_from <= coalesce(${validTo}::date, '9999-12-31'::date)
          and coalesce(d.valid_to, '9999-12-31'::date) >= ${input.validFrom}::date
        limit 1`,
    );
    if (overlap) {
      throw new AppError('ISSUE_DELEGATION_OVERLAPS', {
        name: overlap.full_name,
        from: formatDate(toDateOnly(overlap.valid_from)),
      });
    }
    const [row] = await tx
      .insert(issueDelegations)
      .values({
        unitId,
        userId: input.userId,
        validFrom: input.validFrom,
        validTo,
        grantedBy: actor.userId ?? null,
        updatedBy: actor.userId ?? null,
      })
      .returning();
    const [grantee] = await tx.select({ fullName: users.fullName, username: users.username }).from(users).where(eq(users.id, input.userId));
    await recordAudit(tx, actor, {
      action: 'issue_delegation.grant',
      entityType: 'issue_delegation',
      entityId: row!.id,
      unitId,
      after: { userId: input.userId, username: grantee!.username, validFrom: input.validFrom, validTo },
      entityLabel: `${grantee!.fullName} — ${unit.shortName}`,
    });
    return readIssueDelegation(tx, row!.id);
  });
}
