import type { nav as vi } from '../vi/nav.js';

export const nav: Record<keyof typeof vi, string> = {
  home: 'Overview',
  units: 'Union tree',
  users: 'Users',
  audit: 'Audit log',
  account: 'Account',
  changePassword: 'Change password',
  signOut: 'Sign out',
  menu: 'Menu',
  programs: 'Work programs',
  members: 'Members',
  targets: 'Target progress',
  catalogue: 'Target catalogue',
  unitEnded: '{unit} ceased to operate on {date} — you can only see historical data',
  compliance: 'Report compliance',
  activities: 'Activities',
  reminders: 'Reminder log',
};
