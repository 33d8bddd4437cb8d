// TanStack Query hooks over the indicator catalogue: data elements (dữ liệu
// báo cáo), indicators (chỉ số), targets (chỉ tiêu) and their allocations.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Aggregation,
  ConditionOperator,
  Direction,
  Measure,
  RecordSourceName,
  TargetComparator,
  ValueType,
} from '../../../../common/indicators';
import type { DerivedFactSource } from '../../../../common/members';
import { api, qs } from '../../lib/api';

export interface DataElement {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  valueType: ValueType;
  aggregation: Aggregation;
  allowsNotApplicable: boolean;
  gradeOptions: string[] | null;
  /** Facts computed from records (e.g. the member registry), never reported. */
  derivedFrom: DerivedFactSource | null;
  /** Derived elements: the reported number element added each month (its latest value), e.g. workers who are not members. */
  derivedAddendElementId: string | null;
  archivedAt: string | null;
}

export interface Indicator {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
  measure: Measure;
  unitOfMeasure: string;
  direction: Direction;
  numeratorElementId: string | null;
  denominatorElementId: string | null;
  condition: { elementId: string; operator: ConditionOperator; number: number | null; values: string[] | null } | null;
  eligibilityElementId: string | null;
  unitKinds: string[];
  recordSource: RecordSourceName | null;
  recordFilter: Record<string, string> | null;
  archivedAt: string | null;
}

export interface Target {
  id: string;
  indicatorId: string;
  programId: string | null;
  code: string | null;
  text: string;
  comparator: TargetComparator;
  value: number;
  unitOfMeasure: string;
  periodFrom: string;
  periodTo: string;
  scopeUnitId: string;
  tolerance: number;
  stretch: boolean;
  whenConditionsAllow: boolean;
  sortOrder: number;
  allocations: { unitId: string; value: number }[];
}

export interface AllocationUnit {
  unitId: string;
  unitCode: string;
  unitName: string;
}

export interface TargetAllocations {
  targetId: string;
  /** Optimistic version of the target: sent back as expectedVersion when allocating. */
  rowVersion: number;
  allocatable: boolean;
  allocations: (AllocationUnit & { value: number })[];
  childUnits: AllocationUnit[];
  total: number;
  sum: number;
  gap: number;
  dryRun: boolean;
}

export type AllocateBody =
  | { mode: 'manual'; allocations: { unitId: string; value: number }[]; expectedVersion: number }
  | { mode: 'proportional'; basis: { dataElementId: string }; dryRun?: boolean; expectedVersion: number };

const KEY = 'catalogue';

export function useDataElements(includeArchived = false) {
  return useQuery({
    queryKey: [KEY, 'elements', includeArchived],
    queryFn: () => api.get<{ items: DataElement[] }>(`/api/data-elements${qs({ includeArchived: includeArchived || undefined })}`),
  });
}

export function useIndicators() {
  return useQuery({ queryKey: [KEY, 'indicators'], queryFn: () => api.get<{ items: Indicator[] }>('/api/indicators') });
}

export function useCatalogueTargets(programId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'targets', programId ?? null],
    queryFn: () => api.get<{ items: Target[] }>(`/api/targets${qs({ programId })}`),
  });
}

export function useTargetAllocations(targetId: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'allocations', targetId],
    queryFn: () => api.get<TargetAllocations>(`/api/targets/${targetId}/allocations`),
    enabled: Boolean(targetId),
    retry: false,
  });
}

/** A write that refreshes the catalogue (and the targets dashboards) when it succeeds. */
function useCatalogueMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      client.invalidateQueries({ queryKey: [KEY] });
      client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}

export const useCreateDataElement = () => useCatalogueMutation((body: unknown) => api.post<DataElement>('/api/data-elements', body));
export const useArchiveDataElement = () => useCatalogueMutation((id: string) => api.post<DataElement>(`/api/data-elements/${id}/archive`));
export const useCreateIndicator = () => useCatalogueMutation((body: unknown) => api.post<Indicator>('/api/indicators', body));
export const useCreateTarget = () => useCatalogueMutation((body: unknown) => api.post<Target>('/api/targets', body));

export function useAllocateTarget(targetId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AllocateBody) => api.put<TargetAllocations>(`/api/targets/${targetId}/allocations`, body),
    onSuccess: (data) => {
      if (data.dryRun) return;
      client.invalidateQueries({ queryKey: [KEY] });
      client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}
