// Scope: a grassroots chair (Chủ tịch CĐCS) of VT10 tries EVERY read endpoint
// of the API, found by walking the OpenAPI document, and must never see the
// sibling CĐCS VT11 (its id, code or name) nor the sibling CĐCS VT17's chair.
// New endpoints are covered automatically.
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../scripts/demo/load-demo-data.js';
import { DEMO_UNITS } from '../scripts/demo/org-tree.js';
import { DEMO_PROGRAM_2024 } from '../scripts/demo/program-2024.js';
import type { DatabaseHandle } from '../server/db/client.js';
import { auditLog, users } from '../server/db/schema/index.js';
import type { App } from '../server/lib/http.js';
import { createTestApp, signInAs, type Client } from './app.js';
import { createTestDatabase } from './db.js';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minimum?: number;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}
interface Operation {
  parameters?: Parameter[];
}
interface ReadEndpoint {
  path: string;
  parameters: Parameter[];
}

const OWN = 'VT10';
const SIBLING = 'VT11';
/** Another sibling CĐCS that has its own chair (cdcs.thuysan). */
const SIBLING_WITH_CHAIR = 'VT17';
const OWN_CHAIR = { username: 'cdcs.thpt', password: 'Demo@2024' };
const SIBLING_CHAIR = { username: 'cdcs.thuysan', password: 'Demo@2024' };

function isExcluded(path: string): boolean {
  return path.startsWith('/api/docs') || path === '/api/health' || path.startsWith('/api/auth/');
}

/** A valid-looking value for a required query parameter (so lists answer 200 to an admin). */
function sampleValue(param: Parameter, ownUnitId: string): string {
  const schema = param.schema ?? {};
  const flat = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema;
  if (flat.enum?.length) return String(flat.enum[0]);
  const type = Array.isArray(flat.type) ? flat.type[0] : flat.type;
  if (flat.format === 'uuid' || /(^id|Id)$/.test(param.name)) return ownUnitId;
  if (flat.format === 'date' || /date|^from$|^to$|asOf|^on$/i.test(param.name)) return '2025-07-01';
  // A unit code (GET /api/members/receiving-unit names one unit by the exact code its
  // receiver gives): the chair's own unit, so the lists answer 200. Asked for the
  // sibling's exact code, that endpoint does answer it, by design (docs/members.md).
  if (param.name === 'code') return OWN;
  if (type === 'integer' || type === 'number') return String(flat.minimum ?? 1);
  if (type === 'boolean') return 'true';
  return 'a';
}

function isIntegerParam(param: Parameter): boolean {
  const s = param.schema ?? {};
  const t = Array.isArray(s.type) ? s.type : [s.type];
  return t.includes('integer') || t.includes('number');
}

async function bodyText(res: LightMyRequestResponse): Promise<string> {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => {
      cells.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? ''))));
    });
    return cells.join('\n');
  }
  return res.body;
}

describe('a grassroots chair never sees a sibling grassroots union through any read endpoint', () => {
  let database: DatabaseHandle;
  let app: App;
  let chair: Client;
  let admin: Client;
  let unitIds: Map<string, string>;
  let forbidden: string[];
  let siblingUserId: string;
  let siblingAuditIds: number[];
  let listEndpoints: ReadEndpoint[];
  let itemEndpoints: ReadEndpoint[];
  /** Ids of sibling-owned records, by the list path that returned them (e.g. '/api/programs'). */
  const siblingRecords = new Map<string, string[]>();

  beforeAll(async () => {
    database = await createTestDatabase();
    unitIds = await loadDemoData(database.db);
    app = await createTestApp(database);
    // The sibling's chair signs in, so the audit log holds entries that belong to the sibling.
    await signInAs(app, SIBLING_CHAIR.username, SIBLING_CHAIR.password);
    chair = await signInAs(app, OWN_CHAIR.username, OWN_CHAIR.password);
    admin = await signInAs(app, 'admin', 'Admin@2024');

    const sibling = DEMO_UNITS.find((u) => u.code === SIBLING)!;
    const siblingWithChair = DEMO_UNITS.find((u) => u.code === SIBLING_WITH_CHAIR)!;
    const [siblingUser] = await database.db.select().from(users).where(eq(users.username, SIBLING_CHAIR.username));
    siblingUserId = siblingUser!.id;
    siblingAuditIds = (
      await database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.userId, siblingUserId)).orderBy(desc(auditLog.id))
    ).map((r) => r.id);
    expect(siblingAuditIds.length).toBeGreaterThan(0);
    forbidden = [
      unitIds.get(SIBLING)!,
      SIBLING,
      sibling.fullName,
      sibling.shortName,
      unitIds.get(SIBLING_WITH_CHAIR)!,
      siblingWithChair.fullName,
      siblingUserId,
      SIBLING_CHAIR.username,
      siblingUser!.fullName,
    ];

    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
    };
    const reads: ReadEndpoint[] = Object.entries(doc.paths)
      .filter(([path, item]) => path.startsWith('/api/') && !isExcluded(path) && item.get)
      .map(([path, item]) => ({ path, parameters: [...(item.parameters ?? []), ...(item.get!.parameters ?? [])] }));
    listEndpoints = reads.filter((e) => !e.path.includes('{'));
    itemEndpoints = reads.filter((e) => e.path.includes('{'));

    // Records that belong to the sibling, made through the API as the administrator.
    if (doc.paths['/api/programs']?.post) {
      const { unitCode: _unitCode, ...program } = DEMO_PROGRAM_2024;
      const res = await admin.post('/api/programs', {
        ...program,
        unitId: unitIds.get(SIBLING)!,
        title: `${program.title} — ${sibling.shortName}`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // Harvest the ids of every record the administrator sees that mentions the sibling.
    for (const endpoint of listEndpoints) {
      const pageSize: Record<string, string> = endpoint.parameters.some((p) => p.in === 'query' && p.name === 'pageSize')
        ? { pageSize: '200' }
        : {};
      const res = await admin.get(listUrl(endpoint, pageSize));
      if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
      const ids: string[] = [];
      const visit = (value: unknown) => {
        if (Array.isArray(value)) return value.forEach(visit);
        if (!value || typeof value !== 'object') return;
        const record = value as Record<string, unknown>;
        // A record is the sibling's when its own fields name it (a target set above, whose nested
        // allocations list the sibling among others, belongs to the federation, not to the sibling).
        const own = Object.fromEntries(Object.entries(record).filter(([, v]) => !v || typeof v !== 'object'));
        if ((typeof record.id === 'string' || typeof record.id === 'number') && leaks(JSON.stringify(own)).length)
          ids.push(String(record.id));
        Object.values(record).forEach(visit);
      };
      visit(res.json());
      if (ids.length) siblingRecords.set(endpoint.path, [...new Set(ids)].slice(0, 5));
    }
  });

  /** Sibling-owned ids for a parameter: records of the list its name points to (programId → /api/programs). */
  function recordsFor(paramName: string, path: string): string[] {
    const resource = paramName === 'id' ? path.split('/')[2] : paramName.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    if (!resource) return [];
    return [...siblingRecords.entries()].filter(([list]) => list.split('/')[2]?.startsWith(resource)).flatMap(([, ids]) => ids);
  }
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const leaks = (text: string) => forbidden.filter((f) => text.includes(f));
  /** SCOPE_TEST_VERBOSE=1 prints every call the walk makes. */
  const trace = (who: string, url: string, res: LightMyRequestResponse) => {
    if (process.env.SCOPE_TEST_VERBOSE) console.log(`${who} GET ${url} → ${res.statusCode}`);
  };

  function listUrl(endpoint: ReadEndpoint, extra: Record<string, string> = {}): string {
    const query = new URLSearchParams();
    for (const p of endpoint.parameters) {
      if (p.in === 'query' && p.required) query.set(p.name, sampleValue(p, unitIds.get(OWN)!));
    }
    for (const [k, v] of Object.entries(extra)) query.set(k, v);
    const qs = query.toString();
    return qs ? `${endpoint.path}?${qs}` : endpoint.path;
  }

  it('the demo data has the sibling, and the API has read endpoints to try', () => {
    expect(unitIds.get(SIBLING)).toBeTruthy();
    // The walk must find something to walk; new modules add to these lists.
    expect(listEndpoints.length).toBeGreaterThan(0);
  });

  it('the sibling owns records the walk can ask for (units, users, and programs when the API has them)', () => {
    expect(siblingRecords.get('/api/org-units') ?? siblingRecords.get('/api/units')).toContain(unitIds.get(SIBLING));
    expect(siblingRecords.get('/api/users')).toContain(siblingUserId);
    if (siblingRecords.has('/api/programs') || listEndpoints.some((e) => e.path === '/api/programs')) {
      expect(siblingRecords.get('/api/programs')?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('list endpoints show the administrator data (sanity: 200)', async () => {
    const failures: string[] = [];
    let adminSeesSibling = false;
    for (const endpoint of listEndpoints) {
      const res = await admin.get(listUrl(endpoint));
      trace('admin', listUrl(endpoint), res);
      if (res.statusCode !== 200) failures.push(`${listUrl(endpoint)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (leaks(await bodyText(res)).length) adminSeesSibling = true;
    }
    expect(failures).toEqual([]);
    // The leak detector finds the sibling where it may be shown (else the chair's checks prove nothing).
    expect(adminSeesSibling).toBe(true);
  });

  it('list endpoints never return anything of a sibling CĐCS to the chair, even when asked for it by id', async () => {
    const failures: string[] = [];
    for (const endpoint of listEndpoints) {
      const attempts = [listUrl(endpoint)];
      // Filters that name a unit or a user: point them at the sibling.
      for (const p of endpoint.parameters) {
        if (p.in !== 'query' || !/(^id|Id|^unit|^parent|^root)$/i.test(p.name) || isIntegerParam(p)) continue;
        const values = /user/i.test(p.name)
          ? [siblingUserId]
          : /unit|parent|root/i.test(p.name)
            ? [unitIds.get(SIBLING)!]
            : recordsFor(p.name, endpoint.path);
        for (const value of values.length ? values : [unitIds.get(SIBLING)!]) attempts.push(listUrl(endpoint, { [p.name]: value }));
      }
      for (const url of attempts) {
        const res = await chair.get(url);
        trace('chair', url, res);
        if (res.statusCode >= 500) failures.push(`${url} → ${res.statusCode}`);
        const found = leaks(await bodyText(res));
        if (found.length) failures.push(`${url} → ${res.statusCode} shows ${found.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("endpoints with a path parameter answer 403 or 404 for the sibling's records and never show them", async () => {
    const failures: string[] = [];
    for (const endpoint of itemEndpoints) {
      const pathParams = endpoint.parameters.filter((p) => p.in === 'path');
      // Every sibling-owned record whose id fits the parameter: the unit, its chair, audit entries.
      const candidates = (p: Parameter): string[] => {
        if (isIntegerParam(p)) return siblingAuditIds.slice(0, 1).map(String);
        if (/user/i.test(p.name)) return [siblingUserId];
        if (/unit|parent/i.test(p.name)) return [unitIds.get(SIBLING)!];
        return [...new Set([...recordsFor(p.name, endpoint.path), unitIds.get(SIBLING)!, siblingUserId])];
      };
      const combos: Array<Record<string, string>> = [{}];
      for (const p of pathParams) {
        const next: Array<Record<string, string>> = [];
        for (const combo of combos) for (const value of candidates(p)) next.push({ ...combo, [p.name]: value });
        combos.splice(0, combos.length, ...next);
      }
      for (const combo of combos) {
        let url = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(combo[name] ?? unitIds.get(SIBLING)!));
        const requiredQuery = endpoint.parameters.filter((p) => p.in === 'query' && p.required);
        if (requiredQuery.length)
          url += `?${new URLSearchParams(requiredQuery.map((p): [string, string] => [p.name, sampleValue(p, unitIds.get(OWN)!)])).toString()}`;
        const res = await chair.get(url);
        trace('chair', url, res);
        if (res.statusCode !== 403 && res.statusCode !== 404) failures.push(`${url} → ${res.statusCode} (expected 403 or 404)`);
        const found = leaks(await bodyText(res));
        if (found.length) failures.push(`${url} → ${res.statusCode} shows ${found.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('the chair does see their own unit where units are listed (the test would be empty otherwise)', async () => {
    const own = DEMO_UNITS.find((u) => u.code === OWN)!;
    const unitLists = listEndpoints.filter((e) => /\/api\/(org-)?units$/.test(e.path));
    for (const endpoint of unitLists) {
      const res = await chair.get(listUrl(endpoint));
      expect(res.statusCode).toBe(200);
      expect(res.body.includes(unitIds.get(OWN)!) || res.body.includes(own.fullName) || res.body.includes(own.shortName)).toBe(true);
    }
  });
});
