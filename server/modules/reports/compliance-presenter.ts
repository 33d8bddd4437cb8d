import type { z } from 'zod';
import type { ComplianceView } from '../../../common/api/reports.js';
import type { Compliance } from './get-compliance.js';

export function presentCompliance(c: Compliance): z.input<typeof ComplianceView> {
  return {
    period: c.period,
    rows: c.rows.map((r) => ({
      unit: { id: r.unit.id, code: r.unit.code, shortName: r.unit.shortName },
      parent: r.parent,
      reportId: r.report?.id ?? null,
      state: r.state,
      firstSubmittedAt: r.report?.firstSubmittedAt ?? null,
      submittedAt: r.report?.submittedAt ?? null,
      approvedAt: r.report?.approvedAt ?? null,
      remindersSent: r.remindersSent,
    })),
    counts: c.counts,
    expected: c.expected,
    complete: c.complete,
    onTime: c.onTime,
    onTimeRate: c.onTimeRate,
    completeRate: c.completeRate,
  };
}
