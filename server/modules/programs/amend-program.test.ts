import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser, rowVersionOf, delegateIssuing } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { auditLog, programs } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { docxParagraphs, sampleProgramBody } from './programs.fixtures.js';
import { formatDate } from '../../../common/format.js';
import { formatPlaceAndDate } from '../../../common/programs.js';
import { todayInVietnam } from '../../lib/dates.js';
import { nextDocumentNumber } from '../documents/document-numbers.js';

describe('amend an issued program (sửa đổi, bổ sung)', () => {
  let database: DatabaseHandle;
  let app: App;
  let district: { id: string };
  let officer: Client;
  // Step 10: an amendment takes the next number of the sequence after its original.
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

  const issued = async () => {
    const res = await officer.post('/api/programs', sampleProgramBody(district.id, { number: (number += 10) }));
    expect(res.statusCode).toBe(201);
    expect((await officer.post(`/api/programs/${res.json().id}/issue`)).statusCode).toBe(200);
    return res.json() as { id: string; number: number };
  };
  const rowCount = async () => (await database.db.select({ id: programs.id }).from(programs)).length;

  it('creates a new undated draft version with its own number and the same content, audited with the reason', async () => {
    const original = await issued();
    const res = await officer.post(`/api/programs/${original.id}/amend`, { reason: 'Bổ sung chỉ tiêu' });
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({
      status: 'draft',
      version: 2,
      previousVersionId: original.id,
      // Its own document: the next number of the issuer's sequence (the original keeps its own).
      number: original.number + 1,
      symbol: 'CTr-LĐLĐ',
      year: 2024,
      issuedOn: null,
    });
    expect(draft.content).toEqual(sampleProgramBody(district.id).content);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, draft.id));
    expect(audit!.action).toBe('program.amend');
    expect((audit!.after as { reason: string }).reason).toBe('Bổ sung chỉ tiêu');
    // The original stays issued and readable, and still refuses edits.
    expect((await officer.get(`/api/programs/${original.id}`)).json().status).toBe('issued');
    expect(
      (
        await officer.patch(`/api/programs/${original.id}`, {
          expectedVersion: await rowVersionOf(database.db, 'programs', original.id),
          title: 'x',
        })
      ).json().error.code,
    ).toBe('PROGRAM_NOT_EDITABLE');
  });

  it('refuses a draft, a program that already has a newer version, and an empty reason, changing nothing', async () => {
    const original = await issued();
    expect((await officer.post(`/api/programs/${original.id}/amend`, { reason: 'Lần 1' })).statusCode).toBe(201);
    const before = await rowCount();
    const again = await officer.post(`/api/programs/${original.id}/amend`, { reason: 'Lần 2' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PROGRAM_HAS_NEWER_VERSION');
    expect(again.json().error.message).toBe('Chương trình đã có phiên bản mới hơn (phiên bản 2); hãy mở phiên bản đó.');
    const draft = await officer.post('/api/programs', sampleProgramBody(district.id, { number: (number += 10) }));
    const notIssued = await officer.post(`/api/programs/${draft.json().id}/amend`, { reason: 'x' });
    expect(notIssued.statusCode).toBe(409);
    expect(notIssued.json().error.code).toBe('PROGRAM_NOT_ISSUED');
    expect((await officer.post(`/api/programs/${original.id}/amend`, { reason: '  ' })).statusCode).toBe(400);
    expect(await rowCount()).toBe(before + 1);
  });

  it('is its own document: its own number, the year and kind of the one it amends', async () => {
    const original = await issued();
    const draft = (await officer.post(`/api/programs/${original.id}/amend`, { reason: 'x' })).json();
    expect(draft.number).toBe(original.number + 1);
    // Sending the unchanged key (as the editor does) is fine.
    const same = await officer.patch(`/api/programs/${draft.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
      number: draft.number,
      year: 2024,
      kind: 'program',
      title: 'Sửa',
    });
    expect(same.statusCode).toBe(200);
    const res = await officer.patch(`/api/programs/${draft.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
      kind: 'plan',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({
      field: 'kind',
      message: 'Văn bản sửa đổi, bổ sung giữ nguyên năm và loại văn bản của bản gốc (số và ngày là của riêng nó).',
    });
    // Its number may change like any draft's, but not to the original's.
    const taken = await officer.patch(`/api/programs/${draft.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
      number: original.number,
    });
    expect(taken.json().error.code).toBe('DOCUMENT_NUMBER_TAKEN');
    const renumbered = await officer.patch(`/api/programs/${draft.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
      number: original.number + 5,
    });
    expect(renumbered.statusCode).toBe(200);
    // A new program may take neither the original's number nor the amendment's.
    const dup = await officer.post('/api/programs', sampleProgramBody(district.id, { number: original.number }));
    expect(dup.json().error.code).toBe('DOCUMENT_NUMBER_TAKEN');
    const dup2 = await officer.post('/api/programs', sampleProgramBody(district.id, { number: original.number + 5 }));
    expect(dup2.json().error.code).toBe('DOCUMENT_NUMBER_TAKEN');
    // The number the amendment gave back is free again.
    const free = await officer.post('/api/programs', sampleProgramBody(district.id, { number: original.number + 1 }));
    expect(free.statusCode).toBe(201);
  });

  it('supersedes the previous version when the amendment is issued and records what changed', async () => {
    const original = await issued();
    const draft = (await officer.post(`/api/programs/${original.id}/amend`, { reason: 'Điều chỉnh' })).json();
    const content = structuredClone(draft.content);
    content.targets = content.targets.filter((t: { code: string }) => t.code !== '10');
    content.targets[0].text = 'Chỉ tiêu đã sửa';
    content.taskGroups.push({ number: 10, title: 'Nhiệm vụ mới', paragraphs: [], actions: [{ text: 'Làm việc mới' }] });
    content.theme = '“Chủ đề mới”';
    expect(
      (
        await officer.patch(`/api/programs/${draft.id}`, {
          expectedVersion: await rowVersionOf(database.db, 'programs', draft.id),
          content,
          signerName: 'Nguyễn Văn A',
        })
      ).statusCode,
    ).toBe(200);

    const pending = (await officer.get(`/api/programs/${draft.id}/versions`)).json();
    expect(pending.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'issued'],
      [2, 'draft'],
    ]);

    const res = await officer.post(`/api/programs/${draft.id}/issue`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('issued');
    const old = (await officer.get(`/api/programs/${original.id}`)).json();
    expect(old.status).toBe('superseded');
    expect(
      (
        await officer.patch(`/api/programs/${original.id}`, {
          expectedVersion: await rowVersionOf(database.db, 'programs', original.id),
          title: 'x',
        })
      ).json().error.code,
    ).toBe('PROGRAM_NOT_EDITABLE');
    expect((await officer.post(`/api/programs/${original.id}/amend`, { reason: 'x' })).json().error.code).toBe('PROGRAM_HAS_NEWER_VERSION');

    const expected = {
      header: ['signerName'],
      sections: ['theme'],
      targets: { added: [], removed: ['10'], edited: ['1'], reordered: false },
      taskGroups: { added: [10], removed: [], edited: [], reordered: false },
      // No measured targets on this program (the engine's targets are compared in amend-program-targets.test.ts).
      measured: [],
    };
    const [issueAudit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, draft.id))
      .then((rows) => rows.filter((r) => r.action === 'program.issue'));
    expect((issueAudit!.after as { changes: unknown }).changes).toEqual(expected);
    const supersede = await database.db.select().from(auditLog).where(eq(auditLog.entityId, original.id));
    expect(supersede.map((a) => a.action)).toContain('program.supersede');

    const [stored] = await database.db.select().from(programs).where(eq(programs.id, draft.id));
    expect(stored!.changeSummary).toEqual(expected);

    // The versions read the summary from the version row: emptying the audit log (a retention rule) changes nothing.
    await database.db.delete(auditLog).where(eq(auditLog.entityId, draft.id));
    const versions = await officer.get(`/api/programs/${original.id}/versions`);
    expect(versions.statusCode).toBe(200);
    expect(versions.json()).toEqual([
      {
        id: original.id,
        version: 1,
        status: 'superseded',
        issuedOn: '2024-01-19',
        documentNumber: `Số: ${String(original.number).padStart(2, '0')}/CTr-LĐLĐ`,
        changes: null,
      },
      {
        id: draft.id,
        version: 2,
        status: 'issued',
        issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        documentNumber: `Số: ${String(draft.number).padStart(2, '0')}/CTr-LĐLĐ`,
        changes: expected,
      },
    ]);
  });

  it('issues the amendment as its own document: next number of the year, dated today, citing the one it amends; derived programs cite it', async () => {
    const today = todayInVietnam();
    const year = Number(today.slice(0, 4));
    const pad = (n: number) => String(n).padStart(2, '0');
    const created = await officer.post('/api/programs', sampleProgramBody(district.id, { year, number: 2, issuedOn: `${year}-01-19` }));
    expect(created.statusCode, created.body).toBe(201);
    const original = created.json() as { id: string; number: number };
    expect((await officer.post(`/api/programs/${original.id}/issue`)).statusCode).toBe(200);
    // Another document of the issuer that year (a plan, 03/KH): one sequence across kinds.
    const plan = await officer.post('/api/programs', sampleProgramBody(district.id, { year, kind: 'plan', symbol: 'KH-LĐLĐ', number: 3 }));
    expect(plan.statusCode, plan.body).toBe(201);

    const res = await officer.post(`/api/programs/${original.id}/amend`, { reason: 'Điều chỉnh chỉ tiêu' });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    const citation = `Sửa đổi, bổ sung Chương trình số 02/CTr-LĐLĐ ngày 19/01/${year}`;
    expect(draft).toMatchObject({ number: 4, issuedOn: null, amends: { id: original.id, number: 2, issuedOn: `${year}-01-19`, citation } });
    // The draft's preview data and DOCX already cite it, under "DỰ THẢO".
    const draftDocx = await docxParagraphs((await officer.get(`/api/programs/${draft.id}/document.docx`)).rawPayload);
    expect(draftDocx).toContain(`(${citation})`);
    expect(draftDocx).toContain('DỰ THẢO');

    const issuedRes = await officer.post(`/api/programs/${draft.id}/issue`);
    expect(issuedRes.statusCode, issuedRes.body).toBe(200);
    const amendment = (await officer.get(`/api/programs/${draft.id}`)).json();
    expect(amendment).toMatchObject({
      status: 'issued',
      number: 4,
      documentNumber: 'Số: 04/CTr-LĐLĐ',
      issuedOn: today,
      amends: { citation },
    });
    // The original keeps its own number and date.
    expect((await officer.get(`/api/programs/${original.id}`)).json()).toMatchObject({
      status: 'superseded',
      number: 2,
      documentNumber: 'Số: 02/CTr-LĐLĐ',
      issuedOn: `${year}-01-19`,
      amends: null,
    });
    // The next document of the year takes 05.
    expect(await nextDocumentNumber(database.db, district.id, year)).toBe(5);

    // The amendment's DOCX, read back: its own number and date, the citation of the one it amends under its title.
    const paragraphs = await docxParagraphs((await officer.get(`/api/programs/${draft.id}/document.docx`)).rawPayload);
    const title = paragraphs.indexOf(sampleProgramBody(district.id).title);
    expect(title).toBeGreaterThan(0);
    expect(paragraphs[title + 1]).toBe(`(${citation})`);
    expect(paragraphs).toContain('Số: 04/CTr-LĐLĐ');
    expect(paragraphs).toContain(formatPlaceAndDate(sampleProgramBody(district.id).place, today));
    expect(paragraphs).not.toContain('DỰ THẢO');
    const originalDocx = await docxParagraphs((await officer.get(`/api/programs/${original.id}/document.docx`)).rawPayload);
    expect(originalDocx).toContain('Số: 02/CTr-LĐLĐ');
    expect(originalDocx).toContain(formatPlaceAndDate(sampleProgramBody(district.id).place, `${year}-01-19`));
    expect(originalDocx.some((p) => p.includes('Sửa đổi, bổ sung'))).toBe(false);

    // A program derived now is derived from the version in force, and cites its number and date.
    const grassroots = await createUnit(database.db, { parentId: district.id });
    expect((await officer.post(`/api/programs/${original.id}/derive`, { unitId: grassroots.id })).json().error.code).toBe(
      'PROGRAM_DERIVE_NOT_ISSUED',
    );
    const derived = await officer.post(`/api/programs/${draft.id}/derive`, { unitId: grassroots.id });
    expect(derived.statusCode, derived.body).toBe(201);
    const basis = (derived.json() as { program: { content: { legalBasis: string[] } } }).program.content.legalBasis[0]!;
    expect(basis.startsWith(`Căn cứ Chương trình số ${pad(4)}/CTr-LĐLĐ ngày ${formatDate(today)} `)).toBe(true);
  });

  it('forbids a viewer to amend and hides versions from another federation', async () => {
    const original = await issued();
    const viewer = await createUser(database.db, { role: 'viewer', unitId: district.id });
    const viewerClient = await signInAs(app, viewer.username);
    expect((await viewerClient.post(`/api/programs/${original.id}/amend`, { reason: 'x' })).statusCode).toBe(403);
    expect((await viewerClient.get(`/api/programs/${original.id}/versions`)).statusCode).toBe(200);
    const other = await createUnit(database.db, { kind: 'district_federation' });
    const outsider = await createUser(database.db, { role: 'federation_officer', unitId: other.id });
    const outsiderClient = await signInAs(app, outsider.username);
    expect((await outsiderClient.get(`/api/programs/${original.id}/versions`)).statusCode).toBe(403);
    expect((await outsiderClient.post(`/api/programs/${original.id}/amend`, { reason: 'x' })).statusCode).toBe(403);
  });
});
