// Test data for the audit module's tests: a small tree and entries at known
// instants around Vietnam midnight (not a test file itself).
import type { Executor } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { createUnit, createUser } from '../../../test/factories.js';

export async function seedAuditFixture(db: Executor) {
  const province = await createUnit(db, { shortName: 'LĐLĐ tỉnh Kiên Giang', kind: 'province_federation' });
  const unitA = await createUnit(db, { shortName: 'LĐLĐ huyện Vĩnh Thuận', kind: 'district_federation', parentId: province.id });
  const unitA1 = await createUnit(db, { shortName: 'CĐCS Trường Tiểu học Vĩnh Thuận', parentId: unitA.id });
  const unitB = await createUnit(db, { shortName: 'LĐLĐ huyện An Biên', kind: 'district_federation', parentId: province.id });
  const admin = await createUser(db, { role: 'system_admin', unitId: province.id, fullName: 'Quản trị viên' });
  const officerA = await createUser(db, { role: 'federation_officer', unitId: unitA.id, fullName: 'Nguyễn Văn Ánh' });
  const chairA1 = await createUser(db, { role: 'grassroots_officer', unitId: unitA1.id, fullName: 'Trần Thị Bình' });

  const insert = (at: string, values: Omit<typeof auditLog.$inferInsert, 'at'>) =>
    db
      .insert(auditLog)
      .values({ at: new Date(at), ...values })
      .returning({ id: auditLog.id });
  // 23:59:59 on 01/03/2025 in Vietnam.
  const [e1] = await insert('2025-03-01T16:59:59Z', {
    userId: officerA.id,
    action: 'org_unit.update',
    entityType: 'org_unit',
    entityId: unitA.id,
    unitId: unitA.id,
    before: { shortName: 'LĐLĐ Vĩnh Thuận' },
    after: { shortName: 'LĐLĐ huyện Vĩnh Thuận' },
  });
  // 00:00:00 on 02/03/2025 in Vietnam.
  const [e2] = await insert('2025-03-01T17:00:00Z', {
    userId: admin.id,
    action: 'org_unit.move',
    entityType: 'org_unit',
    entityId: unitA1.id,
    unitId: unitA1.id,
    before: { parentId: unitB.id },
    after: { parentId: unitA.id },
  });
  const [e3] = await insert('2025-03-02T10:00:00Z', {
    userId: admin.id,
    action: 'org_unit.create',
    entityType: 'org_unit',
    entityId: unitB.id,
    unitId: unitB.id,
    after: { shortName: 'LĐLĐ huyện An Biên' },
  });
  // No unit: administrators only.
  const [e4] = await insert('2025-03-02T11:00:00Z', {
    userId: null,
    action: 'system.load_demo_data',
    entityType: 'system',
    entityId: null,
  });
  return { province, unitA, unitA1, unitB, admin, officerA, chairA1, e1: e1!.id, e2: e2!.id, e3: e3!.id, e4: e4!.id };
}
