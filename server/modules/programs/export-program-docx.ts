import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { getProgram } from './get-program.js';
import { presentProgram } from './presenter.js';
import { attachmentHeader, programFileName, renderProgramDocx } from './render-program-docx.js';

/** The program's DOCX in the union document form, with its download header; every export is audited. */
export async function exportProgramDocx(db: Executor, actor: Actor, id: string) {
  const found = await getProgram(db, actor, id);
  const program = presentProgram(found);
  const buffer = await renderProgramDocx(program);
  await recordAudit(db, actor, { action: 'program.export', entityType: 'program', entityId: id, unitId: program.unitId });
  return { buffer, contentDisposition: attachmentHeader(programFileName(program)) };
}
