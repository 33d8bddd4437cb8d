import { describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/app.js';
import { createUser } from '../../../test/factories.js';
import { auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('POST /api/users/:id/enable (enable-user)', () => {
  const ctx = useUsersTestContext();

  it('lets a disabled user sign in again, with an audit row', async () => {
    const user = await createUser(ctx.database.db, { disabled: true });
    await expect(signInAs(ctx.app, user.username)).rejects.toThrow(/403/);
    const res = await ctx.adminClient.post(`/api/users/${user.id}/enable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(false);
    await expect(signInAs(ctx.app, user.username)).resolves.toBeTruthy();
    const rows = await auditRowsFor(ctx.database, user.id);
    expect(rows.find((r) => r.action === 'user.enable')).toMatchObject({ before: { disabled: true }, after: { disabled: false } });
  });
});
