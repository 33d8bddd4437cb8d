import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { inTransaction } from '../../lib/transaction.js';
import { roleAssignments, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/access.js';
import { recordAudit } from '../../lib/audit.js';
import { fieldError } from '../../lib/errors.js';
import { requireUncommonPassword } from '../../lib/password-policy.js';
import { hashPassword } from '../../lib/passwords.js';
import { auditAssignment, auditUser, checkAssignment, isUniqueViolation } from './assignment-rules.js';
import { requireUserAction } from './policy.js';
import type { CreateUserBody } from './schemas.js';

/**
 * Creates a user account (tài khoản) with its first role assignments; returns its id.
 * `options.passwordHash`: the argon2 hash of input.password when the caller
 * already holds it (the demo loader hashes each distinct password once, outside
 * its transaction); never set from a request.
 */
export async function createUser(
  db: Executor,
  actor: Actor,
  input: CreateUserBody,
  options: { passwordHash?: string } = {},
): Promise<string> {
  requireUserAction(actor, 'create');
  const username = input.username.toLowerCase();
  const assignments = input.assignments ?? [];
  for (const [i, a] of assignments.entries()) await checkAssignment(db, actor, a, `assignments.${i}.`);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken) throw fieldError('USERNAME_TAKEN', 'username');
  // A pre-hashed password (the demo's seeded accounts) predates the password rule.
  if (!options.passwordHash) await requireUncommonPassword(input.password, 'password');
  const passwordHash = options.passwordHash ?? (await hashPassword(input.password));
  try {
    return await inTransaction(db, async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ username, fullName: input.fullName, email: input.email ?? null, passwordHash })
        .returning();
      const created = assignments.length
        ? await tx
            .insert(roleAssignments)
            .values(
              assignments.map((a) => ({
                userId: user!.id,
                role: a.role,
                unitId: a.unitId,
                includesSubtree: a.includesSubtree,
                validFrom: a.validFrom,
                validTo: a.validTo ?? null,
              })),
            )
            .returning()
        : [];
      await recordAudit(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: user!.id,
        after: { ...auditUser(user!), assignments: created.map(auditAssignment) },
      });
      for (const a of created) {
        await recordAudit(tx, actor, {
          action: 'assignment.create',
          entityType: 'role_assignment',
          entityId: a.id,
          unitId: a.unitId,
          after: auditAssignment(a),
        });
      }
      return user!.id;
    });
  } catch (e) {
    // Two admins creating the same name at once: the unique index decides.
    if (isUniqueViolation(e)) throw fieldError('USERNAME_TAKEN', 'username');
    throw e;
  }
}
