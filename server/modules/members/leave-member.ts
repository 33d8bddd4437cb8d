import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { todayInVietnam } from '../../lib/dates.js';
import { AppError } from '../../lib/errors.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import {
  appendMemberEvent,
  findMemberToManage,
  rederiveMember,
  requireAfterLastEvent,
  requireNotFuture,
  snapshotMember,
} from './member-writes.js';
import type { LeaveMemberInput } from './schemas.js';

/** Ra khỏi tổ chức / từ trần: the member's membership ends on the date (a pending transfer lapses). */
export async function leaveMember(db: Executor, actor: Actor, memberId: string, input: LeaveMemberInput): Promise<MemberDetailModel> {
  requireNotFuture(input.date, 'date');
  await inTransaction(db, async (tx) => {
    const member = await findMemberToManage(tx, actor, memberId, input.date);
    if (member.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
    await requireAfterLastEvent(tx, memberId, input.date, 'date');
    const before = await snapshotMember(tx, memberId);
    await appendMemberEvent(tx, actor, memberId, {
      kind: input.reason,
      eventDate: input.date,
      unitId: member.unitId,
      note: input.note ?? null,
    });
    await tx.execute(sqlRefusePending(memberId, todayInVietnam()));
    await rederiveMember(tx, memberId, actor);
    await recordAudit(tx, actor, {
      action: 'member.leave',
      entityType: 'member',
      entityId: memberId,
      unitId: member.unitId,
      before,
      after: { ...(await snapshotMember(tx, memberId)), reason: input.reason, date: input.date },
    });
  });
  return getMember(db, actor, memberId);
}

/** A member who leaves can no longer be received elsewhere: a pending transfer lapses (refused, undecided by anyone). */
function sqlRefusePending(memberId: string, today: string) {
  return sql`update member_events set transfer_state = 'refused', decided_on = ${today}::date
    where member_id = ${memberId}::uuid and transfer_state = 'pending'`;
}
