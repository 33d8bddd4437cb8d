// What each role may do, shared by server policies and the web navigation.
import type { Role } from './enums.js';

export const PERMISSIONS = {
  /** Create, edit, move, merge, split, dissolve units (within scope). */
  manageUnits: ['system_admin', 'federation_officer'],
  /** Define the shared catalogue (data elements, indicators) and set and allocate targets (within scope). */
  managePrograms: ['system_admin', 'federation_officer'],
  /**
   * Write draft programs of units in scope: create, edit, amend, and derive a
   * unit's own program from its federation's. A CĐCS chair's scope is their
   * own unit, so they concretise their own program (cụ thể hóa chương trình).
   */
  writePrograms: ['system_admin', 'federation_officer', 'grassroots_officer'],
  /**
   * Issue (ban hành) a draft program of a unit in scope by right (DOMAIN.md
   * "Roles": the leader signs and issues documents); a CĐCS chair signs their
   * own union's. An officer issues only by delegation (issueByDelegation).
   */
  issuePrograms: ['system_admin', 'federation_leader', 'grassroots_officer'],
  /**
   * Issue the documents of a unit the officer holds, while a leader of that unit
   * has delegated issuing to them (ủy quyền ban hành: issue_delegations,
   * docs/issue-delegations.md). Without a delegation in force: 403.
   */
  issueByDelegation: ['federation_officer'],
  /** Grant and revoke issue delegations of one's own unit (the leader of the unit itself, not of a unit above). */
  delegateIssuing: ['system_admin', 'federation_leader'],
  /**
   * Keep the member registry of units in scope: admit, edit, transfer, accept
   * transfers, record leaving, issue cards, import from Excel; see members'
   * CCCD, phone and birth date in full.
   */
  manageMembers: ['system_admin', 'federation_officer', 'grassroots_officer'],
  /** Read the member registry of units in scope (masked personal data). */
  viewMembers: ['system_admin', 'federation_leader', 'federation_officer', 'inspection_officer', 'grassroots_officer', 'viewer'],
  /** Manage user accounts and role assignments. */
  manageUsers: ['system_admin'],
  /** Read the audit log (within scope). */
  viewAudit: ['system_admin', 'federation_leader', 'federation_officer', 'inspection_officer'],
  /** See the union tree. */
  viewUnits: ['system_admin', 'federation_leader', 'federation_officer', 'inspection_officer', 'grassroots_officer', 'viewer'],
  /** Read reports (báo cáo) of units in scope and what they owe. */
  viewReports: ['system_admin', 'federation_leader', 'federation_officer', 'inspection_officer', 'grassroots_officer', 'viewer'],
  /** Save and submit the reports of one's own unit (CĐCS chair/officer; write scope on the period's fact month). */
  submitReports: ['system_admin', 'grassroots_officer'],
  /** Return a submitted report with comments, and reopen an approved one with a reason (Văn phòng of the federation holding the unit). */
  reviewReports: ['system_admin', 'federation_officer'],
  /** Approve a submitted report (the Office, or a leader). */
  approveReports: ['system_admin', 'federation_officer', 'federation_leader'],
  /** Set a program's reporting schedule (periods, deadlines, which units report). */
  manageReportSchedules: ['system_admin', 'federation_officer'],
  /** Close (khóa sổ) and reopen a reporting period. */
  closeReportPeriods: ['system_admin', 'federation_leader'],
  /** Read activity records (hồ sơ hoạt động) of units in scope. */
  viewActivities: ['system_admin', 'federation_leader', 'federation_officer', 'inspection_officer', 'grassroots_officer', 'viewer'],
  /**
   * Keep the activity records of units held on the record's date: trainings,
   * labour cases, Party introductions and "còn nguồn", campaigns, welfare,
   * emulation works (docs/activities.md).
   */
  keepActivities: ['system_admin', 'federation_officer', 'grassroots_officer'],
  /** Keep inspection plans and inspections (UBKT) of units held on the date; a CĐCS keeps its own committee's. */
  keepInspections: ['system_admin', 'inspection_officer', 'federation_officer', 'grassroots_officer'],
  /** Classify grassroots unions at year end and record awards (khen thưởng): the federation above the unit, never the unit itself. */
  classifyUnits: ['system_admin', 'federation_officer', 'federation_leader'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p] as readonly Role[]).some((r) => roles.includes(r)));
}
