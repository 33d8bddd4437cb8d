// Demo data of the indicator engine for the seed program of LĐLĐ huyện Vĩnh
// Thuận 2024 (docs/indicator-engine.md): the data elements (dữ liệu báo cáo)
// and indicators (chỉ số) that measure the seed's ten targets (chỉ tiêu; 7 is
// split into 7a and 7b), the targets themselves, a few allocations, and the
// monthly facts (số liệu) the CĐCS reported January–November 2024. Target 7a
// counts admissions in the member registry (record source 'member_admitted',
// members-2024.ts), so members admitted in the app or imported from Excel move
// it; 'members_active' is derived from the registry (members at month end),
// and so is target 1's denominator 'members_and_workers': the members at month
// end plus the workers who are not members, the one part the CĐCS report
// ('non_member_workers'). Targets 1, 3, 4, 5, 6, 8, 9 and 10 read elements
// derived from the activity records (docs/activities.md): the trainings,
// Party introductions and "còn nguồn", classifications, inspections, labour
// cases, Worker Month activities and "Mái ấm" houses that
// scripts/demo/activities-2024.ts writes through the records' use-case, so
// the CĐCS report only 'non_member_workers' and 'democracy_regulation'.
//
// Each target belongs to one of the seed's nine task groups (nhóm nhiệm vụ):
// the report form shows the elements it reads under that group, beside the
// group's narrative box. The reported elements say, in plain words, what to
// type (help), which are counts (whole numbers), and which may not exceed
// the unit's members and workers (upper bound, checked as typed).
//
// Everything here is rows: the engine has no seed-specific code. Definitions
// are written by the engine's use-cases (inside the demo-data transaction,
// which they join), so the demo never holds a definition the API would refuse
// and every new rule applies to it without being copied here.
//
// The figures are deterministic (a fixed pseudo-random seed) and shaped so that
// the dashboard as of 30/11/2024 shows a mix: targets achieved, on track, at
// risk and off track; two CĐCS that never reported (VT19, VT20: no data,
// though their members are in the registry);
// target 6 "not applicable" to CĐCS without an inspection committee (UBKT);
// VT21, founded on 15/08/2024, reporting from August only.
import type { Aggregation, ConditionOperator, Measure, RecordSourceName, UnitOfMeasure, ValueType } from '../../common/indicators.js';
import { GRASSROOTS_GRADES } from '../../common/indicators.js';
import type { DerivedFactSource } from '../../common/members.js';
import type { Executor } from '../../server/db/client.js';
import { SYSTEM_ACTOR } from '../../server/lib/access.js';
import { createDataElement } from '../../server/modules/indicators/create-data-element.js';
import { createIndicator } from '../../server/modules/indicators/create-indicator.js';
import { createTarget } from '../../server/modules/indicators/create-target.js';
import { CreateDataElementBody, CreateIndicatorBody, CreateTargetBody } from '../../server/modules/indicators/schemas.js';
import { demoWrite } from './demo-write.js';
import { demoActiveCounts, monthEnd, prng, UNITS_WITH_UBKT } from './members-2024.js';
import { DEMO_PROGRAM_2024 } from './program-2024.js';

// ---- Definitions ----

interface ElementSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  valueType: ValueType;
  aggregation: Aggregation;
  allowsNotApplicable?: boolean;
  gradeOptions?: string[];
  derivedFrom?: DerivedFactSource;
  /** Code of the reported number element added each month (derived elements only; listed before). */
  derivedAddend?: string;
  /** In which report it is asked (default monthly). */
  reportedIn?: 'monthly' | 'half_year' | 'year';
  /** Reported counts: whole numbers only. */
  wholeNumber?: boolean;
  /** Code of a number element (listed before) the value may not exceed in the same month (e.g. members and workers). */
  upperBound?: string;
  /** Plain-words help shown under the field on the report form. */
  helpVi?: string;
}

export const DEMO_ELEMENTS = [
  // Reported: workers who are not (yet) members, the part of target 1's denominator the registry cannot count.
  {
    code: 'non_member_workers',
    nameVi: 'Số CNVCLĐ chưa là đoàn viên',
    nameEn: 'Workers who are not union members',
    valueType: 'number',
    aggregation: 'last',
    wholeNumber: true,
    helpVi:
      'Số người đang làm việc ở cơ quan, đơn vị nhưng chưa vào công đoàn, tính đến cuối tháng. Số đoàn viên thì ứng dụng tự tính từ sổ đoàn viên, không phải nhập.',
  },
  // Computed: the members at month end (registry) + the latest non-member workers reported.
  {
    code: 'members_and_workers',
    nameVi: 'Số đoàn viên, CNVCLĐ và người lao động',
    nameEn: 'Members and workers',
    valueType: 'number',
    aggregation: 'last',
    derivedFrom: 'active_members',
    derivedAddend: 'non_member_workers',
  },
  // Computed from the member registry, never reported: the members active on each month's last day.
  {
    code: 'members_active',
    nameVi: 'Số đoàn viên hiện có (tính từ sổ đoàn viên)',
    nameEn: 'Members (from the member registry)',
    valueType: 'number',
    aggregation: 'last',
    derivedFrom: 'active_members',
  },
  // Computed from the activity records (docs/activities.md), never typed: the trainings and
  // propaganda of the month (members + workers reached), summed over the months of the period.
  {
    code: 'propaganda_reached',
    nameVi: 'Số đoàn viên, CNVCLĐ được tuyên truyền, phổ biến chủ trương, nghị quyết, chính sách, pháp luật',
    nameEn: 'Members and workers reached by propaganda on policies and laws',
    valueType: 'number',
    aggregation: 'sum',
    derivedFrom: 'training_reached',
    helpVi:
      'Tính từ hồ sơ tuyên truyền, tập huấn: số đoàn viên và người lao động được tuyên truyền, phổ biến trong tháng (mỗi người tính một lần trong năm).',
  },
  {
    code: 'democracy_regulation',
    nameVi: 'Tham gia với chính quyền ban hành, thực hiện quy chế dân chủ ở cơ sở',
    nameEn: 'Took part in issuing and applying the grassroots-democracy regulation',
    valueType: 'boolean',
    aggregation: 'any',
    helpVi: 'Chọn "Có" khi công đoàn cơ sở đã cùng thủ trưởng cơ quan, đơn vị ban hành hoặc thực hiện quy chế dân chủ ở cơ sở trong năm.',
  },
  // The rest are computed from the activity records (scripts/demo/activities-2024.ts), never typed:
  // each with the value type and time aggregation of its source (RECORD_DERIVED_SOURCES).
  {
    code: 'party_candidates_available',
    nameVi: 'Còn nguồn đoàn viên ưu tú giới thiệu cho Đảng',
    nameEn: 'Still has excellent members to introduce to the Party',
    valueType: 'boolean',
    aggregation: 'last',
    derivedFrom: 'party_candidates',
    helpVi: 'Tính từ hồ sơ "Còn nguồn giới thiệu" của năm: đơn vị còn đoàn viên ưu tú chưa là đảng viên có thể giới thiệu cho chi bộ.',
  },
  {
    code: 'party_introductions',
    nameVi: 'Số đoàn viên ưu tú giới thiệu cho Đảng xem xét, bồi dưỡng kết nạp',
    nameEn: 'Excellent members introduced to the Party',
    valueType: 'number',
    aggregation: 'sum',
    derivedFrom: 'party_introductions',
    helpVi: 'Tính từ hồ sơ giới thiệu đoàn viên ưu tú cho Đảng: số đoàn viên được giới thiệu trong tháng.',
  },
  {
    code: 'chair_trained',
    nameVi: 'Chủ tịch công đoàn cơ sở được tập huấn, bồi dưỡng',
    nameEn: 'Grassroots union chair trained',
    valueType: 'boolean',
    aggregation: 'any',
    derivedFrom: 'chair_trained',
    helpVi: 'Tính từ hồ sơ tập huấn: "Có" khi chủ tịch công đoàn cơ sở có tên trong danh sách dự một lớp tập huấn, bồi dưỡng.',
  },
  {
    code: 'classification_grade',
    nameVi: 'Xếp loại công đoàn cơ sở',
    nameEn: 'Grassroots union classification',
    valueType: 'grade',
    aggregation: 'last',
    gradeOptions: [...GRASSROOTS_GRADES],
    derivedFrom: 'classification_grade',
    // The year's classification by the federation, shown in the year report.
    reportedIn: 'year',
    helpVi: 'Tính từ hồ sơ xếp loại công đoàn cơ sở cuối năm do công đoàn cấp trên nhập.',
  },
  {
    code: 'same_level_inspections',
    nameVi: 'Số cuộc kiểm tra cùng cấp của Ủy ban kiểm tra',
    nameEn: 'Same-level inspections by the inspection committee',
    valueType: 'number',
    aggregation: 'sum',
    derivedFrom: 'inspections_done',
    helpVi: 'Tính từ hồ sơ kiểm tra, giám sát: số cuộc kiểm tra (không tính giám sát) Ủy ban kiểm tra công đoàn cơ sở đã làm trong tháng.',
  },
  {
    code: 'labour_lawsuits_requested',
    nameVi: 'Số vụ việc lao động khởi kiện tại tòa án có yêu cầu công đoàn hỗ trợ',
    nameEn: 'Labour lawsuits at court where the member asked for support',
    valueType: 'number',
    aggregation: 'sum',
    derivedFrom: 'labour_lawsuits_requested',
    helpVi: 'Tính từ hồ sơ vụ việc lao động: số vụ khởi kiện tại tòa án có đoàn viên đề nghị công đoàn hỗ trợ, tiếp nhận trong tháng.',
  },
  {
    code: 'labour_lawsuits_supported',
    nameVi: 'Số vụ việc lao động khởi kiện được công đoàn hỗ trợ, tham gia tố tụng',
    nameEn: 'Labour lawsuits supported by the union',
    valueType: 'number',
    aggregation: 'sum',
    derivedFrom: 'labour_lawsuits_supported',
    helpVi: 'Tính từ hồ sơ vụ việc lao động: trong các vụ trên, số vụ công đoàn đã tham gia tố tụng để bảo vệ đoàn viên.',
  },
  {
    code: 'worker_month_activities',
    nameVi: 'Số hoạt động Tháng Công nhân',
    nameEn: 'Worker Month activities held',
    valueType: 'number',
    aggregation: 'sum',
    derivedFrom: 'worker_month_activities',
    helpVi: 'Tính từ hồ sơ phong trào: số hoạt động hưởng ứng Tháng Công nhân đơn vị tổ chức trong tháng (thường vào tháng 5).',
  },
  {
    code: 'mai_am_houses_supported',
    nameVi: 'Số căn nhà "Mái ấm công đoàn" được hỗ trợ',
    nameEn: '"Mái ấm công đoàn" houses supported',
    valueType: 'number',
    aggregation: 'sum',
    derivedFrom: 'mai_am_houses',
    helpVi: 'Tính từ hồ sơ an sinh: số căn nhà "Mái ấm công đoàn" được hỗ trợ xây mới hoặc sửa chữa, bàn giao trong tháng.',
  },
  // Women's affairs (task group 6), computed from the member registry: women among the members at
  // month end, and those of them holding a union office. The seed sets no target on them; a program may.
  {
    code: 'female_members',
    nameVi: 'Số nữ đoàn viên (tính từ sổ đoàn viên)',
    nameEn: 'Women members (from the member registry)',
    valueType: 'number',
    aggregation: 'last',
    derivedFrom: 'female_members',
  },
  {
    code: 'women_office_holders',
    nameVi: 'Số nữ đoàn viên giữ chức vụ công đoàn (tính từ sổ đoàn viên)',
    nameEn: 'Women holding a union office (from the member registry)',
    valueType: 'number',
    aggregation: 'last',
    derivedFrom: 'women_office_holders',
  },
] as const satisfies readonly ElementSpec[];

export type DemoElementCode = (typeof DEMO_ELEMENTS)[number]['code'];

/** True for the elements the CĐCS type in their reports (not derived from the registry or the activity records). */
export function isReportedElement(code: DemoElementCode): boolean {
  return !(DEMO_ELEMENTS as readonly ElementSpec[]).find((e) => e.code === code)!.derivedFrom;
}

interface IndicatorSpec {
  code: string;
  nameVi: string;
  nameEn: string;
  measure: Measure;
  unitOfMeasure: UnitOfMeasure;
  numerator?: DemoElementCode;
  denominator?: DemoElementCode;
  condition?: { element: DemoElementCode; operator: ConditionOperator; number?: number; values?: string[] };
  eligibility?: DemoElementCode;
  recordSource?: RecordSourceName;
  recordFilter?: { sector?: 'non_state_enterprise' };
  /** A share bounded to 0–100 % (the numerator is part of the denominator). */
  bounded?: boolean;
}

interface TargetSpec {
  /** Program target code ("1".."10", "7a", "7b"); also the indicator it measures by. */
  code: string;
  /** The seed's task group (nhóm nhiệm vụ) the target belongs to: the report form's section. */
  taskGroup: number;
  indicator: IndicatorSpec;
  value: number;
  tolerance: number;
  /** Allocations by unit code (phân bổ chỉ tiêu), totals only. */
  allocations?: Array<[string, number]>;
}

/** The seed's sentence for a program target (7a/7b: the two halves of target 7). */
function seedText(code: string): { text: string; stretch: boolean; whenConditionsAllow: boolean } {
  const seed = DEMO_PROGRAM_2024.content.targets.find((t) => t.code === code.replace(/[ab]$/, ''));
  if (!seed) throw new Error(`demo data: no seed target ${code}`);
  if (code === '7a' || code === '7b') {
    const [first, second] = seed.text.split('; ');
    return code === '7a'
      ? { text: `${first!}.`, stretch: false, whenConditionsAllow: false }
      : { text: second!.charAt(0).toUpperCase() + second!.slice(1), stretch: false, whenConditionsAllow: seed.whenConditionsAllow };
  }
  return { text: seed.text, stretch: seed.stretch, whenConditionsAllow: seed.whenConditionsAllow };
}

/** The 15 CĐCS the federation expects to organise Worker Month activities (target 9, one each). */
const WORKER_MONTH_EXPECTED = [
  'VT01',
  'VT02',
  'VT03',
  'VT04',
  'VT05',
  'VT08',
  'VT10',
  'VT11',
  'VT12',
  'VT13',
  'VT14',
  'VT15',
  'VT16',
  'VT17',
  'VT18',
];

export const DEMO_TARGETS: TargetSpec[] = [
  {
    code: '1',
    taskGroup: 3,
    value: 96,
    tolerance: 2,
    indicator: {
      code: 'propaganda_reach_rate',
      nameVi: 'Tỷ lệ đoàn viên, CNVCLĐ được tuyên truyền, phổ biến chủ trương, chính sách, pháp luật',
      nameEn: 'Share of members and workers reached by propaganda',
      measure: 'ratio_of_sums',
      unitOfMeasure: 'percent',
      numerator: 'propaganda_reached',
      denominator: 'members_and_workers',
      bounded: true,
    },
  },
  {
    code: '2',
    taskGroup: 1,
    value: 100,
    tolerance: 5,
    indicator: {
      code: 'democracy_regulation_share',
      nameVi: 'Tỷ lệ CĐCS tham gia ban hành, thực hiện quy chế dân chủ ở cơ sở',
      nameEn: 'Share of grassroots unions in the grassroots-democracy regulation',
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      condition: { element: 'democracy_regulation', operator: 'is_true' },
    },
  },
  {
    code: '3',
    taskGroup: 5,
    value: 1,
    tolerance: 0.2,
    indicator: {
      code: 'party_introductions_per_unit',
      nameVi: 'Bình quân đoàn viên ưu tú giới thiệu cho Đảng mỗi CĐCS còn nguồn',
      nameEn: 'Excellent members introduced to the Party per unit with candidates',
      measure: 'average_per_eligible_unit',
      unitOfMeasure: 'ratio',
      numerator: 'party_introductions',
      eligibility: 'party_candidates_available',
    },
  },
  {
    code: '4',
    taskGroup: 5,
    value: 100,
    tolerance: 5,
    indicator: {
      code: 'chair_trained_share',
      nameVi: 'Tỷ lệ chủ tịch CĐCS được tập huấn, bồi dưỡng',
      nameEn: 'Share of grassroots union chairs trained',
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      condition: { element: 'chair_trained', operator: 'is_true' },
    },
  },
  {
    code: '5',
    taskGroup: 9,
    value: 95,
    tolerance: 5,
    indicator: {
      code: 'classified_good_share',
      nameVi: 'Tỷ lệ CĐCS xếp loại hoàn thành tốt nhiệm vụ trở lên',
      nameEn: 'Share of grassroots unions classified good or excellent',
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      condition: { element: 'classification_grade', operator: 'in', values: ['xuat_sac', 'tot'] },
    },
  },
  {
    code: '6',
    taskGroup: 8,
    value: 100,
    tolerance: 10,
    indicator: {
      code: 'same_level_inspections_share',
      nameVi: 'Tỷ lệ CĐCS có UBKT thực hiện 02 cuộc kiểm tra cùng cấp',
      nameEn: 'Share of grassroots unions with an inspection committee holding 2 same-level inspections',
      measure: 'share_of_units',
      unitOfMeasure: 'percent',
      condition: { element: 'same_level_inspections', operator: '>=', number: 2 },
    },
  },
  {
    code: '7a',
    taskGroup: 5,
    value: 10,
    tolerance: 2,
    allocations: [
      ['VT14', 4],
      ['VT16', 3],
      ['VT17', 3],
    ],
    // Admissions and re-admissions kept in the member registry (not reported numbers).
    indicator: {
      code: 'members_admitted_total',
      nameVi: 'Số đoàn viên kết nạp mới',
      nameEn: 'New members admitted',
      measure: 'count_of_records',
      unitOfMeasure: 'people',
      recordSource: 'member_admitted',
    },
  },
  {
    code: '7b',
    taskGroup: 5,
    value: 1,
    tolerance: 0,
    indicator: {
      code: 'unions_founded_non_state',
      nameVi: 'Số CĐCS thành lập mới ở doanh nghiệp ngoài nhà nước',
      nameEn: 'Grassroots unions founded in non-state enterprises',
      measure: 'count_of_records',
      unitOfMeasure: 'count',
      recordSource: 'unit_founded',
      recordFilter: { sector: 'non_state_enterprise' },
    },
  },
  {
    code: '8',
    taskGroup: 1,
    value: 75,
    tolerance: 10,
    indicator: {
      code: 'labour_lawsuits_supported_rate',
      nameVi: 'Tỷ lệ vụ việc lao động khởi kiện được công đoàn hỗ trợ khi đoàn viên có yêu cầu',
      nameEn: 'Share of labour lawsuits supported when the member asked',
      measure: 'ratio_of_sums',
      unitOfMeasure: 'percent',
      numerator: 'labour_lawsuits_supported',
      denominator: 'labour_lawsuits_requested',
      bounded: true,
    },
  },
  {
    code: '9',
    taskGroup: 3,
    value: 15,
    tolerance: 2,
    allocations: WORKER_MONTH_EXPECTED.map((code) => [code, 1] as [string, number]),
    indicator: {
      code: 'worker_month_units',
      nameVi: 'Số CĐCS tổ chức các hoạt động Tháng Công nhân',
      nameEn: 'Grassroots unions organising Worker Month activities',
      measure: 'count_of_units',
      unitOfMeasure: 'count',
      condition: { element: 'worker_month_activities', operator: '>=', number: 1 },
    },
  },
  {
    code: '10',
    taskGroup: 2,
    value: 2,
    tolerance: 1,
    indicator: {
      code: 'mai_am_houses_total',
      nameVi: 'Số căn nhà "Mái ấm công đoàn" được hỗ trợ',
      nameEn: '"Mái ấm công đoàn" houses supported',
      measure: 'sum',
      unitOfMeasure: 'count',
      numerator: 'mai_am_houses_supported',
    },
  },
];

// ---- Facts ----

export interface DemoFact {
  unit: string;
  element: DemoElementCode;
  month: string; // 'YYYY-MM'
  n?: number;
  b?: boolean;
  t?: string;
  na?: boolean;
}

/** CĐCS that never reported in 2024 (shown as "no data"). */
export const SILENT_UNITS = ['VT19', 'VT20'];
/** CĐCS that have an inspection committee (UBKT); target 6 is not applicable to the others. */
const WITH_UBKT = UNITS_WITH_UBKT;
/** Months of 2024 reported by 30/11 and the month each unit starts reporting. */
const MONTHS = Array.from({ length: 11 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`);
const FIRST_MONTH: Record<string, string> = { VT21: '2024-08' };

/**
 * The figures of January–November 2024 per CĐCS and month, deterministic: the
 * reported ones are typed in the CĐCS' reports (reports-2024.ts), the others
 * are what the activity records of activities-2024.ts add up to
 * (propaganda_reached here is the number reached since January, each person
 * once: the trainings of a month reach the newly reached; same_level_inspections
 * "not applicable" marks the CĐCS without a UBKT, which keep no inspection).
 * Per target, as of
 * 30/11/2024 (see targets-2024.test.ts): 1 at risk (reach ≈ 95%), 2 and 4
 * achieved, 3 achieved (≈ 1.3 per unit with candidates), 5 off track (a
 * stretch target), 6 at risk (one CĐCS with one inspection only), 7a achieved
 * (allocated shares mixed), 7b achieved (VT21), 8 off track, 9 on track (14 of
 * 15, May's activities), 10 at risk (one house so far).
 */
export function demoFacts(): DemoFact[] {
  const random = prng(20240119);
  const out: DemoFact[] = [];
  const reporting = Array.from({ length: 21 }, (_, i) => `VT${String(i + 1).padStart(2, '0')}`).filter((u) => !SILENT_UNITS.includes(u));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

  // Members at each month end come from the member registry (target 7a counts its admissions);
  // workers who are not members add a share on top (more in enterprises). Units report only the
  // latter ('non_member_workers'); 'members_and_workers' is derived (registry + that report).
  const registry = new Map(MONTHS.map((m) => [m, demoActiveCounts(monthEnd(m))]));
  const nonMembers: Record<string, number> = { VT16: 0.05, VT17: 0.12, VT18: 0.1, VT21: 0.2 };
  // Excellent members introduced to the Party (target 3): units still with candidates, and how many they introduced.
  const introductions: Record<string, number> = {
    VT01: 2,
    VT02: 1,
    VT03: 1,
    VT08: 1,
    VT10: 3,
    VT11: 2,
    VT12: 1,
    VT13: 0,
    VT14: 3,
    VT15: 1,
    VT16: 2,
    VT17: 0,
  };
  // Year classification reported in June and November (target 5): 14 of 18 good or better; VT21 not classified yet.
  const grades: Record<string, string> = { VT05: 'hoan_thanh', VT07: 'hoan_thanh', VT09: 'hoan_thanh', VT18: 'khong_hoan_thanh' };
  // Same-level inspections (target 6): all UBKT held two, except VT18 (one so far).
  const inspections: Record<string, number> = { VT18: 1 };
  // Labour lawsuits at court (target 8): [requested, supported] — 3 of 5 supported.
  const lawsuits: Record<string, [number, number]> = { VT16: [1, 1], VT17: [2, 1], VT18: [2, 1] };
  // Worker Month (target 9, May): 13 of the 15 expected (not VT05, VT11), and VT07 unasked: 14 units.
  const workerMonth = new Set(WORKER_MONTH_EXPECTED.filter((u) => !['VT05', 'VT11'].includes(u)).concat(['VT07']));
  // Grassroots-democracy regulation (target 2) and training of chairs (target 4): everyone who reported.
  // "Mái ấm công đoàn" (target 10): one house, supported through VT14 in September.
  const houses: Record<string, string> = { VT14: '2024-09' };
  // People reached by propaganda (target 1): most units reached everyone, a few large ones lag.
  const reachShare: Record<string, number> = { VT14: 0.9, VT16: 0.85, VT17: 0.95, VT18: 0.92 };

  for (const unit of reporting) {
    const months = MONTHS.filter((m) => m >= (FIRST_MONTH[unit] ?? '2024-01'));
    const introduced = introductions[unit];
    const introMonths = introduced ? [...new Set(Array.from({ length: introduced }, () => pick(months.slice(2))))] : [];
    const trainedMonth = unit === 'VT21' ? '2024-09' : pick(['2024-03', '2024-04']);
    const democracyMonth = unit === 'VT21' ? '2024-10' : pick(['2024-01', '2024-02', '2024-03']);
    const inspectionsDone = WITH_UBKT.includes(unit) ? (inspections[unit] ?? 2) : null;
    const inspectionMonths = inspectionsDone === null ? [] : ['2024-05', pick(['2024-09', '2024-10', '2024-11'])].slice(0, inspectionsDone);
    const [requested, supported] = lawsuits[unit] ?? [0, 0];
    const lawsuitMonth = pick(months.slice(1));

    for (const [i, month] of months.entries()) {
      const registered = registry.get(month)!.get(unit) ?? 0;
      const members = registered + Math.round(registered * (nonMembers[unit] ?? 0.02));
      // Reached grows over the year to the unit's share by June.
      const share = (reachShare[unit] ?? 1) * Math.min(1, (i + 1) / Math.min(6, months.length));
      out.push({ unit, element: 'non_member_workers', month, n: Math.max(0, members - registered) });
      out.push({ unit, element: 'propaganda_reached', month, n: Math.floor(members * share) });
      out.push({ unit, element: 'democracy_regulation', month, b: month >= democracyMonth });
      out.push({ unit, element: 'chair_trained', month, b: month >= trainedMonth });
      out.push({ unit, element: 'party_candidates_available', month, b: introduced !== undefined });
      const introHere = introMonths.includes(month)
        ? month === introMonths[introMonths.length - 1]
          ? introduced! - introMonths.length + 1
          : 1
        : 0;
      out.push({ unit, element: 'party_introductions', month, n: introHere });
      out.push(
        inspectionsDone === null
          ? { unit, element: 'same_level_inspections', month, na: true }
          : { unit, element: 'same_level_inspections', month, n: inspectionMonths.includes(month) ? 1 : 0 },
      );
      const lawsuitHere = month === lawsuitMonth;
      out.push({ unit, element: 'labour_lawsuits_requested', month, n: lawsuitHere ? requested : 0 });
      out.push({ unit, element: 'labour_lawsuits_supported', month, n: lawsuitHere ? supported : 0 });
      // One activity each, in May.
      out.push({ unit, element: 'worker_month_activities', month, n: month === '2024-05' && workerMonth.has(unit) ? 1 : 0 });
      out.push({ unit, element: 'mai_am_houses_supported', month, n: houses[unit] === month ? 1 : 0 });
      if ((month === '2024-06' || month === '2024-11') && unit !== 'VT21') {
        out.push({ unit, element: 'classification_grade', month, t: grades[unit] ?? (random() < 0.3 ? 'xuat_sac' : 'tot') });
      }
    }
  }
  return out;
}

// ---- Loading ----

/**
 * Writes the indicator engine's demo rows for the seed program (call inside
 * the demo-data transaction, after the program): data elements, indicators
 * and targets with allocations through their use-cases (the same checks,
 * rows and audit entries as POST /api/data-elements, /api/indicators and
 * /api/targets). The facts are written by the CĐCS' reports (reports-2024.ts).
 * Returns the target ids by code.
 */
export async function loadDemoTargets(tx: Executor, unitId: (code: string) => string, programId: string): Promise<Map<string, string>> {
  const elementIds = new Map<string, string>();
  for (const { derivedAddend, upperBound, ...spec } of DEMO_ELEMENTS as readonly ElementSpec[]) {
    const addendId = derivedAddend ? elementIds.get(derivedAddend) : undefined;
    if (derivedAddend && !addendId) throw new Error(`demo data: data element ${spec.code} adds ${derivedAddend}, not listed before it`);
    const boundId = upperBound ? elementIds.get(upperBound) : undefined;
    if (upperBound && !boundId) throw new Error(`demo data: data element ${spec.code} is bounded by ${upperBound}, not listed before it`);
    const input = CreateDataElementBody.parse({ ...spec, derivedAddendElementId: addendId, upperBoundElementId: boundId });
    const element = await demoWrite(`data element ${spec.code}`, () => createDataElement(tx, SYSTEM_ACTOR, input));
    elementIds.set(spec.code, element.id);
  }
  const el = (code: DemoElementCode | undefined) => (code ? elementIds.get(code)! : null);

  const targetIds = new Map<string, string>();
  for (const [order, spec] of DEMO_TARGETS.entries()) {
    const ind = spec.indicator;
    const condition = ind.condition
      ? {
          elementId: el(ind.condition.element)!,
          operator: ind.condition.operator,
          number: ind.condition.number ?? null,
          values: ind.condition.values ?? null,
        }
      : null;
    const indicatorInput = CreateIndicatorBody.parse({
      code: ind.code,
      nameVi: ind.nameVi,
      nameEn: ind.nameEn,
      measure: ind.measure,
      unitOfMeasure: ind.unitOfMeasure,
      numeratorElementId: el(ind.numerator),
      denominatorElementId: el(ind.denominator),
      condition,
      eligibilityElementId: el(ind.eligibility),
      recordSource: ind.recordSource ?? null,
      recordFilter: ind.recordFilter ?? null,
      bounded: ind.bounded ?? ind.measure === 'share_of_units',
    });
    const indicator = await demoWrite(`indicator ${ind.code}`, () => createIndicator(tx, SYSTEM_ACTOR, indicatorInput));

    const seed = seedText(spec.code);
    const targetInput = CreateTargetBody.parse({
      indicatorId: indicator.id,
      programId,
      code: spec.code,
      text: seed.text,
      comparator: 'gte',
      value: spec.value,
      periodFrom: '2024-01',
      periodTo: '2024-12',
      scopeUnitId: unitId('VT'),
      tolerance: spec.tolerance,
      stretch: seed.stretch,
      whenConditionsAllow: seed.whenConditionsAllow,
      sortOrder: (order + 1) * 10,
      taskGroupNumber: spec.taskGroup,
      allocations: (spec.allocations ?? []).map(([code, value]) => ({ unitId: unitId(code), value })),
    });
    const target = await demoWrite(`target ${spec.code}`, () => createTarget(tx, SYSTEM_ACTOR, targetInput));
    targetIds.set(spec.code, target.id);
  }

  // Indicators of the catalogue that no target of the seed measures by (a program may set one).
  for (const ind of DEMO_CATALOGUE_INDICATORS) {
    const input = CreateIndicatorBody.parse({
      code: ind.code,
      nameVi: ind.nameVi,
      nameEn: ind.nameEn,
      measure: ind.measure,
      unitOfMeasure: ind.unitOfMeasure,
      numeratorElementId: el(ind.numerator),
      denominatorElementId: el(ind.denominator),
      bounded: ind.bounded ?? false,
    });
    await demoWrite(`indicator ${ind.code}`, () => createIndicator(tx, SYSTEM_ACTOR, input));
  }

  // The facts come from the CĐCS' reports (reports-2024.ts), written after the member registry.
  return targetIds;
}

/** Catalogue indicators without a target in the seed: ratios of two elements. */
export const DEMO_CATALOGUE_INDICATORS: Array<
  Pick<IndicatorSpec, 'code' | 'nameVi' | 'nameEn' | 'measure' | 'unitOfMeasure' | 'numerator' | 'denominator' | 'bounded'>
> = [
  // Women's affairs (task group 6): women among the members at month end, both from the registry.
  {
    code: 'female_member_share',
    nameVi: 'Tỷ lệ nữ đoàn viên',
    nameEn: "Women's share of members",
    measure: 'ratio_of_sums',
    unitOfMeasure: 'percent',
    numerator: 'female_members',
    denominator: 'members_active',
    bounded: true,
  },
];
