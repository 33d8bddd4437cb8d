import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityRecordInput } from '../../../common/api/activities.js';
import { queryRows } from '../../db/sql.js';
import type { AppError } from '../../lib/errors.js';
import { activityCounts, activityInput, createActivityWorld, reportOfMonth, type ActivityWorld } from './activities.fixtures.js';
import { createActivityRecord } from './create-activity-record.js';
import { deleteActivityRecord } from './delete-activity-record.js';
import { getActivityRecord } from './get-activity-record.js';
import { updateActivityRecord } from './update-activity-record.js';

describe('editing and deleting activity records', () => {
  let w: ActivityWorld;
  beforeAll(async () => {
    w = await createActivityWorld();
  });
  afterAll(async () => w?.close());

  const create = (input: ActivityRecordInput) => createActivityRecord(w.database.db, w.actors.chairA1, input);
  const audits = (id: string) =>
    queryRows<{ action: string; before: unknown; after: Record<string, unknown> | null }>(
      w.database.db,
      sql`select action, before, after from audit_log where entity_type = 'activity_record' and entity_id = ${id} order by at, id`,
    );
  /** Runs a write that must be refused (started only once the counts are read), and proves nothing was written. */
  const failure = async (run: () => Promise<unknown>) => {
    const before = await activityCounts(w.database.db);
    const error = (await run().catch((e: unknown) => e)) as AppError;
    expect(await activityCounts(w.database.db)).toEqual(before);
    return error;
  };

  it('edits a record with the version it was read at, and audits before and after', async () => {
    const record = await create(activityInput('training', { unitId: w.units.a1, memberId: w.members.a1, occurredOn: '2025-02-03' }));
    const input = activityInput('training', {
      unitId: w.units.a1,
      occurredOn: '2025-02-04',
      title: 'Tập huấn Bộ luật Lao động',
      people: [
        { memberId: w.members.a1, role: 'participant' },
        { memberId: w.members.a1b, role: 'participant' },
      ],
      details: { membersReached: 55 },
    });
    const updated = await updateActivityRecord(w.database.db, w.actors.chairA1, record.id, { record: input, expectedVersion: 1 });
    expect(updated).toMatchObject({ title: 'Tập huấn Bộ luật Lao động', occurredOn: '2025-02-04', rowVersion: 2 });
    expect(updated.details).toMatchObject({ membersReached: 55 });
    expect(updated.people.map((p) => p.memberId).sort()).toEqual([w.members.a1, w.members.a1b].sort());
    const log = await audits(record.id);
    expect(log.map((a) => a.action)).toEqual(['activity_record.create', 'activity_record.update']);
    expect(log[1]!.after).toMatchObject({ title: 'Tập huấn Bộ luật Lao động' });

    // The version read before the edit is stale now: 409, nothing written.
    const stale = await failure(() =>
      updateActivityRecord(w.database.db, w.actors.chairA1, record.id, { record: input, expectedVersion: 1 }),
    );
    expect(stale.code).toBe('STALE_WRITE');
    expect(stale.status).toBe(409);
    const staleDelete = await failure(() => deleteActivityRecord(w.database.db, w.actors.chairA1, record.id, { expectedVersion: 1 }));
    expect(staleDelete.code).toBe('STALE_WRITE');
  });

  it('refuses a change of kind, and a move to a unit the writer does not hold', async () => {
    const record = await create(activityInput('campaign', { unitId: w.units.a1 }));
    const kind = await failure(() =>
      updateActivityRecord(w.database.db, w.actors.chairA1, record.id, {
        record: activityInput('training', { unitId: w.units.a1 }),
        expectedVersion: 1,
      }),
    );
    expect(kind.code).toBe('ACTIVITY_KIND_FIXED');
    const moved = await failure(() =>
      updateActivityRecord(w.database.db, w.actors.chairA1, record.id, {
        record: activityInput('campaign', { unitId: w.units.a2 }),
        expectedVersion: 1,
      }),
    );
    expect(moved.code).toBe('FORBIDDEN');
    // The district holds both: it moves the record.
    const ok = await updateActivityRecord(w.database.db, w.actors.officerA, record.id, {
      record: activityInput('campaign', { unitId: w.units.a2 }),
      expectedVersion: 1,
    });
    expect(ok.unitId).toBe(w.units.a2);
    // …and the chair of A1 no longer writes (nor reads) it.
    expect(((await getActivityRecord(w.database.db, w.actors.chairA1, record.id).catch((e: unknown) => e)) as AppError).code).toBe(
      'FORBIDDEN',
    );
    const rules = await failure(() =>
      updateActivityRecord(w.database.db, w.actors.officerA, record.id, {
        record: activityInput('campaign', { unitId: w.units.a2, memberId: w.members.a1 }),
        expectedVersion: 2,
      }),
    );
    expect(rules.code).toBe('ACTIVITY_PERSON_NOT_MEMBER');
  });

  it('needs a reason once a report covering the month was submitted, and keeps it in the audit entry', async () => {
    const record = await create(activityInput('training', { unitId: w.units.a1, occurredOn: '2025-04-08' }));
    expect(record.reasonRequired).toBe(false);
    await reportOfMonth(w.database.db, w.units.a1, '2025-04', 'draft');
    expect((await getActivityRecord(w.database.db, w.actors.chairA1, record.id)).reasonRequired).toBe(false);
    await reportOfMonth(w.database.db, w.units.a1, '2025-04', 'submitted');
    expect((await getActivityRecord(w.database.db, w.actors.chairA1, record.id)).reasonRequired).toBe(true);

    const input = activityInput('training', { unitId: w.units.a1, occurredOn: '2025-04-08', title: 'Sửa sau khi nộp' });
    const noReason = await failure(() =>
      updateActivityRecord(w.database.db, w.actors.chairA1, record.id, { record: input, expectedVersion: 1 }),
    );
    expect(noReason.code).toBe('ACTIVITY_REASON_REQUIRED');
    expect(noReason.fields[0]?.field).toBe('reason');
    // Moving a record INTO a reported month needs one too.
    const other = await create(activityInput('training', { unitId: w.units.a1, occurredOn: '2025-06-08' }));
    const intoReported = await failure(() =>
      updateActivityRecord(w.database.db, w.actors.chairA1, other.id, {
        record: activityInput('training', { unitId: w.units.a1, occurredOn: '2025-04-20' }),
        expectedVersion: 1,
      }),
    );
    expect(intoReported.code).toBe('ACTIVITY_REASON_REQUIRED');

    await updateActivityRecord(w.database.db, w.actors.chairA1, record.id, {
      record: input,
      expectedVersion: 1,
      reason: 'Ghi sai số người',
    });
    const noDeleteReason = await failure(() => deleteActivityRecord(w.database.db, w.actors.chairA1, record.id, { expectedVersion: 2 }));
    expect(noDeleteReason.code).toBe('ACTIVITY_REASON_REQUIRED');
    await deleteActivityRecord(w.database.db, w.actors.chairA1, record.id, { expectedVersion: 2, reason: 'Ghi trùng' });
    const log = await audits(record.id);
    expect(log.map((a) => a.action)).toEqual(['activity_record.create', 'activity_record.update', 'activity_record.delete']);
    expect(log[1]!.after).toMatchObject({ reason: 'Ghi sai số người' });
    expect(log[2]!.after).toMatchObject({ reason: 'Ghi trùng' });
  });

  it('deletes softly: kept with who and why, gone from reads, a second delete refused', async () => {
    const record = await create(activityInput('emulation_work', { unitId: w.units.a1 }));
    await deleteActivityRecord(w.database.db, w.actors.chairA1, record.id, { expectedVersion: 1, reason: 'Nhập nhầm' });
    const [row] = await queryRows<{ deleted_at: unknown; deleted_by: string; delete_reason: string }>(
      w.database.db,
      sql`select deleted_at, deleted_by::text as deleted_by, delete_reason from activity_records where id = ${record.id}::uuid`,
    );
    expect(row).toMatchObject({ deleted_by: w.actors.chairA1.userId, delete_reason: 'Nhập nhầm' });
    expect(row!.deleted_at).not.toBeNull();
    expect(((await getActivityRecord(w.database.db, w.actors.chairA1, record.id).catch((e: unknown) => e)) as AppError).code).toBe(
      'FORBIDDEN',
    );
    expect(((await getActivityRecord(w.database.db, w.actors.admin, record.id).catch((e: unknown) => e)) as AppError).code).toBe(
      'NOT_FOUND',
    );
    const again = await failure(() => deleteActivityRecord(w.database.db, w.actors.chairA1, record.id, { expectedVersion: 2 }));
    expect(again.code).toBe('FORBIDDEN');
    // A one-per-year record deleted frees its year.
    const plan = await create(activityInput('party_source', { unitId: w.units.a1, occurredOn: '2023-05-05' }));
    await deleteActivityRecord(w.database.db, w.actors.chairA1, plan.id, { expectedVersion: 1 });
    await create(activityInput('party_source', { unitId: w.units.a1, occurredOn: '2023-06-05' }));
  });

  it('edits and deletes over HTTP (PUT and DELETE /api/activities/:id)', async () => {
    const created = (await w.clients.chairA1.post('/api/activities', activityInput('campaign', { unitId: w.units.a1 }))).json();
    const put = await w.clients.chairA1.put(`/api/activities/${created.id}`, {
      record: activityInput('campaign', { unitId: w.units.a1, title: 'Đổi tên' }),
      expectedVersion: created.rowVersion,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ title: 'Đổi tên', rowVersion: 2 });
    const stale = await w.clients.chairA1.delete(`/api/activities/${created.id}`, { expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    const del = await w.clients.chairA1.delete(`/api/activities/${created.id}`, { expectedVersion: 2 });
    expect(del.statusCode, del.body).toBe(200);
    expect((await w.clients.chairA1.get(`/api/activities/${created.id}`)).statusCode).toBe(403);
  });
});
