import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Measure } from '../../../common/indicators.js';
import type { OrgUnitKind } from '../../../common/enums.js';
import { formatDate } from '../../../common/format.js';
import { formatDocumentNumber, type ProgramContent } from '../../../common/programs.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { indicators, orgUnits, programs, targetAllocations, targets } from '../../db/schema/index.js';
import { queryRows, toDateOnly } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, fieldError } from '../../lib/errors.js';
import { allocatable } from '../indicators/definition-rules.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramManage, requireProgramVisible } from './policy.js';
import { auditProgram } from './presenter.js';
import { carryIntoSentences, deriveMarks, insertDerivedTarget, superiorVoice, type CarriedTarget } from './derived-marks.js';
import { assertUnitValidInYear, claimProgramNumber, isUniqueViolation } from './program-rules.js';
import { nextDocumentNumber } from '../documents/document-numbers.js';
import type { DeriveProgramBody } from './schemas.js';

/** Ký hiệu of a derived program by the kind of the child unit. */
function symbolFor(kind: OrgUnitKind): string {
  if (kind === 'grassroots_union') return 'CTr-CĐCS';
  if (kind === 'district_federation' || kind === 'province_federation') return 'CTr-LĐLĐ';
  return 'CTr-CĐ';
}

const capitals = (name: string) => name.toLocaleUpperCase('vi');

/**
 * Cụ thể hóa: a DRAFT program of a child unit derived from an issued program
 * of a unit above it, for the same year. The document is copied to be edited
 * (theme, targets, task groups; header fields from the child unit), and in the
 * indicator engine the parent's targets are carried down: percentages, shares
 * and averages apply to every unit and are inherited as they are; totals (sums,
 * counts) become the child's target for the value allocated to it, and are
 * listed as "needs allocation" when the parent allocated nothing to it.
 * The document's target sentences take the child's values; the sentences
 * still naming the parent's figures or bodies are marked for the user to fix,
 * and the targets not carried are listed with why (programs.derivation,
 * derived-marks.ts); a draft with unedited marks is issued only on confirmation.
 * One transaction, audited ('program.derive').
 */
export async function deriveProgram(db: Executor, actor: Actor, sourceId: string, input: DeriveProgramBody) {
  try {
    return await inTransaction(db, async (tx) => {
      // Locking the source serialises derivations from it (one derived program per unit and year).
      const found = await findProgram(tx, sourceId, { forUpdate: true });
      if (!found) throw programNotFound(actor);
      const source = found.program;
      await requireProgramVisible(tx, actor, source);
      await requireProgramManage(tx, actor, input.unitId, source.year);
      if (source.status !== 'issued') throw new AppError('PROGRAM_DERIVE_NOT_ISSUED');

      // The child must be below the program's unit at some time during the year; its
      // direct parent (the latest one that year) is the superior body of the new document.
      const from = `${source.year}-01-01`;
      const to = `${source.year}-12-31`;
      const [below] = await queryRows<{ ok: boolean }>(
        tx,
        sql`select exists (select 1 from org_unit_paths p where p.ancestor_id = ${source.unitId}::uuid
              and p.descendant_id = ${input.unitId}::uuid and p.depth > 0
              and p.valid_from <= ${to}::date and p.valid_to >= ${from}::date) as ok`,
      );
      if (!below?.ok) throw fieldError('PROGRAM_DERIVE_UNIT_NOT_BELOW', 'unitId');
      await assertUnitValidInYear(tx, input.unitId, source.year);
      const [child] = await tx.select().from(orgUnits).where(eq(orgUnits.id, input.unitId));
      const [parent] = await queryRows<{ short_name: string }>(
        tx,
        sql`select u.short_name from org_unit_paths p join org_units u on u.id = p.ancestor_id
            where p.descendant_id = ${input.unitId}::uuid and p.depth = 1
              and p.valid_from <= ${to}::date and p.valid_to >= ${from}::date
            order by p.valid_to desc limit 1`,
      );

      // Derived once per unit and year (programs_derived_unit_year_uq backs this check against races).
      const [existing] = await tx
        .select({ id: programs.id })
        .from(programs)
        .where(and(eq(programs.unitId, input.unitId), eq(programs.year, source.year), isNotNull(programs.derivedFromProgramId)))
        .limit(1);
      if (existing) throw new AppError('PROGRAM_DERIVED_EXISTS');

      // Số: left for the user to change; the next number of the unit's sequence that year (all kinds).
      const next = await nextDocumentNumber(tx, input.unitId, source.year);
      const sourceNumber = formatDocumentNumber(source.number, source.symbol).replace(/^Số: /, '');
      const sourceDate = toDateOnly(source.issuedOn);
      // Targets of the parent program in use, with their measure and the allocation to the child.
      const parentTargets = await tx
        .select({ target: targets, measure: indicators.measure, allocated: targetAllocations.value })
        .from(targets)
        .innerJoin(indicators, eq(indicators.id, targets.indicatorId))
        .leftJoin(targetAllocations, and(eq(targetAllocations.targetId, targets.id), eq(targetAllocations.unitId, input.unitId)))
        .where(and(eq(targets.programId, source.id), isNull(targets.archivedAt)))
        .orderBy(asc(targets.sortOrder), asc(targets.code), asc(targets.createdAt));
      const carried: CarriedTarget[] = parentTargets.map(({ target: t, measure, allocated }) => {
        const total = allocatable(measure as Measure);
        return {
          sourceTargetId: t.id,
          code: t.code,
          text: t.text,
          parentValue: Number(t.value),
          total,
          childValue: !total ? Number(t.value) : allocated === null ? null : Number(allocated),
        };
      });
      // The document's target sentences say the child's values.
      const carry = carryIntoSentences(source.content, carried);

      const content: ProgramContent = {
        ...source.content,
        targets: carry.targets,
        // Căn cứ: the program it makes concrete comes first.
        legalBasis: [
          `Căn cứ Chương trình số ${sourceNumber}${sourceDate ? ` ngày ${formatDate(sourceDate)}` : ''} của ${found.unitName} về ${source.title};`,
          ...source.content.legalBasis,
        ].slice(0, 200),
        // Actions are kept as work to plan; who is in charge is for the child unit to decide.
        taskGroups: source.content.taskGroups.map((g) => ({
          ...g,
          actions: g.actions.map(({ responsible: _r, ...a }) => a),
        })),
        organisation: [
          {
            actor: `Ban Chấp hành ${child!.shortName}`,
            duties: ['Căn cứ Chương trình này, tổ chức triển khai thực hiện và báo cáo kết quả về cấp trên.'],
          },
        ],
        recipients: parent ? [{ name: parent.short_name, forReport: true }] : [],
        archive: 'VT',
      };
      const voice = await superiorVoice(tx, source.unitId, input.unitId, source.year);
      const derivation = deriveMarks(
        content,
        voice,
        carry,
        { programId: source.id, unitId: source.unitId },
        carried
          .filter((t) => t.childValue === null)
          .map((t) => ({
            sourceTargetId: t.sourceTargetId,
            code: t.code,
            text: t.text,
            value: t.parentValue,
            reason: 'not_allocated' as const,
          })),
      );
      const [row] = await tx
        .insert(programs)
        .values({
          unitId: input.unitId,
          year: source.year,
          kind: 'program',
          number: next,
          symbol: symbolFor(child!.kind as OrgUnitKind),
          place: source.place,
          issuedOn: null,
          title: source.title,
          status: 'draft',
          version: 1,
          derivedFromProgramId: source.id,
          superiorBodyName: parent ? capitals(parent.short_name) : null,
          issuingBodyName: capitals(child!.shortName),
          signatureAuthority: source.signatureAuthority,
          signerTitle: source.signerTitle,
          signerName: '…',
          content,
          derivation,
          createdBy: actor.userId,
        })
        .returning();
      await claimProgramNumber(tx, row!);

      type Derived = { id: string; sourceTargetId: string; code: string | null; text: string; value: number };
      const inheritedTargets: Derived[] = [];
      const allocatedTargets: Derived[] = [];
      const needsAllocation: Array<Omit<Derived, 'id'>> = [];
      for (const [i, { target: t }] of parentTargets.entries()) {
        const c = carried[i]!;
        if (c.childValue === null) {
          needsAllocation.push({ sourceTargetId: t.id, code: t.code, text: t.text, value: c.parentValue });
          continue;
        }
        const created = await insertDerivedTarget(tx, actor, t, { programId: row!.id, unitId: input.unitId }, c);
        (c.total ? allocatedTargets : inheritedTargets).push({
          id: created.id,
          sourceTargetId: t.id,
          code: created.code,
          text: created.text,
          value: Number(created.value),
        });
      }

      await recordAudit(tx, actor, {
        action: 'program.derive',
        entityType: 'program',
        entityId: row!.id,
        unitId: row!.unitId,
        after: {
          ...auditProgram(row!),
          sourceProgramId: source.id,
          inheritedTargets: inheritedTargets.map((t) => t.sourceTargetId),
          allocatedTargets: allocatedTargets.map((t) => t.sourceTargetId),
          needsAllocation: needsAllocation.map((t) => t.sourceTargetId),
          markedSentences: derivation.marks.length,
        },
      });
      const created = await findProgram(tx, row!.id);
      return { program: created!, inheritedTargets, allocatedTargets, needsAllocation };
    });
  } catch (error) {
    // A concurrent create took the number: ask again rather than guess.
    if (isUniqueViolation(error)) throw new AppError('PROGRAM_DERIVED_EXISTS');
    throw error;
  }
}
