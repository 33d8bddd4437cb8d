import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { members } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { checkBirthDate, checkMemberIdentity, personColumns } from './admit-member.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import { findMemberToManage, snapshotMember, withMemberUniqueness } from './member-writes.js';
import type { UpdateMemberInput } from './schemas.js';

/** Sửa thông tin đoàn viên: the person's fields only (unit and status follow from events). */
export async function updateMember(db: Executor, actor: Actor, memberId: string, input: UpdateMemberInput): Promise<MemberDetailModel> {
  await withMemberUniqueness(() =>
    inTransaction(db, async (tx) => {
      const member = await findMemberToManage(tx, actor, memberId);
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
      const before = await snapshotMember(tx, memberId);
      await tx
        .update(members)
        .set({ ...personColumns(input), updatedAt: new Date() })
        .where(eq(members.id, memberId));
      await recordAudit(tx, actor, {
        action: 'member.update',
        entityType: 'member',
        entityId: memberId,
        unitId: member.unitId,
        before,
        after: await snapshotMember(tx, memberId),
      });
    }),
  );
  return getMember(db, actor, memberId);
}
