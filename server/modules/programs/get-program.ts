import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { findProgram } from './find-program.js';
import { programNotFound, requireProgramVisible } from './policy.js';

/** One program with its whole document, if the caller may read it (in scope, or issued above their unit). */
export async function getProgram(db: Executor, actor: Actor, id: string) {
  const found = await findProgram(db, id);
  if (!found) throw programNotFound(actor);
  await requireProgramVisible(db, actor, found.program);
  return found;
}
