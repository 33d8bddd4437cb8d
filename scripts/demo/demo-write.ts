import { AppError } from '../../server/lib/errors.js';

/** Runs a use-case for one piece of demo data; a refusal names the piece and its error code. */
export async function demoWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError) throw new Error(`demo data: ${what} refused (${e.code})`, { cause: e });
    throw e;
  }
}
