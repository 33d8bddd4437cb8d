import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../lib/access.js';
import { auditLog, targets } from '../../db/schema/index.js';
import { element, indicator, useIndicatorsApp } from '../indicators/indicators.fixtures.js';
import { issueProgram } from './issue-program.js';
import { sampleProgramBody } from './programs.fixtures.js';

interface Derived {
  program: { id: string; rowVersion: number; derivation: { uncarriedTargets: Array<{ sourceTargetId: string; reason: string }> } };
  needsAllocation: Array<{ sourceTargetId: string }>;
}

describe('POST /api/programs/:id/carry-targets (chỉ tiêu cấp trên phân bổ sau khi cụ thể hóa)', () => {
  const ctx = useIndicatorsApp();

  it('carries a total target once the district allocates it to the union, at its share, and only then', async () => {
    const { database, officerS, officerO, chairG1, tree } = ctx;
    // S's 2024 program with a total target: 02 houses, not allocated yet.
    const created = await officerS.post('/api/programs', sampleProgramBody(tree.s.id));
    expect(created.statusCode, created.body).toBe(201);
    const sourceId = created.json().id as string;
    const sum = await indicator(database.db, { measure: 'sum', numerator: await element(database.db, 'number', 'sum') });
    const houses = await officerS.post('/api/targets', {
      indicatorId: sum,
      programId: sourceId,
      code: '10',
      text: 'Vận động hỗ trợ 02 căn nhà Mái ấm công đoàn.',
      comparator: 'gte',
      value: 2,
      tolerance: 1,
      periodFrom: '2024-01',
      periodTo: '2024-12',
      scopeUnitId: tree.s.id,
    });
    expect(houses.statusCode, houses.body).toBe(201);
    const houseTarget = houses.json() as { id: string; rowVersion: number };
    await issueProgram(database.db, SYSTEM_ACTOR, sourceId);

    // G1's chair derives: the target is listed as not carried (no share for G1).
    const derived = await chairG1.post(`/api/programs/${sourceId}/derive`, { unitId: tree.g1.id });
    expect(derived.statusCode, derived.body).toBe(201);
    const { program } = derived.json() as Derived;
    expect(program.derivation.uncarriedTargets).toEqual([
      expect.objectContaining({ sourceTargetId: houseTarget.id, reason: 'not_allocated' }),
    ]);
    const url = `/api/programs/${program.id}/carry-targets`;

    // Nothing allocated yet: nothing carried, nothing written.
    const early = await chairG1.post(url, { expectedVersion: program.rowVersion });
    expect(early.statusCode, early.body).toBe(200);
    expect(early.json().rowVersion).toBe(program.rowVersion);
    expect(early.json().derivation.uncarriedTargets).toHaveLength(1);

    // The district allocates 1 to G1 and 1 to G2.
    const allocated = await officerS.put(`/api/targets/${houseTarget.id}/allocations`, {
      mode: 'manual',
      allocations: [
        { unitId: tree.g1.id, value: 1 },
        { unitId: tree.g2.id, value: 1 },
      ],
      expectedVersion: houseTarget.rowVersion,
    });
    expect(allocated.statusCode, allocated.body).toBe(200);

    // Outside the caller's scope: refused; at a stale version: refused.
    expect((await officerO.post(url, { expectedVersion: program.rowVersion })).statusCode).toBe(403);
    const carried = await chairG1.post(url, { expectedVersion: program.rowVersion });
    expect(carried.statusCode, carried.body).toBe(200);
    expect(carried.json().derivation.uncarriedTargets).toEqual([]);
    expect(carried.json().rowVersion).toBeGreaterThan(program.rowVersion);
    const stale = await chairG1.post(url, { expectedVersion: program.rowVersion });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');

    // G1's own target: its share, its sentence, its scope; audited.
    const [own] = await database.db
      .select()
      .from(targets)
      .where(and(eq(targets.programId, program.id), eq(targets.code, '10')));
    expect([Number(own!.value), own!.text, own!.scopeUnitId]).toEqual([1, 'Vận động hỗ trợ 01 căn nhà Mái ấm công đoàn.', tree.g1.id]);
    expect(Number(own!.tolerance)).toBe(0.5);
    const audits = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'program.carry_targets'), eq(auditLog.entityId, program.id)));
    expect(audits).toHaveLength(1);
    expect((audits[0]!.after as { carried: string[] }).carried).toEqual([houseTarget.id]);
  });
});
