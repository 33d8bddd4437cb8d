import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { loadDemoData } from '../../../scripts/demo/load-demo-data.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';
import { todayInVietnam } from '../../lib/dates.js';

interface Node {
  id: string;
  code: string;
  shortName: string;
  kind: string;
  parentId: string | null;
}

describe('GET /api/org-units on the demo tree', () => {
  let database: DatabaseHandle;
  let app: App;
  let ids: Map<string, string>;
  let admin: Client;
  const id = (code: string) => ids.get(code)!;
  const list = async (client: Client, query: string) => {
    const res = await client.get(`/api/org-units?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { asOf: string; items: Node[]; matchIds: string[] };
  };
  const byCode = (items: Node[]) => new Map(items.map((n) => [n.code, n]));

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    ids = await loadDemoData(database.db);
    admin = await signInAs(app, 'admin', 'Admin@2024');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('shows VT under KG on 01/06/2024 and VT10 under AG-XVT on 01/09/2025, KG gone', async () => {
    const before = byCode((await list(admin, 'asOf=2024-06-01')).items);
    expect(before.get('VT')?.parentId).toBe(id('KG'));
    expect(before.get('KG')?.parentId).toBe(id('TLD'));
    expect(before.get('VT10')?.parentId).toBe(id('VT'));
    expect(before.has('AG-XVT')).toBe(false);

    const after = await list(admin, 'asOf=2025-09-01');
    const map = byCode(after.items);
    expect(after.asOf).toBe('2025-09-01');
    expect(map.get('VT10')?.parentId).toBe(id('AG-XVT'));
    expect(map.get('AG-XVT')?.parentId).toBe(id('AG'));
    expect(map.has('KG')).toBe(false);
    expect(map.has('VT')).toBe(false);
    expect(map.has('VT02')).toBe(false);
  });

  it('sorts by level then short name and defaults to today', async () => {
    const res = await list(admin, 'asOf=2024-06-01');
    expect(res.items[0]!.code).toBe('TLD');
    expect(res.items.slice(1, 3).map((n) => n.code)).toEqual(['AG', 'KG']);
    expect((await list(admin, '')).asOf).toBe(todayInVietnam());
  });

  it('finds units without diacritics and returns their ancestors', async () => {
    const res = await list(admin, `asOf=2024-06-01&q=${encodeURIComponent('vinh thuan')}`);
    const map = byCode(res.items);
    const matchCodes = res.matchIds.map((m) => res.items.find((n) => n.id === m)!.code);
    expect(matchCodes).toContain('VT');
    expect(matchCodes).toContain('VT10');
    expect(matchCodes).not.toContain('KG');
    expect(map.has('KG')).toBe(true); // ancestor, for the path
    expect(map.has('TLD')).toBe(true);
    expect(map.has('AG')).toBe(false);

    const narrow = await list(admin, `asOf=2024-06-01&q=${encodeURIComponent('TRUNG TAM Y TE')}`);
    expect(narrow.matchIds).toEqual([id('VT14')]);
    expect(narrow.items.map((n) => n.code)).toEqual(['TLD', 'KG', 'VT', 'VT14']);

    const byCodeQuery = await list(admin, 'asOf=2025-09-01&q=ag-xv');
    expect(byCodeQuery.matchIds.sort()).toEqual([id('AG-XVB'), id('AG-XVP'), id('AG-XVT')].sort());
    expect(byCodeQuery.items.map((n) => n.code)).toEqual(['TLD', 'AG', 'AG-XVB', 'AG-XVP', 'AG-XVT']);
  });

  it('treats % and _ in the query as plain text', async () => {
    const res = await list(admin, `asOf=2024-06-01&q=${encodeURIComponent('%')}`);
    expect(res.items).toEqual([]);
    expect(res.matchIds).toEqual([]);
  });

  it('shows a grassroots chair only their own unit, without its parent', async () => {
    const chair = await signInAs(app, 'cdcs.thpt', 'Demo@2024');
    const res = await list(chair, 'asOf=2024-06-01');
    expect(res.items.map((n) => n.code)).toEqual(['VT10']);
    expect(res.items[0]!.parentId).toBeNull();
    expect((await list(chair, 'asOf=2024-06-01&q=vinh')).items.map((n) => n.code)).toEqual(['VT10']);
  });

  it('keeps a district federation seeing the units it once had, and no orphans once they moved outside its scope', async () => {
    const office = await signInAs(app, 'vanphong.vt', 'Demo@2024');
    const before = byCode((await list(office, 'asOf=2024-06-01')).items);
    expect(before.get('VT')?.parentId).toBeNull(); // KG is outside the district's scope
    expect(before.get('VT10')?.parentId).toBe(id('VT'));
    expect(before.has('KG')).toBe(false);
    // After 1 July 2025 its CĐCS sit under units outside its scope: the tree of that day
    // shows none of them as parentless roots (their pages and the past days still show them).
    const after = await list(office, 'asOf=2025-09-01');
    expect(after.items).toEqual([]);
    expect((await list(office, 'asOf=2025-09-01&q=vinh thuan')).items).toEqual([]);
    const page = await office.get(`/api/org-units/${id('VT10')}`);
    expect(page.statusCode).toBe(200);
  });

  it('rejects a malformed date with a Vietnamese field message', async () => {
    const res = await admin.get('/api/org-units?asOf=2024-13-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'asOf', message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' }]);
  });
});
