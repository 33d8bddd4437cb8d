import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog, memberEvents, members, memberUnitPeriods } from '../../db/schema/index.js';
import { commitMemberImport } from './import-commit.js';
import { actorOf, buildLargeWorkbook, seedImportFixture, syntheticMember } from './import.fixtures.js';
import { getMemberImport } from './import-get.js';
import { waitForImportJobs } from './import-jobs.js';
import { startMemberImport } from './import-start.js';

describe('members Excel import at the row limit', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await waitForImportJobs();
    await database.close();
  });

  it(`validates and imports ${MEMBER_LIMITS.importMaxRows.toLocaleString('en')} rows, with one audit entry`, async () => {
    const db = database.db;
    const f = await seedImportFixture(db);
    const officer = await actorOf(db, f.officer);
    const rows = MEMBER_LIMITS.importMaxRows;
    const buffer = await buildLargeWorkbook(rows, (i) => syntheticMember(i, i % 2 === 0 ? f.unitA.code : f.section.code));

    let t = Date.now();
    const started = await startMemberImport(db, officer, { fileName: 'lon.xlsx', buffer });
    const readMs = Date.now() - t;
    await waitForImportJobs();
    const validated = await getMemberImport(db, officer, started.id);
    const validateMs = Date.now() - t;
    expect(validated).toMatchObject({ state: 'validated', totalRows: rows, validRows: rows, errorCount: 0 });

    t = Date.now();
    await commitMemberImport(db, officer, started.id, { validRowsOnly: false });
    // Polling while the import's transaction runs answers at once (PGlite has one connection).
    const polled = await getMemberImport(db, officer, started.id);
    expect(polled.state).toBe('importing');
    expect(polled.progress).toBeGreaterThanOrEqual(0);
    await waitForImportJobs();
    const importMs = Date.now() - t;
    expect(await getMemberImport(db, officer, started.id)).toMatchObject({ state: 'imported', importedRows: rows, skippedRows: 0 });
    console.log(`${database.engine}: ${rows} rows read in ${readMs} ms, validated in ${validateMs} ms, imported in ${importMs} ms`);

    const n = async (table: typeof members | typeof memberEvents | typeof memberUnitPeriods) =>
      (await db.select({ n: count() }).from(table))[0]!.n;
    expect(await n(members)).toBe(rows);
    expect(await n(memberEvents)).toBe(rows * 2); // admitted, card issued (every synthetic member has a card)
    expect(await n(memberUnitPeriods)).toBe(rows);
    expect(await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'member.import'))).toHaveLength(1);
  }, 180_000);
});
