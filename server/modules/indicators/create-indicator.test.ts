import { beforeAll, describe, expect, it } from 'vitest';
import { auditCount, auditRows, element, useIndicatorsApp } from './indicators.fixtures.js';

describe('POST /api/indicators (create-indicator)', () => {
  const ctx = useIndicatorsApp();
  const el = {} as { grade: string; reached: string; members: string; yes: string };

  beforeAll(async () => {
    const db = ctx.database.db;
    el.grade = await element(db, 'grade', 'last');
    el.reached = await element(db, 'number', 'sum');
    el.members = await element(db, 'number', 'last');
    el.yes = await element(db, 'boolean', 'any');
  });

  const base = { nameVi: 'Chỉ số', nameEn: 'Indicator' };

  it('adds a share of units by grade ("hoàn thành tốt" or better), audited', async () => {
    const res = await ctx.officerS.post('/api/indicators', {
      ...base,
      code: 'ty_le_cdcs_tot',
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      condition: { elementId: el.grade, operator: 'in', values: ['xuat_sac', 'tot'] },
    });
    expect(res.statusCode).toBe(201);
    const ind = res.json();
    expect(ind).toMatchObject({
      measure: 'share_of_units',
      direction: 'higher_is_better',
      unitKinds: ['grassroots_union'],
      condition: { elementId: el.grade, operator: 'in', number: null, values: ['xuat_sac', 'tot'] },
    });
    expect(await auditRows(ctx.database, ind.id)).toMatchObject([{ action: 'indicator.create' }]);
    expect((await ctx.viewerS.get('/api/indicators')).json().items.map((i: { id: string }) => i.id)).toContain(ind.id);
  });

  it('adds a count of units founded in non-state enterprises', async () => {
    const res = await ctx.admin.post('/api/indicators', {
      ...base,
      code: 'cdcs_moi_ngoai_nn',
      measure: 'count_of_records',
      unitOfMeasure: 'count',
      recordSource: 'unit_founded',
      recordFilter: { sector: 'non_state_enterprise' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ recordSource: 'unit_founded', recordFilter: { sector: 'non_state_enterprise' } });
  });

  it('refuses incoherent definitions with the field at fault and creates nothing', async () => {
    const before = await auditCount(ctx.database);
    const post = (body: object) => ctx.admin.post('/api/indicators', { ...base, code: 'sai', ...body });
    const cases: [object, string, string][] = [
      [
        { measure: 'ratio_of_sums', unitOfMeasure: 'percent', numeratorElementId: el.reached },
        'INDICATOR_ELEMENT_REQUIRED',
        'denominatorElementId',
      ],
      [
        { measure: 'sum', unitOfMeasure: 'count', numeratorElementId: el.reached, denominatorElementId: el.members },
        'INDICATOR_ELEMENT_NOT_ALLOWED',
        'denominatorElementId',
      ],
      [
        { measure: 'share_of_units', unitOfMeasure: 'count', condition: { elementId: el.yes, operator: 'is_true' } },
        'INDICATOR_PERCENT_REQUIRED',
        'unitOfMeasure',
      ],
      [
        { measure: 'share_of_units', unitOfMeasure: 'percent', condition: { elementId: el.grade, operator: 'in', values: ['gioi'] } },
        'INDICATOR_CONDITION_GRADE_UNKNOWN',
        'condition.values',
      ],
      [
        { measure: 'count_of_units', unitOfMeasure: 'count', condition: { elementId: el.yes, operator: '>=', number: 2 } },
        'INDICATOR_CONDITION_INVALID',
        'condition.operator',
      ],
      [{ measure: 'sum', unitOfMeasure: 'count', numeratorElementId: el.yes }, 'INDICATOR_ELEMENT_NOT_NUMBER', 'numeratorElementId'],
      [
        { measure: 'average_per_eligible_unit', unitOfMeasure: 'count', numeratorElementId: el.reached, eligibilityElementId: el.members },
        'INDICATOR_ELEMENT_NOT_BOOLEAN',
        'eligibilityElementId',
      ],
      [{ measure: 'count_of_records', unitOfMeasure: 'count' }, 'INDICATOR_RECORD_SOURCE_REQUIRED', 'recordSource'],
      [
        {
          measure: 'count_of_records',
          unitOfMeasure: 'count',
          recordSource: 'facts',
          numeratorElementId: el.reached,
          recordFilter: { sector: 'other' },
        },
        'INDICATOR_RECORD_FILTER_INVALID',
        'recordFilter.sector',
      ],
      [
        { measure: 'sum', unitOfMeasure: 'count', numeratorElementId: '00000000-0000-4000-8000-000000000000' },
        'INDICATOR_ELEMENT_NOT_FOUND',
        'numeratorElementId',
      ],
    ];
    for (const [body, code, field] of cases) {
      const res = await post(body);
      expect(res.statusCode, code).toBe(400);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.fields[0].field).toBe(field);
    }
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it('is refused to a grassroots officer', async () => {
    const res = await ctx.chairG1.post('/api/indicators', {
      ...base,
      code: 'cua_cdcs',
      measure: 'sum',
      unitOfMeasure: 'count',
      numeratorElementId: el.reached,
    });
    expect(res.statusCode).toBe(403);
  });
});
