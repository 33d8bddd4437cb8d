// Units created in parallel (found by bench/load.ts on PostgreSQL: each creation
// rebuilds the closure table org_unit_paths, and two rebuilds at once failed on
// its primary key with a 500). Rebuilds now take an advisory lock in turn.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../server/db/client.js';
import { queryRows } from '../server/db/sql.js';
import type { App } from '../server/lib/http.js';
import { createTestApp, signInAs, type Client } from './app.js';
import { createTestDatabase } from './db.js';
import { createUnit, createUser } from './factories.js';

describe('creating units in parallel', () => {
  let database: DatabaseHandle;
  let app: App;
  let admin: Client;
  let district: { id: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createTestApp(database);
    district = await createUnit(database.db, { kind: 'district_federation' });
    const user = await createUser(database.db, { role: 'system_admin', unitId: district.id });
    admin = await signInAs(app, user.username);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('12 parallel creations: 12 × 201, and every unit is in the tree under its parent', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        admin.post('/api/org-units', {
          code: `SONG-SONG-${i}`,
          fullName: `Công đoàn cơ sở song song ${i}`,
          shortName: `CĐCS song song ${i}`,
          kind: 'grassroots_union',
          sector: 'state_enterprise',
          validFrom: '2025-07-01',
          parentId: district.id,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array.from({ length: 12 }, () => 201));
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from org_unit_paths p join org_units u on u.id = p.descendant_id
          where p.ancestor_id = ${district.id}::uuid and p.depth = 1 and u.code like 'SONG-SONG-%'`,
    );
    expect(Number(row!.n)).toBe(12);
  });
});
