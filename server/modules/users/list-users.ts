import { and, asc, desc, eq, gte, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { roleAssignments, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { todayInVietnam } from '../../lib/dates.js';
import { foldedSql, matchesText } from '../../lib/search-text.js';
import { requireUserAction } from './policy.js';
import type { ListUsersQuery } from './schemas.js';
import { userColumns, withAssignments, type UserWithAssignments } from './user-rows.js';

/** Names sort without diacritics, so "Đặng" comes before "Nguyễn" (byte order would put Đ after Z). */
const SORT_COLUMNS = { username: users.username, fullName: foldedSql(sql`${users.fullName}`), createdAt: users.createdAt } as const;

/**
 * A page of users with their role assignments: one query for the page (with
 * the total as a window count) and one for the page's assignments.
 * Role and unit filters match assignments that have not ended (valid to today
 * or later, or open-ended).
 */
export async function listUsers(
  db: Executor,
  actor: Actor,
  query: ListUsersQuery,
  today = todayInVietnam(),
): Promise<{ items: UserWithAssignments[]; total: number; page: number; pageSize: number }> {
  requireUserAction(actor, 'list');
  const where: SQL[] = [];
  if (query.q) {
    where.push(matchesText([sql`${users.username}`, sql`${users.fullName}`], query.q));
  }
  if (query.status === 'active') where.push(isNull(users.disabledAt));
  if (query.status === 'disabled') where.push(isNotNull(users.disabledAt));
  if (query.role || query.unitId) {
    const conditions = [eq(roleAssignments.userId, users.id), or(isNull(roleAssignments.validTo), gte(roleAssignments.validTo, today))!];
    if (query.role) conditions.push(eq(roleAssignments.role, query.role));
    if (query.unitId) conditions.push(eq(roleAssignments.unitId, query.unitId));
    where.push(sql`exists (select 1 from ${roleAssignments} where ${and(...conditions)})`);
  }
  const direction = query.order === 'desc' ? desc : asc;
  const rows = await db
    .select({ ...userColumns, total: sql<number>`count(*) over()`.mapWith(Number) })
    .from(users)
    .where(where.length ? and(...where) : undefined)
    .orderBy(direction(SORT_COLUMNS[query.sort]), direction(users.username), direction(users.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page: the window count is not available, count separately.
    const [row] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(users)
      .where(where.length ? and(...where) : undefined);
    total = row?.n ?? 0;
  }
  const items = await withAssignments(db, rows);
  return { items, total, page: query.page, pageSize: query.pageSize };
}
