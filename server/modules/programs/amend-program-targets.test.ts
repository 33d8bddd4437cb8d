// Issue 10, "Amendments and corrections": an amendment carries its targets, and
// progress, breakdowns and derived programs follow the version in force on the
// as-of date; the catalogue refuses edits that would change computed figures;
// bounded ratios refuse targets above 100 %. On the demo data (VT 2024).
import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/app.js';
import { rowVersionOf } from '../../../test/factories.js';
import { useDemoApp } from './demo.fixtures.js';

interface Target {
  id: string;
  code: string | null;
  value: number;
  previousTargetId: string | null;
  rowVersion: number;
  indicatorId: string;
}
interface Progress {
  targetId: string;
  programId: string;
  code: string | null;
  targetValue: number;
}

describe('an amendment carries its targets (sửa đổi, bổ sung)', () => {
  const ctx = useDemoApp();

  const progressOf = async (query: string) => {
    const res = await ctx.officer.get(`/api/targets/progress?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Progress[] }).items;
  };

  it('copies the targets, changes one, and moves progress from the issue date on — not before', async () => {
    const { officer, database } = ctx;
    const v1Targets = (await officer.get(`/api/targets?programId=${ctx.programId}`)).json().items as Target[];
    expect(v1Targets).toHaveLength(11);

    const draft = await officer.post(`/api/programs/${ctx.programId}/amend`, { reason: 'Tăng chỉ tiêu Mái ấm công đoàn' });
    expect(draft.statusCode, draft.body).toBe(201);
    const v2 = draft.json() as { id: string; number: number };
    // Its own number (the original keeps 02).
    expect(v2.number).toBe(3);

    // GET /api/targets?programId=<v2> returns v2's targets, each continuing one of v1.
    const v2Targets = (await officer.get(`/api/targets?programId=${v2.id}`)).json().items as Target[];
    expect(v2Targets).toHaveLength(11);
    expect(v2Targets.map((t) => t.previousTargetId).sort()).toEqual(v1Targets.map((t) => t.id).sort());
    const t10 = v2Targets.find((t) => t.code === '10')!;
    expect(t10.value).toBe(2);

    // The amendment editor changes target 10's value: 02 → 03 căn.
    const edited = await officer.patch(`/api/targets/${t10.id}`, {
      expectedVersion: t10.rowVersion,
      value: 3,
      text: 'Vận động xây dựng 03 căn nhà "Mái ấm công đoàn".',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    // …and retires target 7b on the new version.
    const t7b = v2Targets.find((t) => t.code === '7b')!;
    expect((await officer.post(`/api/targets/${t7b.id}/archive`, { expectedVersion: t7b.rowVersion })).statusCode).toBe(200);

    // While the amendment is a draft, progress stays on v1 (and v1's history is untouched).
    const beforeIssue = await progressOf(`programId=${ctx.programId}&asOf=2024-07-31`);
    expect(beforeIssue.find((p) => p.code === '10')!.targetValue).toBe(2);

    // Issued on 15/06/2024.
    const patch = await officer.patch(`/api/programs/${v2.id}`, {
      expectedVersion: await rowVersionOf(database.db, 'programs', v2.id),
      issuedOn: '2024-06-15',
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const issued = await officer.post(`/api/programs/${v2.id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);

    // As of a date before the issue: version 1's value; after: version 2's — by program (v1 or v2) and on the dashboard.
    for (const query of [`programId=${ctx.programId}`, `programId=${v2.id}`, '']) {
      const before = await progressOf(`${query}&asOf=2024-05-31`);
      const after = await progressOf(`${query}&asOf=2024-11-30`);
      expect(before.find((p) => p.code === '10')!.targetValue, query).toBe(2);
      expect(after.find((p) => p.code === '10')!.targetValue, query).toBe(3);
      // Each target counted once; 7b retired from the issue date on.
      expect(before.filter((p) => p.code === '10')).toHaveLength(1);
      expect(after.filter((p) => p.code === '10')).toHaveLength(1);
      expect(before.some((p) => p.code === '7b')).toBe(true);
      expect(after.some((p) => p.code === '7b')).toBe(false);
    }

    // A breakdown asked for v1's target follows the version in force.
    const t10v1 = v1Targets.find((t) => t.code === '10')!;
    const breakdown = await officer.get(`/api/targets/${t10v1.id}/breakdown?asOf=2024-11-30`);
    expect(breakdown.statusCode, breakdown.body).toBe(200);

    // The superseded version's targets stay readable in its history.
    const history = (await officer.get(`/api/targets?programId=${ctx.programId}`)).json().items as Target[];
    expect(history.find((t) => t.code === '10')!.value).toBe(2);

    // The version diff lists the measured changes.
    const versions = (await officer.get(`/api/programs/${v2.id}/versions`)).json() as Array<{
      version: number;
      changes: { measured?: Array<{ code: string; change: string; fields: string[] }> } | null;
    }>;
    const measured = versions.find((v) => v.version === 2)!.changes!.measured!;
    expect(measured).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '10', change: 'edited', fields: ['value', 'text'] }),
        expect.objectContaining({ code: '7b', change: 'retired' }),
      ]),
    );

    // A derived program after the amendment carries the new value (target 10: allocated to nobody → listed;
    // target 1, a percentage, inherited from v2).
    const derived = await officer.post(`/api/programs/${v2.id}/derive`, { unitId: ctx.unitIds.get('VT10') });
    expect(derived.statusCode, derived.body).toBe(201);
    const body = derived.json() as {
      program: { id: string; content: { legalBasis: string[] } };
      inheritedTargets: Array<{ sourceTargetId: string; code: string }>;
      needsAllocation: Array<{ sourceTargetId: string; code: string; value: number }>;
    };
    expect(body.needsAllocation.find((t) => t.code === '10')).toMatchObject({ sourceTargetId: t10.id, value: 3 });
    expect(body.inheritedTargets.every((t) => v2Targets.some((x) => x.id === t.sourceTargetId))).toBe(true);
    // It cites the amendment by its own number and date.
    expect(body.program.content.legalBasis[0]).toContain('03/CTr-LĐLĐ ngày 15/06/2024');
  });

  it('refuses an edit of the catalogue that would change computed figures, allows one that does not', async () => {
    const { admin } = ctx;
    const elements = (await admin.get('/api/data-elements')).json().items as Array<{
      id: string;
      code: string;
      rowVersion: number;
      aggregation: string;
    }>;
    const reached = elements.find((e) => e.code === 'propaganda_reached')!;
    const other = reached.aggregation === 'sum' ? 'last' : 'sum';
    const refused = await admin.patch(`/api/data-elements/${reached.id}`, { expectedVersion: reached.rowVersion, aggregation: other });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DATA_ELEMENT_MEANING_IN_USE');
    expect(refused.json().error.message).toMatch(/Hãy tạo dữ liệu báo cáo mới\.$/);
    const renamed = await admin.patch(`/api/data-elements/${reached.id}`, {
      expectedVersion: reached.rowVersion,
      nameVi: 'Số người được tuyên truyền (lượt)',
      allowsNotApplicable: true,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      nameVi: 'Số người được tuyên truyền (lượt)',
      allowsNotApplicable: true,
      aggregation: reached.aggregation,
    });
    // A stale save is refused.
    const stale = await admin.patch(`/api/data-elements/${reached.id}`, { expectedVersion: reached.rowVersion, nameEn: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');

    const indicators = (await admin.get('/api/indicators')).json().items as Array<{ id: string; code: string; rowVersion: number }>;
    const reach = indicators.find((i) => i.code === 'propaganda_reach_rate')!;
    const direction = await admin.patch(`/api/indicators/${reach.id}`, { expectedVersion: reach.rowVersion, direction: 'lower_is_better' });
    expect(direction.json().error.code).toBe('INDICATOR_MEANING_IN_USE');
    expect(direction.json().error.message).toMatch(/Hãy tạo chỉ số mới\.$/);
  });

  it('refuses 120 % on a bounded ratio, accepts it on an unbounded one', async () => {
    const { officer, admin } = ctx;
    const indicators = (await admin.get('/api/indicators')).json().items as Array<{ id: string; code: string; bounded: boolean }>;
    const reach = indicators.find((i) => i.code === 'propaganda_reach_rate')!;
    const lawsuits = indicators.find((i) => i.code === 'labour_lawsuits_supported_rate')!;
    expect([reach.bounded, lawsuits.bounded]).toEqual([true, true]);
    const body = (indicatorId: string) => ({
      indicatorId,
      text: 'Tỷ lệ 120%',
      comparator: 'gte',
      value: 120,
      periodFrom: '2024-01',
      periodTo: '2024-12',
      scopeUnitId: ctx.unitIds.get('VT'),
    });
    for (const id of [reach.id, lawsuits.id]) {
      const res = await officer.post('/api/targets', body(id));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('TARGET_PERCENT_OVER_100');
    }
    // An unbounded ratio (e.g. dues collected against the plan) may go over 100 %.
    const elements = (await admin.get('/api/data-elements')).json().items as Array<{ id: string; code: string }>;
    const created = await admin.post('/api/indicators', {
      code: 'test_unbounded_ratio',
      nameVi: 'Tỷ lệ thu so với kế hoạch',
      nameEn: 'Collected against plan',
      measure: 'ratio_of_sums',
      unitOfMeasure: 'percent',
      numeratorElementId: elements.find((e) => e.code === 'propaganda_reached')!.id,
      denominatorElementId: elements.find((e) => e.code === 'members_and_workers')!.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().bounded).toBe(false);
    expect((await officer.post('/api/targets', body(created.json().id))).statusCode).toBe(201);
  });

  it('corrects a target of an issued program only with a reason; a superseded version’s targets stay as they were', async () => {
    const { officer } = ctx;
    const chair = await signInAs(ctx.app, 'cdcs.thpt', 'Demo@2024');
    const v1Targets = (await officer.get(`/api/targets?programId=${ctx.programId}`)).json().items as Target[];
    const old = v1Targets.find((t) => t.code === '1')!;
    const superseded = await officer.patch(`/api/targets/${old.id}`, { expectedVersion: old.rowVersion, value: 97, reason: 'x' });
    expect(superseded.json().error.code).toBe('TARGET_VERSION_SUPERSEDED');
    expect((await chair.patch(`/api/targets/${old.id}`, { expectedVersion: old.rowVersion, value: 97 })).statusCode).toBe(403);
  });

  it('list rows say what each caller may do (allowedActions), as the writes decide', async () => {
    const { officer, admin, chair } = ctx;
    type Row = Target & { allowedActions?: string[]; programStatus?: string | null };
    const list = async (client: typeof officer, url: string) => {
      const res = await client.get(url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Row[];
    };
    const versions = (await officer.get(`/api/programs/${ctx.programId}/versions`)).json() as Array<{ id: string; status: string }>;
    const v2 = versions.find((v) => v.status === 'issued')!.id;

    // The officer of VT writes its 2024 targets (as of 31/12/2024, when VT still held its units):
    // the version in force may be corrected, the superseded one is history.
    const current = await list(officer, `/api/targets?programId=${v2}`);
    expect(current.length).toBeGreaterThan(0);
    for (const r of current) {
      expect(r.allowedActions).toEqual(['edit', 'archive', 'allocate']);
      expect(r.programStatus).toBe('issued');
    }
    for (const r of await list(officer, `/api/targets?programId=${ctx.programId}`)) {
      expect(r.allowedActions).toEqual([]);
      expect(r.programStatus).toBe('superseded');
    }
    // A chair reads the district's targets but may change none; what the list offers, the write refuses.
    const seen = await list(chair, `/api/targets?programId=${v2}`);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.allowedActions!.length === 0)).toBe(true);
    const one = seen[0]!;
    expect((await chair.post(`/api/targets/${one.id}/archive`, { expectedVersion: one.rowVersion, reason: 'x' })).statusCode).toBe(403);

    // The shared catalogue: the administrator edits (and archives elements); the officer of a
    // federation that has ended (requireHoldsAnyUnit) and a chair do not.
    const adminElements = await list(admin, '/api/data-elements');
    expect(adminElements.every((e) => JSON.stringify(e.allowedActions) === JSON.stringify(['edit', 'archive']))).toBe(true);
    expect((await list(admin, '/api/indicators')).every((i) => JSON.stringify(i.allowedActions) === JSON.stringify(['edit']))).toBe(true);
    for (const client of [officer, chair]) {
      expect((await list(client, '/api/data-elements')).every((e) => e.allowedActions!.length === 0)).toBe(true);
      expect((await list(client, '/api/indicators')).every((i) => i.allowedActions!.length === 0)).toBe(true);
    }
    const element = adminElements[0]!;
    const refused = await officer.patch(`/api/data-elements/${element.id}`, { expectedVersion: element.rowVersion, nameEn: 'x' });
    expect(refused.statusCode).toBe(403);
  });

  it('corrects the help text of a data element at any time (an empty one clears it)', async () => {
    const { admin } = ctx;
    const elements = (await admin.get('/api/data-elements')).json().items as Array<{ id: string; code: string; rowVersion: number }>;
    const houses = elements.find((e) => e.code === 'mai_am_houses_supported')!;
    const set = await admin.patch(`/api/data-elements/${houses.id}`, {
      expectedVersion: houses.rowVersion,
      helpVi: 'Số căn nhà Mái ấm công đoàn được hỗ trợ xây mới hoặc sửa chữa trong tháng.',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().helpVi).toBe('Số căn nhà Mái ấm công đoàn được hỗ trợ xây mới hoặc sửa chữa trong tháng.');
    const cleared = await admin.patch(`/api/data-elements/${houses.id}`, { expectedVersion: set.json().rowVersion, helpVi: '' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().helpVi).toBeNull();
  });
});
