// An import a crash left 'importing' is marked failed at start-up with a
// message, and can be committed again; one left 'validating' asks for the
// file again.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { memberImports, members } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { commitMemberImport } from './import-commit.js';
import { actorOf, buildWorkbook, seedImportFixture, syntheticMember, waitFor } from './import.fixtures.js';
import { getMemberImport } from './import-get.js';
import { waitForImportJobs } from './import-jobs.js';
import { recoverInterruptedImports } from './import-policy.js';
import { startMemberImport } from './import-start.js';

describe('imports interrupted by a crash (start-up recovery)', () => {
  let database: DatabaseHandle;
  let actor: Actor;
  let unitCode: string;
  let unitId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const f = await seedImportFixture(database.db);
    actor = await actorOf(database.db, f.officer);
    unitCode = f.unitA.code;
    unitId = f.unitA.id;
  });
  afterAll(async () => {
    await waitForImportJobs();
    await database?.close();
  });

  it('marks an import left importing as failed with a message, and commits it again', async () => {
    const file = await buildWorkbook([syntheticMember(1, unitCode), syntheticMember(2, unitCode)]);
    const started = await startMemberImport(database.db, actor, { fileName: 'dv.xlsx', buffer: file });
    await waitFor(async () => ((await getMemberImport(database.db, actor, started.id)).state === 'validated' ? true : null));
    // The process died in the middle of the import's transaction: nothing was written, the row says 'importing'.
    await database.db.update(memberImports).set({ state: 'importing' }).where(eq(memberImports.id, started.id));

    expect(await recoverInterruptedImports(database.db)).toBe(1);
    const failed = await getMemberImport(database.db, actor, started.id);
    expect(failed.state).toBe('failed');
    expect(failed.fileError).toContain('gián đoạn');

    await commitMemberImport(database.db, actor, started.id, { validRowsOnly: false });
    await waitForImportJobs();
    expect((await getMemberImport(database.db, actor, started.id)).state).toBe('imported');
    expect((await database.db.select().from(members).where(eq(members.unitId, unitId))).length).toBe(2);
  });

  it('marks an import left validating as failed, asking for the file again', async () => {
    const file = await buildWorkbook([syntheticMember(3, unitCode)]);
    const started = await startMemberImport(database.db, actor, { fileName: 'dv2.xlsx', buffer: file });
    await waitForImportJobs();
    await database.db.update(memberImports).set({ state: 'validating' }).where(eq(memberImports.id, started.id));
    expect(await recoverInterruptedImports(database.db)).toBe(1);
    const failed = await getMemberImport(database.db, actor, started.id);
    expect(failed.state).toBe('failed');
    expect(failed.fileError).toContain('tải tệp lên lại');
    await expect(commitMemberImport(database.db, actor, started.id, { validRowsOnly: false })).rejects.toMatchObject({
      code: 'IMPORT_NOT_READY',
    });
  });
});
