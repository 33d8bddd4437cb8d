// TanStack Query hooks over /api/programs (chương trình công tác).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgramChanges } from '../../../../common/program-diff';
import type { ProgramContent, ProgramKind, ProgramStatus } from '../../../../common/programs';
import { api, qs } from '../../lib/api';

export interface ProgramSummary {
  id: string;
  unitId: string;
  unitName: string;
  year: number;
  kind: ProgramKind;
  number: number;
  symbol: string;
  documentNumber: string;
  place: string;
  issuedOn: string | null;
  title: string;
  status: ProgramStatus;
  version: number;
  /** Optimistic version of the row: sent back as expectedVersion when saving (409 STALE_WRITE if someone saved since). */
  rowVersion: number;
  updatedAt: string;
}

export interface ProgramDetail extends ProgramSummary {
  previousVersionId: string | null;
  superiorBodyName: string | null;
  issuingBodyName: string;
  signatureAuthority: string;
  signerTitle: string;
  signerName: string;
  placeAndDate: string;
  issuedAt: string | null;
  createdAt: string;
  content: ProgramContent;
}

export interface ProgramPage {
  items: ProgramSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export function usePrograms(params: { year?: number; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['programs', 'list', params],
    queryFn: () => api.get<ProgramPage>(`/api/programs${qs(params)}`),
    placeholderData: keepPreviousData,
  });
}

export function useProgram(id: string | undefined) {
  return useQuery({
    queryKey: ['programs', 'detail', id],
    queryFn: () => api.get<ProgramDetail>(`/api/programs/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export const programDocxUrl = (id: string) => `/api/programs/${id}/document.docx`;

/** One version of a program and what changed from the one before. */
export interface ProgramVersion {
  id: string;
  version: number;
  status: ProgramStatus;
  issuedOn: string | null;
  changes: ProgramChanges | null;
}

export function useProgramVersions(id: string | undefined) {
  return useQuery({
    queryKey: ['programs', 'versions', id],
    queryFn: () => api.get<ProgramVersion[]>(`/api/programs/${id}/versions`),
    enabled: Boolean(id),
  });
}

/** The header fields and content as sent to POST (with unitId) and PATCH. */
export type ProgramBody = Omit<
  ProgramDetail,
  'id' | 'unitName' | 'documentNumber' | 'status' | 'version' | 'rowVersion' | 'updatedAt' | 'previousVersionId' | 'placeAndDate' | 'issuedAt' | 'createdAt'
>;

function useProgramMutation<A>(fn: (args: A) => Promise<ProgramDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (program) => {
      client.setQueryData(['programs', 'detail', program.id], program);
      void client.invalidateQueries({ queryKey: ['programs'] });
    },
  });
}

export const useCreateProgram = () => useProgramMutation((body: ProgramBody) => api.post<ProgramDetail>('/api/programs', body));
export const useUpdateProgram = () =>
  useProgramMutation(({ id, body }: { id: string; body: Partial<ProgramBody> & { expectedVersion: number } }) => api.patch<ProgramDetail>(`/api/programs/${id}`, body));
export const useIssueProgram = () => useProgramMutation((id: string) => api.post<ProgramDetail>(`/api/programs/${id}/issue`));
export const useAmendProgram = () =>
  useProgramMutation(({ id, reason }: { id: string; reason: string }) => api.post<ProgramDetail>(`/api/programs/${id}/amend`, { reason }));
