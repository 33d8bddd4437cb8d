import {
  amendmentCitation,
  formatDocumentNumber,
  type AmendedDocument,
  formatPlaceAndDate,
  type ProgramAction,
  type ProgramKind,
  type ProgramStatus,
} from '../../../common/programs.js';
import type { programs } from '../../db/schema/index.js';
import { toDateOnly, toIso } from '../../db/sql.js';
import { presentDerivation } from './derived-marks.js';

type ProgramRow = typeof programs.$inferSelect;

/**
 * What the program use-cases return: the row, its issuing unit's short name and,
 * for an amendment, the document it amends (as findProgram reads them).
 */
export type ProgramWithUnit = { program: ProgramRow; unitName: string; amends?: (AmendedDocument & { id: string }) | null };

/** What reads return: the program and what the caller may do with it (policy.ts allowedProgramActions). */
export type ProgramWithActions = ProgramWithUnit & { allowedActions: ProgramAction[] };

export function presentProgramSummary(row: ProgramRow, unitName: string, allowedActions?: ProgramAction[]) {
  return {
    ...(allowedActions ? { allowedActions } : {}),
    id: row.id,
    unitId: row.unitId,
    unitName,
    year: row.year,
    kind: row.kind as ProgramKind,
    number: row.number,
    symbol: row.symbol,
    documentNumber: formatDocumentNumber(row.number, row.symbol),
    place: row.place,
    issuedOn: toDateOnly(row.issuedOn),
    title: row.title,
    status: row.status as ProgramStatus,
    version: row.version,
    rowVersion: row.rowVersion,
    updatedAt: toIso(row.updatedAt),
  };
}

export function presentProgram(found: ProgramWithUnit, allowedActions?: ProgramAction[]) {
  const { program: row, unitName, amends } = found;
  return {
    ...presentProgramSummary(row, unitName, allowedActions),
    previousVersionId: row.previousVersionId,
    superiorBodyName: row.superiorBodyName,
    issuingBodyName: row.issuingBodyName,
    signatureAuthority: row.signatureAuthority,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
    placeAndDate: formatPlaceAndDate(row.place, toDateOnly(row.issuedOn)),
    issuedAt: row.issuedAt ? toIso(row.issuedAt) : null,
    createdAt: toIso(row.createdAt),
    content: row.content,
    amends: amends ? { ...amends, citation: amendmentCitation(amends) } : null,
    derivation: presentDerivation(row),
  };
}

export type ProgramDetailView = ReturnType<typeof presentProgram>;

/** What the audit log keeps of a program (the whole document, for before/after). */
export function auditProgram(row: ProgramRow) {
  return {
    unitId: row.unitId,
    year: row.year,
    kind: row.kind,
    number: row.number,
    symbol: row.symbol,
    place: row.place,
    issuedOn: toDateOnly(row.issuedOn),
    title: row.title,
    status: row.status,
    version: row.version,
    superiorBodyName: row.superiorBodyName,
    issuingBodyName: row.issuingBodyName,
    signatureAuthority: row.signatureAuthority,
    signerTitle: row.signerTitle,
    signerName: row.signerName,
    content: row.content,
  };
}
