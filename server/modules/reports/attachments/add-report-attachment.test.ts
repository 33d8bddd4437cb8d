import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../../test/app.js';
import { createTestDatabase } from '../../../../test/db.js';
import type { DatabaseHandle } from '../../../db/client.js';
import { auditLog, reportAttachments } from '../../../db/schema/index.js';
import type { App } from '../../../lib/http.js';
import { attachmentsDir } from './attachment-storage.js';
import { docx, pdf, plainZip, PNG, seedAttachmentFixture, setPeriodClosed, setReportStatus, xlsx } from './attachments.fixtures.js';

// Attachments end to end through the API (docs/reporting.md "Attachments"):
// type by content, 10 MB, refused before stored, scope, editable only while draft/returned.
describe('report attachments', () => {
  let database: DatabaseHandle;
  let app: App;
  let filesDir: string;
  let f: Awaited<ReturnType<typeof seedAttachmentFixture>>;
  let chair: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-attach-test-'));
    app = await createTestApp(database, {}, { filesDir });
    f = await seedAttachmentFixture(database.db);
    chair = await signInAs(app, f.chair.username);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  const url = () => `/api/reports/${f.report.id}/attachments`;
  const upload = (client: Client, body: Buffer, fileName: string, contentType = 'application/octet-stream') =>
    client.post(url(), body, { 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) });
  const storedFiles = () => (fs.existsSync(attachmentsDir(filesDir)) ? fs.readdirSync(attachmentsDir(filesDir)).sort() : []);
  const rows = () => database.db.select().from(reportAttachments).where(eq(reportAttachments.reportId, f.report.id));

  it('stores a PDF under DATA_DIR/attachments with a random key, its sha256 and an audit entry', async () => {
    const content = pdf(100);
    const res = await upload(chair, content, 'Biên bản họp.pdf', 'application/pdf');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ fileName: 'Biên bản họp.pdf', mediaType: 'application/pdf', sizeBytes: content.length });
    const [row] = await database.db.select().from(reportAttachments).where(eq(reportAttachments.id, body.id));
    expect(row!.storageKey).toMatch(/^[0-9a-f]{32}$/);
    expect(row!.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
    // The file is in DATA_DIR/attachments — the folder the backup archives with the database.
    const onDisk = path.join(filesDir, 'attachments', row!.storageKey);
    expect(fs.readFileSync(onDisk).equals(content)).toBe(true);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'report_attachment.add')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.unitId).toBe(f.school.id);

    const download = await chair.get(`${url()}/${body.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(decodeURIComponent(String(download.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('Biên bản họp.pdf');
  });

  it('takes the type from the content: a PNG named .pdf is kept as a PNG and its name corrected to .png', async () => {
    const res = await upload(chair, PNG, 'Ảnh hội nghị.pdf', 'application/pdf');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'Ảnh hội nghị.png', mediaType: 'image/png' });
  });

  it('accepts Word and Excel packages by their main part, and refuses a plain zip or text named .docx', async () => {
    const word = await upload(chair, await docx(), 'Báo cáo.docx');
    expect(word.statusCode).toBe(201);
    expect(word.json().mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const sheet = await upload(chair, await xlsx(), 'Số liệu');
    expect(sheet.statusCode).toBe(201);
    expect(sheet.json()).toMatchObject({
      fileName: 'Số liệu.xlsx',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });

    const before = { files: storedFiles(), rows: (await rows()).length };
    for (const [content, name] of [
      [await plainZip(), 'Báo cáo.docx'],
      [Buffer.from('Đây chỉ là văn bản'), 'Báo cáo.pdf'],
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'), 'Báo cáo.xlsx'],
    ] as const) {
      const res = await upload(chair, content, name);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ATTACHMENT_TYPE_REFUSED');
      expect(res.json().error.message).toContain('Chỉ nhận tệp PDF');
    }
    expect({ files: storedFiles(), rows: (await rows()).length }).toEqual(before);
  });

  it('refuses a file over 10 MB before anything is stored', async () => {
    const before = { files: storedFiles(), rows: (await rows()).length };
    const res = await upload(chair, pdf(10 * 1024 * 1024), 'Quá lớn.pdf', 'application/pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: 'Tệp quá lớn: tối đa 10 MB mỗi tệp.' });
    const empty = await upload(chair, Buffer.alloc(0), 'Rỗng.pdf');
    expect(empty.json().error.code).toBe('ATTACHMENT_EMPTY');
    expect({ files: storedFiles(), rows: (await rows()).length }).toEqual(before);
  });

  it('refuses a chair of another unit (not revealed) and a federation officer (reads, does not attach)', async () => {
    const before = { files: storedFiles(), rows: (await rows()).length };
    const stranger = await signInAs(app, f.otherChair.username);
    expect((await upload(stranger, PNG, 'a.png')).statusCode).toBe(404);
    expect((await stranger.get(url())).statusCode).toBe(404);
    const officer = await signInAs(app, f.officer.username);
    expect((await upload(officer, PNG, 'a.png')).statusCode).toBe(403);
    const list = await officer.get(url());
    expect(list.statusCode).toBe(200);
    expect(list.json().map((a: { fileName: string }) => a.fileName)).toContain('Biên bản họp.pdf');
    expect({ files: storedFiles(), rows: (await rows()).length }).toEqual(before);
  });

  it('deletes only while the report is editable (draft or returned, period open), removing the file', async () => {
    const added = (await upload(chair, PNG, 'Xóa.png')).json();
    const key = (await database.db.select().from(reportAttachments).where(eq(reportAttachments.id, added.id)))[0]!.storageKey;

    await setReportStatus(database.db, f.report.id, 'submitted');
    const refused = await chair.delete(`${url()}/${added.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ATTACHMENT_REPORT_NOT_EDITABLE');
    expect((await upload(chair, PNG, 'Thêm.png')).statusCode).toBe(409);

    await setReportStatus(database.db, f.report.id, 'returned');
    await setPeriodClosed(database.db, f.period.id, true);
    expect((await chair.delete(`${url()}/${added.id}`)).statusCode).toBe(409);
    await setPeriodClosed(database.db, f.period.id, false);

    const ok = await chair.delete(`${url()}/${added.id}`);
    expect(ok.statusCode).toBe(200);
    expect(storedFiles()).not.toContain(key);
    expect((await chair.get(url())).json().map((a: { id: string }) => a.id)).not.toContain(added.id);
    expect((await chair.get(`${url()}/${added.id}`)).statusCode).toBe(404);
    await setReportStatus(database.db, f.report.id, 'draft');
  });
});
