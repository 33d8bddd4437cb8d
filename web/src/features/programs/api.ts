// TanStack Query hooks over /api/programs (chương trình công tác).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/programs';
import { api, qs } from '../../lib/api';

// Types of what crosses the wire, taken from the schemas the server uses.
export type ProgramSummary = z.output<typeof wire.ProgramSummary>;
export type ProgramDetail = z.output<typeof wire.ProgramDetail>;
export type ProgramPage = z.output<typeof wire.ProgramPage>;
/** One version of a program and what changed from the one before. */
export type ProgramVersion = z.output<typeof wire.ProgramVersion>;
/** Phân bổ chỉ tiêu: does each total target of the program add up? */
export type AllocationCheck = z.output<typeof wire.AllocationCheck>;
/** Cụ thể hóa: the derived program and what became of each target. */
export type DeriveProgramResult = z.output<typeof wire.DeriveProgramResult>;
/** The header fields and content as sent to POST (with unitId). */
export type ProgramBody = z.input<typeof wire.CreateProgramBody>;
/** The fields of a draft a PATCH may change (not the issuing unit). */
export type ProgramPatch = z.input<typeof wire.UpdateProgramBody>;
export type AmendProgramBody = z.input<typeof wire.AmendProgramBody>;
export type DeriveProgramBody = z.input<typeof wire.DeriveProgramBody>;
export type IssueProgramBody = z.input<typeof wire.IssueProgramBody>;

/** A page of programs; the parameters as the server reads them from the query string. */
export function usePrograms(params: z.output<typeof wire.ListProgramsQuery>) {
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

export function useProgramVersions(id: string | undefined) {
  return useQuery({
    queryKey: ['programs', 'versions', id],
    queryFn: () => api.get<z.output<typeof wire.ProgramVersionList>>(`/api/programs/${id}/versions`),
    enabled: Boolean(id),
  });
}

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
  useProgramMutation(({ id, body }: { id: string; body: ProgramPatch }) => api.patch<ProgramDetail>(`/api/programs/${id}`, body));
/** Ban hành; confirmUnresolvedMarks issues a derived draft whose marked sentences are not all edited. */
export const useIssueProgram = () =>
  useProgramMutation((arg: string | ({ id: string } & IssueProgramBody)) => {
    const { id, ...body } = typeof arg === 'string' ? { id: arg } : arg;
    return api.post<ProgramDetail>(`/api/programs/${id}/issue`, body satisfies IssueProgramBody);
  });
export const useAmendProgram = () =>
  useProgramMutation(({ id, reason }: { id: string } & AmendProgramBody) =>
    api.post<ProgramDetail>(`/api/programs/${id}/amend`, { reason } satisfies AmendProgramBody),
  );

export function useAllocationCheck(id: string) {
  return useQuery({
    queryKey: ['programs', 'allocation-check', id],
    queryFn: () => api.get<AllocationCheck>(`/api/programs/${id}/allocation-check`),
  });
}

export function useDeriveProgram(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeriveProgramBody) => api.post<DeriveProgramResult>(`/api/programs/${id}/derive`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['programs'] }),
  });
}

/** Cụ thể hóa, later: carry the superior's targets allocated to the unit since the draft was derived. */
export type CarryDerivedTargetsBody = z.input<typeof wire.CarryDerivedTargetsBody>;
export const useCarryDerivedTargets = () =>
  useProgramMutation(({ id, expectedVersion }: { id: string } & CarryDerivedTargetsBody) =>
    api.post<ProgramDetail>(`/api/programs/${id}/carry-targets`, { expectedVersion } satisfies CarryDerivedTargetsBody),
  );
