import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { notifications, reminderLog } from '../../db/schema/index.js';
import { configureMail } from '../../lib/mailer.js';
import { seedReportingFixture } from './notifications.fixtures.js';
import { sendDueReminders } from './send-due-reminders.js';
import { sendQueuedEmail } from './send-queued-email.js';

interface Received {
  to: string[];
  body: string;
}

/** A local SMTP server the test starts itself: it accepts every message and keeps it. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), body: decode(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The message's text: headers, and the body decoded from quoted-printable or base64 as nodemailer wrote it. */
function decode(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? '';
  const decodedSubject = subject.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replaceAll('_', ' ')),
  );
  const text = /content-transfer-encoding: base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : qp(body);
  return `${decodedSubject.replace(/\r?\n[ \t]+/g, '')}\n${text}`;
}
function qp(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe('reminders: due soon and overdue digests, idempotent, e-mailed through SMTP', () => {
  let database: DatabaseHandle;
  let f: Awaited<ReturnType<typeof seedReportingFixture>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const savedEnv = process.env.SMTP_URL;

  beforeAll(async () => {
    configureMail({ smtpUrl: undefined, from: 'x@example.vn' });
    database = await createTestDatabase();
    f = await seedReportingFixture(database.db);
    smtp = await startSmtp();
  });
  afterAll(async () => {
    configureMail(null);
    if (savedEnv === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedEnv;
    await smtp.close();
    await database.close();
  });

  const notificationsOf = (userId: string) => database.db.select().from(notifications).where(eq(notifications.userId, userId));

  it('three days before the deadline: a digest to the chairs of units that have not sent (e-mail off: in the app only)', async () => {
    const result = await sendDueReminders(database.db, new Date('2024-03-22T03:00:00Z'));
    expect(result).toEqual({ notifications: 2, emailSent: 0, emailFailed: 0 });
    for (const chair of [f.chairA2, f.chairA3]) {
      const rows = await notificationsOf(chair.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'report_due_soon', link: '/reports' });
    }
    // Sent (A1, B1), approved (A4): nothing. The Office gets no due-soon digest.
    for (const user of [f.chairA1, f.chairA4, f.chairB1, f.officerA, f.officerB]) expect(await notificationsOf(user.id)).toEqual([]);
    const log = await database.db.select().from(reminderLog).where(eq(reminderLog.kind, 'due_soon'));
    expect(log.map((l) => [l.unitId, l.channel, l.status]).sort()).toEqual(
      [
        [f.a2.id, 'in_app', 'sent'],
        [f.a3.id, 'in_app', 'sent'],
      ].sort(),
    );
  });

  it('is idempotent: run again (the next hour) it sends nothing new', async () => {
    const again = await sendDueReminders(database.db, new Date('2024-03-22T04:00:00Z'));
    expect(again.notifications).toBe(0);
    expect(await database.db.select().from(reminderLog).where(eq(reminderLog.kind, 'due_soon'))).toHaveLength(2);
    expect(await notificationsOf(f.chairA2.id)).toHaveLength(1);
  });

  it('before the deadline has passed (23:59 of the due day, UTC+7) nothing is overdue', async () => {
    await sendDueReminders(database.db, new Date('2024-03-25T16:59:00Z'));
    expect(await database.db.select().from(reminderLog).where(eq(reminderLog.kind, 'overdue'))).toEqual([]);
  });

  it('the overdue digest reaches the local SMTP server with the right units, none for units that reported', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    configureMail(null); // read SMTP_URL and MAIL_FROM from the environment, as the server does
    const result = await sendDueReminders(database.db, new Date('2024-03-25T17:01:00Z'));
    // Chairs of A2 and A3, and the Office of district A (one digest of both units).
    expect(result).toEqual({ notifications: 3, emailSent: 3, emailFailed: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([f.chairA2.email, f.chairA3.email, f.officerA.email].sort());

    const office = smtp.received.find((m) => m.to[0] === f.officerA.email)!;
    expect(office.body).toContain('Tháng 3/2024');
    expect(office.body).toContain('quá hạn');
    expect(office.body).toContain('- CĐCS A2');
    expect(office.body).toContain('- CĐCS A3');
    for (const reported of ['CĐCS A1', 'CĐCS A4', 'CĐCS B1']) expect(office.body).not.toContain(reported);
    const chairA3 = smtp.received.find((m) => m.to[0] === f.chairA3.email)!;
    expect(chairA3.body).toContain('- CĐCS A3');
    expect(chairA3.body).not.toContain('CĐCS A2');
    // Nothing to the chairs who reported, to the other district, or to the province above the district.
    for (const user of [f.chairA1, f.chairA4, f.chairB1, f.officerB, f.provinceOfficer]) {
      expect(smtp.received.some((m) => m.to.includes(user.email))).toBe(false);
    }

    const officeNotice = (await notificationsOf(f.officerA.id))[0]!;
    expect(officeNotice).toMatchObject({ kind: 'report_overdue', link: `/reports/periods/${f.march.id}/compliance` });
    expect(officeNotice.params).toMatchObject({ count: 2, units: 'CĐCS A2, CĐCS A3' });
    // Every reminder logged: in the app and by e-mail, per unit and recipient.
    const emailLog = await database.db
      .select()
      .from(reminderLog)
      .where(and(eq(reminderLog.kind, 'overdue'), eq(reminderLog.channel, 'email')));
    expect(emailLog.map((l) => `${l.recipient} ${l.unitId} ${l.status}`).sort()).toEqual(
      [
        `${f.chairA2.email} ${f.a2.id} sent`,
        `${f.chairA3.email} ${f.a3.id} sent`,
        `${f.officerA.email} ${f.a2.id} sent`,
        `${f.officerA.email} ${f.a3.id} sent`,
      ].sort(),
    );
  });

  it('the overdue notice goes once: a second run sends no e-mail and writes nothing', async () => {
    const before = await database.db.select().from(reminderLog);
    const again = await sendDueReminders(database.db, new Date('2024-03-26T02:00:00Z'));
    expect(again).toEqual({ notifications: 0, emailSent: 0, emailFailed: 0 });
    expect(smtp.received).toHaveLength(3);
    expect(await database.db.select().from(reminderLog)).toHaveLength(before.length);
  });

  it('an SMTP failure is logged as failed and never thrown at the caller', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:1'; // nothing listens there
    configureMail(null);
    // A new notice queued after commit, then the send fails.
    await database.db.insert(reminderLog).values({
      kind: 'returned',
      periodId: f.march.id,
      unitId: f.a2.id,
      reportId: f.reportA2.id,
      channel: 'email',
      recipient: f.chairA2.email,
      status: 'queued',
    });
    const result = await sendQueuedEmail(database.db);
    expect(result).toEqual({ sent: 0, failed: 1 });
    const [row] = await database.db
      .select()
      .from(reminderLog)
      .where(and(eq(reminderLog.kind, 'returned'), eq(reminderLog.channel, 'email')));
    expect(row!.status).toBe('failed');
    expect(row!.error).toBeTruthy();
  });
});
