// TanStack Query hooks over /api/members (sổ đoàn viên). Every key starts with
// 'members' so one invalidation refreshes the list, member pages, stats and
// pending transfers. Shapes mirror server/modules/members/schemas.ts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgeBand,
  Gender,
  ImportState,
  MemberEventKind,
  MemberSort,
  MemberStatus,
  TransferState,
  UnionPosition,
} from '../../../../common/members';
import { api, download, qs } from '../../lib/api';

export interface MemberListItem {
  id: string;
  fullName: string;
  gender: Gender;
  /** "1985-**-**" when masked, else ISO. */
  birthDate: string;
  citizenId: string | null;
  phone: string | null;
  unionPosition: UnionPosition;
  partyMember: boolean;
  cardNumber: string | null;
  status: MemberStatus;
  admittedOn: string;
  unitId: string;
  unitCode: string;
  unitName: string;
  pendingTransfer: boolean;
}

export interface MemberList {
  items: MemberListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MemberEvent {
  id: string;
  kind: MemberEventKind;
  eventDate: string;
  unitId: string;
  unitName: string;
  toUnitId: string | null;
  toUnitName: string | null;
  toOutsideName: string | null;
  transferState: TransferState | null;
  decidedOn: string | null;
  cardNumber: string | null;
  note: string | null;
  createdByName: string | null;
}

export interface MemberCan {
  edit: boolean;
  transfer: boolean;
  leave: boolean;
  rejoin: boolean;
  issueCard: boolean;
}

export interface MemberDetail extends MemberListItem {
  personalDataMasked: boolean;
  email: string | null;
  ethnicity: string | null;
  job: string | null;
  workplace: string | null;
  cardIssuedOn: string | null;
  events: MemberEvent[];
  can: MemberCan;
}

export interface PendingTransfer {
  eventId: string;
  memberId: string;
  memberName: string;
  date: string;
  fromUnitId: string;
  fromUnitName: string;
  toUnitId: string;
  toUnitName: string;
  note: string | null;
  canDecide: boolean;
}

/** A receiving union found by its exact code (GET /api/members/receiving-unit), in or out of the caller's scope. */
export interface ReceivingUnit {
  id: string;
  code: string;
  fullName: string;
  shortName: string;
  /** The caller manages members there: the transfer takes effect at once; otherwise it waits for the unit to accept. */
  inScope: boolean;
}

export interface MemberStats {
  active: number;
  admittedThisYear: number;
  pendingTransfers: number;
}

export interface ImportCellError {
  row: number;
  column: string;
  message: string;
}

export interface MemberImportStatus {
  id: string;
  fileName: string;
  state: ImportState;
  progress: number;
  totalRows: number;
  validRows: number;
  invalidRows: number;
  errorCount: number;
  fileError: string | null;
  errors: ImportCellError[];
  importedRows: number;
  skippedRows: number;
  createdAt: string;
}

export interface MemberPersonInput {
  fullName: string;
  gender: Gender;
  birthDate: string;
  citizenId?: string | null;
  phone?: string | null;
  email?: string | null;
  ethnicity?: string | null;
  job?: string | null;
  workplace?: string | null;
  unionPosition?: UnionPosition;
  partyMember?: boolean;
}

export interface AdmitMemberInput extends MemberPersonInput {
  unitId: string;
  admittedOn: string;
  cardNumber?: string | null;
  note?: string | null;
}

export interface TransferInput {
  date: string;
  toUnitId?: string | null;
  toOutsideName?: string | null;
  note?: string | null;
}

export interface LeaveInput {
  date: string;
  reason: 'left' | 'died';
  note?: string | null;
}

export interface RejoinInput {
  date: string;
  unitId: string;
  note?: string | null;
}

export interface IssueCardInput {
  cardNumber: string;
  date: string;
}

/** The list's filters, as kept in the URL and sent to the API (list and export). */
export interface MemberFilters {
  q?: string | undefined;
  unitId?: string | undefined;
  /** Only sent when false (the API's default is true). */
  includeSubtree?: boolean | undefined;
  status?: MemberStatus | undefined;
  gender?: Gender | undefined;
  ageBand?: AgeBand | undefined;
  position?: UnionPosition | undefined;
  admissionYear?: number | undefined;
  sort?: MemberSort | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export const MEMBERS_KEY = 'members';

export function filterParams(f: MemberFilters) {
  return {
    q: f.q,
    unitId: f.unitId,
    includeSubtree: f.unitId && f.includeSubtree === false ? 'false' : undefined,
    status: f.status,
    gender: f.gender,
    ageBand: f.ageBand,
    position: f.position,
    admissionYear: f.admissionYear,
    sort: f.sort,
    order: f.order,
  };
}

export function useMembers(filters: MemberFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [MEMBERS_KEY, 'list', filterParams(filters), page, pageSize],
    queryFn: () => api.get<MemberList>(`/api/members${qs({ ...filterParams(filters), page, pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string | undefined) {
  return useQuery({
    queryKey: [MEMBERS_KEY, 'detail', id],
    queryFn: () => api.get<MemberDetail>(`/api/members/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
  });
}

export function useMemberStats(unitId?: string, enabled = true) {
  return useQuery({
    queryKey: [MEMBERS_KEY, 'stats', unitId ?? null],
    queryFn: () => api.get<MemberStats>(`/api/members/stats${qs({ unitId })}`),
    enabled,
    staleTime: 30_000,
  });
}

export function usePendingTransfers(enabled = true) {
  return useQuery({
    queryKey: [MEMBERS_KEY, 'transfers', 'pending'],
    queryFn: () => api.get<{ items: PendingTransfer[] }>('/api/members/transfers/pending'),
    enabled,
  });
}

export const receivingUnitQuery = (code: string, date: string) => ({
  queryKey: [MEMBERS_KEY, 'receiving-unit', code.toLowerCase(), date] as const,
  queryFn: () => api.get<ReceivingUnit>(`/api/members/receiving-unit${qs({ code, date })}`),
  staleTime: 60_000,
  retry: false,
});

/** The unit with this code active on the date (the lookup runs only once a code and a date are given). */
export function useReceivingUnit(code: string | null, date: string | undefined) {
  return useQuery({ ...receivingUnitQuery(code ?? '', date ?? ''), enabled: Boolean(code && date) });
}

/** A write that refreshes everything about members (lists, pages, stats, transfers) and the targets fed by them. */
function useMemberWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [MEMBERS_KEY] });
      void client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}

export function useAdmitMember() {
  return useMemberWrite((body: AdmitMemberInput) => api.post<MemberDetail>('/api/members', body));
}

export function useUpdateMember(id: string) {
  return useMemberWrite((body: Partial<MemberPersonInput>) => api.patch<MemberDetail>(`/api/members/${id}`, body));
}

export function useTransferMember(id: string) {
  return useMemberWrite((body: TransferInput) => api.post<MemberDetail>(`/api/members/${id}/transfer`, body));
}

export function useLeaveMember(id: string) {
  return useMemberWrite((body: LeaveInput) => api.post<MemberDetail>(`/api/members/${id}/leave`, body));
}

export function useRejoinMember(id: string) {
  return useMemberWrite((body: RejoinInput) => api.post<MemberDetail>(`/api/members/${id}/rejoin`, body));
}

export function useIssueCard(id: string) {
  return useMemberWrite((body: IssueCardInput) => api.post<MemberDetail>(`/api/members/${id}/card`, body));
}

export function useDecideTransfer() {
  return useMemberWrite((vars: { eventId: string; accept: boolean; note?: string | null }) =>
    api.post<MemberDetail>(`/api/members/transfers/${vars.eventId}/decide`, { accept: vars.accept, note: vars.note ?? null }),
  );
}

/** Downloads the XLSX of the current filters (the server audits the export). */
export function useExportMembers() {
  return useMutation({
    mutationFn: (filters: MemberFilters) => download(`/api/members/export${qs(filterParams(filters))}`, 'so-doan-vien.xlsx'),
  });
}

// ---- Excel import ----

export const IMPORT_BUSY_STATES: readonly ImportState[] = ['validating', 'importing'];

/** One import's status, polled every ~700 ms while the server validates or imports. */
export function useImportStatus(id: string | null) {
  return useQuery({
    queryKey: [MEMBERS_KEY, 'import', id],
    queryFn: () => api.get<MemberImportStatus>(`/api/members/import/${encodeURIComponent(id!)}`),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data && !IMPORT_BUSY_STATES.includes(query.state.data.state) ? false : 700),
  });
}

export function useCommitImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: { id: string; validRowsOnly: boolean }) =>
      api.post<MemberImportStatus>(`/api/members/import/${encodeURIComponent(vars.id)}/commit`, { validRowsOnly: vars.validRowsOnly }),
    onSuccess: (status) => client.setQueryData([MEMBERS_KEY, 'import', status.id], status),
  });
}

export const downloadImportTemplate = () => download('/api/members/import/template', 'mau-nhap-doan-vien.xlsx');
export const downloadRejectedRows = (id: string) =>
  download(`/api/members/import/${encodeURIComponent(id)}/rejected`, 'dong-loi.xlsx');

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends the raw .xlsx as the request body with XMLHttpRequest, so the page can
 * show the upload's progress (fetch cannot). Same headers as api.ts: the CSRF
 * token and the language; errors become the server's translated message.
 */
export function uploadMemberImport(
  file: File,
  options: { csrfToken: string | null; language: string; onProgress: (percent: number) => void; signal?: AbortSignal },
): Promise<MemberImportStatus> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/members/import');
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', XLSX_TYPE);
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('accept-language', options.language);
    if (options.csrfToken) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress(Math.round((e.loaded / e.total) * 100));
    };
    const fallback = options.language === 'en' ? 'Upload failed.' : 'Tải tệp lên không thành công.';
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload) return resolve(payload as MemberImportStatus);
      const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
      reject(new UploadError(xhr.status, error?.code ?? 'UPLOAD', error?.message ?? fallback));
    };
    xhr.onerror = () =>
      reject(new UploadError(0, 'NETWORK', options.language === 'en' ? 'Cannot reach the server.' : 'Không kết nối được máy chủ.'));
    xhr.onabort = () => reject(new UploadError(0, 'ABORTED', fallback));
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
