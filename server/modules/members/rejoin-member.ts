import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import {
  appendMemberEvent,
  findMemberToManage,
  rederiveMember,
  requireAfterLastEvent,
  requireMemberUnit,
  requireNotFuture,
  snapshotMember,
} from './member-writes.js';
import { requireManageMembersOf } from './policy.js';
import type { RejoinMemberInput } from './schemas.js';

/**
 * Kết nạp lại: a former member (left or transferred out) joins again, in a
 * unit the caller manages; the caller must also manage the unit the member
 * last belonged to (which holds the record).
 */
export async function rejoinMember(db: Executor, actor: Actor, memberId: string, input: RejoinMemberInput): Promise<MemberDetailModel> {
  requireNotFuture(input.date, 'date');
  await requireManageMembersOf(db, actor, input.unitId, input.date);
  await inTransaction(db, async (tx) => {
    const member = await findMemberToManage(tx, actor, memberId, input.date);
    if (member.status === 'active') throw new AppError('MEMBER_ALREADY_ACTIVE');
    if (member.status === 'deceased') throw new AppError('MEMBER_NOT_ACTIVE');
    await requireAfterLastEvent(tx, memberId, input.date, 'date');
    await requireMemberUnit(tx, input.unitId, input.date, 'unitId');
    const before = await snapshotMember(tx, memberId);
    await appendMemberEvent(tx, actor, memberId, {
      kind: 'rejoined',
      eventDate: input.date,
      unitId: input.unitId,
      note: input.note ?? null,
    });
    await rederiveMember(tx, memberId, actor);
    await recordAudit(tx, actor, {
      action: 'member.rejoin',
      entityType: 'member',
      entityId: memberId,
      unitId: input.unitId,
      before,
      after: await snapshotMember(tx, memberId),
    });
  });
  return getMember(db, actor, memberId);
}
