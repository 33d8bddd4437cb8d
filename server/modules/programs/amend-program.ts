import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { programs } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramManage } from './policy.js';
import { auditProgram } from './presenter.js';
import { claimProgramNumber, isUniqueViolation } from './program-rules.js';
import { nextDocumentNumber } from '../documents/document-numbers.js';
import { copyProgramTargets } from '../indicators/copy-program-targets.js';
import type { AmendProgramBody } from './schemas.js';
import type { ProgramKind } from '../../../common/programs.js';
import { toDateOnly } from '../../db/sql.js';

/**
 * Starts an amendment (sửa đổi, bổ sung) of an issued program: a new draft
 * version of the same unit, year and kind with a copy of the content. The
 * amendment is its own document: it takes the next number of the issuer's
 * sequence (the original keeps its number and date) and cites the one it amends.
 * The issued version stays in force until the new one is issued; the new
 * draft is undated, so it is dated the day it is issued unless a date is set.
 */
export async function amendProgram(db: Executor, actor: Actor, id: string, input: AmendProgramBody) {
  try {
    return await inTransaction(db, async (tx) => {
      const found = await findProgram(tx, id, { forUpdate: true });
      if (!found) throw programNotFound(actor);
      const source = found.program;
      await requireProgramManage(tx, actor, source.unitId, source.year);
      const [newer] = await tx
        .select({ version: programs.version })
        .from(programs)
        .where(eq(programs.previousVersionId, source.id))
        .limit(1);
      if (newer) throw new AppError('PROGRAM_HAS_NEWER_VERSION', { version: newer.version });
      if (source.status !== 'issued') throw new AppError('PROGRAM_NOT_ISSUED');
      // The derivation link stays on the first version (one derived program per unit and year);
      // the change summary is fixed when the new version is issued.
      const {
        id: _id,
        status: _s,
        issuedAt: _ia,
        issuedBy: _ib,
        createdAt: _c,
        updatedAt: _u,
        createdBy: _cb,
        derivedFromProgramId: _d,
        derivation: _dv,
        changeSummary: _cs,
        ...copy
      } = source;
      const [row] = await tx
        .insert(programs)
        .values({
          ...copy,
          number: await nextDocumentNumber(tx, source.unitId, source.year),
          issuedOn: null,
          status: 'draft',
          version: source.version + 1,
          previousVersionId: source.id,
          createdBy: actor.userId,
        })
        .returning();
      await claimProgramNumber(tx, row!);
      // The new version carries the targets of the one it amends (edited, retired or added to on the draft).
      await copyProgramTargets(tx, actor, source.id, row!.id);
      await recordAudit(tx, actor, {
        action: 'program.amend',
        entityType: 'program',
        entityId: row!.id,
        unitId: row!.unitId,
        before: { previousVersionId: source.id, version: source.version },
        after: { ...auditProgram(row!), reason: input.reason },
      });
      // The amendment cites the version it amends, by that version's own number and date.
      const amends = {
        id: source.id,
        kind: source.kind as ProgramKind,
        number: source.number,
        symbol: source.symbol,
        issuedOn: toDateOnly(source.issuedOn),
      };
      return { program: row!, unitName: found.unitName, amends };
    });
  } catch (error) {
    // Another amendment of the same version won the race.
    if (isUniqueViolation(error)) throw new AppError('PROGRAM_HAS_NEWER_VERSION', { version: '' });
    throw error;
  }
}
