import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { loadDemoData } from '../../../scripts/demo/load-demo-data.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { App } from '../../lib/http.js';

describe('GET /api/org-units/:id', () => {
  let database: DatabaseHandle;
  let app: App;
  let ids: Map<string, string>;
  let admin: Client;
  const id = (code: string) => ids.get(code)!;

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

  it('shows an ended unit with its parent on its last day, its link and its children as of a date', async () => {
    const res = await admin.get(`/api/org-units/${id('KG')}?asOf=2024-06-01`);
    expect(res.statusCode).toBe(200);
    const kg = res.json();
    expect(kg).toMatchObject({ code: 'KG', validTo: '2025-06-30', parentId: id('TLD'), kind: 'province_federation' });
    expect(kg.parents).toEqual([
      expect.objectContaining({ parentId: id('TLD'), parentCode: 'TLD', validFrom: '1976-01-01', validTo: '2025-06-30' }),
    ]);
    expect(kg.links).toEqual([
      expect.objectContaining({
        kind: 'merged_into',
        direction: 'out',
        otherUnitId: id('AG'),
        otherCode: 'AG',
        effectiveDate: '2025-07-01',
      }),
    ]);
    expect(kg.children.map((c: { code: string }) => c.code)).toEqual(['VT']);

    const ag = (await admin.get(`/api/org-units/${id('AG')}?asOf=2025-09-01`)).json();
    expect(ag.links).toEqual([expect.objectContaining({ kind: 'merged_into', direction: 'in', otherCode: 'KG' })]);
    expect(ag.children.map((c: { code: string }) => c.code)).toContain('AG-XVT');
  });

  it("says where an abolished federation's units went and when (next parent, else the unit they merged into)", async () => {
    const leader = await signInAs(app, 'lanhdao.vt', 'Demo@2024');
    const vt = (await leader.get(`/api/org-units/${id('VT')}`)).json();
    expect(vt.children).toEqual([]);
    const byCode = new Map(vt.departures.map((d: { code: string }) => [d.code, d]));
    expect(byCode.get('VT10')).toMatchObject({
      leftOn: '2025-06-30',
      to: { kind: 'parent', id: id('AG-XVT'), code: 'AG-XVT', from: '2025-07-01', visible: false },
    });
    expect(byCode.get('VT02')).toMatchObject({ leftOn: '2025-06-30', to: { kind: 'merged_into', code: 'AG-CQVT', from: '2025-07-01' } });
    // Each either went somewhere or ended there.
    expect(vt.departures.filter((d: { to: unknown; ended: boolean }) => d.to === null && !d.ended)).toEqual([]);
  });

  it('lists the parent history in order', async () => {
    const vt10 = (await admin.get(`/api/org-units/${id('VT10')}`)).json();
    expect(
      vt10.parents.map((p: { parentCode: string; validFrom: string; validTo: string | null }) => [p.parentCode, p.validFrom, p.validTo]),
    ).toEqual([
      ['VT', '2005-01-01', '2025-06-30'],
      ['AG-XVT', '2025-07-01', null],
    ]);
    expect(vt10.parentId).toBe(id('AG-XVT'));
  });

  it('answers 404 to an administrator for an unknown id, 403 to others for unknown and out-of-scope ids', async () => {
    const unknown = crypto.randomUUID();
    expect((await admin.get(`/api/org-units/${unknown}`)).statusCode).toBe(404);
    const chair = await signInAs(app, 'cdcs.thpt', 'Demo@2024');
    const own = await chair.get(`/api/org-units/${id('VT10')}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().parentId).toBeNull();
    // Its federations are named in its history but are not pages the chair may open.
    expect(own.json().parents.map((p: { parentCode: string; visible: boolean }) => [p.parentCode, p.visible])).toEqual([
      ['VT', false],
      ['AG-XVT', false],
    ]);
    expect((await admin.get(`/api/org-units/${id('VT10')}`)).json().parents.every((p: { visible: boolean }) => p.visible)).toBe(true);
    const sibling = await chair.get(`/api/org-units/${id('VT11')}`);
    const missing = await chair.get(`/api/org-units/${unknown}`);
    expect(sibling.statusCode).toBe(403);
    expect(missing.statusCode).toBe(403);
    expect(sibling.json()).toEqual(missing.json());
    expect(sibling.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
  });

  it('hides children outside the caller scope', async () => {
    const office = await signInAs(app, 'vanphong.vt', 'Demo@2024');
    const vt = (await office.get(`/api/org-units/${id('VT')}?asOf=2024-06-01`)).json();
    expect(vt.parentId).toBeNull(); // KG is outside a district officer's scope
    expect(vt.children).toHaveLength(20);
  });
});
