import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUser } from '../../../test/factories.js';
import type { DatabaseHandle } from '../../db/client.js';
import { notifications, reminderLog, reports } from '../../db/schema/index.js';
import type { App } from '../../lib/http.js';
import { configureMail } from '../../lib/mailer.js';
import { seedReportingFixture } from './notifications.fixtures.js';
import { notifyReportApproved, notifyReportReturned, notifyReportSubmitted } from './notify.js';

describe('notifications: notices of report steps, the bell, read marks', () => {
  let database: DatabaseHandle;
  let app: App;
  let f: Awaited<ReturnType<typeof seedReportingFixture>>;
  let officerA: Client;
  let chairA1: Client;
  let chairA2: Client;

  beforeAll(async () => {
    configureMail({ smtpUrl: undefined, from: 'x@example.vn' });
    database = await createTestDatabase();
    app = await createTestApp(database);
    f = await seedReportingFixture(database.db);
    officerA = await signInAs(app, f.officerA.username);
    chairA1 = await signInAs(app, f.chairA1.username);
    chairA2 = await signInAs(app, f.chairA2.username);
  });
  afterAll(async () => {
    configureMail(null);
    await app.close();
    await database.close();
  });

  it('a submission tells the Office of the nearest federation holding the unit, not the province nor the other district', async () => {
    await database.db.transaction((tx) => notifyReportSubmitted(tx, f.reportA1.id));
    const rows = await database.db.select().from(notifications).where(eq(notifications.kind, 'report_submitted'));
    expect(rows.map((r) => r.userId)).toEqual([f.officerA.id]);
    expect(rows[0]).toMatchObject({ link: `/reports/${f.reportA1.id}`, reportId: f.reportA1.id });
    expect(rows[0]!.params).toMatchObject({ unit: 'CĐCS A1', periodKind: 'monthly', month: 3, year: 2024, dueOn: '25/03/2024' });
    const log = await database.db.select().from(reminderLog).where(eq(reminderLog.kind, 'submitted'));
    // E-mail is off: only the in-app reminder is logged.
    expect(log.map((l) => [l.channel, l.recipient, l.status, l.unitId])).toEqual([['in_app', f.officerA.id, 'sent', f.a1.id]]);
  });

  it('a return and an approval tell the unit’s chair, with the reviewer’s comment', async () => {
    await database.db.update(reports).set({ reviewComment: 'Thiếu số liệu đoàn viên mới' }).where(eq(reports.id, f.reportA2.id));
    await database.db.transaction(async (tx) => {
      await notifyReportReturned(tx, f.reportA2.id);
      await notifyReportApproved(tx, f.reportA4.id);
    });
    const returned = await database.db.select().from(notifications).where(eq(notifications.kind, 'report_returned'));
    expect(returned.map((r) => r.userId)).toEqual([f.chairA2.id]);
    expect(returned[0]!.params).toMatchObject({ comment: 'Thiếu số liệu đoàn viên mới', unit: 'CĐCS A2' });
    const approved = await database.db.select().from(notifications).where(eq(notifications.kind, 'report_approved'));
    expect(approved.map((r) => r.userId)).toEqual([f.chairA4.id]);
  });

  it('a rolled-back step leaves no notice', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await notifyReportSubmitted(tx, f.reportB1.id);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await database.db.select().from(notifications).where(eq(notifications.reportId, f.reportB1.id));
    expect(rows).toEqual([]);
  });

  it('each user reads only their own notifications, with the unread count (limit=0: the bell)', async () => {
    const mine = await officerA.get('/api/notifications');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { kind: string }) => i.kind)).toEqual(['report_submitted']);
    expect(mine.json().unread).toBe(1);
    const bell = await chairA2.get('/api/notifications?limit=0');
    expect(bell.json()).toEqual({ items: [], unread: 1 });
    const nothing = await chairA1.get('/api/notifications');
    expect(nothing.json()).toEqual({ items: [], unread: 0 });
  });

  it('marking read: one’s own only (another user’s answers 404 and stays unread), then all', async () => {
    const [officerNotice] = await database.db.select().from(notifications).where(eq(notifications.userId, f.officerA.id));
    const stranger = await chairA2.post(`/api/notifications/${officerNotice!.id}/read`);
    expect(stranger.statusCode).toBe(404);
    expect((await officerA.get('/api/notifications?limit=0')).json().unread).toBe(1);
    const own = await officerA.post(`/api/notifications/${officerNotice!.id}/read`);
    expect(own.statusCode).toBe(200);
    const after = (await officerA.get('/api/notifications')).json();
    expect(after.unread).toBe(0);
    expect(after.items[0].readAt).not.toBeNull();
    // read-all touches only the caller's rows.
    expect((await chairA1.post('/api/notifications/read-all')).statusCode).toBe(200);
    expect((await chairA2.get('/api/notifications?limit=0')).json().unread).toBe(1);
    await chairA2.post('/api/notifications/read-all');
    expect((await chairA2.get('/api/notifications?unreadOnly=true')).json()).toEqual({ items: [], unread: 0 });
  });

  it('says whether e-mail is on', async () => {
    expect((await chairA1.get('/api/settings/email')).json()).toEqual({ enabled: false, from: null });
    configureMail({ smtpUrl: 'smtp://127.0.0.1:2525', from: 'Công đoàn số <vp@example.vn>' });
    expect((await chairA1.get('/api/settings/email')).json()).toEqual({ enabled: true, from: 'Công đoàn số <vp@example.vn>' });
    configureMail({ smtpUrl: undefined, from: 'x@example.vn' });
  });

  it('the reminder log is the Office’s, in scope; a chair is refused', async () => {
    const log = await officerA.get('/api/reminders');
    expect(log.statusCode).toBe(200);
    const units = new Set(log.json().items.map((i: { unit: { shortName: string } }) => i.unit.shortName));
    expect(units).toEqual(new Set(['CĐCS A1', 'CĐCS A2', 'CĐCS A4']));
    expect(log.json().items.find((i: { kind: string }) => i.kind === 'submitted')).toMatchObject({
      channel: 'in_app',
      recipient: 'VP huyện A',
      status: 'sent',
    });
    const officerB = await signInAs(app, f.officerB.username);
    expect((await officerB.get('/api/reminders')).json().total).toBe(0);
    expect((await chairA1.get('/api/reminders')).statusCode).toBe(403);
  });

  it('an Office of several officers: one notification and one log row each, in as many statements as for one officer', async () => {
    const statements = async (reportId: string) => {
      const before = database.queryCount();
      await database.db.transaction((tx) => notifyReportSubmitted(tx, reportId));
      return database.queryCount() - before;
    };
    const forOne = await statements(f.reportA1.id);
    const more = [];
    for (const n of [2, 3, 4])
      more.push(await createUser(database.db, { role: 'federation_officer', unitId: f.districtA.id, fullName: `VP huyện A ${n}` }));
    expect(await statements(f.reportA2.id)).toBe(forOne);
    const told = await database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'report_submitted'), eq(notifications.reportId, f.reportA2.id)));
    const officers = [f.officerA.id, ...more.map((u) => u.id)].sort();
    expect(told.map((r) => r.userId).sort()).toEqual(officers);
    expect(told.every((r) => r.params.unit === 'CĐCS A2')).toBe(true);
    const log = await database.db
      .select()
      .from(reminderLog)
      .where(and(eq(reminderLog.kind, 'submitted'), eq(reminderLog.reportId, f.reportA2.id)));
    expect(log.map((l) => l.recipient).sort()).toEqual(officers);
    expect(log.every((l) => l.channel === 'in_app' && l.status === 'sent' && l.unitId === f.a2.id)).toBe(true);
  });
});
