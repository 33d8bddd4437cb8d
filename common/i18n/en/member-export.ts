// English texts of the member list export (Excel).
import type { memberExport as vi } from '../vi/member-export.js';

export const memberExport: Record<keyof typeof vi, string> = {
  fileName: 'Member list',
  sheet: 'Members',
  colNo: 'No.',
  colFullName: 'Full name',
  colGender: 'Gender',
  colBirthDate: 'Date of birth',
  colCitizenId: 'Citizen ID',
  colPhone: 'Phone',
  colPosition: 'Union position',
  colPartyMember: 'Party member',
  colCardNumber: 'Union card number',
  colAdmittedOn: 'Admitted on',
  colStatus: 'Status',
  colUnitCode: 'Unit code',
  colUnit: 'Unit',
  yes: 'Yes',
  masked: 'Personal data of members outside the units you manage is partly hidden.',
  truncated: 'Only the first {max} rows are listed; narrow the filter to export the rest.',
} as const;
