import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser, rowVersionOf, delegateIssuing } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog, programs } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { sampleProgramBody } from './programs.fixtures.js';

describe('edit a draft program', () => {
  let database: DatabaseHandle;
  let app: App;
  let district: { id: string };
  let officer: Client;
  let number = 1;
  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    district = await createUnit(database.db, { kind: 'district_federation' });
    const user = await createUser(database.db, { role: 'federation_officer', unitId: district.id });
    // The officer issues by the leader's delegation (docs/issue-delegations.md).
    await delegateIssuing(database.db, district.id, user.id);
    officer = await signInAs(app, user.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const createDraft = async () => {
    const res = await officer.post('/api/programs', sampleProgramBody(district.id, { number: number++ }));
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; content: { theme: string } };
  };

  it('saves changes to a draft and audits before and after', async () => {
    const draft = await createDraft();
    const content = { ...sampleProgramBody(district.id).content, theme: '“Chủ đề mới”' };
    const res = await officer.patch(`/api/programs/${draft.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
      title: 'Công tác Công đoàn năm 2025',
      year: 2025,
      content,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toBe('Công tác Công đoàn năm 2025');
    expect(res.json().content.theme).toBe('“Chủ đề mới”');
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'program.update'));
    expect((audit!.before as { title: string }).title).toBe('Công tác Công đoàn năm 2024');
    expect((audit!.after as { content: { theme: string } }).content.theme).toBe('“Chủ đề mới”');
  });

  it('refuses to edit an issued program with a Vietnamese message and changes nothing', async () => {
    const draft = await createDraft();
    expect((await officer.post(`/api/programs/${draft.id}/issue`)).statusCode).toBe(200);
    const [before] = await database.db.select().from(programs).where(eq(programs.id, draft.id));
    const res = await officer.patch(`/api/programs/${draft.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
      title: 'Đổi tên',
      signerName: 'Người khác',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROGRAM_NOT_EDITABLE');
    expect(res.json().error.message).toBe('Chương trình đã ban hành, không thể sửa. Hãy tạo phiên bản mới để thay thế.');
    const [after] = await database.db.select().from(programs).where(eq(programs.id, draft.id));
    expect(after).toEqual(before);
    const updates = await database.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(updates.map((a) => a.action).sort()).toEqual(['program.create', 'program.issue']);
  });

  it('refuses a number taken by another program of the unit', async () => {
    const a = await createDraft();
    const b = await createDraft();
    const [aRow] = await database.db.select().from(programs).where(eq(programs.id, a.id));
    const res = await officer.patch(`/api/programs/${b.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', b.id),
      number: aRow!.number,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('number');
  });

  it('answers 403 to a viewer and for an unknown id', async () => {
    const draft = await createDraft();
    const viewer = await createUser(database.db, { role: 'viewer', unitId: district.id });
    const client = await signInAs(app, viewer.username);
    expect(
      (
        await client.patch(`/api/programs/${draft.id}`, {
          expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
          title: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await officer.patch('/api/programs/00000000-0000-4000-8000-000000000000', { expectedVersion: 1, title: 'x' })).statusCode).toBe(
      403,
    );
  });
});
