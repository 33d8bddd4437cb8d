// Shared set-up of the member tests (not used by the app): a province with two
// district federations; district A has CĐCS A1 and A2, district B has B1.
// Users: an officer of district A (subtree), the chair of A1 (own unit only),
// an officer of district B, a viewer of district A, an administrator.
import { sql } from 'drizzle-orm';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser, type UserInput } from '../../../test/factories.js';
import type { DatabaseHandle, Executor } from '../../db/client.js';
import { orgUnitParents } from '../../db/schema/index.js';
import { queryRows } from '../../db/sql.js';
import type { App } from '../../lib/http.js';
import { refreshOrgUnitPaths } from '../org-units/refresh-org-unit-paths.js';

export interface MemberWorld {
  database: DatabaseHandle;
  app: App;
  units: { province: string; districtA: string; districtB: string; a1: string; a2: string; b1: string };
  officerA: Client;
  chairA1: Client;
  officerB: Client;
  viewerA: Client;
  admin: Client;
  close: () => Promise<void>;
}

export async function createMemberWorld(): Promise<MemberWorld> {
  const database = await createTestDatabase();
  const db = database.db;
  const province = await createUnit(db, { kind: 'province_federation', validFrom: '2000-01-01', code: 'P' });
  const districtA = await createUnit(db, { kind: 'district_federation', parentId: province.id, validFrom: '2000-01-01', code: 'DA' });
  const districtB = await createUnit(db, { kind: 'district_federation', parentId: province.id, validFrom: '2000-01-01', code: 'DB' });
  const a1 = await createUnit(db, { parentId: districtA.id, validFrom: '2000-01-01', code: 'A1', fullName: 'CĐCS Trường Tiểu học A1' });
  const a2 = await createUnit(db, { parentId: districtA.id, validFrom: '2000-01-01', code: 'A2', fullName: 'CĐCS Ủy ban nhân dân xã A2' });
  const b1 = await createUnit(db, { parentId: districtB.id, validFrom: '2000-01-01', code: 'B1', fullName: 'CĐCS Công ty B1' });
  const app = await createTestApp(database);
  const as = async (role: UserInput['role'], unitId: string, includesSubtree = true) =>
    signInAs(app, (await createUser(db, { role, unitId, includesSubtree })).username);
  return {
    database,
    app,
    units: { province: province.id, districtA: districtA.id, districtB: districtB.id, a1: a1.id, a2: a2.id, b1: b1.id },
    officerA: await as('federation_officer', districtA.id),
    chairA1: await as('grassroots_officer', a1.id, false),
    officerB: await as('federation_officer', districtB.id),
    viewerA: await as('viewer', districtA.id),
    admin: await as('system_admin', province.id),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

let serial = 0;
/** A valid admission body; CCCD and name unique per call. */
export function admitBody(unitId: string, overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    fullName: `Nguyễn Văn Thử ${serial}`,
    gender: 'male',
    birthDate: '1990-05-17',
    citizenId: `0912${String(Date.now() % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}`,
    phone: '0912345678',
    unitId,
    admittedOn: '2024-03-15',
    ...overrides,
  };
}

/** Row counts of the registry's tables, to prove a refused write changed nothing. */
export async function registryCounts(database: DatabaseHandle) {
  const [row] = await queryRows<Record<string, number>>(
    database.db,
    sql`select (select count(*)::int from members) as members,
      (select count(*)::int from member_events) as events,
      (select count(*)::int from member_unit_periods) as periods,
      (select count(*)::int from audit_log where action like 'member.%') as audits,
      (select coalesce(string_agg(id::text || status || unit_id::text || coalesce(card_number, '-'), ',' order by id), '') from members) as sig`,
  );
  return row!;
}

/**
 * A tree with history, from 2000: province P, districts DA and DB, CĐCS A1 and A2 under DA, B1 under DB, and A3
 * under DA until 31/12/2022, then under DB. Returns the units' ids.
 */
export async function createHistoryTree(db: Executor) {
  const p = await createUnit(db, { kind: 'province_federation', validFrom: '2000-01-01', code: 'P' });
  const da = await createUnit(db, { kind: 'district_federation', parentId: p.id, validFrom: '2000-01-01', code: 'DA' });
  const dB = await createUnit(db, { kind: 'district_federation', parentId: p.id, validFrom: '2000-01-01', code: 'DB' });
  const a1 = await createUnit(db, { parentId: da.id, validFrom: '2000-01-01', code: 'A1' });
  const a2 = await createUnit(db, { parentId: da.id, validFrom: '2000-01-01', code: 'A2' });
  const b1 = await createUnit(db, { parentId: dB.id, validFrom: '2000-01-01', code: 'B1' });
  const a3 = await createUnit(db, { parentId: da.id, validFrom: '2000-01-01', parentTo: '2022-12-31', code: 'A3' });
  await db.insert(orgUnitParents).values({ unitId: a3.id, parentId: dB.id, validFrom: '2023-01-01', validTo: null });
  await refreshOrgUnitPaths(db);
  return { p: p.id, da: da.id, db: dB.id, a1: a1.id, a2: a2.id, a3: a3.id, b1: b1.id };
}
