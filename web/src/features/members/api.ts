// TanStack Query hooks over /api/members (sổ đoàn viên). Every key starts with
// 'members' so one invalidation refreshes the list, member pages, stats and
// pending transfers. Every shape is the server's own zod schema
// (common/api/members.ts): a changed response field breaks the type check here.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as Wire from '../../../../common/api/members';
import type { ImportState, MemberStatus } from '../../../../common/members';
import { api, download, qs } from '../../lib/api';

export type MemberListItem = z.output<typeof Wire.MemberListItem>;
export type MemberList = z.output<typeof Wire.MemberListResponse>;
export type MemberEvent = z.output<typeof Wire.MemberEvent>;
export type MemberDetail = z.output<typeof Wire.MemberDetail>;
export type PendingTransfer = z.output<typeof Wire.PendingTransfer>;
export type PendingTransferList = z.output<typeof Wire.PendingTransferList>;
/** A receiving union found by its exact code (GET /api/members/receiving-unit), in or out of the caller's scope. */
export type ReceivingUnit = z.output<typeof Wire.ReceivingUnit>;
export type MemberStats = z.output<typeof Wire.MemberStats>;
export type ImportCellError = z.output<typeof Wire.ImportCellError>;
export type MemberImportStatus = z.output<typeof Wire.MemberImportStatus>;
export type DecideTransferResult = z.output<typeof Wire.DecideTransferResponse>;

/** What the forms send (before the server's defaults and normalising). */
export type MemberPersonInput = z.input<typeof Wire.MemberPersonFields>;
export type AdmitMemberInput = z.input<typeof Wire.AdmitMemberBody>;
export type UpdateMemberInput = z.input<typeof Wire.UpdateMemberBody>;
export type TransferInput = z.input<typeof Wire.TransferMemberBody>;
export type LeaveInput = z.input<typeof Wire.LeaveMemberBody>;
export type RejoinInput = z.input<typeof Wire.RejoinMemberBody>;
export type IssueCardInput = z.input<typeof Wire.IssueCardBody>;
export type DecideTransferInput = z.input<typeof Wire.DecideTransferBody>;

type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/**
 * The list's filters, as kept in the URL and sent to the API (list and
 * export): the API's filter query as the server reads it, every field optional
 * (includeSubtree is only sent when false, the API's default being true).
 * The list shows active members unless another status or 'all' is chosen.
 */
export type MemberFilters = Optional<Omit<z.output<typeof Wire.MemberFilterQuery>, 'status'>> & {
  status?: MemberStatus | 'all' | undefined;
};

export const MEMBERS_KEY = 'members';

export function filterParams(f: MemberFilters) {
  return {
    q: f.q,
    unitId: f.unitId,
    includeSubtree: f.unitId && f.includeSubtree === false ? 'false' : undefined,
    status: f.status === 'all' ? undefined : f.status,
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
    queryFn: () => api.get<PendingTransferList>('/api/members/transfers/pending'),
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
  return useMemberWrite((body: UpdateMemberInput) => api.patch<MemberDetail>(`/api/members/${id}`, body));
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
  return useMemberWrite(({ eventId, ...body }: DecideTransferInput & { eventId: string }) =>
    api.post<DecideTransferResult>(`/api/members/transfers/${eventId}/decide`, { ...body, note: body.note ?? null }),
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
export const downloadRejectedRows = (id: string) => download(`/api/members/import/${encodeURIComponent(id)}/rejected`, 'dong-loi.xlsx');

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
