// GET /api/reports/due: what the reader's units owe (home card, "Báo cáo" page).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type * as wire from '../../../../common/api/reports';
import { api, qs } from '../../lib/api';

export type DueReport = z.output<typeof wire.DueReportView>;

export function useDueReports(show: 'open' | 'all' = 'open', enabled = true) {
  return useQuery({
    queryKey: ['reports', 'due', show],
    queryFn: () => api.get<DueReport[]>(`/api/reports/due${qs({ show })}`),
    enabled,
  });
}

/** The web path of a due report's form: by id once it exists, by period and unit before. */
export function dueReportPath(d: Pick<DueReport, 'reportId' | 'period' | 'unit'>): string {
  return d.reportId ? `/reports/${d.reportId}` : `/reports/periods/${d.period.id}/units/${d.unit.id}`;
}
