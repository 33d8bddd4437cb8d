import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { todayInVietnam } from '../../lib/dates.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import {
  appendMemberEvent,
  findMemberToManage,
  pendingTransferOf,
  rederiveMember,
  requireAfterLastEvent,
  requireMemberUnit,
  requireNotFuture,
  snapshotMember,
} from './member-writes.js';
import { AppError } from '../../lib/errors.js';
import { canManageMembersOf } from './policy.js';
import type { TransferMemberInput } from './schemas.js';

/**
 * Chuyển sinh hoạt: the member moves to another unit of the tree from a date,
 * or to a union outside the system (status "transferred out"). A receiving
 * unit the caller also manages takes the member at once; any other receiving
 * unit must accept first, and until then the member stays where they are.
 */
export async function transferMember(db: Executor, actor: Actor, memberId: string, input: TransferMemberInput): Promise<MemberDetailModel> {
  const toUnitId = input.toUnitId ?? null;
  const toOutsideName = input.toOutsideName ?? null;
  if ((toUnitId === null) === (toOutsideName === null)) throw fieldError('MEMBER_TRANSFER_TARGET_REQUIRED', 'toUnitId');
  requireNotFuture(input.date, 'date');
  await inTransaction(db, async (tx) => {
    const member = await findMemberToManage(tx, actor, memberId, input.date);
    if (member.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
    if (await pendingTransferOf(tx, memberId)) throw new AppError('MEMBER_TRANSFER_PENDING');
    await requireAfterLastEvent(tx, memberId, input.date, 'date');
    let transferState: 'pending' | 'accepted' | null = null;
    if (toUnitId) {
      if (toUnitId === member.unitId) throw fieldError('MEMBER_TRANSFER_SAME_UNIT', 'toUnitId');
      await requireMemberUnit(tx, toUnitId, input.date, 'toUnitId');
      transferState = (await canManageMembersOf(tx, actor, toUnitId, input.date)) ? 'accepted' : 'pending';
    }
    const before = await snapshotMember(tx, memberId);
    await appendMemberEvent(tx, actor, memberId, {
      kind: 'transferred',
      eventDate: input.date,
      unitId: member.unitId,
      toUnitId,
      toOutsideName,
      transferState,
      decidedOn: transferState === 'accepted' ? todayInVietnam() : null,
      decidedBy: transferState === 'accepted' ? actor.userId : null,
      note: input.note ?? null,
    });
    await rederiveMember(tx, memberId, actor);
    await recordAudit(tx, actor, {
      action: 'member.transfer',
      entityType: 'member',
      entityId: memberId,
      unitId: member.unitId,
      before,
      after: { ...(await snapshotMember(tx, memberId)), transfer: { toUnitId, toOutsideName, date: input.date, state: transferState } },
    });
  });
  return getMember(db, actor, memberId);
}
