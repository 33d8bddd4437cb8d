import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { AppError } from '../../lib/errors.js';
import { admitMembers } from './admit-members.js';
import { getMember, type MemberDetailModel } from './get-member.js';
import type { AdmitMemberInput } from './schemas.js';

/**
 * Kết nạp đoàn viên: a person joins a grassroots union (or section) on a
 * date; with a card number, the card is issued that day. It is the batch
 * admission (admitMembers) of one member without later events: the same
 * checks (scope on the admission date, the unit, dates, CCCD, card and
 * same-person duplicates) and the same writes — the member's status, unit and
 * period derived from the events in memory, not read back — in a few
 * statements. Its refusals name the single form's fields (`citizenId`, not
 * `members.0.citizenId`).
 */
export async function admitMember(db: Executor, actor: Actor, input: AdmitMemberInput): Promise<MemberDetailModel> {
  const { ids } = await asSingleAdmission(() => admitMembers(db, actor, { members: [{ ...input, history: [] }] }));
  return getMember(db, actor, ids[0]!);
}

/** The batch's refusal of its only member as the single form's: `members.0.citizenId` → `citizenId`; a refusal of the member as a whole keeps no field. */
async function asSingleAdmission<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError) || !e.fields.some((f) => f.field === 'members.0' || f.field.startsWith('members.0.'))) throw e;
    const fields = e.fields.filter((f) => f.field !== 'members.0').map((f) => ({ ...f, field: f.field.replace(/^members\.0\./, '') }));
    throw new AppError(e.code, e.params, { fields });
  }
}
