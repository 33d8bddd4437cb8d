// Demo member registry (sổ đoàn viên) of the Vĩnh Thuận CĐCS: about 1,200
// members with a plausible history, written by the registry's batch
// admission (admitMembers: each member admitted, then the later events of
// their history, with the checks, audit entries and derived "members at month
// end" facts of the registry's use-cases).
//
// Deterministic (a fixed pseudo-random seed). The story, as of 30/11/2024:
// - most members admitted 2010–2023; in 2024, 22 admissions and one
//   re-admission spread January–November (target 7a "+10 đoàn viên", allocated
//   to VT14 4, VT16 3, VT17 3), 12 of them in VT21, founded on 15/08/2024 with
//   its 9 founding members;
// - three accepted transfers between Vĩnh Thuận CĐCS (VT03 → VT02, VT12 →
//   VT11, VT15 → VT14) and one waiting for the receiver (VT18 → VT17);
// - four departures and one death in 2024, earlier departures in the
//   enterprises, three transfers to unions outside the system;
// - from 01/07/2025 the members of the CĐCS that ended with the district
//   (VT01–VT09: the People's Committees) are transferred to the CĐCS that
//   took them over (Cơ quan xã …, see org-tree.ts); the other CĐCS keep theirs
//   (members belong to the CĐCS, not to the district).
import { AdmitMembersBody, type AdmitMembersInput } from '../../common/api/members.js';
import {
  deriveMemberState,
  type DerivedMemberState,
  type Gender,
  type MemberEventFact,
  type MemberEventKind,
  type TransferState,
  type UnionPosition,
} from '../../common/members.js';
import type { Executor } from '../../server/db/client.js';
import { SYSTEM_ACTOR } from '../../server/lib/access.js';
import { admitMembers } from '../../server/modules/members/admit-members.js';
import { demoWrite } from './demo-write.js';
import { DEMO_UNITS } from './org-tree.js';

/** mulberry32: a small deterministic pseudo-random generator (never Math.random in demo data). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- The units ----

type Workplace =
  | 'district_office'
  | 'commune_office'
  | 'school'
  | 'preschool'
  | 'health_center'
  | 'health_station'
  | 'power'
  | 'seafood'
  | 'rice'
  | 'fuel'
  | 'cooperative';

interface UnitPlan {
  /** Members admitted into the unit (before transfers), 2024 admissions included. */
  size: number;
  workplace: Workplace;
  /** Share of women. */
  women: number;
}

/** CĐCS of Vĩnh Thuận and their members: commune offices 15–30, schools 30–80, enterprises 50–200. */
export const DEMO_MEMBER_UNITS: Record<string, UnitPlan> = {
  VT01: { size: 55, workplace: 'district_office', women: 0.4 },
  VT02: { size: 30, workplace: 'commune_office', women: 0.4 },
  VT03: { size: 22, workplace: 'commune_office', women: 0.35 },
  VT04: { size: 20, workplace: 'commune_office', women: 0.35 },
  VT05: { size: 19, workplace: 'commune_office', women: 0.35 },
  VT06: { size: 17, workplace: 'commune_office', women: 0.35 },
  VT07: { size: 21, workplace: 'commune_office', women: 0.35 },
  VT08: { size: 18, workplace: 'commune_office', women: 0.35 },
  VT09: { size: 16, workplace: 'commune_office', women: 0.35 },
  VT10: { size: 80, workplace: 'school', women: 0.6 },
  VT11: { size: 62, workplace: 'school', women: 0.7 },
  VT12: { size: 45, workplace: 'school', women: 0.75 },
  VT13: { size: 35, workplace: 'preschool', women: 0.95 },
  VT14: { size: 185, workplace: 'health_center', women: 0.65 },
  VT15: { size: 9, workplace: 'health_station', women: 0.6 },
  VT16: { size: 70, workplace: 'power', women: 0.2 },
  VT17: { size: 200, workplace: 'seafood', women: 0.65 },
  VT18: { size: 150, workplace: 'rice', women: 0.35 },
  VT19: { size: 60, workplace: 'fuel', women: 0.4 },
  VT20: { size: 35, workplace: 'cooperative', women: 0.3 },
  VT21: { size: 12, workplace: 'seafood', women: 0.6 },
};

/** CĐCS with an inspection committee (UBKT); target 6 is not applicable to the others. */
export const UNITS_WITH_UBKT = ['VT01', 'VT02', 'VT03', 'VT04', 'VT08', 'VT10', 'VT11', 'VT14', 'VT16', 'VT17', 'VT18'];

/** Admissions of 2024 by unit and month (VT21: its founding members, then one a month). */
const ADMITTED_2024: Record<string, string[]> = {
  VT14: ['2024-02', '2024-04', '2024-06', '2024-09', '2024-11'],
  VT16: ['2024-03'],
  VT17: ['2024-01', '2024-05', '2024-07', '2024-10'],
  VT21: ['2024-09', '2024-10', '2024-11'],
};

/** Where the members of the CĐCS that ended on 30/06/2025 went (org-tree.ts merged_into links; VT01, the district's offices, to the commune at the former district seat). */
export const MERGED_MEMBERS_TO: Record<string, string> = {
  VT01: 'AG-CQVT',
  VT02: 'AG-CQVT',
  VT03: 'AG-CQVT',
  VT06: 'AG-CQVT',
  VT04: 'AG-CQVB',
  VT05: 'AG-CQVB',
  VT07: 'AG-CQVP',
  VT08: 'AG-CQVP',
  VT09: 'AG-CQVP',
};
const MERGER_DATE = '2025-07-01';

const JOBS: Record<Workplace, Array<[string, number]>> = {
  district_office: [
    ['Chuyên viên', 30],
    ['Công chức', 10],
    ['Viên chức', 6],
    ['Kế toán', 3],
    ['Văn thư', 2],
    ['Nhân viên hợp đồng', 4],
  ],
  commune_office: [
    ['Công chức', 14],
    ['Cán bộ', 5],
    ['Người hoạt động không chuyên trách', 3],
    ['Nhân viên hợp đồng', 1],
  ],
  school: [
    ['Giáo viên', 40],
    ['Nhân viên văn thư', 2],
    ['Nhân viên kế toán', 2],
    ['Nhân viên thư viện', 1],
    ['Nhân viên thiết bị', 1],
    ['Bảo vệ', 1],
  ],
  preschool: [
    ['Giáo viên mầm non', 28],
    ['Cấp dưỡng', 4],
    ['Nhân viên kế toán', 1],
    ['Bảo vệ', 1],
  ],
  health_center: [
    ['Điều dưỡng', 40],
    ['Bác sĩ', 25],
    ['Y sĩ', 15],
    ['Nữ hộ sinh', 10],
    ['Dược sĩ', 8],
    ['Kỹ thuật viên xét nghiệm', 6],
    ['Nhân viên hành chính', 6],
  ],
  health_station: [
    ['Y sĩ', 3],
    ['Điều dưỡng', 3],
    ['Nữ hộ sinh', 2],
    ['Dược sĩ trung học', 1],
  ],
  power: [
    ['Công nhân quản lý vận hành lưới điện', 30],
    ['Kỹ sư điện', 10],
    ['Nhân viên kinh doanh điện năng', 8],
    ['Kế toán', 3],
    ['Tài xế', 2],
  ],
  seafood: [
    ['Công nhân chế biến thủy sản', 60],
    ['Công nhân', 15],
    ['Tổ trưởng sản xuất', 5],
    ['Nhân viên kiểm phẩm', 5],
    ['Nhân viên kho', 3],
    ['Kế toán', 2],
  ],
  rice: [
    ['Công nhân xay xát', 40],
    ['Công nhân', 20],
    ['Công nhân bốc xếp', 8],
    ['Nhân viên kho', 4],
    ['Tài xế', 3],
    ['Kế toán', 2],
  ],
  fuel: [
    ['Nhân viên bán hàng', 30],
    ['Công nhân', 8],
    ['Thủ kho', 2],
    ['Kế toán', 2],
    ['Tài xế', 4],
  ],
  cooperative: [
    ['Thành viên hợp tác xã', 20],
    ['Nhân viên kỹ thuật nông nghiệp', 5],
    ['Công nhân', 5],
    ['Kế toán', 1],
  ],
};

/** Birth years: public services older on average, enterprises younger. */
const BIRTH_YEARS: Record<Workplace, [number, number]> = {
  district_office: [1965, 1998],
  commune_office: [1965, 2000],
  school: [1965, 2001],
  preschool: [1968, 2002],
  health_center: [1966, 2001],
  health_station: [1968, 1999],
  power: [1966, 2000],
  seafood: [1975, 2004],
  rice: [1970, 2004],
  fuel: [1972, 2003],
  cooperative: [1965, 1998],
};

// ---- Names ----

const KINH_FAMILY: Array<[string, number]> = [
  ['Nguyễn', 30],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Huỳnh', 6],
  ['Võ', 6],
  ['Phan', 4],
  ['Đặng', 3],
  ['Bùi', 3],
  ['Dương', 3],
  ['Ngô', 3],
  ['Hồ', 3],
  ['Trương', 3],
  ['Đỗ', 2],
  ['Lâm', 2],
  ['Mai', 1],
  ['Cao', 1],
  ['Tô', 1],
  ['Đoàn', 1],
];
const KHMER_FAMILY: Array<[string, number]> = [
  ['Danh', 40],
  ['Thạch', 25],
  ['Sơn', 12],
  ['Kim', 8],
  ['Lâm', 6],
  ['Châu', 5],
];
const HOA_FAMILY: Array<[string, number]> = [
  ['Lý', 25],
  ['Tăng', 15],
  ['Quách', 15],
  ['Lâm', 15],
  ['Trương', 10],
  ['Hứa', 10],
  ['Diệp', 10],
];
const MIDDLE: Record<Gender, string[]> = {
  male: ['Văn', 'Văn', 'Văn', 'Minh', 'Hoàng', 'Quốc', 'Thanh', 'Đức', 'Hữu', 'Công', 'Tấn', 'Trung', 'Chí', 'Phước'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Mỹ', 'Kim', 'Hồng', 'Bích', 'Thúy', 'Diễm', 'Huỳnh'],
};
const GIVEN: Record<Gender, string[]> = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Duy',
    'Hải',
    'Hậu',
    'Hiếu',
    'Hòa',
    'Hùng',
    'Huy',
    'Khang',
    'Khánh',
    'Kiệt',
    'Lộc',
    'Long',
    'Luân',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Phong',
    'Phúc',
    'Quang',
    'Sang',
    'Sơn',
    'Tài',
    'Tâm',
    'Tấn',
    'Thành',
    'Thắng',
    'Thịnh',
    'Tín',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
    'Vũ',
  ],
  female: [
    'Anh',
    'Châu',
    'Diễm',
    'Dung',
    'Duyên',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hương',
    'Huyền',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Nhi',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Tâm',
    'Thảo',
    'Thư',
    'Thủy',
    'Trâm',
    'Trang',
    'Trinh',
    'Tuyết',
    'Uyên',
    'Vân',
    'Vy',
    'Xuân',
    'Yến',
  ],
};
/** Khmer given names as written in Vietnamese papers in Kiên Giang. */
const KHMER_GIVEN: Record<Gender, string[]> = {
  male: [
    'Sóc',
    'Sang',
    'Phol',
    'Sa Rinh',
    'Chanh',
    'Rinh',
    'Út',
    'Sà Rây',
    'Vọng',
    'Lành',
    'Sa Vát',
    'Thươl',
    'Kha',
    'Hên',
    'Ngọc Thạch',
    'Sa Ren',
  ],
  female: [
    'Sa Ri',
    'Sa Ra',
    'Sóc Kha',
    'Phai',
    'Na',
    'Ni',
    'Mây',
    'Sà Phia',
    'Chanh Thi',
    'Sô Phia',
    'Kim Liên',
    'Sa Mết',
    'Ry Na',
    'Hồng Nhung',
  ],
};

type Ethnicity = 'Kinh' | 'Khmer' | 'Hoa';

// ---- Members ----

export interface DemoMemberEvent {
  kind: MemberEventKind;
  date: string;
  /** Unit code. */
  unit: string;
  toUnit?: string;
  toOutside?: string;
  transferState?: TransferState;
  decidedOn?: string;
  cardNumber?: string;
  note?: string;
}

export interface DemoMember {
  fullName: string;
  gender: Gender;
  birthDate: string;
  citizenId: string;
  phone: string;
  ethnicity: Ethnicity;
  job: string;
  workplace: string;
  unionPosition: UnionPosition;
  partyMember: boolean;
  cardNumber: string | null;
  cardIssuedOn: string | null;
  /** In order (date, then as listed): seq is the index. */
  events: DemoMemberEvent[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`).getTime();
const fromDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`.replace('-02-29', '-02-28');
/** The last day of a month 'YYYY-MM'. */
export const monthEnd = (month: string) => fromDate(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));

/** Events as deriveMemberState reads them (unit codes stand for unit ids). */
export function eventFacts(m: DemoMember): MemberEventFact[] {
  return m.events.map((e) => ({
    kind: e.kind,
    eventDate: e.date,
    unitId: e.unit,
    toUnitId: e.toUnit ?? null,
    toOutsideName: e.toOutside ?? null,
    transferState: e.transferState ?? null,
    decidedOn: e.decidedOn ?? null,
  }));
}

/** Status, current unit (code), first admission and periods (unit codes) of a demo member. */
export const demoMemberState = (m: DemoMember): DerivedMemberState => deriveMemberState(eventFacts(m));

const unitName = (code: string) => {
  const unit = DEMO_UNITS.find((u) => u.code === code);
  if (!unit) throw new Error(`demo members: unknown unit ${code}`);
  return unit;
};
/** "Công đoàn cơ sở Trường THPT Vĩnh Thuận" → "Trường THPT Vĩnh Thuận" (the employer). */
const employer = (code: string) => unitName(code).fullName.replace(/^Công đoàn cơ sở /, '');

let cache: DemoMember[] | null = null;

/** The demo members, deterministic (computed once). */
export function demoMembers(): DemoMember[] {
  cache ??= buildMembers();
  return cache;
}

function buildMembers(): DemoMember[] {
  const random = prng(19290728);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const weighted = (xs: ReadonlyArray<[string, number]>): string => {
    let r = random() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  };
  const dayBetween = (from: string, to: string) =>
    fromDate(toDate(from) + Math.floor(random() * ((toDate(to) - toDate(from)) / DAY + 1)) * DAY);
  const dayIn = (month: string) => `${month}-${pad(between(1, 28))}`;

  const citizenIds = new Set<string>();
  let cardSeq = 1200;
  const nextCard = () => `9107${pad((cardSeq += between(1, 3)), 6)}`;

  const person = (unit: string, plan: UnitPlan, opts: { born?: [number, number] } = {}) => {
    const gender: Gender = random() < plan.women ? 'female' : 'male';
    const farm = ['rice', 'seafood', 'cooperative'].includes(plan.workplace);
    const r = random();
    const ethnicity: Ethnicity = r < (farm ? 0.18 : 0.1) ? 'Khmer' : r < (farm ? 0.22 : 0.14) ? 'Hoa' : 'Kinh';
    const family = weighted(ethnicity === 'Khmer' ? KHMER_FAMILY : ethnicity === 'Hoa' ? HOA_FAMILY : KINH_FAMILY);
    let fullName: string;
    if (ethnicity === 'Khmer') {
      const given = pick(KHMER_GIVEN[gender]);
      fullName =
        gender === 'female'
          ? `${family} Thị ${given}`
          : given.includes(' ') || random() < 0.5
            ? `${family} ${given}`
            : `${family} Văn ${given}`;
    } else {
      fullName = `${family} ${pick(MIDDLE[gender])} ${pick(GIVEN[gender])}`;
    }
    const [lo, hi] = opts.born ?? BIRTH_YEARS[plan.workplace];
    const year = between(lo, hi);
    const birthDate = `${year}-${pad(between(1, 12))}-${pad(between(1, 28))}`;
    // CCCD: province 091 (Kiên Giang), century and gender digit, year of birth, six digits.
    let citizenId: string;
    do {
      citizenId = `091${(year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0)}${String(year).slice(2)}${pad(between(0, 999_999), 6)}`;
    } while (citizenIds.has(citizenId));
    citizenIds.add(citizenId);
    const phone = `09${pick(['0', '1', '3', '4', '6', '7', '8'])}${pad(between(0, 9_999_999), 7)}`;
    const publicSector = !['power', 'seafood', 'rice', 'fuel', 'cooperative'].includes(plan.workplace);
    const member: DemoMember = {
      fullName,
      gender,
      birthDate,
      citizenId,
      phone,
      ethnicity,
      job: weighted(JOBS[plan.workplace]),
      workplace: employer(unit),
      unionPosition: 'member',
      partyMember: random() < (publicSector ? 0.3 : 0.06),
      cardNumber: null,
      cardIssuedOn: null,
      events: [],
    };
    return member;
  };
  /** An admission on the date, with a card issued then or within half a year for most. */
  const admit = (m: DemoMember, unit: string, date: string, cardLimit = '2024-11-30') => {
    m.events.push({ kind: 'admitted', date, unit });
    if (random() < 0.88) {
      const issued = date >= '2024-01-01' ? date : dayBetween(date, fromDate(Math.min(toDate(date) + 180 * DAY, toDate(cardLimit))));
      m.cardNumber = nextCard();
      m.cardIssuedOn = issued;
      m.events.push({ kind: 'card_issued', date: issued, unit, cardNumber: m.cardNumber });
    }
  };
  /** Admitted 2010–2023 (before `until`), at 19 or older (18 for the youngest). */
  const admittedBefore = (m: DemoMember, unit: string, until = '2023-12-28') => {
    let lo = addYears(m.birthDate, 19);
    if (lo < '2010-01-01') lo = '2010-01-01';
    if (lo > fromDate(toDate(until) - 180 * DAY)) lo = addYears(m.birthDate, 18);
    if (lo > until) throw new Error(`demo members: born ${m.birthDate}, too young to be admitted before ${until}`);
    admit(m, unit, dayBetween(lo, until), until);
  };
  const sortEvents = (m: DemoMember) => m.events.sort((a, b) => a.date.localeCompare(b.date)); // stable: same-day order kept

  const out: DemoMember[] = [];
  const byUnit = new Map<string, DemoMember[]>();
  for (const [unit, plan] of Object.entries(DEMO_MEMBER_UNITS)) {
    const list: DemoMember[] = [];
    const founded = unitName(unit).validFrom;
    const admissions2024 = ADMITTED_2024[unit] ?? [];
    const founding = founded >= '2024-01-01' ? (unitName(unit).initialMemberCount ?? 0) : 0;
    for (let i = 0; i < plan.size; i++) {
      const young = i >= plan.size - admissions2024.length - founding;
      const m = person(unit, plan, young ? { born: [1990, 2004] } : {});
      if (i < plan.size - admissions2024.length - founding) admittedBefore(m, unit);
      else if (i < plan.size - admissions2024.length)
        admit(m, unit, founded); // founding members
      else admit(m, unit, dayIn(admissions2024[i - (plan.size - admissions2024.length)]!));
      list.push(m);
    }
    byUnit.set(unit, list);
    out.push(...list);
  }

  // Union positions among the members there before 2024: one chair, 1–2 vice
  // chairs, the executive committee, the inspection committee where there is
  // one, team leaders in large unions. Chairs and vice chairs are older and
  // mostly Party members.
  for (const [unit, list] of byUnit) {
    const plan = DEMO_MEMBER_UNITS[unit]!;
    const founded = unitName(unit).validFrom;
    const senior = list
      .filter((m) => m.events[0]!.date < '2024-01-01' || m.events[0]!.date === founded)
      .sort((a, b) => a.birthDate.localeCompare(b.birthDate));
    const older = senior.slice(0, Math.max(3, Math.ceil(senior.length / 2)));
    const take = (pool: DemoMember[]) => {
      const free = pool.filter((m) => m.unionPosition === 'member');
      return free.length ? free[Math.floor(random() * free.length)]! : null;
    };
    const assign = (position: UnionPosition, count: number, pool = senior, party = 0) => {
      for (let i = 0; i < count; i++) {
        const m = take(pool);
        if (!m) return;
        m.unionPosition = position;
        if (random() < party) m.partyMember = true;
      }
    };
    const committee = plan.size < 20 ? 3 : plan.size < 50 ? 5 : plan.size < 100 ? 7 : 11;
    const vices = plan.size < 40 ? 1 : 2;
    assign('chair', 1, older, 0.95);
    // The chair holds the unit's main job (a teacher, a civil servant, a nurse…), not a contract one.
    for (const m of list) if (m.unionPosition === 'chair') m.job = JOBS[plan.workplace][0]![0];
    assign('vice_chair', vices, older, 0.85);
    if (committee >= 11) assign('standing_committee', 2, senior, 0.6);
    assign('executive_committee', committee - 1 - vices - (committee >= 11 ? 2 : 0), senior, 0.4);
    if (UNITS_WITH_UBKT.includes(unit)) assign('inspection_committee', plan.size < 50 ? 2 : 3, senior, 0.3);
    if (plan.size >= 60) assign('team_leader', Math.floor(plan.size / 30), senior, 0.2);
  }

  const plainMember = (unit: string, before = '2024-01-01') => {
    const pool = byUnit.get(unit)!.filter((m) => m.unionPosition === 'member' && m.events.length <= 2 && m.events[0]!.date < before);
    const m = pool[Math.floor(random() * pool.length)]!;
    return m;
  };

  // 2024 transfers between Vĩnh Thuận CĐCS, accepted by the receiver, and one still waiting.
  const transfer = (from: string, to: string, date: string, decidedOn: string | null) => {
    const m = plainMember(from);
    m.events.push({
      kind: 'transferred',
      date,
      unit: from,
      toUnit: to,
      transferState: decidedOn ? 'accepted' : 'pending',
      ...(decidedOn ? { decidedOn } : {}),
    });
    if (decidedOn) m.workplace = employer(to);
  };
  transfer('VT03', 'VT02', '2024-04-01', '2024-04-03');
  transfer('VT12', 'VT11', '2024-08-20', '2024-08-22');
  transfer('VT15', 'VT14', '2024-09-01', '2024-09-04');
  // Waiting for CĐCS Cty Thủy sản Phú Thuận (its chair, demo account cdcs.thuysan, sees it): a rice-mill worker of the same commune.
  transfer('VT18', 'VT17', '2024-11-25', null);

  // One re-admission: a rice-mill worker who left in 2021 and came back in June 2024.
  {
    const m = plainMember('VT18', '2014-01-01');
    const first = m.events[0]!.date;
    if (first >= '2021-03-01') throw new Error('demo members: the re-joining member was admitted too late');
    m.events.push({ kind: 'left', date: '2021-03-01', unit: 'VT18', note: 'Nghỉ việc' });
    m.events.push({ kind: 'rejoined', date: '2024-06-10', unit: 'VT18', note: 'Trở lại làm việc tại công ty' });
  }

  // Members who are no longer in the registry's count: departures before and in 2024, one death, transfers out of the system.
  const former = (
    unit: string,
    born: [number, number],
    end: DemoMemberEvent['kind'],
    date: string,
    extra: Partial<DemoMemberEvent> = {},
  ) => {
    const plan = DEMO_MEMBER_UNITS[unit]!;
    const m = person(unit, plan, { born });
    // A member for a year at least before the end (and the card issued before it).
    admittedBefore(m, unit, fromDate(toDate(date) - 365 * DAY));
    m.events.push({ kind: end, date, unit, ...extra });
    out.push(m);
    return m;
  };
  const earlierLeavers: Array<[string, number]> = [
    ['VT17', 8],
    ['VT18', 5],
    ['VT19', 3],
    ['VT16', 1],
    ['VT20', 2],
  ];
  for (const [unit, count] of earlierLeavers) {
    for (let i = 0; i < count; i++) former(unit, [1975, 1990], 'left', dayBetween('2013-01-01', '2023-12-15'), { note: 'Nghỉ việc' });
  }
  former('VT17', [1985, 1996], 'transferred', '2019-03-11', { toOutside: 'Công đoàn cơ sở Công ty TNHH May mặc Phú An (tỉnh Bình Dương)' });
  former('VT17', [1985, 1998], 'transferred', '2022-08-01', {
    toOutside: 'Công đoàn cơ sở Công ty TNHH Giày da Tân Uyên (tỉnh Bình Dương)',
  });
  former('VT12', [1980, 1995], 'transferred', '2021-09-01', {
    toOutside: 'Công đoàn cơ sở Trường Tiểu học Thạnh Lộc 2 (huyện Giồng Riềng)',
  });
  former('VT17', [1980, 2000], 'left', '2024-03-15', { note: 'Nghỉ việc' });
  former('VT17', [1980, 2000], 'left', '2024-09-05', { note: 'Nghỉ việc' });
  former('VT18', [1975, 1995], 'left', '2024-07-01', { note: 'Chấm dứt hợp đồng lao động' });
  former('VT01', [1965, 1965], 'left', '2024-10-01', { note: 'Nghỉ hưu' });
  former('VT07', [1966, 1972], 'died', '2024-05-18');

  // From 01/07/2025 the members of the ended CĐCS carry on in the CĐCS that took them over.
  for (const m of out) {
    sortEvents(m);
    const state = demoMemberState(m);
    const to = MERGED_MEMBERS_TO[state.unitId];
    if (state.status === 'active' && to) {
      m.events.push({
        kind: 'transferred',
        date: MERGER_DATE,
        unit: state.unitId,
        toUnit: to,
        transferState: 'accepted',
        decidedOn: MERGER_DATE,
        note: 'Chuyển theo sắp xếp tổ chức công đoàn từ 01/07/2025',
      });
      m.workplace = employer(to);
    }
  }
  return out;
}

/** Members active in each unit (by code) on a day, from the derived periods. */
export function demoActiveCounts(day: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of demoMembers()) {
    for (const p of demoMemberState(m).periods) {
      if (p.validFrom <= day && (p.validTo === null || p.validTo >= day)) counts.set(p.unitId, (counts.get(p.unitId) ?? 0) + 1);
    }
  }
  return counts;
}

/** Members at the founding of the CĐCS founded with members of the registry (VT21 in 2024, the merged commune CĐCS in 2025). */
export function demoFoundingMembers(unit: string, founded: string): number {
  let n = 0;
  for (const m of demoMembers()) if (demoMemberState(m).periods.some((p) => p.unitId === unit && p.validFrom === founded)) n++;
  return n;
}

/**
 * The demo members as the batch admission takes them: each admitted into their
 * first unit, then the later events of their history in order (cards,
 * transfers, leaving, re-admission). unitId maps a unit code to its id.
 */
export function demoAdmissions(unitId: (code: string) => string): AdmitMembersInput {
  const members = demoMembers().map((m) => {
    const [first, ...later] = m.events;
    if (first?.kind !== 'admitted') throw new Error(`demo members: ${m.fullName} does not start with an admission`);
    const history = later.map((e) => {
      switch (e.kind) {
        case 'card_issued':
          return { kind: e.kind, date: e.date, cardNumber: e.cardNumber };
        case 'transferred':
          if (e.transferState === 'refused') throw new Error('demo members: a refused transfer has no use-case to replay');
          return {
            kind: e.kind,
            date: e.date,
            toUnitId: e.toUnit ? unitId(e.toUnit) : null,
            toOutsideName: e.toOutside ?? null,
            transferState: e.transferState,
            decidedOn: e.decidedOn,
            note: e.note ?? null,
          };
        case 'left':
        case 'died':
          return { kind: e.kind, date: e.date, note: e.note ?? null };
        case 'rejoined':
          return { kind: e.kind, date: e.date, unitId: unitId(e.unit), note: e.note ?? null };
        case 'admitted':
          throw new Error(`demo members: ${m.fullName} is admitted twice (a re-admission is 'rejoined')`);
      }
    });
    return {
      fullName: m.fullName,
      gender: m.gender,
      birthDate: m.birthDate,
      citizenId: m.citizenId,
      phone: m.phone,
      ethnicity: m.ethnicity,
      job: m.job,
      workplace: m.workplace,
      // A position is held while a member: those who left are plain members.
      unionPosition: demoMemberState(m).status === 'active' ? m.unionPosition : 'member',
      partyMember: m.partyMember,
      unitId: unitId(first.unit),
      admittedOn: first.date,
      note: first.note ?? null,
      history,
    };
  });
  // Through the API's own schema: every field rule applies to the demo as to a form.
  return AdmitMembersBody.parse({ members });
}

/**
 * Writes the demo members with their history through the batch admission
 * (admitMembers, as the system administrator): the checks, rows, audit
 * entries and derived facts of the registry's own use-case. Call inside the
 * demo-data transaction, after the data elements.
 */
export async function loadDemoMembers(
  tx: Executor,
  unitId: (code: string) => string,
): Promise<{ members: number; events: number; units: number }> {
  const input = demoAdmissions(unitId);
  await demoWrite('the member registry', () => admitMembers(tx, SYSTEM_ACTOR, input));
  const members = demoMembers();
  const units = new Set(members.flatMap((m) => demoMemberState(m).periods.map((p) => p.unitId)));
  return { members: members.length, events: members.reduce((n, m) => n + m.events.length, 0), units: units.size };
}
