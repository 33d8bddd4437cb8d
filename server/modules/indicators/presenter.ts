import type { ReportKind } from '../../../common/reports.js';
// Rows → API shapes for the indicator engine (never ORM rows).
import type { Aggregation, ConditionOperator, Direction, Measure, TargetComparator, ValueType } from '../../../common/indicators.js';
import type { DerivedFactSource } from '../../../common/members.js';
import type { dataElements, indicators, targetAllocations, targets } from '../../db/schema/indicators.js';
import { toDateOnly } from '../../db/sql.js';
import { roundValue, type TargetProgress } from './compute-targets.js';
import type { UnitCell } from './compute-unit-cells.js';

type DataElementRow = typeof dataElements.$inferSelect;
type IndicatorRow = typeof indicators.$inferSelect;
type TargetRow = typeof targets.$inferSelect;
type AllocationRow = typeof targetAllocations.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const num = (v: string | null) => (v === null ? null : Number(v));

export function presentDataElement(r: DataElementRow) {
  return {
    id: r.id,
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    valueType: r.valueType as ValueType,
    aggregation: r.aggregation as Aggregation,
    allowsNotApplicable: r.allowsNotApplicable,
    gradeOptions: r.gradeOptions ?? null,
    derivedFrom: (r.derivedFrom as DerivedFactSource | null) ?? null,
    derivedAddendElementId: r.derivedAddendElementId ?? null,
    wholeNumber: r.wholeNumber,
    upperBoundElementId: r.upperBoundElementId ?? null,
    reportedIn: r.reportedIn as ReportKind,
    helpVi: r.helpVi ?? null,
    archivedAt: iso(r.archivedAt),
    rowVersion: r.rowVersion,
  };
}

export function presentIndicator(r: IndicatorRow) {
  return {
    id: r.id,
    code: r.code,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    measure: r.measure as Measure,
    unitOfMeasure: r.unitOfMeasure,
    direction: r.direction as Direction,
    numeratorElementId: r.numeratorElementId,
    denominatorElementId: r.denominatorElementId,
    condition: r.conditionElementId
      ? {
          elementId: r.conditionElementId,
          operator: r.conditionOperator as ConditionOperator,
          number: num(r.conditionNumber),
          values: r.conditionValues ?? null,
        }
      : null,
    eligibilityElementId: r.eligibilityElementId,
    unitKinds: r.unitKinds,
    recordSource: r.recordSource,
    recordFilter: r.recordFilter ?? null,
    bounded: r.bounded,
    archivedAt: iso(r.archivedAt),
    rowVersion: r.rowVersion,
  };
}

export function presentTarget(r: TargetRow, allocations: AllocationRow[]) {
  return {
    id: r.id,
    indicatorId: r.indicatorId,
    programId: r.programId,
    code: r.code,
    text: r.text,
    comparator: r.comparator as TargetComparator,
    value: Number(r.value),
    unitOfMeasure: r.unitOfMeasure,
    periodFrom: toDateOnly(r.periodFrom)!.slice(0, 7),
    periodTo: toDateOnly(r.periodTo)!.slice(0, 7),
    scopeUnitId: r.scopeUnitId,
    tolerance: Number(r.tolerance),
    stretch: r.stretch,
    whenConditionsAllow: r.whenConditionsAllow,
    sortOrder: r.sortOrder,
    taskGroupNumber: r.taskGroupNumber ?? null,
    rowVersion: r.rowVersion,
    previousTargetId: r.previousTargetId ?? null,
    archivedAt: iso(r.archivedAt),
    allocations: allocations.filter((a) => a.targetId === r.id).map((a) => ({ unitId: a.unitId, value: Number(a.value) })),
  };
}

/** A target's progress; `departures` (computeMemberDepartures) adds the net change to a target counting admissions. */
export function presentProgress(p: TargetProgress, departures?: ReadonlyMap<string, number>) {
  const { period, ...rest } = p;
  const d = departures?.get(p.targetId);
  return {
    ...rest,
    periodFrom: period.from,
    periodTo: period.to,
    departures: d ?? null,
    netChange: d === undefined ? null : roundValue((p.value ?? 0) - d),
  };
}

/** One unit's cell on a target (compute-unit-cells.ts), without its ids and names. */
export function presentUnitCell(c: UnitCell) {
  return {
    state: c.state,
    value: c.value,
    meets: c.meets,
    allocated: c.allocated,
    grade: c.grade,
    basis: c.basis,
    ownTarget: c.ownTarget,
    ownValue: c.ownValue,
    status: c.status,
    owed: c.owed,
  };
}
