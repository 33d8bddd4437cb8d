import type { Locale } from '../../../common/enums.js';
import type { UserView } from './schemas.js';
import type { UserWithAssignments } from './user-rows.js';

/** A user with their role assignments as the API shows it. */
export function presentUser(user: UserWithAssignments): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    locale: user.locale as Locale,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    assignments: user.assignments,
  };
}
