import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Executor, Tx } from '../db/client.js';

type CommitHook = (tx: Tx) => Promise<void>;
const beforeOutermostCommit: CommitHook[] = [];

/**
 * Registers work to run at the end of every outermost transaction opened by
 * inTransaction, inside it, before it commits (the indicator roll-ups:
 * server/modules/indicators/rollups.ts). A failure rolls the transaction back.
 */
export function onOutermostCommit(hook: CommitHook): void {
  beforeOutermostCommit.push(hook);
}

/**
 * Runs `fn` in a transaction on the executor a use-case was given: a new
 * transaction on a `Database`, or a savepoint inside an open transaction, so a
 * use-case called by another one (or by the demo loader) joins the caller's
 * transaction: the caller's rollback undoes the use-case's rows and its audit
 * entry, and an error inside the use-case (a unique violation it turns into a
 * typed error) rolls back only to the savepoint, leaving the caller's
 * transaction usable. See docs/decisions/0007-use-cases-join-transactions.md.
 */
export function inTransaction<T>(executor: Executor, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Both a database and a transaction handle have transaction(): drizzle opens
  // BEGIN on the first and SAVEPOINT on the second. The cast only unifies the
  // two overloads for TypeScript.
  if (executor instanceof PgTransaction || beforeOutermostCommit.length === 0) return (executor as Database).transaction(fn);
  return (executor as Database).transaction(async (tx) => {
    const result = await fn(tx);
    for (const hook of beforeOutermostCommit) await hook(tx);
    return result;
  });
}
