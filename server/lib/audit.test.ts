import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { createUnit, createUser } from '../../test/factories.js';
import type { DatabaseHandle } from '../db/client.js';
import { auditLog, users } from '../db/schema/index.js';
import { recordAudit } from './audit.js';

describe('recordAudit keeps the object name as it was when logged', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  const labelOf = async (entityId: string) => {
    const [row] = await database.db.select({ label: auditLog.entityLabel }).from(auditLog).where(eq(auditLog.entityId, entityId));
    return row?.label ?? null;
  };

  it('looks the name up when the values carry none, and keeps it after a rename', async () => {
    const user = await createUser(database.db, { username: 'vanphong.cu' });
    await recordAudit(database.db, null, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsEnded: 0 },
    });
    await database.db.update(users).set({ username: 'vanphong.moi' }).where(eq(users.id, user.id));
    expect(await labelOf(user.id)).toBe('vanphong.cu');
  });

  it('prefers the Vietnamese name to an English code, names targets by code and sentence, assignments by user and unit', async () => {
    await recordAudit(database.db, null, {
      action: 'data_element.create',
      entityType: 'data_element',
      entityId: 'de-1',
      after: { code: 'chair_trained', nameVi: 'Chủ tịch CĐCS đã qua tập huấn', nameEn: 'Chair trained' },
    });
    expect(await labelOf('de-1')).toBe('Chủ tịch CĐCS đã qua tập huấn');

    await recordAudit(database.db, null, {
      action: 'target.create',
      entityType: 'target',
      entityId: 'tg-1',
      after: { code: '7a', text: 'Phát triển mới 10 đoàn viên' },
    });
    expect(await labelOf('tg-1')).toBe('7a. Phát triển mới 10 đoàn viên');

    const unit = await createUnit(database.db, { shortName: 'LĐLĐ huyện Vĩnh Thuận', kind: 'district_federation' });
    const user = await createUser(database.db, { username: 'ubkt.thu' });
    await recordAudit(database.db, null, {
      action: 'assignment.delete',
      entityType: 'role_assignment',
      entityId: 'ra-1',
      before: { userId: user.id, unitId: unit.id, role: 'inspection_officer' },
    });
    expect(await labelOf('ra-1')).toBe('ubkt.thu — LĐLĐ huyện Vĩnh Thuận');
  });

  it('takes an explicit label as given, and leaves entries without an object unnamed', async () => {
    await recordAudit(database.db, null, { action: 'member.export', entityType: 'member', entityId: null, after: { rowCount: 3 } });
    await recordAudit(database.db, null, {
      action: 'system.note',
      entityType: 'system',
      entityId: 'sys-1',
      entityLabel: 'Nạp dữ liệu mẫu',
    });
    expect(await labelOf('sys-1')).toBe('Nạp dữ liệu mẫu');
  });
});
