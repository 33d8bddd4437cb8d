import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../common/activities.js';
import type { ActivityRecordInput } from '../../../common/api/activities.js';
import { createUnit } from '../../../test/factories.js';
import { queryRows } from '../../db/sql.js';
import type { Actor } from '../../lib/access.js';
import type { AppError } from '../../lib/errors.js';
import { activityCounts, activityInput, admitTestMember, createActivityWorld, type ActivityWorld } from './activities.fixtures.js';
import { createActivityRecord } from './create-activity-record.js';

describe('creating activity records (ghi hồ sơ hoạt động)', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await createActivityWorld();
  });
  afterAll(async () => w?.close());

  /** Runs a write that must be refused with the code, and proves nothing was written. */
  const refused = async (actor: Actor, input: ActivityRecordInput, code: string) => {
    const before = await activityCounts(w.database.db);
    const error = (await createActivityRecord(w.database.db, actor, input).catch((e: unknown) => e)) as AppError;
    expect(error.code, String(error)).toBe(code);
    expect(await activityCounts(w.database.db)).toEqual(before);
    return error;
  };

  /** Who writes each kind of A1's records in the tests: the chair, the district's inspector, the district officer above. */
  const writerOf = (kind: ActivityKind): Actor =>
    kind === 'classification' || kind === 'award'
      ? w.actors.officerA
      : kind.startsWith('inspection')
        ? w.actors.inspectorA
        : w.actors.chairA1;

  it('creates a record of every kind with its columns, people and audit entry', async () => {
    for (const kind of ACTIVITY_KINDS) {
      const needsMember = ['training', 'legal_case', 'party_introduction', 'welfare', 'award'].includes(kind);
      const input = activityInput(kind, { unitId: w.units.a1, memberId: needsMember ? w.members.a1 : undefined, occurredOn: '2025-03-10' });
      const record = await createActivityRecord(w.database.db, writerOf(kind), input);
      expect(record).toMatchObject({
        kind,
        unitId: w.units.a1,
        occurredOn: '2025-03-10',
        rowVersion: 1,
        writable: true,
        reasonRequired: false,
      });
      const [audit] = await queryRows<{ n: number }>(
        w.database.db,
        sql`select count(*)::int as n from audit_log where action = 'activity_record.create' and entity_id = ${record.id}`,
      );
      expect(audit!.n).toBe(1);
      if (needsMember)
        expect(record.people).toEqual([
          expect.objectContaining({ memberId: w.members.a1, fullName: 'Nguyễn Thị Hoà', unionPosition: 'member' }),
        ]);
      if (kind === 'welfare') expect(record.amountVnd).toBe(70_000_000);
      if (kind === 'emulation_work') expect(record.amountVnd).toBe(15_000_000);
      if (kind === 'party_source' || kind === 'classification' || kind === 'inspection_plan') expect(record.year).toBe(2025);
      if (kind === 'inspection') expect(record.subjectUnitId).toBe(w.units.a1);
    }
  });

  it('keeps the searchable text folded and the union position as it was at the write', async () => {
    const record = await createActivityRecord(
      w.database.db,
      w.actors.chairA1,
      activityInput('campaign', {
        unitId: w.units.a1,
        memberId: w.members.a1b,
        title: 'Tháng Công nhân: Đồng hành',
        occurredOn: '2025-05-02',
      }),
    );
    const [row] = await queryRows<{ search_folded: string }>(
      w.database.db,
      sql`select search_folded from activity_records where id = ${record.id}::uuid`,
    );
    expect(row!.search_folded).toContain('thang cong nhan: dong hanh');
    expect(row!.search_folded).toContain('tran van binh');
  });

  it('refuses each bad input with its code and writes nothing', async () => {
    const a1 = w.units.a1;
    const chair = w.actors.chairA1;
    await refused(chair, activityInput('training', { unitId: a1, occurredOn: '2099-01-01' }), 'ACTIVITY_DATE_IN_FUTURE');
    await refused(
      w.actors.officerA,
      activityInput('classification', { unitId: a1, occurredOn: '2025-03-10', details: { year: 2024 } }),
      'ACTIVITY_DATE_OUTSIDE_YEAR',
    );
    // A member of another union, on the date.
    const e = await refused(chair, activityInput('training', { unitId: a1, memberId: w.members.b1 }), 'ACTIVITY_PERSON_NOT_MEMBER');
    expect(e.params).toMatchObject({ name: 'Lê Văn Cường', unit: 'CĐCS A1', date: '10/03/2025' });
    // Not yet a member on the date (admitted 15/01/2024).
    await refused(
      chair,
      activityInput('training', { unitId: a1, memberId: w.members.a1, occurredOn: '2023-12-01' }),
      'ACTIVITY_PERSON_NOT_MEMBER',
    );
    await refused(chair, activityInput('legal_case', { unitId: a1 }), 'ACTIVITY_MEMBER_CONCERNED_REQUIRED');
    await refused(chair, activityInput('party_introduction', { unitId: a1 }), 'ACTIVITY_INTRODUCED_EXACTLY_ONE');
    await refused(
      chair,
      activityInput('party_introduction', {
        unitId: a1,
        people: [
          { memberId: w.members.a1, role: 'introduced' },
          { memberId: w.members.a1b, role: 'introduced' },
        ],
      }),
      'ACTIVITY_INTRODUCED_EXACTLY_ONE',
    );
    await refused(
      chair,
      activityInput('welfare', { unitId: a1, details: { welfareKind: 'mai_am_house', houseWork: 'repair' } }),
      'ACTIVITY_BENEFICIARY_EXACTLY_ONE',
    );
    await refused(
      w.actors.officerA,
      activityInput('award', {
        unitId: a1,
        people: [
          { memberId: w.members.a1, role: 'recipient' },
          { memberId: w.members.a1b, role: 'recipient' },
        ],
      }),
      'ACTIVITY_RECIPIENT_AT_MOST_ONE',
    );
    await refused(
      chair,
      activityInput('training', { unitId: a1, people: [{ memberId: w.members.a1, role: 'beneficiary' }] }),
      'ACTIVITY_PERSON_ROLE_INVALID',
    );
    await refused(
      chair,
      activityInput('training', {
        unitId: a1,
        people: [
          { memberId: w.members.a1, role: 'participant' },
          { memberId: w.members.a1, role: 'participant' },
        ],
      }),
      'ACTIVITY_PERSON_DUPLICATE',
    );
    // An inspection of a unit outside the inspecting unit's subtree.
    await refused(
      w.actors.inspectorA,
      activityInput('inspection', { unitId: w.units.a2, inspectedUnitId: a1 }),
      'ACTIVITY_INSPECTED_OUT_OF_SCOPE',
    );
    // A second plan, "còn nguồn" or classification of the same year.
    await createActivityRecord(w.database.db, chair, activityInput('party_source', { unitId: w.units.a1, occurredOn: '2024-06-01' }));
    await refused(chair, activityInput('party_source', { unitId: a1, occurredOn: '2024-11-01' }), 'ACTIVITY_ONE_PER_YEAR');
  });

  it('inspects its own subtree, and refuses "chưa xếp loại" unless the union was founded that year', async () => {
    const inspection = await createActivityRecord(
      w.database.db,
      w.actors.inspectorA,
      activityInput('inspection', { unitId: w.units.districtA, inspectedUnitId: w.units.a2 }),
    );
    expect(inspection.subjectUnitId).toBe(w.units.a2);
    await refused(
      w.actors.officerA,
      activityInput('classification', { unitId: w.units.a2, occurredOn: '2025-12-20', details: { grade: 'not_classified' } }),
      'ACTIVITY_NOT_CLASSIFIED_NOT_ALLOWED',
    );
    const young = await createUnit(w.database.db, { parentId: w.units.districtA, validFrom: '2025-06-01', code: 'A9' });
    const ok = await createActivityRecord(
      w.database.db,
      w.actors.officerA,
      activityInput('classification', { unitId: young.id, occurredOn: '2025-12-20', details: { grade: 'not_classified', score: null } }),
    );
    expect(ok.details).toMatchObject({ grade: 'not_classified' });
    await refused(
      w.actors.officerA,
      activityInput('classification', { unitId: young.id, occurredOn: '2024-12-20' }),
      'ACTIVITY_UNIT_NOT_IN_YEAR',
    );
    await refused(
      w.actors.admin,
      activityInput('classification', { unitId: w.units.districtA, occurredOn: '2025-12-20' }),
      'ACTIVITY_UNIT_NOT_GRASSROOTS',
    );
  });

  it('gives the write to whoever holds the unit on the date, with the kind’s permission', async () => {
    // Classification and award: the federation above, never the CĐCS itself (not even an officer assigned to it).
    await refused(w.actors.chairA1, activityInput('classification', { unitId: w.units.a1, occurredOn: '2025-12-01' }), 'FORBIDDEN');
    await refused(w.actors.officerAtA1, activityInput('classification', { unitId: w.units.a1, occurredOn: '2025-12-01' }), 'FORBIDDEN');
    await refused(w.actors.chairA1, activityInput('award', { unitId: w.units.a1 }), 'FORBIDDEN');
    // Another union's records, a viewer, and a unit that does not exist.
    await refused(w.actors.chairA1, activityInput('training', { unitId: w.units.a2 }), 'FORBIDDEN');
    await refused(w.actors.officerB, activityInput('training', { unitId: w.units.a1 }), 'FORBIDDEN');
    await refused(w.actors.viewerA, activityInput('training', { unitId: w.units.a1 }), 'FORBIDDEN');
    await refused(w.actors.chairA1, activityInput('training', { unitId: '00000000-0000-4000-8000-000000000001' }), 'FORBIDDEN');
    // An inspector keeps inspections, not trainings.
    await refused(w.actors.inspectorA, activityInput('training', { unitId: w.units.a1 }), 'FORBIDDEN');
  });

  it('answers the rules over HTTP with a Vietnamese message and the field marked', async () => {
    const member = await admitTestMember(w.database.db, w.units.a2, 'Phạm Thị Dung');
    const res = await w.clients.chairA1.post('/api/activities', activityInput('training', { unitId: w.units.a1, memberId: member }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'ACTIVITY_PERSON_NOT_MEMBER',
      message: 'Phạm Thị Dung không phải đoàn viên của CĐCS A1 vào ngày 10/03/2025.',
    });
    const created = await w.clients.chairA1.post(
      '/api/activities',
      activityInput('training', { unitId: w.units.a1, memberId: w.members.a1 }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'training',
      unitName: 'CĐCS A1',
      allowedActions: ['edit', 'delete'],
      reasonRequired: false,
    });
  });
});
