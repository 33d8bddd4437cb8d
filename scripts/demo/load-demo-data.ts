import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.js';
import { orgUnitLinks, orgUnitParents, orgUnits, roleAssignments, users } from '../../server/db/schema/index.js';
import { queryRows } from '../../server/db/sql.js';
import { recordAudit } from '../../server/lib/audit.js';
import { hashPassword } from '../../server/lib/passwords.js';
import { refreshOrgUnitPaths } from '../../server/modules/org-units/refresh-org-unit-paths.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './accounts.js';
import { demoFoundingMembers, loadDemoMembers } from './members-2024.js';
import { DEMO_LINKS, DEMO_UNITS } from './org-tree.js';
import { loadDemoProgram } from './program-2024.js';
import { loadDemoTargets } from './targets-2024.js';

export interface DemoLoadResult {
  loaded: boolean;
  accounts: DemoAccount[];
}

/** Loads the demo data in one transaction when the database has no unit yet. */
export async function loadDemoDataIfEmpty(db: Database): Promise<DemoLoadResult> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from org_units`);
  if (Number(row?.n ?? 0) > 0) return { loaded: false, accounts: DEMO_ACCOUNTS };
  await loadDemoData(db);
  return { loaded: true, accounts: DEMO_ACCOUNTS };
}

export async function loadDemoData(db: Database): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const password of new Set(DEMO_ACCOUNTS.map((a) => a.password))) hashes.set(password, await hashPassword(password));
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(orgUnits)
      .values(
        DEMO_UNITS.map((u) => ({
          code: u.code,
          fullName: u.fullName,
          shortName: u.shortName,
          kind: u.kind,
          sector: u.sector ?? null,
          address: u.address ?? null,
          foundingDecision: u.foundingDecision ?? null,
          // CĐCS founded with members of the demo registry: as many as it holds on its first day.
          initialMemberCount: u.initialMemberCount ?? (u.foundingDecision ? demoFoundingMembers(u.code, u.validFrom) : null),
          validFrom: u.validFrom,
          validTo: u.validTo ?? null,
        })),
      )
      .returning({ id: orgUnits.id, code: orgUnits.code });
    const ids = new Map(inserted.map((u) => [u.code, u.id]));
    const id = (code: string) => {
      const v = ids.get(code);
      if (!v) throw new Error(`demo data: unknown unit ${code}`);
      return v;
    };
    const parentRows = DEMO_UNITS.flatMap((u) =>
      u.parents.map(([parent, from, to]) => ({ unitId: id(u.code), parentId: id(parent), validFrom: from, validTo: to ?? null })),
    );
    if (parentRows.length) await tx.insert(orgUnitParents).values(parentRows);
    await tx.insert(orgUnitLinks).values(
      DEMO_LINKS.map((l) => ({ fromUnitId: id(l.from), toUnitId: id(l.to), kind: l.kind, effectiveDate: l.date })),
    );
    await refreshOrgUnitPaths(tx);
    // The seed program "Chương trình công tác Công đoàn năm 2024" of LĐLĐ huyện Vĩnh Thuận.
    const programId = await loadDemoProgram(tx, id);
    // Its targets as the indicator engine measures them, and the CĐCS' facts of 2024.
    await loadDemoTargets(tx, id, programId);
    // The member registry (about 1,200 members with their history) and its derived facts.
    const registry = await loadDemoMembers(tx, id);
    const userRows = await tx
      .insert(users)
      .values(DEMO_ACCOUNTS.map((a) => ({ username: a.username, fullName: a.fullName, passwordHash: hashes.get(a.password)! })))
      .returning({ id: users.id, username: users.username });
    const userIds = new Map(userRows.map((u) => [u.username, u.id]));
    await tx.insert(roleAssignments).values(
      DEMO_ACCOUNTS.map((a) => ({
        userId: userIds.get(a.username)!,
        role: a.role,
        unitId: id(a.unitCode),
        includesSubtree: a.includesSubtree,
        validFrom: '2023-01-01',
      })),
    );
    await recordAudit(tx, null, {
      action: 'system.load_demo_data',
      entityType: 'system',
      entityId: null,
      after: { units: DEMO_UNITS.length, users: DEMO_ACCOUNTS.length, members: registry.members, memberEvents: registry.events },
    });
    return ids;
  });
}
