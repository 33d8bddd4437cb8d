// The hand-written backfill of migration *_program_links.sql: databases made
// before it kept the source of a derived program and the change summary of an
// issued amendment only in audit_log; the migration copies them into
// programs.derived_from_program_id and programs.change_summary. Run here on
// PGlite and PostgreSQL over rows the use-cases wrote, with the columns
// emptied first, as an old database would have them.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser, delegateIssuing } from '../../../test/factories.js';
import { MIGRATIONS_FOLDER, type DatabaseHandle } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { sampleProgramBody } from './programs.fixtures.js';

/** The UPDATE statements of the migration, in order. */
function backfillStatements(): string[] {
  const file = fs.readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith('_program_links.sql'));
  if (!file) throw new Error('migration *_program_links.sql not found');
  return fs
    .readFileSync(path.join(MIGRATIONS_FOLDER, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/^\s*(--[^\n]*\n\s*)*/, '').trim())
    .filter((s) => /^UPDATE\b/i.test(s));
}

describe('migration program_links: backfill from the audit log', () => {
  let database: DatabaseHandle;
  let app: App;
  let officer: Client;
  let district: { id: string };
  let grassroots: { id: string };
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    district = await createUnit(database.db, { kind: 'district_federation' });
    grassroots = await createUnit(database.db, { parentId: district.id });
    const user = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    // The officer issues by the leader's delegation (docs/issue-delegations.md).
    await delegateIssuing(database.db, district.id, user.id);
    officer = await signInAs(app, user.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('fills the derivation link and the change summary of existing programs', async () => {
    const created = await officer.post('/api/programs', sampleProgramBody(district.id));
    expect(created.statusCode).toBe(201);
    const source = created.json() as { id: string };
    expect((await officer.post(`/api/programs/${source.id}/issue`)).statusCode).toBe(200);
    const derived = await officer.post(`/api/programs/${source.id}/derive`, { unitId: grassroots.id });
    expect(derived.statusCode, derived.body).toBe(201);
    const derivedId = (derived.json() as { program: { id: string } }).program.id;
    const draft = (await officer.post(`/api/programs/${source.id}/amend`, { reason: 'Điều chỉnh' })).json() as {
      id: string;
      rowVersion: number;
    };
    expect(
      (await officer.patch(`/api/programs/${draft.id}`, { signerName: 'Nguyễn Văn A', expectedVersion: draft.rowVersion })).statusCode,
    ).toBe(200);
    expect((await officer.post(`/api/programs/${draft.id}/issue`)).statusCode).toBe(200);

    const snapshot = async () =>
      (
        await database.db.select({ id: programs.id, from: programs.derivedFromProgramId, changes: programs.changeSummary }).from(programs)
      ).sort((a, b) => a.id.localeCompare(b.id));
    const written = await snapshot();
    expect(written.find((p) => p.id === derivedId)!.from).toBe(source.id);
    expect(written.find((p) => p.id === draft.id)!.changes).toMatchObject({ header: ['signerName'] });

    // As a database made before the migration: the columns are empty.
    await database.db.update(programs).set({ derivedFromProgramId: null, changeSummary: null });
    const statements = backfillStatements();
    expect(statements).toHaveLength(2);
    for (const statement of statements) await database.db.execute(sql.raw(statement));
    expect(await snapshot()).toEqual(written);

    // Only the derived program has a source; only the issued amendment has a summary.
    const [first] = await database.db.select().from(programs).where(eq(programs.id, source.id));
    expect([first!.derivedFromProgramId, first!.changeSummary]).toEqual([null, null]);
  });
});
