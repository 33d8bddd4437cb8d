import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramRead } from './policy.js';
import { presentProgram } from './presenter.js';

/** One program with its whole document, if the issuing unit is in the caller's scope. */
export async function getProgram(db: Executor, actor: Actor, id: string) {
  const found = await findProgram(db, id);
  if (!found) throw programNotFound(actor);
  await requireProgramRead(db, actor, found.program.unitId);
  return presentProgram(found.program, found.unitName);
}
