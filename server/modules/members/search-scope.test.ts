// A member search keeps to the caller's scope the same way whether its hits are few (each probes the scope) or
// many (merged with the scope in unit order, planned without hash joins): both paths against the scope's own
// definition, on a tree with history (a unit moved, a unit ended), assignments starting at different dates,
// without the subtree, and two at once.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnit, createUser } from '../../../test/factories.js';
import { createTestDatabase } from '../../../test/db.js';
import type { DatabaseHandle } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { SYSTEM_ACTOR, type Actor } from '../../lib/access.js';
import { foldText } from '../../lib/search-text.js';
import { inTransaction } from '../../lib/transaction.js';
import { admitMember } from './admit-member.js';
import { listMembers } from './list-members.js';
import { actorOf } from './import.fixtures.js';
import { admitBody, createHistoryTree } from './members.fixtures.js';
import { memberReadScope } from './policy.js';
import { AdmitMemberBody, ListMembersQuery } from './schemas.js';

let database: DatabaseHandle;
const db = () => database.db;
const actors: Record<string, Actor> = {};
const units: Record<string, string> = {};

async function actorWith(
  assignments: Array<{
    role: 'federation_officer' | 'grassroots_officer' | 'federation_leader';
    unit: string;
    subtree?: boolean;
    from?: string;
  }>,
) {
  const user = await createUser(db(), {});
  for (const a of assignments) {
    await db().execute(sql`insert into role_assignments (user_id, role, unit_id, includes_subtree, valid_from)
      values (${user.id}::uuid, ${a.role}, ${units[a.unit]!}::uuid, ${a.subtree ?? true}, ${a.from ?? '2020-01-01'}::date)`);
  }
  return actorOf(db(), user);
}

beforeAll(async () => {
  database = await createTestDatabase();
  // A3 ("m", moved): under DA until 2022, under DB from 2023. E: under DA, ended mid-2021.
  const tree = await createHistoryTree(db());
  const e = await createUnit(db(), { parentId: tree.da, validFrom: '2000-01-01', validTo: '2021-06-30', code: 'E' });
  Object.assign(units, { ...tree, m: tree.a3, e: e.id });

  const people: Array<[string, string, string]> = [
    ['Nguyễn Văn An', 'a1', '2024-03-01'],
    ['Hoàng An', 'a1', '2024-03-01'],
    ['An Văn An', 'b1', '2024-03-01'], // "an" at the first and the third word: found once
    ['Lê Anh', 'm', '2024-03-01'],
    ['Nguyễn Thị Ánh', 'm', '2022-03-01'],
    ['Trần Thị An', 'e', '2020-03-01'],
    ['Phạm Bình', 'b1', '2024-03-01'],
    ['Nguyễn An Bình', 'b1', '2024-03-01'],
  ];
  for (const [fullName, unit, admittedOn] of people) {
    await admitMember(db(), SYSTEM_ACTOR, AdmitMemberBody.parse(admitBody(units[unit]!, { fullName, admittedOn })));
  }

  actors.province = await actorWith([{ role: 'federation_officer', unit: 'p' }]);
  actors.districtA = await actorWith([{ role: 'federation_officer', unit: 'da' }]);
  actors.districtASince2023 = await actorWith([{ role: 'federation_leader', unit: 'da', from: '2023-06-01' }]);
  actors.districtB = await actorWith([{ role: 'federation_officer', unit: 'db' }]);
  actors.districtBSince2024 = await actorWith([{ role: 'federation_officer', unit: 'db', from: '2024-01-01' }]);
  actors.districtNoSubtree = await actorWith([{ role: 'federation_officer', unit: 'da', subtree: false }]);
  actors.chairM = await actorWith([{ role: 'grassroots_officer', unit: 'm', subtree: false }]);
  actors.twoAssignments = await actorWith([
    { role: 'grassroots_officer', unit: 'a1', subtree: false },
    { role: 'federation_officer', unit: 'db', from: '2024-01-01' },
  ]);
  actors.admin = SYSTEM_ACTOR;
}, 300_000);
afterAll(async () => database?.close());

const query = (q: string, extra: Record<string, string> = {}) => ListMembersQuery.parse({ q, ...extra });

/** The search's rule (a word starts with the folded query) over the members of the scope's own definition. */
async function expected(actor: Actor, q: string): Promise<string[]> {
  const rows = await queryRows<{ fullName: string }>(
    db(),
    sql`select full_name as "fullName" from members m where ${memberReadScope(sql`m.unit_id`, actor)}`,
  );
  const folded = foldText(q);
  return rows
    .map((r) => r.fullName)
    .filter((name) => ` ${foldText(name)}`.includes(` ${folded}`))
    .sort();
}

describe('a member search keeps to the scope on both paths', () => {
  it('finds the same members, once each, with the same total, probing few hits or merging many', async () => {
    for (const [who, actor] of Object.entries(actors)) {
      for (const q of ['an', 'nguyen', 'van an', 'a', 'thi', 'zzz']) {
        const probed = await listMembers(db(), actor, query(q), { fewHits: 1_000_000 });
        const merged = await listMembers(db(), actor, query(q), { fewHits: 0 });
        const names = merged.items.map((i) => i.fullName);
        expect(merged, `${who}, "${q}"`).toEqual(probed);
        expect([...names].sort(), `${who}, "${q}"`).toEqual(await expected(actor, q));
        expect(merged.total, `${who}, "${q}"`).toBe(names.length);
        expect(new Set(merged.items.map((i) => i.id)).size).toBe(merged.items.length);
        // Pages and the total past the end, the unit filter with and without its subtree: the same on both paths.
        const variants: Array<Record<string, string>> = [
          { pageSize: '2', page: '2' },
          { pageSize: '2', page: '9' },
          { unitId: units.db! },
          { unitId: units.m!, includeSubtree: 'false' },
        ];
        for (const extra of variants) {
          expect(await listMembers(db(), actor, query(q, extra), { fewHits: 0 }), `${who}, "${q}", ${JSON.stringify(extra)}`).toEqual(
            await listMembers(db(), actor, query(q, extra), { fewHits: 1_000_000 }),
          );
        }
      }
    }
    expect((await listMembers(db(), actors.province!, query('an'), { fewHits: 0 })).items.map((i) => i.fullName)).toEqual([
      'An Văn An',
      'Hoàng An',
      'Lê Anh',
      'Nguyễn An Bình',
      'Nguyễn Thị Ánh',
      'Nguyễn Văn An',
      'Trần Thị An',
    ]);
    // History: the district that held M until 2022 still reads it, the one holding it since 2023 too; E ended under DA.
    expect(await expected(actors.districtASince2023!, 'a')).toEqual(['Hoàng An', 'Nguyễn Văn An']);
    expect(await expected(actors.districtA!, 'le')).toEqual(['Lê Anh']);
    expect(await expected(actors.districtB!, 'tran')).toEqual([]);
  });

  it('plans the merged search under its own settings for its own statement only, inside a caller’s transaction too', async () => {
    const settings = sql`select current_setting('enable_hashjoin') as h, current_setting('enable_material') as m, current_setting('work_mem') as w`;
    const before = await queryRows(db(), settings);
    await listMembers(db(), actors.province!, query('an'), { fewHits: 0 });
    expect(await queryRows(db(), settings)).toEqual(before);
    await inTransaction(db(), async (tx) => {
      await listMembers(tx, actors.province!, query('an'), { fewHits: 0 });
      expect(await queryRows(tx, settings)).toEqual(before);
    });
  });
});
