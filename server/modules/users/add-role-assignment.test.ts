import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/app.js';
import { createUser } from '../../../test/factories.js';
import { auditCount, auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('POST /api/users/:id/assignments (add-role-assignment)', () => {
  const ctx = useUsersTestContext();

  it('gives a role that takes effect at the next request, with an audit row on the unit', async () => {
    const user = await createUser(ctx.database.db);
    const client = await signInAs(ctx.app, user.username);
    expect((await client.get('/api/auth/me')).json().permissions).not.toContain('viewUnits');
    const res = await ctx.adminClient.post(`/api/users/${user.id}/assignments`, {
      role: 'grassroots_officer',
      unitId: ctx.child.id,
      includesSubtree: false,
      validFrom: '2024-01-01',
      validTo: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignments).toMatchObject([
      { role: 'grassroots_officer', unitId: ctx.child.id, includesSubtree: false, validFrom: '2024-01-01', validTo: null },
    ]);
    expect((await client.get('/api/auth/me')).json().permissions).toContain('viewUnits');
    const rows = await auditRowsFor(ctx.database, res.json().assignments[0].id);
    expect(rows).toMatchObject([
      { action: 'assignment.create', unitId: ctx.child.id, after: { role: 'grassroots_officer', userId: user.id } },
    ]);
  });

  it('refuses an end before the start, an unknown unit or role, and an unknown user, writing nothing', async () => {
    const user = await createUser(ctx.database.db);
    const before = await auditCount(ctx.database);
    const base = { role: 'viewer', unitId: ctx.unit.id, includesSubtree: true, validFrom: '2025-03-01' };
    const dates = await ctx.adminClient.post(`/api/users/${user.id}/assignments`, { ...base, validTo: '2025-02-28' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error).toMatchObject({
      code: 'ASSIGNMENT_DATES_INVALID',
      fields: [{ field: 'validTo', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' }],
    });
    const unit = await ctx.adminClient.post(`/api/users/${user.id}/assignments`, {
      ...base,
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.fields).toEqual([{ field: 'unitId', message: 'Không tìm thấy đơn vị được chọn.' }]);
    const role = await ctx.adminClient.post(`/api/users/${user.id}/assignments`, { ...base, role: 'king' });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.fields).toEqual([{ field: 'role', message: 'Giá trị không nằm trong danh sách cho phép.' }]);
    const badDate = await ctx.adminClient.post(`/api/users/${user.id}/assignments`, { ...base, validFrom: '2025-02-30' });
    expect(badDate.json().error.fields).toEqual([{ field: 'validFrom', message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' }]);
    const missing = await ctx.adminClient.post('/api/users/00000000-0000-4000-8000-000000000000/assignments', base);
    expect(missing.statusCode).toBe(404);
    expect(await auditCount(ctx.database)).toBe(before);
    expect((await ctx.adminClient.get(`/api/users/${user.id}`)).json().assignments).toEqual([]);
  });
});
