// Wire schemas of sign-in and the signed-in account (đăng nhập, tài khoản).
// Shared by the server (validation, OpenAPI) and the web (types). See docs/decisions/0005.
import { z } from 'zod';
import { LOCALES, ROLES } from '../enums.js';
import { newPassword } from '../fields.js';
import { LIMITS } from '../limits.js';
import { PERMISSIONS, type Permission } from '../permissions.js';

export const SignInBody = z.object({
  username: z.string().trim().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword,
});

export const UpdateMeBody = z.object({ locale: z.enum(LOCALES) });

export const MeResponse = z
  .object({
    user: z.object({ id: z.uuid(), username: z.string(), fullName: z.string(), locale: z.enum(LOCALES) }),
    assignments: z.array(
      z.object({
        id: z.uuid(),
        role: z.enum(ROLES),
        unitId: z.uuid(),
        unitName: z.string(),
        /** The unit's last day, when it has ended (e.g. a district federation after 1 July 2025). */
        unitValidTo: z.string().nullable(),
        includesSubtree: z.boolean(),
      }),
    ),
    permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
