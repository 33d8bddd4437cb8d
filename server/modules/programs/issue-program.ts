import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { nextVersion } from '../../lib/row-version.js';
import { recordAudit } from '../../lib/audit.js';
import { todayInVietnam } from '../../lib/dates.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramIssue } from './policy.js';
import { versionChangesWithTargets } from './list-program-versions.js';
import { formatDate } from '../../../common/format.js';
import { toDateOnly } from '../../db/sql.js';
import { requireMarksResolved } from './derived-marks.js';

/**
 * Issues (ban hành) a draft; an undated draft is dated today. Issuing an
 * amendment (version > 1) supersedes the version it replaces in the same
 * transaction and keeps what changed on the new version (change_summary),
 * also written to the audit entry.
 */
export async function issueProgram(db: Executor, actor: Actor, id: string, options: { confirmUnresolvedMarks?: boolean } = {}) {
  return inTransaction(db, async (tx) => {
    const found = await findProgram(tx, id, { forUpdate: true });
    if (!found) throw programNotFound(actor);
    const before = found.program;
    await requireProgramIssue(tx, actor, before.unitId, before.year);
    if (before.status !== 'draft') throw new AppError('PROGRAM_NOT_DRAFT');
    // A derived draft still naming the superior's figures or bodies is issued only when the user confirms.
    requireMarksResolved(before, options.confirmUnresolvedMarks);
    const issuedOn = toDateOnly(before.issuedOn) ?? todayInVietnam();
    // An amendment: what changed from the version it replaces is kept on its row (list-program-versions
    // reads it there); issuing changes no compared field, so the draft is compared as it stands.
    const previous = before.previousVersionId ? await findProgram(tx, before.previousVersionId, { forUpdate: true }) : null;
    // An amendment is dated on or after the version it amends (the sequence of versions follows their dates).
    const previousDate = previous ? toDateOnly(previous.program.issuedOn) : null;
    if (previousDate && issuedOn < previousDate)
      throw fieldError('PROGRAM_AMENDMENT_BEFORE_ORIGINAL', 'issuedOn', { date: formatDate(previousDate) });
    const changes = previous ? await versionChangesWithTargets(tx, previous.program, before) : undefined;
    const [after] = await tx
      .update(programs)
      .set({
        status: 'issued',
        issuedOn,
        issuedAt: new Date(),
        issuedBy: actor.userId,
        changeSummary: changes ?? null,
        ...nextVersion(actor),
      })
      .where(eq(programs.id, before.id))
      .returning();
    if (previous) {
      await tx
        .update(programs)
        .set({ status: 'superseded', ...nextVersion(actor) })
        .where(eq(programs.id, previous.program.id));
      await recordAudit(tx, actor, {
        action: 'program.supersede',
        entityType: 'program',
        entityId: previous.program.id,
        unitId: previous.program.unitId,
        before: { status: previous.program.status },
        after: { status: 'superseded', supersededBy: after!.id, version: after!.version },
      });
    }
    await recordAudit(tx, actor, {
      action: 'program.issue',
      entityType: 'program',
      entityId: before.id,
      unitId: before.unitId,
      before: { status: before.status, issuedOn: toDateOnly(before.issuedOn) },
      after: { status: after!.status, issuedOn, ...(changes ? { version: after!.version, changes } : {}) },
    });
    return { ...found, program: after! };
  });
}
