import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { members, memberUnitPeriods } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { nextVersion, requireVersion, staleWrite } from '../../lib/row-version.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import { refreshMemberFacts } from './member-facts.js';
import {
  checkBirthDate,
  checkMemberIdentity,
  findMemberToManage,
  personColumns,
  snapshotOf,
  withMemberUniqueness,
} from './member-writes.js';
import type { UpdateMemberInput } from './schemas.js';

/**
 * Sửa thông tin đoàn viên: the person's fields only (unit and status follow
 * from events); a changed gender or union position refreshes the derived
 * facts of the member's units in the same transaction.
 */
export async function updateMember(db: Executor, actor: Actor, memberId: string, input: UpdateMemberInput): Promise<MemberDetailModel> {
  await withMemberUniqueness(() =>
    inTransaction(db, async (tx) => {
      const member = await findMemberToManage(tx, actor, memberId);
      await requireVersion(tx, 'members', member, input.expectedVersion);
      const next = { ...member, ...personColumns(input) };
      checkBirthDate(next.birthDate, member.admittedOn);
      await checkMemberIdentity(
        tx,
        {
          fullName: input.fullName !== undefined || input.birthDate !== undefined ? next.fullName : undefined,
          birthDate: next.birthDate,
          citizenId: input.citizenId !== undefined ? next.citizenId : null,
        },
        member.unitId,
        memberId,
        actor,
      );
      const updated = await tx
        .update(members)
        .set({ ...personColumns(input), ...nextVersion(actor) })
        .where(and(eq(members.id, memberId), eq(members.rowVersion, input.expectedVersion)))
        .returning();
      if (updated.length === 0) throw await staleWrite(tx, 'members', memberId);
      // Female members and women holding office are counted from the registry
      // (member-facts.ts): a changed gender or position moves the figures of
      // every unit the member was ever counted in.
      if (
        (input.gender !== undefined && input.gender !== member.gender) ||
        (input.unionPosition !== undefined && input.unionPosition !== member.unionPosition)
      ) {
        const periods = await tx
          .select({ unitId: memberUnitPeriods.unitId })
          .from(memberUnitPeriods)
          .where(eq(memberUnitPeriods.memberId, memberId));
        await refreshMemberFacts(
          tx,
          periods.map((p) => p.unitId),
        );
      }
      await recordAudit(tx, actor, {
        action: 'member.update',
        entityType: 'member',
        entityId: memberId,
        unitId: member.unitId,
        before: snapshotOf(member),
        after: snapshotOf(updated[0]!),
      });
    }),
  );
  return getMember(db, actor, memberId);
}
