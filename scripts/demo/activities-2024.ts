// The Vĩnh Thuận CĐCS' activity records of 2024 (hồ sơ hoạt động,
// docs/activities.md), written THROUGH the records' use-case
// (createActivityRecord) by the people who keep them: the CĐCS' chair where the
// demo has an account for it (cdcs.thpt for VT10, cdcs.thuysan for VT17), the
// district's Office (vanphong.vt) on the other CĐCS' behalf, the district's
// inspection committee (ubkt.vt) for their UBKT's plans and inspections, and the
// district's Office for the classification and the awards (a CĐCS never
// classifies or awards itself). Every write scope, field rule and member check
// applies to the demo as to a form.
//
// The records add up, per CĐCS and month, to the figures of the demo story
// (targets-2024.ts, demoFacts), so the targets read the same values as when the
// CĐCS typed them:
// - target 1: one training or propaganda session in each month that reached
//   new people (members + workers reached = the month's newly reached);
// - target 4: the month the chair was trained, that session is the union-skills
//   training with the chair named as participant;
// - target 3: "còn nguồn" (or not) for the year, and one introduction per
//   member introduced to the Party, naming a member who is not a Party member;
// - target 5: the year's classification by the district (VT21, founded on
//   15/08/2024: "chưa xếp loại", not applicable);
// - target 6: the UBKT's plan of two inspections, and each inspection of the
//   CĐCS itself (cùng cấp); a supervision (giám sát) does not count;
// - target 8: the labour lawsuits at court, the union in the proceedings for
//   the supported ones; a mediated dispute that counts for nothing;
// - target 9: one Worker Month activity in May; target 10: the "Mái ấm" house
//   of VT14 in September.
// And records of the kinds that feed no target, so every kind has demo rows:
// Tết Sum vầy gifts, emulation works for the 95th anniversary of Công đoàn Việt
// Nam (28/07/2024) and the district's awards for them.
//
// VT19 and VT20 (the CĐCS that never report) keep no record. Deterministic: the
// figures come from demoFacts, the people are the unit's members on the date
// in the order of their CCCD, the days are fixed.
import { sql } from 'drizzle-orm';
import type { ActivityKind, RecordPersonRole } from '../../common/activities.js';
import { ActivityRecordInput } from '../../common/api/activities.js';
import type { Executor } from '../../server/db/client.js';
import { queryRows } from '../../server/db/sql.js';
import type { Actor } from '../../server/lib/access.js';
import { createActivityRecord } from '../../server/modules/activities/create-activity-record.js';
import { DEMO_ACCOUNTS } from './accounts.js';
import { demoWrite } from './demo-write.js';
import { demoActiveCounts, monthEnd, UNITS_WITH_UBKT } from './members-2024.js';
import { DEMO_UNITS } from './org-tree.js';
import { demoFacts, SILENT_UNITS, type DemoElementCode, type DemoFact } from './targets-2024.js';

/** Who keeps the record: the CĐCS (its chair), its inspection committee, or the federation above it. */
export type DemoKeeper = 'chair' | 'inspection' | 'federation';

/** A person named in a record, picked among the unit's members on the record's date. */
export type DemoPersonPick =
  | 'chair' // the unit's chair (union_position 'chair')
  | 'member' // a plain member not named yet in the unit's records
  | 'non_party_member'; // idem, not a Party member (introduced to the Party)

export interface DemoActivity {
  unit: string;
  keeper: DemoKeeper;
  kind: ActivityKind;
  occurredOn: string;
  title: string;
  notes?: string;
  /** The kind's details; an inspection's inspectedUnitId is a unit code here. */
  details: Record<string, unknown>;
  people: Array<{ pick: DemoPersonPick; role: RecordPersonRole }>;
}

const YEAR = 2024;
const pad = (n: number) => String(n).padStart(2, '0');
const unitIndex = (code: string) => Number(code.slice(2));
const foundedOn = (code: string) => DEMO_UNITS.find((u) => u.code === code)!.validFrom;

/** A fixed day of the month for a unit's record (salt: which record), never before the unit's founding. */
function dayIn(unit: string, month: string, salt: number): string {
  const d = `${month}-${pad(8 + ((unitIndex(unit) * 5 + salt * 3) % 18))}`; // 8..25
  const founded = foundedOn(unit);
  if (d > founded) return d;
  // The month the unit was founded: a few days after.
  const later = Number(founded.slice(8, 10)) + 3 + (salt % 5);
  return founded.slice(0, 7) === month ? `${month}-${pad(Math.min(28, later))}` : d;
}

/** Propaganda and trainings by rotation: topic, form, title. */
const SESSIONS: Array<[string, string, string]> = [
  ['party_resolutions', 'in_person', 'Học tập, quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam'],
  ['labour_law', 'leaflets', 'Phát tờ rơi tuyên truyền Bộ luật Lao động và chính sách bảo hiểm xã hội'],
  ['union_law', 'in_person', 'Phổ biến Luật Công đoàn năm 2024'],
  ['digital_transformation', 'online', 'Tuyên truyền chuyển đổi số, sử dụng dịch vụ công trực tuyến'],
  ['occupational_safety', 'in_person', 'Tuyên truyền an toàn, vệ sinh lao động tại nơi làm việc'],
  ['party_resolutions', 'social_media', 'Tuyên truyền kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam qua nhóm Zalo'],
  ['labour_law', 'in_person', 'Đối thoại, giải đáp chính sách tiền lương cho đoàn viên và người lao động'],
];

const SCORES: Record<string, number> = { xuat_sac: 95, tot: 86, hoan_thanh: 72, khong_hoan_thanh: 48 };

/**
 * The demo's activity records, in the order they are written (deterministic):
 * the records behind the demo story's figures of each CĐCS, then the ones that
 * feed no target.
 */
export function demoActivities(): DemoActivity[] {
  const facts = demoFacts();
  const byUnit = new Map<string, DemoFact[]>();
  for (const f of facts) byUnit.set(f.unit, [...(byUnit.get(f.unit) ?? []), f]);
  const out: DemoActivity[] = [];

  for (const [unit, unitFacts] of byUnit) {
    const of = (element: DemoElementCode) => unitFacts.filter((f) => f.element === element).sort((a, b) => a.month.localeCompare(b.month));

    // ---- Target 1 (and 4): the people newly reached each month. The story gives the number reached since
    // January; when it dips (members who left), the months before keep the lower figure, so the months add
    // up to the story's November figure exactly and no month is negative.
    const reached = of('propaganda_reached');
    const since = reached.map((f, i) => Math.min(...reached.slice(i).map((g) => g.n!)));
    const trainedMonth = of('chair_trained').find((f) => f.b)?.month;
    const workers = new Map(of('non_member_workers').map((f) => [f.month, f.n!]));
    for (const [i, f] of reached.entries()) {
      const newly = since[i]! - (i === 0 ? 0 : since[i - 1]!);
      const chair = f.month === trainedMonth;
      if (chair && newly < 1) throw new Error(`demo activities: ${unit} trains its chair in ${f.month}, a month that reaches nobody new`);
      if (newly === 0) continue;
      if (newly < 0) throw new Error(`demo activities: ${unit} reaches fewer people in ${f.month}`);
      // The newly reached split like the unit's members and workers that month (the chair is a member).
      const members = demoActiveCounts(monthEnd(f.month)).get(unit) ?? 0;
      const nonMembers = workers.get(f.month) ?? 0;
      const workersReached = Math.min(chair ? newly - 1 : newly, Math.round((newly * nonMembers) / Math.max(1, members + nonMembers)));
      const [topic, form, title]: [string, string, string] = chair
        ? ['union_skills', 'in_person', 'Tập huấn nghiệp vụ công tác công đoàn cho Ban Chấp hành và tổ trưởng công đoàn']
        : SESSIONS[(unitIndex(unit) + i) % SESSIONS.length]!;
      out.push({
        unit,
        keeper: 'chair',
        kind: 'training',
        occurredOn: dayIn(unit, f.month, 1),
        title,
        details: { topic, form, membersReached: newly - workersReached, workersReached },
        people: chair ? [{ pick: 'chair', role: 'participant' }] : [],
      });
    }

    // ---- Target 3: "còn nguồn" for the year, then one record per member introduced.
    const candidates = of('party_candidates_available');
    if (candidates.length > 0) {
      const has = candidates.some((f) => f.b);
      out.push({
        unit,
        keeper: 'chair',
        kind: 'party_source',
        occurredOn: dayIn(unit, candidates[0]!.month, 0),
        title: has ? 'Còn nguồn đoàn viên ưu tú giới thiệu cho Đảng năm 2024' : 'Hết nguồn đoàn viên ưu tú giới thiệu cho Đảng năm 2024',
        details: { year: YEAR, hasCandidates: has },
        people: [],
      });
    }
    for (const f of of('party_introductions')) {
      for (let k = 0; k < (f.n ?? 0); k++) {
        out.push({
          unit,
          keeper: 'chair',
          kind: 'party_introduction',
          occurredOn: dayIn(unit, f.month, 2 + k),
          title: 'Giới thiệu đoàn viên ưu tú cho chi bộ xem xét, bồi dưỡng kết nạp Đảng',
          details: { outcome: 'pending', outcomeOn: null },
          people: [{ pick: 'non_party_member', role: 'introduced' }],
        });
      }
    }

    // ---- Target 6: the UBKT's plan and its same-level inspections (a CĐCS without a UBKT keeps none).
    if (UNITS_WITH_UBKT.includes(unit)) {
      out.push({
        unit,
        keeper: 'inspection',
        kind: 'inspection_plan',
        occurredOn: dayIn(unit, '2024-01', 0),
        title: 'Kế hoạch kiểm tra, giám sát năm 2024 của Ủy ban kiểm tra công đoàn cơ sở',
        details: { year: YEAR, plannedCount: 2 },
        people: [],
      });
      const done = of('same_level_inspections').filter((f) => (f.n ?? 0) > 0);
      for (const [k, f] of done.entries()) {
        const first = k === 0;
        out.push({
          unit,
          keeper: 'inspection',
          kind: 'inspection',
          occurredOn: dayIn(unit, f.month, 3),
          title: first
            ? 'Kiểm tra việc thu, nộp đoàn phí công đoàn 6 tháng đầu năm 2024'
            : 'Kiểm tra việc quản lý, sử dụng tài chính, tài sản công đoàn năm 2024',
          details: {
            inspectedUnitId: unit,
            type: 'inspection',
            subject: first ? 'union_fee' : 'finance',
            findings: first
              ? 'Thu đoàn phí đúng mức quy định; một số tháng nộp về cấp trên chậm so với thời hạn.'
              : 'Chứng từ chi cơ bản đầy đủ; sổ quỹ tiền mặt ghi chưa kịp thời.',
            recommendations: first ? 'Nộp đoàn phí về cấp trên đúng hạn hằng tháng.' : 'Cập nhật sổ quỹ tiền mặt hằng ngày.',
            followUp: first ? 'done' : 'in_progress',
          },
          people: [],
        });
      }
    }

    // ---- Target 8: the labour lawsuits at court the members asked the union's help with.
    const requested = of('labour_lawsuits_requested').filter((f) => (f.n ?? 0) > 0);
    const supported = new Map(of('labour_lawsuits_supported').map((f) => [f.month, f.n ?? 0]));
    for (const f of requested) {
      for (let k = 0; k < f.n!; k++) {
        const helped = k < (supported.get(f.month) ?? 0);
        out.push({
          unit,
          keeper: 'chair',
          kind: 'legal_case',
          occurredOn: dayIn(unit, f.month, 4 + k),
          title:
            k % 2 === 0 ? 'Đoàn viên khởi kiện đòi trợ cấp thôi việc' : 'Đoàn viên khởi kiện việc đơn phương chấm dứt hợp đồng lao động',
          notes: helped
            ? 'Công đoàn cử cán bộ tham gia tố tụng với tư cách người bảo vệ quyền và lợi ích hợp pháp của đoàn viên.'
            : 'Công đoàn tư vấn hồ sơ khởi kiện; chưa tham gia tố tụng.',
          details: {
            caseType: 'lawsuit',
            atCourt: true,
            memberRequested: true,
            participation: helped ? 'court' : 'advice',
            outcome: 'pending',
            closedOn: null,
          },
          people: [{ pick: 'member', role: 'member_concerned' }],
        });
      }
    }

    // ---- Target 9: one Worker Month activity, in May.
    for (const f of of('worker_month_activities').filter((g) => (g.n ?? 0) > 0)) {
      for (let k = 0; k < f.n!; k++) {
        out.push({
          unit,
          keeper: 'chair',
          kind: 'campaign',
          occurredOn: dayIn(unit, f.month, 5 + k),
          title: 'Hưởng ứng Tháng Công nhân năm 2024: thăm hỏi, đối thoại và tặng quà đoàn viên, người lao động',
          details: {
            campaign: 'worker_month',
            participants: Math.round((demoActiveCounts(monthEnd(f.month)).get(unit) ?? 0) * 0.8),
          },
          people: [],
        });
      }
    }

    // ---- Target 10: the "Mái ấm công đoàn" houses handed over.
    for (const f of of('mai_am_houses_supported').filter((g) => (g.n ?? 0) > 0)) {
      for (let k = 0; k < f.n!; k++) {
        out.push({
          unit,
          keeper: 'chair',
          kind: 'welfare',
          occurredOn: dayIn(unit, f.month, 6 + k),
          title: 'Bàn giao nhà "Mái ấm công đoàn" cho đoàn viên có hoàn cảnh khó khăn về nhà ở',
          details: {
            welfareKind: 'mai_am_house',
            houseWork: 'new',
            amounts: [
              { source: 'union_fund', amountVnd: 50_000_000 },
              { source: 'sponsor', amountVnd: 20_000_000 },
            ],
          },
          people: [{ pick: 'member', role: 'beneficiary' }],
        });
      }
    }

    // ---- Target 5: the year's classification by the district, in November (the year report's data).
    const grade = of('classification_grade').at(-1)?.t;
    if (grade || foundedOn(unit) >= `${YEAR}-01-01`) {
      const g = grade ?? 'not_classified';
      out.push({
        unit,
        keeper: 'federation',
        kind: 'classification',
        occurredOn: `${YEAR}-11-22`,
        title: 'Xếp loại công đoàn cơ sở năm 2024',
        details: {
          year: YEAR,
          grade: g,
          score: SCORES[g] ?? null,
          reasons:
            g === 'not_classified'
              ? 'Công đoàn cơ sở thành lập ngày 15/08/2024, chưa đủ thời gian hoạt động để xếp loại.'
              : g === 'khong_hoan_thanh'
                ? 'Chưa hoàn thành chỉ tiêu kiểm tra cùng cấp; thu, nộp kinh phí công đoàn chậm.'
                : null,
        },
        people: [],
      });
    }
  }

  out.push(...recordsOfNoTarget());
  for (const a of out) {
    if (SILENT_UNITS.includes(a.unit)) throw new Error(`demo activities: ${a.unit} keeps no record`);
    if (a.occurredOn < foundedOn(a.unit) || a.occurredOn > `${YEAR}-11-30`)
      throw new Error(`demo activities: ${a.unit} on ${a.occurredOn}`);
  }
  return out;
}

/** Records of the kinds that feed no target: welfare at Tết, a mediated dispute, a supervision, emulation works and awards. */
function recordsOfNoTarget(): DemoActivity[] {
  const out: DemoActivity[] = [];
  // Tết Sum vầy, before Tết Giáp Thìn (10/02/2024): gifts to members in hardship.
  for (const [unit, given] of [
    ['VT10', 2],
    ['VT14', 4],
    ['VT16', 2],
    ['VT17', 5],
    ['VT18', 3],
  ] as const) {
    out.push({
      unit,
      keeper: 'chair',
      kind: 'welfare',
      occurredOn: `2024-02-0${2 + (unitIndex(unit) % 5)}`,
      title: 'Tết Sum vầy Xuân Giáp Thìn 2024: tặng quà Tết đoàn viên có hoàn cảnh khó khăn',
      details: {
        welfareKind: 'tet_support',
        houseWork: null,
        amounts:
          unit === 'VT17'
            ? [
                { source: 'union_fund', amountVnd: given * 500_000 },
                { source: 'sponsor', amountVnd: given * 300_000 },
              ]
            : [{ source: 'union_fund', amountVnd: given * 500_000 }],
      },
      people: Array.from({ length: given }, () => ({ pick: 'member' as const, role: 'beneficiary' as const })),
    });
  }
  // A dispute settled by mediation, not at court: not a lawsuit of target 8.
  out.push({
    unit: 'VT17',
    keeper: 'chair',
    kind: 'legal_case',
    occurredOn: '2024-08-12',
    title: 'Tranh chấp về tiền làm thêm giờ của tổ chế biến',
    notes: 'Công đoàn đại diện người lao động đối thoại với giám đốc; công ty chi trả bổ sung.',
    details: {
      caseType: 'labour_dispute',
      atCourt: false,
      memberRequested: true,
      participation: 'mediation',
      outcome: 'settled',
      closedOn: '2024-08-30',
    },
    people: [{ pick: 'member', role: 'member_concerned' }],
  });
  // A supervision (giám sát): kept by the UBKT, not counted as an inspection.
  out.push({
    unit: 'VT14',
    keeper: 'inspection',
    kind: 'inspection',
    occurredOn: '2024-07-16',
    title: 'Giám sát việc thực hiện chế độ phụ cấp trực cho đoàn viên',
    details: {
      inspectedUnitId: 'VT14',
      type: 'supervision',
      subject: 'other',
      findings: 'Chế độ phụ cấp trực được chi trả đầy đủ, đúng hạn.',
      recommendations: null,
      followUp: 'done',
    },
    people: [],
  });
  // Emulation works to mark the 95th anniversary of Công đoàn Việt Nam (28/07/1929 – 28/07/2024).
  const works: Array<[string, string, string, number | null]> = [
    ['VT10', 'san_pham', 'Sản phẩm thi đua: bộ học liệu số môn Toán lớp 10 dùng chung cho tổ chuyên môn', null],
    ['VT14', 'cong_trinh', 'Công trình thi đua: cải tạo khu chờ khám bệnh khoa Nhi', 45_000_000],
    ['VT16', 'phan_viec', 'Phần việc thi đua: phát quang hành lang tuyến trung thế qua xã Vĩnh Bình Bắc', null],
    ['VT17', 'cong_trinh', 'Công trình thi đua: nhà nghỉ trưa cho công nhân phân xưởng chế biến', 120_000_000],
    ['VT01', 'phan_viec', 'Phần việc thi đua: số hóa hồ sơ đoàn viên của công đoàn cơ sở', null],
  ];
  for (const [unit, workType, title, value] of works) {
    out.push({
      unit,
      keeper: 'chair',
      kind: 'emulation_work',
      occurredOn: dayIn(unit, '2024-07', 7),
      title,
      notes: 'Chào mừng kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 – 28/7/2024).',
      details: { workType, valueVnd: value, completedOn: dayIn(unit, '2024-07', 7) },
      people: [],
    });
  }
  // The district's certificates of merit for the anniversary's emulation (one decision).
  const award = (unit: string, recipient: DemoPersonPick | null, title: string): DemoActivity => ({
    unit,
    keeper: 'federation',
    kind: 'award',
    occurredOn: '2024-07-26',
    title,
    details: { awardKind: 'giay_khen', level: 'lien_doan_huyen', decisionNumber: '45/QĐ-LĐLĐ', decisionDate: '2024-07-26' },
    people: recipient ? [{ pick: recipient, role: 'recipient' }] : [],
  });
  out.push(
    award(
      'VT14',
      null,
      'Giấy khen tập thể có thành tích xuất sắc trong phong trào thi đua chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam',
    ),
  );
  out.push(
    award(
      'VT17',
      'chair',
      'Giấy khen cá nhân có thành tích xuất sắc trong phong trào thi đua chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam',
    ),
  );
  out.push(
    award(
      'VT10',
      'member',
      'Giấy khen cá nhân có thành tích xuất sắc trong phong trào thi đua chào mừng 95 năm Ngày thành lập Công đoàn Việt Nam',
    ),
  );
  return out;
}

/** The demo account that keeps a CĐCS' own records: its chair where the demo has one, else the district's Office. */
const CHAIR_ACCOUNTS = new Map(DEMO_ACCOUNTS.filter((a) => a.role === 'grassroots_officer').map((a) => [a.unitCode, a.username]));
export function demoKeeperAccount(unit: string, keeper: DemoKeeper): string {
  if (keeper === 'federation') return 'vanphong.vt';
  return CHAIR_ACCOUNTS.get(unit) ?? (keeper === 'inspection' ? 'ubkt.vt' : 'vanphong.vt');
}

/**
 * Writes the demo activity records through createActivityRecord, each as the
 * account that keeps it (actorOf: the demo user by username, with their
 * assignments), the people picked among the unit's members on the record's
 * date. Call inside the demo-data transaction, after the member registry, the
 * data elements and the users; each write refreshes its unit's derived facts.
 */
export async function loadDemoActivities(
  tx: Executor,
  unitId: (code: string) => string,
  actorOf: (username: string) => Promise<Actor>,
): Promise<{ records: number }> {
  const activities = demoActivities();
  /** Members named so far, per unit: each record names new people. */
  const named = new Map<string, Set<string>>();
  for (const [i, a] of activities.entries()) {
    const what = `activity ${i + 1} (${a.kind}) of ${a.unit} on ${a.occurredOn}`;
    const uid = unitId(a.unit);
    const people: Array<{ memberId: string; role: RecordPersonRole }> = [];
    if (a.people.length > 0) {
      const members = await queryRows<{ id: string; union_position: string; party_member: boolean }>(
        tx,
        sql`select m.id, m.union_position, m.party_member from members m
          join member_unit_periods p on p.member_id = m.id
          where p.unit_id = ${uid}::uuid and p.valid_from <= ${a.occurredOn}::date
            and (p.valid_to is null or p.valid_to >= ${a.occurredOn}::date)
          order by m.citizen_id`,
      );
      const used = named.get(a.unit) ?? new Set<string>();
      named.set(a.unit, used);
      for (const p of a.people) {
        const member =
          p.pick === 'chair'
            ? members.find((m) => m.union_position === 'chair')
            : members.find((m) => m.union_position === 'member' && !used.has(m.id) && (p.pick === 'member' || !m.party_member));
        if (!member) throw new Error(`demo data: ${what} has no ${p.pick} to name`);
        if (p.pick !== 'chair') used.add(member.id);
        people.push({ memberId: member.id, role: p.role });
      }
    }
    const details = a.kind === 'inspection' ? { ...a.details, inspectedUnitId: unitId(a.details.inspectedUnitId as string) } : a.details;
    // Through the API's own schema: every field rule applies to the demo as to a form.
    const input = ActivityRecordInput.parse({
      kind: a.kind,
      unitId: uid,
      occurredOn: a.occurredOn,
      title: a.title,
      notes: a.notes ?? null,
      details,
      people,
    });
    const actor = await actorOf(demoKeeperAccount(a.unit, a.keeper));
    await demoWrite(what, () => createActivityRecord(tx, actor, input));
  }
  return { records: activities.length };
}
