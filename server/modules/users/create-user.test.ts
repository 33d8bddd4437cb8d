import { describe, expect, it } from 'vitest';
import { auditCount, auditRowsFor, useUsersTestContext } from './users.fixtures.js';

describe('POST /api/users (create-user)', () => {
  const ctx = useUsersTestContext();

  it('creates a user with a lower-case name, first roles and audit rows without secrets', async () => {
    const res = await ctx.adminClient.post('/api/users', {
      username: '  Nguyen.Van-A_1 ',
      fullName: 'Nguyễn Văn A',
      email: 'a@example.vn',
      password: 'Secret@123',
      assignments: [{ role: 'federation_officer', unitId: ctx.unit.id, includesSubtree: true, validFrom: '2025-01-01' }],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'nguyen.van-a_1',
      fullName: 'Nguyễn Văn A',
      email: 'a@example.vn',
      locale: 'vi',
      disabled: false,
    });
    expect(user.assignments).toEqual([
      {
        id: expect.any(String),
        role: 'federation_officer',
        unitId: ctx.unit.id,
        unitCode: ctx.unit.code,
        unitName: ctx.unit.shortName,
        includesSubtree: true,
        validFrom: '2025-01-01',
        validTo: null,
      },
    ]);
    const rows = await auditRowsFor(ctx.database, user.id);
    expect(rows.map((r) => r.action)).toEqual(['user.create']);
    expect(rows[0]!.userId).toBe(ctx.admin.id);
    expect(JSON.stringify(rows[0]!.after)).not.toMatch(/password|argon2/i);
    const assignmentRows = await auditRowsFor(ctx.database, user.assignments[0].id);
    expect(assignmentRows).toMatchObject([{ action: 'assignment.create', entityType: 'role_assignment', unitId: ctx.unit.id }]);
  });

  it('explains invalid input in Vietnamese and creates nothing', async () => {
    const before = await auditCount(ctx.database);
    const res = await ctx.adminClient.post('/api/users', { username: 'ab', fullName: '  ', password: 'short', email: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(fields).toEqual({
      username: 'Cần ít nhất 3 ký tự.',
      fullName: 'Trường này là bắt buộc.',
      password: 'Cần ít nhất 10 ký tự.',
      email: 'Địa chỉ e-mail không hợp lệ.',
    });
    const common = await ctx.adminClient.post('/api/users', { username: 'mat.khau.de', fullName: 'X', password: '1234567890' });
    expect(common.statusCode).toBe(400);
    expect(common.json().error.fields[0].field).toBe('password');
    expect(common.json().error.fields[0].message).toContain('mật khẩu phổ biến');
    const format = await ctx.adminClient.post('/api/users', { username: 'nguyễn văn', fullName: 'X', password: 'Secret@123' });
    expect(format.statusCode).toBe(400);
    expect(format.json().error.fields).toEqual([
      { field: 'username', message: 'Tên đăng nhập chỉ gồm chữ thường không dấu (a-z), số và các ký tự . _ -' },
    ]);
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it('refuses a user name that is taken, whatever its case', async () => {
    await ctx.adminClient.post('/api/users', { username: 'trung.lap', fullName: 'Một', password: 'Secret@123' });
    const before = await auditCount(ctx.database);
    const res = await ctx.adminClient.post('/api/users', { username: 'Trung.Lap', fullName: 'Hai', password: 'Secret@123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('USERNAME_TAKEN');
    expect(res.json().error.fields).toEqual([{ field: 'username', message: 'Tên đăng nhập đã được sử dụng.' }]);
    expect(await auditCount(ctx.database)).toBe(before);
  });

  it('checks the first roles: dates in order, unit must exist', async () => {
    const before = await auditCount(ctx.database);
    const dates = await ctx.adminClient.post('/api/users', {
      username: 'sai.ngay',
      fullName: 'Sai ngày',
      password: 'Secret@123',
      assignments: [{ role: 'viewer', unitId: ctx.unit.id, includesSubtree: false, validFrom: '2025-05-01', validTo: '2025-04-30' }],
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.code).toBe('ASSIGNMENT_DATES_INVALID');
    expect(dates.json().error.fields).toEqual([
      { field: 'assignments.0.validTo', message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.' },
    ]);
    const unit = await ctx.adminClient.post('/api/users', {
      username: 'sai.donvi',
      fullName: 'Sai đơn vị',
      password: 'Secret@123',
      assignments: [{ role: 'viewer', unitId: '00000000-0000-4000-8000-000000000000', includesSubtree: false, validFrom: '2025-05-01' }],
    });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.fields).toEqual([{ field: 'assignments.0.unitId', message: 'Không tìm thấy đơn vị được chọn.' }]);
    expect(await auditCount(ctx.database)).toBe(before);
    const list = await ctx.adminClient.get('/api/users?q=sai.');
    expect(list.json().total).toBe(0);
  });
});
