// The reporting cycle's routes (docs/reporting.md "Routes"): schedule,
// periods, what is due, the form and the workflow. Thin: auth → validate →
// one use-case → presenter.
import { z } from 'zod';
import type { Actor } from '../../lib/access.js';
import { IdParams, responses, type App } from '../../lib/http.js';
import { approveReport } from './approve-report.js';
import { closeReportPeriod } from './close-report-period.js';
import { getReportSchedule } from './get-report-schedule.js';
import { getReport } from './get-report.js';
import { listDueReports } from './list-due-reports.js';
import { presentDue, presentPeriod, presentReport, presentSchedule } from './presenter.js';
import { reopenReportPeriod } from './reopen-report-period.js';
import { reopenReport } from './reopen-report.js';
import { returnReport } from './return-report.js';
import { saveReportDraft, type SavedReport } from './save-report-draft.js';
import { saveReportSchedule } from './save-report-schedule.js';
import {
  ApproveReportBody,
  ClosePeriodBody,
  DueReportView,
  ListDueReportsQuery,
  PeriodUnitParams,
  PutReportScheduleBody,
  ReopenPeriodBody,
  ReopenReportBody,
  ReportPeriodView,
  ReportScheduleView,
  ReportView,
  ReturnReportBody,
  SaveReportBody,
  SubmitReportBody,
} from './schemas.js';
import { submitReport } from './submit-report.js';

export default async function reportRoutes(app: App) {
  const db = app.database.db;
  const tags = ['reports'];
  /** A report as the reader sees it after a step (allowedActions recomputed). */
  const present = async (actor: Actor, id: string) => presentReport(await getReport(db, actor, { id }));
  // A save or a submission answers with the form as its transaction left it (withReport).
  const presentWritten = (saved: SavedReport) => {
    if (!saved.report) throw new Error('a write asked withReport returned no report');
    return presentReport(saved.report);
  };

  app.get(
    '/programs/:id/report-schedule',
    { schema: { tags, summary: 'Lịch báo cáo của chương trình', params: IdParams, response: responses({ 200: ReportScheduleView }) } },
    async (req) => presentSchedule(await getReportSchedule(db, req.actor!, req.params.id)),
  );

  app.put(
    '/programs/:id/report-schedule',
    {
      schema: {
        tags,
        summary: 'Lưu lịch báo cáo của chương trình',
        params: IdParams,
        body: PutReportScheduleBody,
        response: responses({ 200: ReportScheduleView }),
      },
    },
    async (req) => presentSchedule(await saveReportSchedule(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/report-periods/:id/close',
    {
      schema: {
        tags,
        summary: 'Khóa sổ kỳ báo cáo',
        params: IdParams,
        body: ClosePeriodBody,
        response: responses({ 200: ReportPeriodView }),
      },
    },
    async (req) => presentPeriod(await closeReportPeriod(db, req.actor!, req.params.id, req.body)),
  );

  app.post(
    '/report-periods/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Mở lại kỳ báo cáo đã khóa sổ',
        params: IdParams,
        body: ReopenPeriodBody,
        response: responses({ 200: ReportPeriodView }),
      },
    },
    async (req) => presentPeriod(await reopenReportPeriod(db, req.actor!, req.params.id, req.body)),
  );

  app.get(
    '/reports/due',
    {
      schema: {
        tags,
        summary: 'Báo cáo đơn vị cần làm',
        querystring: ListDueReportsQuery,
        response: responses({ 200: z.array(DueReportView) }),
      },
    },
    async (req) => (await listDueReports(db, req.actor!, req.query)).map(presentDue),
  );

  app.get(
    '/report-periods/:periodId/units/:unitId/report',
    {
      schema: {
        tags,
        summary: 'Báo cáo của đơn vị trong kỳ (mẫu trống khi chưa làm)',
        params: PeriodUnitParams,
        response: responses({ 200: ReportView }),
      },
    },
    async (req) => presentReport(await getReport(db, req.actor!, req.params)),
  );

  app.put(
    '/report-periods/:periodId/units/:unitId/report',
    {
      schema: {
        tags,
        summary: 'Lưu nháp báo cáo',
        params: PeriodUnitParams,
        body: SaveReportBody,
        response: responses({ 200: ReportView }),
      },
    },
    async (req) =>
      presentWritten(
        await saveReportDraft(db, req.actor!, req.params.periodId, req.params.unitId, req.body, new Date(), { withReport: true }),
      ),
  );

  app.get(
    '/reports/:id',
    { schema: { tags, summary: 'Báo cáo', params: IdParams, response: responses({ 200: ReportView }) } },
    async (req) => present(req.actor!, req.params.id),
  );

  app.post(
    '/reports/:id/submit',
    { schema: { tags, summary: 'Nộp báo cáo', params: IdParams, body: SubmitReportBody, response: responses({ 200: ReportView }) } },
    async (req) => presentWritten(await submitReport(db, req.actor!, req.params.id, req.body, new Date(), { withReport: true })),
  );

  app.post(
    '/reports/:id/return',
    { schema: { tags, summary: 'Trả lại báo cáo', params: IdParams, body: ReturnReportBody, response: responses({ 200: ReportView }) } },
    async (req) => present(req.actor!, (await returnReport(db, req.actor!, req.params.id, req.body)).id),
  );

  app.post(
    '/reports/:id/approve',
    { schema: { tags, summary: 'Duyệt báo cáo', params: IdParams, body: ApproveReportBody, response: responses({ 200: ReportView }) } },
    async (req) => present(req.actor!, (await approveReport(db, req.actor!, req.params.id, req.body)).id),
  );

  app.post(
    '/reports/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Mở lại báo cáo đã duyệt',
        params: IdParams,
        body: ReopenReportBody,
        response: responses({ 200: ReportView }),
      },
    },
    async (req) => present(req.actor!, (await reopenReport(db, req.actor!, req.params.id, req.body)).id),
  );
}
