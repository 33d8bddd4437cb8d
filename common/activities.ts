// Activity records (hồ sơ hoạt động; docs/activities.md): what a union did —
// trainings, inspections, labour cases, Party introductions, campaigns,
// welfare, classification, emulation works and awards — kept as records so the
// targets count them (record-derived data elements) instead of typed totals.
// The kinds, their vocabularies and the derived sources are defined here once,
// for the API, the engine, the demo loader and the web forms.
import { GRASSROOTS_GRADES } from './indicators.js';

export const ACTIVITY_KINDS = [
  'training', // Tuyên truyền, tập huấn (targets 1, 4)
  'inspection_plan', // Kế hoạch kiểm tra, giám sát năm của UBKT (target 6: plan)
  'inspection', // Cuộc kiểm tra, giám sát (target 6)
  'legal_case', // Vụ việc lao động, hỗ trợ pháp lý (target 8)
  'party_introduction', // Giới thiệu đoàn viên ưu tú cho Đảng (target 3)
  'party_source', // Còn nguồn giới thiệu (per unit and year; target 3 eligibility)
  'campaign', // Tháng Công nhân và các phong trào (target 9)
  'welfare', // Mái ấm công đoàn, Tết sum vầy, thăm hỏi, quỹ xã hội (target 10, task group 2)
  'classification', // Xếp loại CĐCS cuối năm (target 5)
  'emulation_work', // Công trình, sản phẩm, phần việc thi đua (task group 4)
  'award', // Khen thưởng
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Kinds a unit keeps one record of per year (a second one is refused: ACTIVITY_ONE_PER_YEAR). */
export const ONE_PER_YEAR_KINDS = ['inspection_plan', 'party_source', 'classification'] as const satisfies readonly ActivityKind[];

/** Kinds entered by the federation above the unit (a CĐCS chair cannot classify or award their own union). */
export const FEDERATION_KINDS = ['classification', 'award'] as const satisfies readonly ActivityKind[];

/** Kinds entered by the inspection committee (UBKT) of the unit, or the CĐCS for its own committee. */
export const INSPECTION_KINDS = ['inspection_plan', 'inspection'] as const satisfies readonly ActivityKind[];

// ---- Vocabularies (each value has a catalogue label, activityExport.<list>_<value>, read by the export and the pages) ----

/** Chủ đề tuyên truyền, tập huấn (the seed's task group 3). */
export const TRAINING_TOPICS = [
  'party_resolutions', // Nghị quyết, chủ trương của Đảng
  'labour_law', // Pháp luật lao động
  'union_law', // Luật Công đoàn, Điều lệ
  'digital_transformation', // Chuyển đổi số
  'occupational_safety', // An toàn, vệ sinh lao động
  'union_skills', // Nghiệp vụ công tác công đoàn
  'other',
] as const;

/** Hình thức. */
export const TRAINING_FORMS = ['in_person', 'online', 'leaflets', 'social_media'] as const;

/** Nội dung kiểm tra, giám sát. */
export const INSPECTION_SUBJECTS = [
  'finance', // Tài chính công đoàn
  'charter_compliance', // Chấp hành Điều lệ
  'complaints', // Giải quyết khiếu nại, tố cáo
  'union_fee', // Thu, nộp đoàn phí, kinh phí
  'other',
] as const;
/** Kiểm tra or giám sát. */
export const INSPECTION_TYPES = ['inspection', 'supervision'] as const;
/** Theo dõi thực hiện kiến nghị. */
export const FOLLOW_UP_STATES = ['open', 'in_progress', 'done'] as const;

/** Loại vụ việc. */
export const LEGAL_CASE_TYPES = ['lawsuit', 'labour_dispute', 'complaint', 'advice'] as const;
/** Công đoàn tham gia: at court (tham gia tố tụng), in mediation (hòa giải), advice only. */
export const LEGAL_PARTICIPATION = ['none', 'court', 'mediation', 'advice'] as const;
export const LEGAL_OUTCOMES = ['pending', 'won', 'settled', 'lost', 'withdrawn'] as const;

export const PARTY_OUTCOMES = ['pending', 'admitted', 'not_admitted'] as const;

export const CAMPAIGNS = ['worker_month', 'other'] as const; // Tháng Công nhân; other campaigns named in the record

export const WELFARE_KINDS = [
  'mai_am_house', // Mái ấm công đoàn
  'tet_support', // Tết sum vầy
  'visit_gift', // Thăm hỏi, tặng quà
  'social_fund', // Quỹ xã hội
] as const;
export const HOUSE_WORKS = ['new', 'repair'] as const; // xây mới, sửa chữa
export const FUND_SOURCES = ['union_fund', 'sponsor', 'social_fund', 'other'] as const;

/** The four grades (DOMAIN.md) or "chưa xếp loại" (a unit founded mid-year: not applicable). */
export const CLASSIFICATION_GRADES = [...GRASSROOTS_GRADES, 'not_classified'] as const;

export const EMULATION_WORK_TYPES = ['cong_trinh', 'san_pham', 'phan_viec'] as const;
export const AWARD_KINDS = ['bang_khen', 'giay_khen', 'co_thi_dua', 'ky_niem_chuong', 'other'] as const;
export const AWARD_LEVELS = ['tong_lien_doan', 'lien_doan_tinh', 'lien_doan_huyen', 'co_so', 'other'] as const;

/** The people named in a record and what they were (activity_record_people.role). */
export const RECORD_PERSON_ROLES = ['participant', 'member_concerned', 'introduced', 'beneficiary', 'recipient'] as const;
export type RecordPersonRole = (typeof RECORD_PERSON_ROLES)[number];

// ---- What the engine reads: record-derived data elements ----

/**
 * Derived sources computed from activity records (data_elements.derived_from),
 * with the value type and time aggregation the element must have. Facts are
 * refreshed for the record's unit in the transaction of every record write
 * (docs/activities.md "Derived facts").
 */
export const RECORD_DERIVED_SOURCES = {
  /** Σ members + workers reached by trainings and propaganda in the month (target 1). */
  training_reached: { valueType: 'number', aggregation: 'sum', kind: 'training' },
  /** Yes when a training of the month named the unit's chair as participant (target 4). */
  chair_trained: { valueType: 'boolean', aggregation: 'any', kind: 'training' },
  /** Members introduced to the Party in the month (target 3). */
  party_introductions: { valueType: 'number', aggregation: 'sum', kind: 'party_introduction' },
  /** "Còn nguồn" for every month of the declared year (target 3 eligibility). */
  party_candidates: { valueType: 'boolean', aggregation: 'last', kind: 'party_source' },
  /** The grade of the year's classification, in its month; "chưa xếp loại" = not applicable (target 5). */
  classification_grade: { valueType: 'grade', aggregation: 'last', kind: 'classification' },
  /** Inspections (kiểm tra, not giám sát) the unit's committee carried out in the month (target 6). */
  inspections_done: { valueType: 'number', aggregation: 'sum', kind: 'inspection' },
  /** Inspections planned for the year, in the plan's month. */
  inspections_planned: { valueType: 'number', aggregation: 'sum', kind: 'inspection_plan' },
  /** Labour lawsuits at court where the member asked for the union's help, by month received (target 8). */
  labour_lawsuits_requested: { valueType: 'number', aggregation: 'sum', kind: 'legal_case' },
  /** Of those, the ones where the union took part in the proceedings (target 8). */
  labour_lawsuits_supported: { valueType: 'number', aggregation: 'sum', kind: 'legal_case' },
  /** Worker Month activities held in the month (target 9). */
  worker_month_activities: { valueType: 'number', aggregation: 'sum', kind: 'campaign' },
  /** Mái ấm công đoàn houses handed over in the month (target 10). */
  mai_am_houses: { valueType: 'number', aggregation: 'sum', kind: 'welfare' },
  /** Welfare amounts (VND, all sources) paid in the month. */
  welfare_amount: { valueType: 'number', aggregation: 'sum', kind: 'welfare' },
} as const satisfies Record<string, { valueType: 'number' | 'boolean' | 'grade'; aggregation: 'sum' | 'last' | 'any'; kind: ActivityKind }>;
export type RecordDerivedSource = keyof typeof RECORD_DERIVED_SOURCES;

export const ACTIVITY_LIMITS = {
  titleMax: 200,
  textMax: 4000,
  peopleMax: 500,
  amountsMax: 10,
  /** Records listed per page at most (pageQuery's own max also holds). */
  exportMaxRows: 50_000,
  /** Reached counts per record, a sanity bound. */
  reachedMax: 1_000_000,
} as const;
