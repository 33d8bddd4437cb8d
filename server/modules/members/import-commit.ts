// Importing a checked members workbook (nhập đoàn viên): in the background, in
// ONE transaction — the rows are checked again against the registry (members
// may have been added since the upload), then every new member is written
// with its admission event and unit period, the derived facts of the units
// are refreshed and one audit entry is recorded. All or nothing.
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../common/enums.js';
import type { Executor, Tx } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { memberImports } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError } from '../../lib/errors.js';
import { getMemberImport, type MemberImportStatusOut } from './import-get.js';
import { runImportJob, setImportProgress, setImportSnapshot } from './import-jobs.js';
import { loadImport, markImportFailed, requireMemberImportWriter } from './import-policy.js';
import { packRows, rowNumber, unpackRows, type ImportRow } from './import-read-file.js';
import { validateImportRows, type ParsedMember } from './import-validate.js';
import { refreshMemberFacts } from './member-facts.js';

/** Rows per INSERT (one JSON parameter each, so PostgreSQL's parameter limit never applies). */
const INSERT_BATCH = 2_500;
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
    const [stored] = await db.select({ rows: memberImports.rows }).from(memberImports).where(eq(memberImports.id, id));
    const sheet = unpackRows(stored?.rows ?? []);
    await inTransaction(db, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const result = await validateImportRows(tx, actor, sheet.rows, {
        ...(options.today ? { today: options.today } : {}),
        onProgress: (done) => setImportProgress(id, done * 30),
      });
      const invalidRows = new Set(result.outcomes.filter((o) => o.kind === 'invalid').map((o) => o.row));
      const checked = { validRows: sheet.rows.length - invalidRows.size, errorCount: result.errors.length, errors: result.errors };
      if (invalidRows.size > 0 && !options.validRowsOnly) {
        // Someone added members meanwhile: back to 'invalid' with the new errors, nothing imported.
        await tx
          .update(memberImports)
          .set({ ...checked, state: 'invalid', progress: 100, updatedAt: new Date() })
          .where(eq(memberImports.id, id));
        return;
      }
      const members = result.outcomes.flatMap((o) => (o.kind === 'new' ? [o.member] : []));
      const skipped = result.outcomes.filter((o) => o.kind === 'existing').length;
      await insertMembers(tx, actor, id, fileName, members, (done) => setImportProgress(id, 30 + done * 65));
      const unitIds = [...new Set(members.map((m) => m.unitId))];
      await refreshMemberFacts(tx, unitIds);
      await recordAudit(tx, actor, {
        action: 'member.import',
        entityType: 'member_import',
        entityId: id,
        unitId: null,
        after: { fileName, importedRows: members.length, skippedRows: skipped, unitCount: unitIds.length },
      });
      // The stored sheet is dropped, but for the rejected rows (their file stays downloadable).
      const rejected: ImportRow[] = sheet.rows.filter((r) => invalidRows.has(rowNumber(r)));
      await tx
        .update(memberImports)
        .set({
          ...checked,
          state: 'imported',
          progress: 100,
          importedRows: members.length,
          skippedRows: skipped,
          rows: rejected.length > 0 ? packRows({ ...sheet, rows: rejected }) : null,
          updatedAt: new Date(),
        })
        .where(eq(memberImports.id, id));
    });
  } catch (err) {
    await markImportFailed(db, id);
    throw err;
  }
}

/** Members, their admission events and unit periods, INSERT … SELECT FROM json_to_recordset per batch. */
async function insertMembers(
  tx: Tx,
  actor: Actor,
  importId: string,
  fileName: string,
  members: ParsedMember[],
  onProgress: (done: number) => void,
): Promise<void> {
  const note = `Nhập từ Excel: ${fileName}`;
  for (let start = 0; start < members.length; start += INSERT_BATCH) {
    const batch = members.slice(start, start + INSERT_BATCH).map((m) => ({ id: crypto.randomUUID(), ...m }));
    const json = JSON.stringify(batch);
    const links = JSON.stringify(batch.map((m) => ({ id: m.id, unitId: m.unitId, admittedOn: m.admittedOn })));
    await tx.execute(sql`
      insert into members (id, full_name, name_folded, gender, birth_date, citizen_id, phone, email, ethnicity, job, workplace,
        union_position, party_member, card_number, card_issued_on, unit_id, status, admitted_on, import_key)
      select r.id, r."fullName", r."nameFolded", r.gender, r."birthDate", r."citizenId", r.phone, r.email, r.ethnicity, r.job, r.workplace,
        r."unionPosition", r."partyMember", r."cardNumber", case when r."cardNumber" is not null then r."admittedOn" end,
        r."unitId", 'active', r."admittedOn", ${importId}
      from json_to_recordset(${json}::json) as r(id uuid, "fullName" text, "nameFolded" text, gender text, "birthDate" date,
        "citizenId" text, phone text, email text, ethnicity text, job text, workplace text, "unionPosition" text,
        "partyMember" boolean, "cardNumber" text, "unitId" uuid, "admittedOn" date)`);
    await tx.execute(sql`
      insert into member_events (member_id, kind, event_date, unit_id, created_by, note)
      select r.id, 'admitted', r."admittedOn", r."unitId", ${actor.userId}::uuid, ${note}
      from json_to_recordset(${links}::json) as r(id uuid, "unitId" uuid, "admittedOn" date)`);
    await tx.execute(sql`
      insert into member_unit_periods (member_id, unit_id, valid_from, valid_to)
      select r.id, r."unitId", r."admittedOn", null
      from json_to_recordset(${links}::json) as r(id uuid, "unitId" uuid, "admittedOn" date)`);
    onProgress(Math.min(1, (start + INSERT_BATCH) / members.length));
  }
}
