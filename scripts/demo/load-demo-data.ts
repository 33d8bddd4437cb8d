import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.js';
import { orgUnitLinks, orgUnitParents, orgUnits } from '../../server/db/schema/index.js';
import { queryRows } from '../../server/db/sql.js';
import { recordAudit } from '../../server/lib/audit.js';
import { SYSTEM_ACTOR } from '../../server/lib/access.js';
import { createUser } from '../../server/modules/users/create-user.js';
import { CreateUserBody } from '../../server/modules/users/schemas.js';
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

/**
 * Loads the demo data in ONE transaction that the use-cases join (programs,
 * indicator definitions, users and their roles are written by their
 * use-cases as the system administrator, SYSTEM_ACTOR): a failure leaves an
 * empty database. The unit tree and the member registry with its history are
 * still inserted as rows (see docs/decisions/0005-use-cases-join-transactions.md).
 */
export async function loadDemoData(db: Database): Promise<Map<string, string>> {
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
    // One account per role, with its assignment (create-user hashes each password).
    for (const a of DEMO_ACCOUNTS) {
      const input = CreateUserBody.parse({
        username: a.username,
        fullName: a.fullName,
        password: a.password,
        assignments: [{ role: a.role, unitId: id(a.unitCode), includesSubtree: a.includesSubtree, validFrom: '2023-01-01' }],
      });
      await createUser(tx, SYSTEM_ACTOR, input);
    }
    await recordAudit(tx, null, {
      action: 'system.load_demo_data',
      entityType: 'system',
      entityId: null,
      after: { units: DEMO_UNITS.length, users: DEMO_ACCOUNTS.length, members: registry.members, memberEvents: registry.events },
    });
    return ids;
  });
}
