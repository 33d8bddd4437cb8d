import { eq } from 'drizzle-orm';
import type { RevokeIssueDelegationBody } from '../../../common/api/documents.js';
import type { Executor } from '../../db/client.js';
import { issueDelegations, orgUnits, users } from '../../db/schema/index.js';
import { toDateOnly } from '../../db/sql.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { todayInVietnam } from '../../lib/dates.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { nextVersion, requireVersion } from '../../lib/row-version.js';
import { inTransaction } from '../../lib/transaction.js';
import { requireDelegationManage } from './issue-delegation-policy.js';
import { readIssueDelegation, type IssueDelegationView } from './list-issue-delegations.js';

/**
 * Thu hồi ủy quyền: from now on the officer no longer issues the unit's
 * documents (what they issued stays issued). A leader of the unit itself, on
 * the day of the revoke; version-checked (expectedVersion); the row stays as
 * history with who revoked it and when. Audited ('issue_delegation.revoke').
 */
export async function revokeIssueDelegation(
  db: Executor,
  actor: Actor,
  id: string,
  input: RevokeIssueDelegationBody,
): Promise<IssueDelegationView> {
  return inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(issueDelegations).where(eq(issueDelegations.id, id)).for('update');
    // An unknown delegation answers like one outside the caller's scope.
    if (!row) throw isSystemAdmin(actor) ? new AppError('NOT_FOUND') : forbidden();
    await requireDelegationManage(tx, actor, row.unitId, todayInVietnam());
    if (row.revokedAt) throw new AppError('ISSUE_DELEGATION_REVOKED');
    await requireVersion(tx, 'issue_delegations', row, input.expectedVersion);
    const revokedAt = new Date();
    await tx
      .update(issueDelegations)
      .set({ revokedAt, revokedBy: actor.userId ?? null, ...nextVersion(actor) })
      .where(eq(issueDelegations.id, id));
    const [names] = await tx
      .select({ fullName: users.fullName, unitName: orgUnits.shortName })
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, row.unitId))
      .where(eq(users.id, row.userId));
    await recordAudit(tx, actor, {
      action: 'issue_delegation.revoke',
      entityType: 'issue_delegation',
      entityId: id,
      unitId: row.unitId,
      before: { userId: row.userId, validFrom: toDateOnly(row.validFrom), validTo: toDateOnly(row.validTo), revokedAt: null },
      after: { revokedAt: revokedAt.toISOString() },
      entityLabel: names ? `${names.fullName} — ${names.unitName}` : null,
    });
    return readIssueDelegation(tx, id);
  });
}
