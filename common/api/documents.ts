// Wire schemas of issue delegations (ủy quyền ban hành, docs/issue-delegations.md):
// the leader of a unit lets one of its officers issue the unit's documents for
// a period. The server validates and serialises with them; the web takes its
// types from them.
import { z } from 'zod';
import { isoDate } from '../schemas.js';

/** Cấp ủy quyền: to whom, from when, until when (open-ended when null). */
export const GrantIssueDelegationBody = z.strictObject({
  userId: z.uuid(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});
export type GrantIssueDelegationBody = z.infer<typeof GrantIssueDelegationBody>;

/** Thu hồi ủy quyền: the version it was read at (409 STALE_WRITE when it changed since). */
export const RevokeIssueDelegationBody = z.strictObject({ expectedVersion: z.number().int().min(1) });
export type RevokeIssueDelegationBody = z.infer<typeof RevokeIssueDelegationBody>;

/** active: in force today; upcoming: starts later; ended: past its last day; revoked: withdrawn by a leader. */
export const ISSUE_DELEGATION_STATES = ['active', 'upcoming', 'ended', 'revoked'] as const;
export type IssueDelegationState = (typeof ISSUE_DELEGATION_STATES)[number];

export const IssueDelegation = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    userId: z.uuid(),
    userFullName: z.string(),
    username: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    state: z.enum(ISSUE_DELEGATION_STATES),
    /** Who granted it; null when the system did (demo data). */
    grantedByName: z.string().nullable(),
    grantedAt: z.string(),
    revokedAt: z.string().nullable(),
    revokedByName: z.string().nullable(),
    /** Send it back as expectedVersion to revoke. */
    rowVersion: z.number().int(),
  })
  .meta({ id: 'IssueDelegation' });

export const IssueDelegationList = z
  .object({
    unitId: z.uuid(),
    /** May the caller grant and revoke here (a leader of this unit, or an administrator)? */
    canManage: z.boolean(),
    /** Newest first. */
    items: z.array(IssueDelegation),
    /** The officers of the unit today, who may be given a delegation (empty unless canManage). */
    candidates: z.array(z.object({ userId: z.uuid(), fullName: z.string(), username: z.string() })),
  })
  .meta({ id: 'IssueDelegationList' });
