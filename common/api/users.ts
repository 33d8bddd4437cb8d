// Wire schemas of users and role assignments (người dùng, phân quyền).
// Shared by the server (validation, OpenAPI) and the web (types). See docs/decisions/0005.
import { z } from 'zod';
import { LOCALES, ROLES } from '../enums.js';
import { LIMITS } from '../limits.js';
import { emailAddress, newPassword, personName, username } from '../fields.js';
import { isoDate, pageOf, pageQuery } from '../schemas.js';

export { USERNAME_PATTERN } from '../fields.js';

export const AssignmentInput = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid(),
  includesSubtree: z.boolean(),
  validFrom: isoDate,
  validTo: isoDate.nullable().optional(),
});
export type AssignmentInput = z.infer<typeof AssignmentInput>;

export const CreateUserBody = z.object({
  username,
  fullName: personName,
  email: emailAddress.nullable().optional(),
  password: newPassword,
  assignments: z.array(AssignmentInput).max(50).optional(),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  fullName: personName.optional(),
  email: emailAddress.nullable().optional(),
  locale: z.enum(LOCALES).optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const ResetPasswordBody = z.object({
  newPassword,
});

export const UpdateAssignmentBody = z.object({
  includesSubtree: z.boolean().optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.nullable().optional(),
});
export type UpdateAssignmentBody = z.infer<typeof UpdateAssignmentBody>;

export const USER_SORTS = ['username', 'fullName', 'createdAt'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const ListUsersQuery = pageQuery.extend({
  q: z.string().trim().max(LIMITS.nameMax).optional(),
  role: z.enum(ROLES).optional(),
  unitId: z.uuid().optional(),
  status: z.enum(['active', 'disabled']).optional(),
  sort: z.enum(USER_SORTS).default('username'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuery>;

export const UserParams = z.object({ id: z.uuid() });
export const AssignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });

export const AssignmentView = z
  .object({
    id: z.uuid(),
    role: z.enum(ROLES),
    unitId: z.uuid(),
    unitCode: z.string(),
    unitName: z.string(),
    includesSubtree: z.boolean(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: 'RoleAssignment' });

export const UserView = z
  .object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    locale: z.enum(LOCALES),
    disabled: z.boolean(),
    createdAt: z.string(),
    assignments: z.array(AssignmentView),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserView>;

export const UserPage = pageOf(UserView).meta({ id: 'UserPage' });
