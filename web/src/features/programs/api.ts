// TanStack Query hooks over /api/programs (chương trình công tác).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
