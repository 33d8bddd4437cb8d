// The Vĩnh Thuận CĐCS' reports of 2024 (báo cáo tháng, sơ kết 6 tháng, tổng
// kết năm), written THROUGH the report use-cases (save draft → submit →
// return/approve) with a fixed clock, so every fact of a reported element
// comes from a report (facts.report_id) exactly as it would in the product.
// The values are the deterministic ones of targets-2024.ts (demoFacts), so the
// dashboard as of 30/11/2024 tells the same story as when they were inserted.
// Only the reported elements are typed (workers who are not members, the
// grassroots-democracy regulation): the others are derived from the member
// registry or the activity records (activities-2024.ts), shown read-only.
//
// Every state is here (docs/reporting.md "Workflow"), chosen where it does not
// change the figures of 30/11/2024:
// - January–October: approved; a few first submitted after the deadline (late);
//   one returned with comments, then resubmitted and approved (VT07, April).
// - November: approved, except three submitted and not yet reviewed (they
//   count under "submitted and approved", not under "approved only").
// - December (due 25/12/2024): approved, submitted, late, returned with the
//   reviewer's comments, drafts and reports not started.
// - VT19 and VT20 never report (every period missing); VT21 (founded 15/08)
//   reports from August and has not sent its year report.
// - Half-year and year reports: the narratives per task group, difficulties and
//   proposals for a subset (the classification is the federation's record).
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReportValueInput } from '../../common/api/reports.js';
import { SaveReportBody } from '../../common/api/reports.js';
import type { Executor } from '../../server/db/client.js';
import { queryRows } from '../../server/db/sql.js';
import { SYSTEM_ACTOR } from '../../server/lib/access.js';
import { refreshDerivedFactsForAddend } from '../../server/modules/members/member-facts.js';
import { ensureReportPeriods } from '../../server/modules/reports/report-periods.js';
import { returnReport } from '../../server/modules/reports/return-report.js';
import { approveReport } from '../../server/modules/reports/approve-report.js';
import { saveReportDraft } from '../../server/modules/reports/save-report-draft.js';
import { submitReport } from '../../server/modules/reports/submit-report.js';
import { demoWrite } from './demo-write.js';
import { demoFacts, isReportedElement, SILENT_UNITS, type DemoFact } from './targets-2024.js';

/** What happens to a report in the demo. */
export type DemoReportFate = 'approved' | 'submitted' | 'returned' | 'draft' | 'missing' | 'returned_then_approved';

export interface DemoReportPlan {
  unit: string;
  /** 'YYYY-MM' for a monthly report, 'half_year' or 'year'. */
  period: string;
  fate: DemoReportFate;
  /** Day of the month of the first submission (after the due day: late). */
  submittedDay: number;
  narratives: Record<string, string>;
  difficulties: string | null;
}

const UNITS = Array.from({ length: 21 }, (_, i) => `VT${String(i + 1).padStart(2, '0')}`);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
const FIRST_MONTH: Record<string, string> = { VT21: '2024-08' };

/** Monthly reports first sent after the 25th (late). */
const LATE: Record<string, string[]> = { VT05: ['2024-03'], VT09: ['2024-07'], VT12: ['2024-02', '2024-09'], VT17: ['2024-12'] };
/** November reports sent and not yet reviewed. */
const NOVEMBER_SUBMITTED = ['VT03', 'VT08', 'VT15'];
/**
 * December (due 25/12/2024): what each CĐCS has done so far; the others have not started —
 * among them VT10 (CĐCS Trường THPT, the demo chair cdcs.thpt), so its chair has a monthly report to fill.
 */
const DECEMBER: Record<string, DemoReportFate> = {
  VT01: 'approved',
  VT02: 'approved',
  VT03: 'approved',
  VT04: 'approved',
  VT05: 'approved',
  VT06: 'approved',
  VT07: 'submitted',
  VT11: 'returned',
  VT13: 'returned',
  VT12: 'draft',
  VT14: 'draft',
  VT16: 'draft',
  VT17: 'submitted',
};

const NARRATIVES: Record<string, string[]> = {
  '1': [
    'Phối hợp với chuyên môn rà soát, bổ sung quy chế dân chủ ở cơ sở; tổ chức hội nghị cán bộ, công chức, viên chức đúng quy định.',
    'Tư vấn pháp luật cho đoàn viên về chế độ bảo hiểm xã hội, tiền lương; không phát sinh tranh chấp lao động tập thể.',
  ],
  '2': [
    'Thăm hỏi, tặng quà đoàn viên ốm đau, có hoàn cảnh khó khăn; vận động đóng góp Quỹ xã hội công đoàn.',
    'Phối hợp tổ chức khám sức khỏe định kỳ cho người lao động; chăm lo Tết Sum vầy cho đoàn viên.',
  ],
  '3': [
    'Tuyên truyền Nghị quyết Đại hội XIII Công đoàn Việt Nam và các văn bản pháp luật mới qua sinh hoạt tổ công đoàn, nhóm Zalo.',
    'Tổ chức các hoạt động Tháng Công nhân gắn với Tháng hành động về an toàn, vệ sinh lao động.',
  ],
  '4': [
    'Phát động thi đua lao động giỏi, lao động sáng tạo; biểu dương đoàn viên tiêu biểu.',
    'Đăng ký và triển khai phong trào “Giỏi việc nước, đảm việc nhà” trong nữ đoàn viên.',
  ],
  '5': [
    'Giới thiệu đoàn viên ưu tú cho chi bộ xem xét, bồi dưỡng kết nạp Đảng; kiện toàn ban chấp hành.',
    'Rà soát, cập nhật sổ đoàn viên; kết nạp đoàn viên mới và quản lý chặt chẽ đoàn viên chuyển đi, chuyển đến.',
  ],
};
const DIFFICULTIES = [
  'Kinh phí hoạt động còn hạn chế; đề nghị LĐLĐ huyện hỗ trợ tài liệu tuyên truyền.',
  'Một số đoàn viên làm việc theo ca, khó tập trung sinh hoạt; đề xuất tổ chức sinh hoạt trực tuyến.',
  'Người lao động ở doanh nghiệp ngoài nhà nước biến động nhiều, việc vận động kết nạp đoàn viên còn khó khăn.',
];

/** Every report of the demo, in the order they are written (deterministic). */
export function demoReportPlans(): DemoReportPlan[] {
  const plans: DemoReportPlan[] = [];
  const reporting = UNITS.filter((u) => !SILENT_UNITS.includes(u));
  const text = (list: string[], i: number) => list[i % list.length]!;
  for (const [m, month] of MONTHS.entries()) {
    for (const [u, unit] of reporting.entries()) {
      if (month < (FIRST_MONTH[unit] ?? '2024-01')) continue;
      const late = LATE[unit]?.includes(month) ?? false;
      let fate: DemoReportFate = 'approved';
      if (month === '2024-11' && NOVEMBER_SUBMITTED.includes(unit)) fate = 'submitted';
      if (month === '2024-12') fate = DECEMBER[unit] ?? 'missing';
      if (month === '2024-04' && unit === 'VT07') fate = 'returned_then_approved';
      if (fate === 'missing') continue;
      // A narrative for one task group in about one report in four, difficulties in one in six.
      const group = String(((u + m) % 5) + 1);
      const narratives = (u + m) % 4 === 0 ? { [group]: text(NARRATIVES[group]!, u + m) } : {};
      const difficulties = (u + m) % 6 === 0 ? text(DIFFICULTIES, u) : null;
      plans.push({ unit, period: month, fate, submittedDay: late ? 28 : 18 + ((u + m) % 7), narratives, difficulties });
    }
  }
  for (const period of ['half_year', 'year'] as const) {
    for (const [u, unit] of reporting.entries()) {
      if (unit === 'VT21') continue; // founded 15/08: not classified yet, has not sent its year report
      const fate: DemoReportFate = period === 'year' && ['VT04', 'VT10'].includes(unit) ? 'submitted' : 'approved';
      const narratives = Object.fromEntries(
        Object.entries(NARRATIVES).map(([g, list]) => [g, text(list, u + (period === 'year' ? 1 : 0))]),
      );
      plans.push({ unit, period, fate, submittedDay: 16 + (u % 5), narratives, difficulties: u % 3 === 0 ? null : text(DIFFICULTIES, u) });
    }
  }
  return plans;
}

/**
 * The values a report types: the month's demo facts of the reported elements (December repeats
 * November's), none in the half-year and year reports (the classification is a record now).
 */
function valuesOf(byKey: Map<string, DemoFact[]>, unit: string, period: string): DemoFact[] {
  if (period === 'half_year' || period === 'year') return [];
  if (period === '2024-12') return valuesOf(byKey, unit, '2024-11').map((f) => ({ ...f, month: period }));
  return (byKey.get(`${unit} ${period}`) ?? []).filter((f) => isReportedElement(f.element));
}

/** A time of a day in Vietnam (UTC+7). */
const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;

/**
 * Writes the demo reports through the use-cases as the system (SYSTEM_ACTOR),
 * each step at its own fixed time. Call inside the demo-data transaction,
 * after the program, its targets and the member registry (the derived figures
 * a submission refreshes read the registry's facts).
 */
export async function loadDemoReports(tx: Executor, unitId: (code: string) => string, programId: string): Promise<{ reports: number }> {
  await ensureReportPeriods(tx, programId, 2024);
  const periods = await queryRows<{ id: string; kind: string; fact_month: string }>(
    tx,
    sql`select id, kind, fact_month::text as fact_month from report_periods where program_id = ${programId}::uuid`,
  );
  const periodId = (p: string) =>
    periods.find((r) => (p === 'half_year' || p === 'year' ? r.kind === p : r.kind === 'monthly' && r.fact_month.startsWith(p)))!.id;
  const elements = new Map(
    (await queryRows<{ id: string; code: string }>(tx, sql`select id, code from data_elements`)).map((e) => [e.code, e.id] as const),
  );
  const byKey = new Map<string, DemoFact[]>();
  for (const f of demoFacts()) byKey.set(`${f.unit} ${f.month}`, [...(byKey.get(`${f.unit} ${f.month}`) ?? []), f]);
  const input = (f: DemoFact): z.input<typeof ReportValueInput> => ({
    dataElementId: elements.get(f.element)!,
    number: f.n ?? null,
    bool: f.b ?? null,
    text: f.t ?? null,
    notApplicable: f.na ?? false,
    notApplicableReason: f.na ? 'Không phát sinh ở đơn vị' : null,
  });

  const plans = demoReportPlans();
  // One refresh of the derived figures at the end (not one per submission): the load stays batch-sized.
  const batch = { deferDerivedRefresh: true };
  for (const plan of plans) {
    const what = `report ${plan.unit} ${plan.period}`;
    const month = plan.period === 'half_year' ? '2024-06' : plan.period === 'year' ? '2024-11' : plan.period;
    const values = valuesOf(byKey, plan.unit, plan.period);
    // A draft is half-filled: the first fields typed, the rest not yet.
    const typed = plan.fate === 'draft' ? values.slice(0, Math.ceil(values.length / 2)) : values;
    const body = SaveReportBody.parse({
      values: typed.map(input),
      narratives: plan.narratives,
      difficulties: plan.difficulties,
      expectedVersion: null,
    });
    const pid = periodId(plan.period);
    const uid = unitId(plan.unit);
    const sent = plan.submittedDay;
    const { id } = await demoWrite(what, () =>
      saveReportDraft(tx, SYSTEM_ACTOR, pid, uid, body, at(day(month, Math.max(1, sent - 3)), 15)),
    );
    if (plan.fate === 'draft') continue;
    await demoWrite(what, () => submitReport(tx, SYSTEM_ACTOR, id, { expectedVersion: 1 }, at(day(month, sent), 9), batch));
    if (plan.fate === 'submitted') continue;
    if (plan.fate === 'returned' || plan.fate === 'returned_then_approved') {
      const field = elements.get('non_member_workers')!;
      await demoWrite(what, () =>
        returnReport(
          tx,
          SYSTEM_ACTOR,
          id,
          {
            expectedVersion: 2,
            comment: 'Đề nghị CĐCS kiểm tra lại số liệu người lao động và bổ sung phần kết quả hoạt động trước khi gửi lại.',
            fieldComments: {
              [field]: 'Số người lao động chưa là đoàn viên chưa khớp với danh sách lao động của đơn vị.',
              difficulties: 'Ghi rõ đề xuất cụ thể với LĐLĐ huyện.',
            },
          },
          at(day(month, sent + 1), 10),
          batch,
        ),
      );
      if (plan.fate === 'returned') continue;
      const again = SaveReportBody.parse({ ...body, difficulties: DIFFICULTIES[0], expectedVersion: 3 });
      await demoWrite(what, () => saveReportDraft(tx, SYSTEM_ACTOR, pid, uid, again, at(day(month, sent + 2), 8)));
      await demoWrite(what, () => submitReport(tx, SYSTEM_ACTOR, id, { expectedVersion: 4 }, at(day(month, sent + 2), 9), batch));
      await demoWrite(what, () => approveReport(tx, SYSTEM_ACTOR, id, { expectedVersion: 5 }, at(day(month, sent + 3), 14)));
      continue;
    }
    await demoWrite(what, () => approveReport(tx, SYSTEM_ACTOR, id, { expectedVersion: 2 }, at(day(month, Math.min(28, sent + 2)), 14)));
  }
  const addends = await queryRows<{ id: string }>(
    tx,
    sql`select distinct derived_addend_element_id as id from data_elements where derived_addend_element_id is not null`,
  );
  const units = [...new Set(plans.map((p) => unitId(p.unit)))];
  for (const a of addends) await refreshDerivedFactsForAddend(tx, a.id, undefined, units);
  return { reports: plans.length };
}
