import { AppError } from '../../server/lib/errors.js';

/** Runs a use-case for one piece of demo data; a refusal names the piece and its error code. */
export async function demoWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof AppError) {
      const at = e.fields[0] ? ` at ${e.fields[0].field}` : '';
      throw new Error(`demo data: ${what} refused (${e.code}${at})`, { cause: e });
    }
    throw e;
  }
}
