import type { Executor } from '../../db/client.js';
import type { Actor } from '../../lib/access.js';
import { findProgram } from './find-program.js';
import { allowedProgramActions, programNotFound, requireProgramVisible } from './policy.js';
import type { ProgramWithActions } from './presenter.js';

/** One program with its whole document and what the caller may do with it, if the caller may read it (in scope, or issued above their unit). */
export async function getProgram(db: Executor, actor: Actor, id: string): Promise<ProgramWithActions> {
  const found = await findProgram(db, id);
  if (!found) throw programNotFound(actor);
  await requireProgramVisible(db, actor, found.program);
  const actions = await allowedProgramActions(db, actor, [id]);
  return { ...found, allowedActions: actions.get(id) ?? [] };
}
