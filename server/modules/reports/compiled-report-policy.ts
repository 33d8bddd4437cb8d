// Who may read and write the federation's compiled report (BC) of a period:
// readers of the program's issuing unit read it; its federation officers and
// leaders write it, with effect on the period's cut-off (write scope follows
// who held the unit then: docs/scopes.md, server/lib/access.ts heldOn).
import { PERMISSIONS } from '../../../common/permissions.js';
import type { Executor } from '../../db/client.js';
import { READ_ROLES, requireUnitAccess, requireWriteAccess, writeDateFor, type Actor } from '../../lib/access.js';
import type { PeriodContext } from './report-document-data.js';

/** Those who approve reports write the compiled report (officers, leaders). */
export const COMPILED_REPORT_WRITERS = PERMISSIONS.approveReports;

export const requireCompiledReportRead = (db: Executor, actor: Actor, ctx: PeriodContext) =>
  requireUnitAccess(db, actor, ctx.program.unitId, READ_ROLES);

export const requireCompiledReportWrite = (db: Executor, actor: Actor, ctx: PeriodContext) =>
  requireWriteAccess(db, actor, ctx.program.unitId, COMPILED_REPORT_WRITERS, writeDateFor(ctx.period.dataTo));
