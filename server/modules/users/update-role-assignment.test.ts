import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/app.js';
import { createUser } from '../../../test/factories.js';
import { todayInVietnam, dayBefore } from '../../lib/dates.js';
import { auditCount, auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('PATCH /api/users/:id/assignments/:assignmentId (update-role-assignment)', () => {
  const ctx = useUsersTestContext();

  it('ends an assignment by setting its end date; the role stops applying', async () => {
    const user = await createUser(ctx.database.db, { role: 'viewer', unitId: ctx.unit.id });
    const client = await signInAs(ctx.app, user.username);
    expect((await client.get('/api/auth/me')).json().permissions).toContain('viewUnits');
    const assignment = (await ctx.adminClient.get(`/api/users/${user.id}`)).json().assignments[0];
    const yesterday = dayBefore(todayInVietnam());
    const res = await ctx.adminClient.patch(`/api/users/${user.id}/assignments/${assignment.id}`, { validTo: yesterday });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignments[0]).toMatchObject({ id: assignment.id, validTo: yesterday, includesSubtree: true });
    expect((await client.get('/api/auth/me')).json().permissions).not.toContain('viewUnits');
    const rows = await auditRowsFor(ctx.database, assignment.id);
    expect(rows).toMatchObject([
      { action: 'assignment.update', unitId: ctx.unit.id, before: { validTo: null }, after: { validTo: yesterday } },
    ]);
    // Re-opening and narrowing to the unit alone.
    const reopened = await ctx.adminClient.patch(`/api/users/${user.id}/assignments/${assignment.id}`, {
      validTo: null,
      includesSubtree: false,
    });
    expect(reopened.json().assignments[0]).toMatchObject({ validTo: null, includesSubtree: false });
  });

  it('checks the dates against the stored ones and refuses another user’s assignment', async () => {
    const user = await createUser(ctx.database.db, { role: 'viewer', unitId: ctx.unit.id });
    const other = await createUser(ctx.database.db);
    const assignment = (await ctx.adminClient.get(`/api/users/${user.id}`)).json().assignments[0];
    const before = await auditCount(ctx.database);
    const end = await ctx.adminClient.patch(`/api/users/${user.id}/assignments/${assignment.id}`, { validTo: '2019-12-31' });
    expect(end.statusCode).toBe(400);
    expect(end.json().error.fields).toEqual([{ field: 'validTo', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' }]);
    await ctx.adminClient.patch(`/api/users/${user.id}/assignments/${assignment.id}`, { validTo: '2021-01-01' });
    const start = await ctx.adminClient.patch(`/api/users/${user.id}/assignments/${assignment.id}`, { validFrom: '2022-01-01' });
    expect(start.statusCode).toBe(400);
    expect(start.json().error).toMatchObject({ code: 'ASSIGNMENT_DATES_INVALID', fields: [{ field: 'validFrom' }] });
    const foreign = await ctx.adminClient.patch(`/api/users/${other.id}/assignments/${assignment.id}`, { validTo: null });
    expect(foreign.statusCode).toBe(404);
    expect(await auditCount(ctx.database)).toBe(before + 1);
  });
});
