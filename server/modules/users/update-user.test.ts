import { describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories.js';
import { auditCount, auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('PATCH /api/users/:id (update-user)', () => {
  const ctx = useUsersTestContext();

  it('changes name, e-mail and language with an audit row', async () => {
    const user = await createUser(ctx.database.db, { fullName: 'Tên cũ' });
    const res = await ctx.adminClient.patch(`/api/users/${user.id}`, { fullName: ' Tên mới ', email: 'moi@example.vn', locale: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ fullName: 'Tên mới', email: 'moi@example.vn', locale: 'en' });
    const cleared = await ctx.adminClient.patch(`/api/users/${user.id}`, { email: null });
    expect(cleared.json().email).toBeNull();
    const rows = await auditRowsFor(ctx.database, user.id);
    expect(rows.map((r) => r.action)).toEqual(['user.update', 'user.update']);
    expect(rows[0]).toMatchObject({ before: { fullName: 'Tên cũ', email: null }, after: { fullName: 'Tên mới', locale: 'en' } });
  });

  it('refuses bad input and unknown users without writing', async () => {
    const user = await createUser(ctx.database.db);
    const before = await auditCount(ctx.database);
    const bad = await ctx.adminClient.patch(`/api/users/${user.id}`, { fullName: '', email: 'x' });
    expect(bad.statusCode).toBe(400);
    const missing = await ctx.adminClient.patch('/api/users/00000000-0000-4000-8000-000000000000', { fullName: 'A' });
    expect(missing.statusCode).toBe(404);
    expect(await auditCount(ctx.database)).toBe(before);
  });
});
