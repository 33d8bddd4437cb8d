// Importing a checked members workbook (nhập đoàn viên): in the background, in
// ONE transaction — the rows are checked again against the registry (members
// may have been added since the upload), then the new members are written by
// the batch admission (admitMembers: admission event, card, unit period,
// derived facts of the units) with one audit entry for the file. All or
// nothing.
import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { mapYielding } from '../../lib/yield.js';
import { memberImports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit, type AuditEntry } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { getMemberImport, type MemberImportStatusOut } from './import-get.js';
import { runImportJob, setImportProgress, setImportSnapshot } from './import-jobs.js';
import { loadImport, markImportFailed, requireMemberImportWriter } from './import-policy.js';
import { packRows, rowNumber, type ImportRow } from './import-read-file.js';
import { loadImportRows } from './import-rows-store.js';
import { validateImportRows, type ParsedMember } from './import-validate.js';
import { admitMembers } from './admit-members.js';
import type { AdmitMembersItem } from './schemas.js';

/** Serialises imports, so two files naming the same new person cannot both add them. */
const IMPORT_LOCK = 724_302;

export interface CommitOptions {
  validRowsOnly: boolean;
  today?: string;
}

export async function commitMemberImport(
  db: Executor,
  actor: Actor,
  id: string,
  options: CommitOptions,
  locale: Locale = 'vi',
): Promise<MemberImportStatusOut> {
  await requireMemberImportWriter(db, actor);
  const current = await loadImport(db, actor, id);
  if (current.state === 'imported') throw new AppError('IMPORT_ALREADY_DONE');
  // An import a crash cut off while importing (recoverInterruptedImports) is committed again: its rows are re-checked in the job.
  const interrupted = current.state === 'failed' && (current.fileError as { code?: string } | null)?.code === 'interruptedImport';
  const ready = current.state === 'validated' || interrupted || (current.state === 'invalid' && options.validRowsOnly);
  if (!ready) throw new AppError('IMPORT_NOT_READY');
  // Claim it: a second commit of the same import finds it 'importing'.
  const claimed = await db
    .update(memberImports)
    .set({ state: 'importing', progress: 0, updatedAt: new Date() })
    .where(and(eq(memberImports.id, id), eq(memberImports.state, current.state)))
    .returning({ id: memberImports.id });
  if (claimed.length === 0) throw new AppError('IMPORT_NOT_READY');
  setImportProgress(id, 0);
  const status = await getMemberImport(db, actor, id, locale);
  runImportJob(id, () => importMembers(db, actor, id, current.fileName, options));
  setImportSnapshot(id, { ownerId: current.userId, locale, status });
  return status;
}

/** The background import; on any failure nothing is written and the import is 'failed'. */
export async function importMembers(db: Executor, actor: Actor, id: string, fileName: string, options: CommitOptions): Promise<void> {
  try {
    await inTransaction(db, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const { members, skipped, rejected, checked } = await recheckRows(tx, actor, id, options);
      if (checked.state === 'invalid') {
        // Someone added members meanwhile: back to 'invalid' with the new errors, nothing imported.
        await tx
          .update(memberImports)
          .set({ ...checked, progress: 100, updatedAt: new Date() })
          .where(eq(memberImports.id, id));
        return;
      }
      const audit: AuditEntry = {
        action: 'member.import',
        entityType: 'member_import',
        entityId: id,
        unitId: null,
        after: { fileName, importedRows: members.length, skippedRows: skipped, unitCount: new Set(members.map((m) => m.unitId)).size },
      };
      if (members.length > 0) {
        // Written by the batch admission, as any new member: its checks again (set-wise), the rows, the derived facts; one audit entry for the file.
        await admitMembers(
          tx,
          actor,
          { members: await mapYielding(members, (m) => admission(m, fileName)) },
          {
            importKey: id,
            batchAudit: audit,
            onProgress: (done) => setImportProgress(id, 30 + done * 65),
            ...(options.today ? { today: options.today } : {}),
          },
        );
      } else {
        await recordAudit(tx, actor, audit); // nothing new (every row already registered): the import is still recorded
      }
      // The stored sheet is dropped, but for the rejected rows (their file stays downloadable).
      await tx
        .update(memberImports)
        .set({
          ...checked,
          state: 'imported',
          progress: 100,
          importedRows: members.length,
          skippedRows: skipped,
          rows: rejected,
          updatedAt: new Date(),
        })
        .where(eq(memberImports.id, id));
    });
  } catch (err) {
    await markImportFailed(db, id);
    throw err;
  }
}

/**
 * The stored rows checked again against the registry (inside the import's
 * transaction): the new members to write, how many rows were already
 * registered, the rejected rows packed for their file. Only these are kept:
 * the sheet and the per-row outcomes are dropped before the writing starts.
 */
async function recheckRows(tx: Executor, actor: Actor, id: string, options: CommitOptions) {
  const sheet = await loadImportRows(tx, id);
  const result = await validateImportRows(tx, actor, sheet.rows, {
    ...(options.today ? { today: options.today } : {}),
    onProgress: (done) => setImportProgress(id, done * 30),
  });
  const invalidRows = new Set(result.outcomes.filter((o) => o.kind === 'invalid').map((o) => o.row));
  const checked = {
    state: invalidRows.size > 0 && !options.validRowsOnly ? ('invalid' as const) : ('validated' as const),
    validRows: sheet.rows.length - invalidRows.size,
    errorCount: result.errors.length,
    errors: result.errors,
  };
  const rejected: ImportRow[] = sheet.rows.filter((r) => invalidRows.has(rowNumber(r)));
  return {
    members: result.outcomes.flatMap((o) => (o.kind === 'new' ? [o.member] : [])),
    skipped: result.outcomes.filter((o) => o.kind === 'existing').length,
    rejected: rejected.length > 0 ? packRows({ ...sheet, rows: rejected }) : null,
    checked,
  };
}

/** A checked row as admitMembers takes it: admitted on its date (with its card, if any), no later history. */
function admission(m: ParsedMember, fileName: string): AdmitMembersItem {
  const { nameFolded: _folded, ...person } = m;
  return { ...person, note: `Nhập từ Excel: ${fileName}`, history: [] };
}
