import { describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories.js';
import { auditCount, auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('DELETE /api/users/:id/assignments/:assignmentId (delete-role-assignment)', () => {
  const ctx = useUsersTestContext();

  it('removes the assignment and keeps it in the audit log', async () => {
    const user = await createUser(ctx.database.db, { role: 'federation_officer', unitId: ctx.unit.id });
    const other = await createUser(ctx.database.db);
    const assignment = (await ctx.adminClient.get(`/api/users/${user.id}`)).json().assignments[0];
    const before = await auditCount(ctx.database);
    const foreign = await ctx.adminClient.delete(`/api/users/${other.id}/assignments/${assignment.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(await auditCount(ctx.database)).toBe(before);
    const res = await ctx.adminClient.delete(`/api/users/${user.id}/assignments/${assignment.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().assignments).toEqual([]);
    const rows = await auditRowsFor(ctx.database, assignment.id);
    expect(rows).toMatchObject([
      { action: 'assignment.delete', unitId: ctx.unit.id, before: { role: 'federation_officer', userId: user.id }, after: null },
    ]);
    const again = await ctx.adminClient.delete(`/api/users/${user.id}/assignments/${assignment.id}`);
    expect(again.statusCode).toBe(404);
  });
});
