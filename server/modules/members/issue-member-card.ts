import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { members } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { nextVersion } from '../../lib/row-version.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import {
  appendMemberEvent,
  checkMemberIdentity,
  findMemberToManage,
  requireNotFuture,
  snapshotMember,
  withMemberUniqueness,
} from './member-writes.js';
import type { IssueCardInput } from './schemas.js';

/** Cấp thẻ đoàn viên: a (new) union card number from a date; the earlier number stays in the events. */
export async function issueMemberCard(db: Executor, actor: Actor, memberId: string, input: IssueCardInput): Promise<MemberDetailModel> {
  requireNotFuture(input.date, 'date');
  await withMemberUniqueness(() =>
    inTransaction(db, async (tx) => {
      const member = await findMemberToManage(tx, actor, memberId, input.date);
      if (member.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE');
      await checkMemberIdentity(tx, { cardNumber: input.cardNumber }, member.unitId, memberId);
      const before = await snapshotMember(tx, memberId);
      await appendMemberEvent(tx, actor, memberId, {
        kind: 'card_issued',
        eventDate: input.date,
        unitId: member.unitId,
        cardNumber: input.cardNumber,
      });
      await tx
        .update(members)
        .set({ cardNumber: input.cardNumber, cardIssuedOn: input.date, ...nextVersion(actor) })
        .where(eq(members.id, memberId));
      await recordAudit(tx, actor, {
        action: 'member.issue_card',
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
