import { sql } from 'drizzle-orm';
import type { IssueDelegationState } from '../../../common/api/documents.js';
import type { Executor } from '../../db/client.js';
import { queryRows, toDateOnly, toIso } from '../../db/sql.js';
import { READ_ROLES, requireUnitAccess, type Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { canManageDelegations, unitOfficersOn } from './issue-delegation-policy.js';

interface DelegationRow {
  id: string;
  unit_id: string;
  user_id: string;
  full_name: string;
  username: string;
  valid_from: string | Date;
  valid_to: string | Date | null;
  granted_by_name: string | null;
  granted_at: string | Date;
  revoked_at: string | Date | null;
  revoked_by_name: string | null;
  row_version: number;
}

const SELECT = sql`select d.id, d.unit_id, d.user_id, u.full_name, u.username, d.valid_from, d.valid_to,
    g.full_name as granted_by_name, d.granted_at, d.revoked_at, r.full_name as revoked_by_name, d.row_version
  from issue_delegations d join users u on u.id = d.user_id
  left join users g on g.id = d.granted_by left join users r on r.id = d.revoked_by`;

/** revoked, else by today: upcoming before its first day, ended after its last, active between. */
export function delegationState(
  d: { validFrom: string; validTo: string | null; revokedAt: unknown },
  today = todayInVietnam(),
): IssueDelegationState {
  if (d.revokedAt) return 'revoked';
  if (d.validFrom > today) return 'upcoming';
  if (d.validTo && d.validTo < today) return 'ended';
  return 'active';
}

function present(r: DelegationRow) {
  const validFrom = toDateOnly(r.valid_from)!;
  const validTo = toDateOnly(r.valid_to);
  return {
    id: r.id,
    unitId: r.unit_id,
    userId: r.user_id,
    userFullName: r.full_name,
    username: r.username,
    validFrom,
    validTo,
    state: delegationState({ validFrom, validTo, revokedAt: r.revoked_at }),
    grantedByName: r.granted_by_name,
    grantedAt: toIso(r.granted_at),
    revokedAt: r.revoked_at ? toIso(r.revoked_at) : null,
    revokedByName: r.revoked_by_name,
    rowVersion: r.row_version,
  };
}
export type IssueDelegationView = ReturnType<typeof present>;

/** One delegation as the API shows it (after a grant or a revoke). */
export async function readIssueDelegation(db: Executor, id: string): Promise<IssueDelegationView> {
  const [row] = await queryRows<DelegationRow>(db, sql`${SELECT} where d.id = ${id}::uuid`);
  return present(row!);
}

/**
 * GET /api/org-units/:id/issue-delegations: the unit's delegations (newest
 * first) for anyone who reads the unit; whether the caller may grant and
 * revoke (a leader of the unit itself), and then the officers who may be given one.
 */
export async function listIssueDelegations(db: Executor, actor: Actor, unitId: string) {
  await requireUnitAccess(db, actor, unitId, READ_ROLES);
  const today = todayInVietnam();
  const canManage = await canManageDelegations(db, actor, unitId, today);
  const rows = await queryRows<DelegationRow>(db, sql`${SELECT} where d.unit_id = ${unitId}::uuid order by d.granted_at desc, d.id`);
  const candidates = canManage
    ? await queryRows<{ user_id: string; full_name: string; username: string }>(
        db,
        sql`select u.id as user_id, u.full_name, u.username from users u
          where u.id in (${unitOfficersOn(unitId, today)}) order by u.full_name, u.username`,
      )
    : [];
  return {
    unitId,
    canManage,
    items: rows.map(present),
    candidates: candidates.map((c) => ({ userId: c.user_id, fullName: c.full_name, username: c.username })),
  };
}
