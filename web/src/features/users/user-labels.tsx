import { Tag } from 'antd';
import type { Role } from '../../../../common/enums';
import type { MessageKey } from '../../../../common/i18n';
import { useI18n } from '../../app/i18n';
import { todayIso } from '../../lib/dates';
import type { RoleAssignment } from './api';

export const roleKey = (role: Role) => `enums.role.${role}` as MessageKey;

export type AssignmentState = 'current' | 'future' | 'ended';

/** Whether an assignment is in force today, starts later, or has ended. */
export function assignmentState(a: Pick<RoleAssignment, 'validFrom' | 'validTo'>, today = todayIso()): AssignmentState {
  if (a.validFrom > today) return 'future';
  if (a.validTo && a.validTo < today) return 'ended';
  return 'current';
}

const STATE_COLOR: Record<AssignmentState, string> = { current: 'green', future: 'blue', ended: 'default' };
const STATE_LABEL: Record<AssignmentState, MessageKey> = {
  current: 'users.assignmentCurrent',
  future: 'users.assignmentFuture',
  ended: 'users.assignmentEnded',
};

export function AssignmentStateTag({ assignment }: { assignment: Pick<RoleAssignment, 'validFrom' | 'validTo'> }) {
  const { t } = useI18n();
  const state = assignmentState(assignment);
  return (
    <Tag color={STATE_COLOR[state]} data-testid={`assignment-state-${state}`}>
      {t(STATE_LABEL[state])}
    </Tag>
  );
}

export function UserStatusTag({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  return (
    <Tag color={disabled ? 'red' : 'green'} data-testid="user-status">
      {t(disabled ? 'users.statusDisabled' : 'users.statusActive')}
    </Tag>
  );
}

const ROLE_COLOR: Record<Role, string> = {
  system_admin: 'volcano',
  federation_leader: 'gold',
  federation_officer: 'geekblue',
  inspection_officer: 'purple',
  grassroots_officer: 'cyan',
  viewer: 'default',
};

/** "Cán bộ LĐLĐ · VT" tags of the roles not yet ended. */
export function RoleTags({ assignments, max = 3 }: { assignments: RoleAssignment[]; max?: number }) {
  const { t } = useI18n();
  const live = assignments.filter((a) => assignmentState(a) !== 'ended');
  if (live.length === 0) return <span className="users-muted">{t('users.noRoles')}</span>;
  return (
    <span className="users-role-tags">
      {live.slice(0, max).map((a) => (
        <Tag key={a.id} color={ROLE_COLOR[a.role]} title={a.unitName}>
          {t(roleKey(a.role))} · {a.unitCode}
        </Tag>
      ))}
      {live.length > max && <Tag>{t('users.moreRoles', { count: live.length - max })}</Tag>}
    </span>
  );
}
