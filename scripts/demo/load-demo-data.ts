import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../server/db/client.js';
import { queryRows } from '../../server/db/sql.js';
import { recordAudit } from '../../server/lib/audit.js';
import { loadAssignments, SYSTEM_ACTOR, type Actor } from '../../server/lib/access.js';
import { refreshAllActivityFacts } from '../../server/modules/activities/activity-facts.js';
import { grantIssueDelegation } from '../../server/modules/documents/grant-issue-delegation.js';
import { z } from 'zod';
import { hashPassword } from '../../server/lib/passwords.js';
import { createUser } from '../../server/modules/users/create-user.js';
import { CreateUserBody } from '../../server/modules/users/schemas.js';
import { createOrgUnit } from '../../server/modules/org-units/create-org-unit.js';
import { mergeOrgUnit } from '../../server/modules/org-units/merge-org-unit.js';
import { moveOrgUnit } from '../../server/modules/org-units/move-org-unit.js';
import { CreateOrgUnitBody } from '../../server/modules/org-units/schemas.js';
import { DEMO_ACCOUNTS, DEMO_ISSUE_DELEGATIONS, type DemoAccount } from './accounts.js';
import { loadDemoActivities } from './activities-2024.js';
import { demoWrite } from './demo-write.js';
import { demoFoundingMembers, loadDemoMembers } from './members-2024.js';
import { DEMO_LINKS, DEMO_UNITS } from './org-tree.js';
import { loadDemoProgram } from './program-2024.js';
import { loadDemoReports } from './reports-2024.js';
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
 * empty database. The unit tree is built by the org-unit use-cases too, and
 * the member registry with its history by the batch admission (admitMembers),
 * the CĐCS' activity records by createActivityRecord as the demo users who keep
 * them, and the CĐCS' typed facts by their reports through the report
 * use-cases (see docs/decisions/0007-use-cases-join-transactions.md).
 */
export async function loadDemoData(db: Database): Promise<Map<string, string>> {
  // Each distinct password hashed once, in parallel, before the transaction (argon2 is slow on purpose).
  const passwords = [...new Set(DEMO_ACCOUNTS.map((a) => a.password))];
  const hashes = new Map(await Promise.all(passwords.map(async (p) => [p, await hashPassword(p)] as const)));
  return db.transaction(async (tx) => {
    const ids = await loadDemoTree(tx);
    const id = unitIdOf(ids);
    // The seed program "Chương trình công tác Công đoàn năm 2024" of LĐLĐ huyện Vĩnh Thuận.
    const programId = await loadDemoProgram(tx, id);
    // Its targets as the indicator engine measures them (the facts come from the registry, the records and the reports).
    await loadDemoTargets(tx, id, programId);
    // The member registry (about 1,200 members with their history) through admitMembers, and its derived facts.
    const registry = await loadDemoMembers(tx, id);
    // One account per role, with its assignment.
    // The seeded demo passwords predate the password rule (≥ 10 characters, not a
    // common one), which applies to passwords set through the API; every other
    // field is checked by the API's own schema.
    const DemoUserBody = CreateUserBody.extend({ password: z.string().min(1) });
    const userIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const input = DemoUserBody.parse({
        username: a.username,
        fullName: a.fullName,
        password: a.password,
        assignments: [{ role: a.role, unitId: id(a.unitCode), includesSubtree: a.includesSubtree, validFrom: '2023-01-01' }],
      });
      userIds.set(a.username, await createUser(tx, SYSTEM_ACTOR, input, { passwordHash: hashes.get(a.password)! }));
    }
    /** A demo user as the use-cases see them when signed in: their assignments in force. */
    const actorOf = async (username: string): Promise<Actor> => {
      const userId = userIds.get(username)!;
      const { fullName } = DEMO_ACCOUNTS.find((a) => a.username === username)!;
      return { userId, username, fullName, locale: 'vi', assignments: await loadAssignments(tx, userId) };
    };
    // Ủy quyền ban hành (docs/issue-delegations.md): the district's leader lets its Office issue the
    // district's documents from 2024, through the use-case, as the leader; other officers have none.
    for (const d of DEMO_ISSUE_DELEGATIONS) {
      const leader = await actorOf(d.grantedBy);
      await demoWrite(`issue delegation of ${d.unitCode} to ${d.officer}`, () =>
        grantIssueDelegation(tx, leader, id(d.unitCode), { userId: userIds.get(d.officer)!, validFrom: d.validFrom, validTo: null }),
      );
    }
    // The CĐCS' activity records of 2024 (trainings, inspections, cases, classification…), each written by
    // the demo user who keeps it; their derived facts feed targets 1, 3, 4, 5, 6, 8, 9 and 10.
    const activities = await loadDemoActivities(tx, id, actorOf);
    // The CĐCS' reports of 2024 through the report use-cases: their submissions write the typed facts.
    const reports = await loadDemoReports(tx, id, programId);
    // Every unit's record-derived facts once (the batch of submissions deferred it): zeros for the
    // units that kept records or reported in 2024, "no data" for the two that did neither.
    await refreshAllActivityFacts(tx);
    await recordAudit(tx, null, {
      action: 'system.load_demo_data',
      entityType: 'system',
      entityId: null,
      after: {
        units: DEMO_UNITS.length,
        users: DEMO_ACCOUNTS.length,
        members: registry.members,
        memberEvents: registry.events,
        reports: reports.reports,
        activityRecords: activities.records,
      },
    });
    return ids;
  });
}

/**
 * Builds the demo union tree through the org-unit use-cases, as its history
 * happened: every unit founded under its first parent (with its last day when
 * it has one), then on 1 July 2025 the moves to the new parents and the
 * mergers (merged_into links). Returns the unit ids by code.
 */
async function loadDemoTree(tx: Tx): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const id = unitIdOf(ids);
  for (const u of DEMO_UNITS) {
    const [first] = u.parents;
    if (first && first[1] !== u.validFrom) throw new Error(`demo data: unit ${u.code} starts without its first parent`);
    const input = CreateOrgUnitBody.parse({
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
      parentId: first ? id(first[0]) : null,
    });
    const unit = await demoWrite(`unit ${u.code}`, () => createOrgUnit(tx, SYSTEM_ACTOR, input));
    ids.set(u.code, unit.unit.id);
  }
  for (const u of DEMO_UNITS) {
    for (const [parent, from] of u.parents.slice(1)) {
      await demoWrite(`move of ${u.code}`, () => moveOrgUnit(tx, SYSTEM_ACTOR, id(u.code), { parentId: id(parent), fromDate: from }));
    }
  }
  for (const l of DEMO_LINKS) {
    if (l.kind !== 'merged_into') throw new Error(`demo data: link ${l.kind} has no use-case here`);
    await demoWrite(`merger of ${l.from}`, () => mergeOrgUnit(tx, SYSTEM_ACTOR, id(l.from), { intoUnitId: id(l.to), date: l.date }));
  }
  return ids;
}

function unitIdOf(ids: Map<string, string>): (code: string) => string {
  return (code) => {
    const v = ids.get(code);
    if (!v) throw new Error(`demo data: unknown unit ${code}`);
    return v;
  };
}
