// Write scope after a restructuring (docs/scopes.md "Writing"): LĐLĐ huyện
// Vĩnh Thuận ended on 30/06/2025 and its CĐCS went to CĐ xã Vĩnh Thuận under
// LĐLĐ tỉnh An Giang. The district's officer (vanphong.vt, assignment still in
// force) keeps READING the history of its former units, but every WRITE to
// them today — members, units, programs, targets, the catalogue, imports,
// users — answers 403 and writes nothing, while the province's officer, who
// holds the units now, writes. The walk takes every write operation of the
// OpenAPI document, so a new write route fails here until it is added.
import crypto from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../scripts/demo/load-demo-data.js';
import { DEMO_PROGRAM_2024 } from '../scripts/demo/program-2024.js';
import type { DatabaseHandle } from '../server/db/client.js';
import { auditLog, issueDelegations, memberEvents, members, users } from '../server/db/schema/index.js';
import { todayInVietnam } from '../server/lib/dates.js';
import { waitForImportJobs } from '../server/modules/members/import-jobs.js';
import { buildWorkbook } from '../server/modules/members/import.fixtures.js';
import type { App } from '../server/lib/http.js';
import { createTestApp, signInAs, type Client } from './app.js';
import { createTestDatabase } from './db.js';
import { rowVersionOf } from './factories.js';
import { activityInput } from '../server/modules/activities/activities.fixtures.js';

const FORMER_OFFICER = 'vanphong.vt';
const CURRENT_OFFICER = 'vanphong.ag';
const PASSWORD = 'Demo@2024';
const TODAY = todayInVietnam();
const YEAR = Number(TODAY.slice(0, 4));
const JAN = `${YEAR}-01-05`;
const viDate = (iso: string) => iso.split('-').reverse().join('/');

interface Call {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The answer expected from the former officer: 403 unless the route checks the write rule row by row (imports). */
  status?: number;
}

describe('a federation that no longer holds a unit cannot write to it (reads stay)', () => {
  let database: DatabaseHandle;
  let app: App;
  let admin: Client;
  let former: Client;
  let current: Client;
  let unit: Map<string, string>;
  let writeOperations: string[];
  /** A members workbook with one admission into VT10 dated today. */
  let workbook: Buffer;
  const ids: Record<string, string> = {};
  const versions: Record<string, number> = {};

  const programBody = (unitId: string, number: number, title: string) => {
    const { unitCode: _u, ...p } = DEMO_PROGRAM_2024;
    return { ...p, unitId, year: YEAR, number, issuedOn: JAN, title };
  };
  const ok = (res: { statusCode: number; body: string }, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body) as Record<string, unknown> & { id: string };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    unit = await loadDemoData(database.db);
    app = await createTestApp(database);
    admin = await signInAs(app, 'admin', 'Admin@2024');
    former = await signInAs(app, FORMER_OFFICER, PASSWORD);
    current = await signInAs(app, CURRENT_OFFICER, PASSWORD);
    const db = database.db;
    const vt10 = unit.get('VT10')!;

    // An active member of VT10 (demo data), and one who left.
    const active = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.unitId, vt10), eq(members.status, 'active')))
      .limit(2);
    ids.member = active[0]!.id;
    const gone = ok(
      await admin.post('/api/members', {
        fullName: 'Nguyễn Văn Rời',
        gender: 'male',
        birthDate: '1990-02-03',
        unitId: vt10,
        admittedOn: JAN,
      }),
      201,
    );
    ok(await admin.post(`/api/members/${gone.id}/leave`, { date: `${YEAR}-02-01`, reason: 'left' }), 200);
    ids.leftMember = gone.id;
    // A transfer into VT10 waiting for VT10 to accept it (sent by VT17's chair, who holds only VT17).
    const vt17Chair = await signInAs(app, 'cdcs.thuysan', PASSWORD);
    const [vt17Member] = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.unitId, unit.get('VT17')!), eq(members.status, 'active')))
      .limit(1);
    ok(await vt17Chair.post(`/api/members/${vt17Member!.id}/transfer`, { date: TODAY, toUnitId: vt10 }), 200);
    const [pending] = await db
      .select({ id: memberEvents.id })
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, vt17Member!.id), eq(memberEvents.transferState, 'pending')));
    ids.transfer = pending!.id;

    // Programs of VT10 this year: a draft, an issued one; and the province's issued program to derive from.
    ids.draft = ok(await admin.post('/api/programs', programBody(vt10, 11, 'Dự thảo VT10')), 201).id;
    ids.issued = ok(await admin.post('/api/programs', programBody(vt10, 12, 'Đã ban hành VT10')), 201).id;
    ok(await admin.post(`/api/programs/${ids.issued}/issue`), 200);
    ids.provinceProgram = ok(await admin.post('/api/programs', programBody(unit.get('AG')!, 13, 'Chương trình LĐLĐ tỉnh')), 201).id;
    ok(await admin.post(`/api/programs/${ids.provinceProgram}/issue`), 200);

    // A target set for VT10 this year, and a data element of the catalogue.
    const indicators = ok(await admin.get('/api/indicators'), 200).items as Array<{ id: string; measure: string }>;
    ids.indicator = indicators.find((i) => i.measure === 'sum')?.id ?? indicators[0]!.id;
    ids.target = ok(
      await admin.post('/api/targets', {
        indicatorId: ids.indicator,
        text: 'Chỉ tiêu của VT10',
        comparator: 'gte',
        value: 1,
        periodFrom: `${YEAR}-01`,
        periodTo: `${YEAR}-12`,
        scopeUnitId: vt10,
      }),
      201,
    ).id;
    ids.period = (ok(await admin.get(`/api/programs/${ids.issued}/report-schedule`), 200).periods as Array<{ id: string }>)[0]!.id;
    const elements = ok(await admin.get('/api/data-elements'), 200).items as Array<{ id: string }>;
    ids.dataElement = elements[0]!.id;
    const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.username, FORMER_OFFICER));
    ids.formerUser = officer!.id;
    // The demo's issue delegation (VT's leader to VT's Office, docs/issue-delegations.md).
    const [delegation] = await db.select({ id: issueDelegations.id }).from(issueDelegations).limit(1);
    ids.delegation = delegation!.id;
    // An activity record of VT10 dated today (docs/activities.md): only the unit's holder today edits it.
    ids.activity = ok(await admin.post('/api/activities', activityInput('training', { unitId: vt10, occurredOn: TODAY })), 201).id;
    // Edits carry the version they were read at (server/lib/row-version.ts).
    versions.member = await rowVersionOf(db, 'members', ids.member);
    versions.draft = await rowVersionOf(db, 'programs', ids.draft);
    versions.vt10 = await rowVersionOf(db, 'org_units', vt10);
    versions.target = await rowVersionOf(db, 'targets', ids.target);

    workbook = await buildWorkbook([
      { fullName: 'Trần Văn Hôm Nay', gender: 'Nam', birthDate: '01/02/1990', unitCode: 'VT10', admittedOn: viDate(TODAY) },
    ]);

    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
    writeOperations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/auth/') && !path.startsWith('/api/docs'))
      .flatMap(([path, item]) =>
        ['post', 'put', 'patch', 'delete'].filter((m) => m in item).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** Every write operation, aimed at VT10 (or what belongs to it) with effect today, with a body that passes validation. */
  const calls = (): Record<string, Call> => {
    const vt10 = unit.get('VT10')!;
    const vt11 = unit.get('VT11')!;
    return {
      'POST /api/members': {
        url: '/api/members',
        body: { fullName: 'Trần Thị Mới', gender: 'female', birthDate: '1995-05-06', unitId: vt10, admittedOn: TODAY },
      },
      'PATCH /api/members/:id': { url: `/api/members/${ids.member}`, body: { job: 'Giáo viên', expectedVersion: versions.member } },
      'POST /api/members/:id/transfer': { url: `/api/members/${ids.member}/transfer`, body: { date: TODAY, toUnitId: vt11 } },
      'POST /api/members/:id/leave': { url: `/api/members/${ids.member}/leave`, body: { date: TODAY, reason: 'left' } },
      'POST /api/members/:id/rejoin': { url: `/api/members/${ids.leftMember}/rejoin`, body: { date: TODAY, unitId: vt10 } },
      'POST /api/members/:id/card': { url: `/api/members/${ids.member}/card`, body: { cardNumber: 'VT10-999999', date: TODAY } },
      'POST /api/members/transfers/:id/decide': { url: `/api/members/transfers/${ids.transfer}/decide`, body: { accept: true } },
      // The import applies the write rule to each row on its admission date, as a single admission does
      // (import-policy.ts): the upload is accepted and its row dated today refused (see the import test below).
      'POST /api/members/import': {
        url: '/api/members/import',
        body: workbook,
        headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'doan-vien.xlsx' },
        status: 202,
      },
      'POST /api/members/import/:id/commit': { url: `/api/members/import/${crypto.randomUUID()}/commit`, body: {}, status: 404 },
      'POST /api/programs': { url: '/api/programs', body: programBody(vt10, 21, 'Chương trình mới của VT10') },
      'PATCH /api/programs/:id': { url: `/api/programs/${ids.draft}`, body: { title: 'Sửa bởi huyện', expectedVersion: versions.draft } },
      'POST /api/programs/:id/issue': { url: `/api/programs/${ids.draft}/issue` },
      'POST /api/programs/:id/amend': { url: `/api/programs/${ids.issued}/amend`, body: { reason: 'Bổ sung chỉ tiêu' } },
      'POST /api/programs/:id/derive': { url: `/api/programs/${ids.provinceProgram}/derive`, body: { unitId: vt10 } },
      'POST /api/programs/:id/carry-targets': {
        url: `/api/programs/${ids.draft}/carry-targets`,
        body: { expectedVersion: versions.draft },
      },
      'POST /api/data-elements': {
        url: '/api/data-elements',
        body: {
          code: 'HUYEN_CU',
          nameVi: 'Dữ liệu của huyện cũ',
          nameEn: 'Former district element',
          valueType: 'number',
          aggregation: 'sum',
        },
      },
      'POST /api/data-elements/:id/archive': { url: `/api/data-elements/${ids.dataElement}/archive` },
      'POST /api/indicators': {
        url: '/api/indicators',
        body: {
          code: 'HUYEN_CU',
          nameVi: 'Chỉ số của huyện cũ',
          nameEn: 'Former district indicator',
          measure: 'sum',
          unitOfMeasure: 'count',
          numeratorElementId: ids.dataElement,
        },
      },
      'POST /api/targets': {
        url: '/api/targets',
        body: {
          indicatorId: ids.indicator,
          text: 'Chỉ tiêu mới',
          comparator: 'gte',
          value: 2,
          periodFrom: `${YEAR}-01`,
          periodTo: `${YEAR}-12`,
          scopeUnitId: vt10,
        },
      },
      'PUT /api/targets/:id/allocations': {
        url: `/api/targets/${ids.target}/allocations`,
        body: { mode: 'manual', allocations: [], expectedVersion: versions.target },
      },
      'POST /api/org-units': {
        url: '/api/org-units',
        body: {
          code: 'VT10-TO1',
          fullName: 'Công đoàn bộ phận Tổ Toán',
          shortName: 'CĐBP Tổ Toán',
          kind: 'section',
          validFrom: TODAY,
          parentId: vt10,
        },
      },
      'PATCH /api/org-units/:id': { url: `/api/org-units/${vt10}`, body: { address: 'Đổi bởi huyện', expectedVersion: versions.vt10 } },
      'POST /api/org-units/:id/move': { url: `/api/org-units/${vt10}/move`, body: { parentId: unit.get('VT')!, fromDate: TODAY } },
      'POST /api/org-units/:id/merge': { url: `/api/org-units/${vt10}/merge`, body: { intoUnitId: vt11, date: TODAY } },
      'POST /api/org-units/:id/split': {
        url: `/api/org-units/${vt10}/split`,
        body: { date: TODAY, endOriginal: false, newUnits: [{ code: 'VT10-B', fullName: 'CĐCS tách từ VT10', shortName: 'CĐCS tách' }] },
      },
      'POST /api/org-units/:id/dissolve': { url: `/api/org-units/${vt10}/dissolve`, body: { date: TODAY } },
      'POST /api/users': { url: '/api/users', body: { username: 'moi.vt', fullName: 'Người mới', password: 'Demo@2024-long' } },
      'PATCH /api/users/:id': { url: `/api/users/${ids.formerUser}`, body: { fullName: 'Trần Thị Mai' } },
      'POST /api/users/:id/reset-password': { url: `/api/users/${ids.formerUser}/reset-password`, body: { newPassword: 'Demo@2024-long' } },
      'POST /api/users/:id/disable': { url: `/api/users/${ids.formerUser}/disable` },
      'POST /api/users/:id/enable': { url: `/api/users/${ids.formerUser}/enable` },
      'POST /api/users/:id/assignments': {
        url: `/api/users/${ids.formerUser}/assignments`,
        body: { role: 'federation_officer', unitId: unit.get('AG')!, includesSubtree: true, validFrom: TODAY },
      },
      'PATCH /api/users/:id/assignments/:assignmentId': {
        url: `/api/users/${ids.formerUser}/assignments/${crypto.randomUUID()}`,
        body: { includesSubtree: true },
      },
      'DELETE /api/users/:id/assignments/:assignmentId': { url: `/api/users/${ids.formerUser}/assignments/${crypto.randomUUID()}` },
      // Corrections of the catalogue and targets (issue 10).
      'PATCH /api/data-elements/:id': { url: `/api/data-elements/${ids.dataElement}`, body: { nameVi: 'Đổi tên', expectedVersion: 1 } },
      'PATCH /api/indicators/:id': { url: `/api/indicators/${ids.indicator}`, body: { nameVi: 'Đổi tên', expectedVersion: 1 } },
      'PATCH /api/targets/:id': { url: `/api/targets/${ids.target}`, body: { value: 3, expectedVersion: versions.target } },
      'POST /api/targets/:id/archive': { url: `/api/targets/${ids.target}/archive`, body: { expectedVersion: versions.target } },
      // The reporting cycle (issue 9): VT10's own program this year, a period of it.
      'PUT /api/programs/:id/report-schedule': {
        url: `/api/programs/${ids.issued}/report-schedule`,
        body: {
          unitKinds: ['grassroots_union'],
          periods: [{ kind: 'monthly', dataFrom: JAN, dataTo: JAN, dueOn: JAN }],
          expectedVersion: null,
        },
      },
      'POST /api/report-periods/:id/close': { url: `/api/report-periods/${ids.period}/close`, body: { expectedVersion: 1 } },
      'POST /api/report-periods/:id/reopen': {
        url: `/api/report-periods/${ids.period}/reopen`,
        body: { expectedVersion: 1, reason: 'Mở lại' },
      },
      'PUT /api/report-periods/:periodId/units/:unitId/report': {
        url: `/api/report-periods/${ids.period}/units/${vt10}/report`,
        body: { values: [], expectedVersion: null },
      },
      'PUT /api/report-periods/:id/compiled': {
        url: `/api/report-periods/${ids.period}/compiled`,
        body: { direction: 'Phương hướng', expectedVersion: null },
      },
      // A report that does not exist: nothing to write, and its existence is not told (404).
      'POST /api/reports/:id/submit': { url: `/api/reports/${crypto.randomUUID()}/submit`, body: { expectedVersion: 1 }, status: 404 },
      'POST /api/reports/:id/return': {
        url: `/api/reports/${crypto.randomUUID()}/return`,
        body: { expectedVersion: 1, comment: 'Sửa' },
        status: 404,
      },
      'POST /api/reports/:id/approve': { url: `/api/reports/${crypto.randomUUID()}/approve`, body: { expectedVersion: 1 }, status: 404 },
      'POST /api/reports/:id/reopen': {
        url: `/api/reports/${crypto.randomUUID()}/reopen`,
        body: { expectedVersion: 1, reason: 'Mở' },
        status: 404,
      },
      'POST /api/reports/:id/attachments': {
        url: `/api/reports/${crypto.randomUUID()}/attachments`,
        body: Buffer.from('%PDF-1.4 test'),
        headers: { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' },
        status: 404,
      },
      'DELETE /api/reports/:id/attachments/:attachmentId': {
        url: `/api/reports/${crypto.randomUUID()}/attachments/${crypto.randomUUID()}`,
        status: 404,
      },
      // Activity records (issue 13): written by whoever holds the record's unit on its date.
      'POST /api/activities': { url: '/api/activities', body: activityInput('training', { unitId: vt10, occurredOn: TODAY }) },
      'PUT /api/activities/:id': {
        url: `/api/activities/${ids.activity}`,
        body: { record: activityInput('training', { unitId: vt10, occurredOn: TODAY, title: 'Sửa bởi huyện' }), expectedVersion: 1 },
      },
      'DELETE /api/activities/:id': { url: `/api/activities/${ids.activity}`, body: { expectedVersion: 1 } },
      'POST /api/activities/:id/attachments': {
        url: `/api/activities/${ids.activity}/attachments`,
        body: Buffer.from('%PDF-1.4 test'),
        headers: { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' },
      },
      'DELETE /api/activities/:id/attachments/:attachmentId': {
        url: `/api/activities/${ids.activity}/attachments/${crypto.randomUUID()}`,
      },
      // Issue delegations: granted and revoked by a leader of the unit itself, never by an officer.
      'POST /api/org-units/:id/issue-delegations': {
        url: `/api/org-units/${vt10}/issue-delegations`,
        body: { userId: ids.formerUser, validFrom: TODAY },
      },
      'POST /api/issue-delegations/:id/revoke': { url: `/api/issue-delegations/${ids.delegation}/revoke`, body: { expectedVersion: 1 } },
      // One's own notifications: not a write to any unit.
      'POST /api/notifications/:id/read': { url: `/api/notifications/${crypto.randomUUID()}/read`, status: 404 },
      'POST /api/notifications/read-all': { url: '/api/notifications/read-all', status: 200 },
    };
  };

  it('the former officer still reads the history of VT10 (reads follow the historical scope)', async () => {
    expect((await former.get(`/api/org-units/${unit.get('VT10')!}`)).statusCode).toBe(200);
    expect((await former.get(`/api/members/${ids.member}`)).statusCode).toBe(200);
    expect((await former.get(`/api/programs/${ids.draft}`)).statusCode).toBe(200);
    expect((await former.get(`/api/activities/${ids.activity}`)).statusCode).toBe(200);
  });

  it('every write route is in the walk (a new write route must be added here)', () => {
    const table = Object.keys(calls());
    expect(writeOperations.filter((op) => !table.includes(op))).toEqual([]);
    expect(table.filter((op) => !writeOperations.includes(op))).toEqual([]);
  });

  it('every write route answers 403 to the former district officer and writes nothing', async () => {
    const audit = async () => (await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.userId, ids.formerUser)))[0]!.n;
    const before = await audit();
    const failures: string[] = [];
    for (const [op, call] of Object.entries(calls())) {
      const method = op.split(' ')[0] as 'POST' | 'PATCH' | 'PUT' | 'DELETE';
      const res = await app.inject({
        method,
        url: call.url,
        headers: { cookie: former.cookie, 'x-csrf-token': former.csrfToken, ...(call.headers ?? {}) },
        ...(call.body === undefined ? {} : { payload: call.body as object }),
      });
      if (res.statusCode !== (call.status ?? 403)) failures.push(`${op} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    await waitForImportJobs();
    // Sign-in is the only thing the former officer left in the audit log.
    expect(await audit()).toBe(before);
    const [member] = await database.db
      .select({ unitId: members.unitId, status: members.status })
      .from(members)
      .where(eq(members.id, ids.member));
    expect(member).toEqual({ unitId: unit.get('VT10'), status: 'active' });
  });

  it('the province officer, who holds VT10 today, writes where the former officer could not', async () => {
    const call = calls();
    ok(await current.post(call['POST /api/members']!.url, call['POST /api/members']!.body), 201);
    ok(await current.patch(call['PATCH /api/members/:id']!.url, call['PATCH /api/members/:id']!.body), 200);
    ok(await current.post(call['POST /api/members/transfers/:id/decide']!.url, call['POST /api/members/transfers/:id/decide']!.body), 200);
    ok(await current.patch(call['PATCH /api/programs/:id']!.url, call['PATCH /api/programs/:id']!.body), 200);
    ok(await current.patch(call['PATCH /api/org-units/:id']!.url, call['PATCH /api/org-units/:id']!.body), 200);
    ok(await current.put(call['PUT /api/targets/:id/allocations']!.url, call['PUT /api/targets/:id/allocations']!.body), 200);
    ok(await current.post(call['POST /api/activities']!.url, call['POST /api/activities']!.body), 201);
    ok(await current.put(call['PUT /api/activities/:id']!.url, call['PUT /api/activities/:id']!.body), 200);
  });

  it('the former officer still writes the history of the time they held the unit (back-dated admission in 2024)', async () => {
    const res = await former.post('/api/members', {
      fullName: 'Lê Văn Cũ',
      gender: 'male',
      birthDate: '1980-01-01',
      unitId: unit.get('VT10')!,
      admittedOn: '2024-03-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    // …which the province cannot: on 01/03/2024 VT10 was not under An Giang.
    const res2 = await current.post('/api/members', {
      fullName: 'Lê Văn Cũ Hai',
      gender: 'male',
      birthDate: '1980-01-02',
      unitId: unit.get('VT10')!,
      admittedOn: '2024-03-01',
    });
    expect(res2.statusCode).toBe(403);
  });

  it('the import follows the same rule row by row: the 2024 row is imported, the row dated today refused', async () => {
    const rows = [
      { fullName: 'Lê Văn Nhập Cũ', gender: 'Nam', birthDate: '01/01/1981', unitCode: 'VT10', admittedOn: '01/03/2024' },
      { fullName: 'Lê Văn Nhập Mới', gender: 'Nam', birthDate: '01/01/1982', unitCode: 'VT10', admittedOn: viDate(TODAY) },
    ];
    const settled = async (client: Client, id: string) => {
      await waitForImportJobs();
      return ok(await client.get(`/api/members/import/${id}`), 200) as unknown as {
        id: string;
        state: string;
        validRows: number;
        importedRows: number;
        errors: Array<{ row: number; column: string; message: string }>;
      };
    };
    const upload = async (client: Client) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/members/import',
        headers: {
          cookie: client.cookie,
          'x-csrf-token': client.csrfToken,
          'content-type': 'application/octet-stream',
          'x-file-name': 'lich-su.xlsx',
        },
        payload: await buildWorkbook(rows),
      });
      return settled(client, ok(res, 202).id);
    };
    const mine = await upload(former);
    expect(mine).toMatchObject({ state: 'invalid', validRows: 1 });
    expect(mine.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Mã đơn vị']]);
    expect(mine.errors[0]!.message).toContain('VT10');
    ok(await former.post(`/api/members/import/${mine.id}/commit`, { validRowsOnly: true }), 202);
    expect(await settled(former, mine.id)).toMatchObject({ state: 'imported', importedRows: 1 });
    const names = await database.db
      .select({ name: members.fullName })
      .from(members)
      .where(eq(members.unitId, unit.get('VT10')!));
    expect(names.map((n) => n.name)).toContain('Lê Văn Nhập Cũ');
    expect(names.map((n) => n.name)).not.toContain('Lê Văn Nhập Mới');
    // The province, which holds VT10 today but did not in 2024: the mirror image.
    const theirs = await upload(current);
    expect(theirs).toMatchObject({ state: 'invalid', validRows: 1 });
    expect(theirs.errors.map((e) => e.row)).toEqual([2]);
  });
});
