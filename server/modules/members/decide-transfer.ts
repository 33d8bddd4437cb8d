import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { memberEvents } from '../../db/schema/index.js';
import { isSystemAdmin, type Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { todayInVietnam } from '../../lib/dates.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { rederiveMember, requireMemberUnit, snapshotMember } from './member-writes.js';
import { canManageMembersOf } from './policy.js';
import type { DecideTransferInput } from './schemas.js';

/**
 * The receiving unit accepts (tiếp nhận) or refuses a member's transfer. An
 * accepted transfer takes effect on its date; a refused one changes nothing
 * and the member stays in the sending unit.
 */
export async function decideTransfer(db: Executor, actor: Actor, eventId: string, input: DecideTransferInput) {
  return inTransaction(db, async (tx) => {
    const [event] = await tx.select().from(memberEvents).where(eq(memberEvents.id, eventId)).for('update');
    if (!event || event.kind !== 'transferred' || !event.toUnitId) throw isSystemAdmin(actor) ? notFound() : forbidden();
    if (!(await canManageMembersOf(tx, actor, event.toUnitId, event.eventDate))) throw forbidden();
    if (event.transferState !== 'pending') throw new AppError('MEMBER_TRANSFER_NOT_PENDING');
    if (input.accept) await requireMemberUnit(tx, event.toUnitId, event.eventDate, 'toUnitId');
    const before = await snapshotMember(tx, event.memberId);
    const transferState = input.accept ? 'accepted' : 'refused';
    await tx
      .update(memberEvents)
      .set({
        transferState,
        decidedOn: todayInVietnam(),
        decidedBy: actor.userId,
        note: input.note ? [event.note, input.note].filter(Boolean).join(' — ') : event.note,
      })
      .where(eq(memberEvents.id, eventId));
    await rederiveMember(tx, event.memberId, actor);
    await recordAudit(tx, actor, {
      action: input.accept ? 'member.transfer_accept' : 'member.transfer_refuse',
      entityType: 'member',
      entityId: event.memberId,
      unitId: event.toUnitId,
      before,
      after: {
        ...(await snapshotMember(tx, event.memberId)),
        transfer: { eventId, fromUnitId: event.unitId, toUnitId: event.toUnitId, date: event.eventDate, state: transferState },
      },
    });
    return { memberId: event.memberId, eventId, transferState } as const;
  });
}
