// Shared set-up of the activity record tests (not used by the app): valid
// record inputs of every kind, and a small world — a province with two
// districts; district A has CĐCS A1 and A2, district B has B1 — with members
// and signed-in users.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { ActivityKind } from '../../../common/activities.js';
import type { ActivityRecordInput } from '../../../common/api/activities.js';
import { createTestApp, signInAs, type Client } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUnit, createUser, type UserInput } from '../../../test/factories.js';
import type { DatabaseHandle, Executor } from '../../db/client.js';
import { queryRows } from '../../db/sql.js';
import { loadAssignments, SYSTEM_ACTOR, type Actor } from '../../lib/access.js';
import type { App } from '../../lib/http.js';
import { DEMO_PROGRAM_2024 } from '../../../scripts/demo/program-2024.js';
import { programs, reportPeriods, reports } from '../../db/schema/index.js';
import { admitMember } from '../members/admit-member.js';

export interface ActivityInputOptions {
  unitId: string;
  /** Default 2025-03-10 (one-per-year kinds: their year is this date's). */
  occurredOn?: string;
  /** The member named where the kind names one (legal case, Party introduction, Mái ấm, participants…). */
  memberId?: string;
  /** Inspection: the unit inspected (default: the unit itself). */
  inspectedUnitId?: string;
  title?: string;
  notes?: string | null;
  /** Fields of details to change. */
  details?: Record<string, unknown>;
  people?: ActivityRecordInput['people'];
}

/** A valid record input of the kind (people named only when memberId is given, or the kind needs one). */
export function activityInput(kind: ActivityKind, options: ActivityInputOptions): ActivityRecordInput {
  const occurredOn = options.occurredOn ?? '2025-03-10';
  const year = Number(occurredOn.slice(0, 4));
  const m = options.memberId;
  const one = (role: ActivityRecordInput['people'][number]['role']) => (m ? [{ memberId: m, role }] : []);
  const byKind: Record<ActivityKind, { details: Record<string, unknown>; people: ActivityRecordInput['people'] }> = {
    training: {
      details: { topic: 'labour_law', form: 'in_person', membersReached: 40, workersReached: 5 },
      people: one('participant'),
    },
    inspection_plan: { details: { year, plannedCount: 2 }, people: [] },
    inspection: {
      details: {
        inspectedUnitId: options.inspectedUnitId ?? options.unitId,
        type: 'inspection',
        subject: 'finance',
        findings: 'Sổ sách đầy đủ',
        recommendations: null,
        followUp: 'done',
      },
      people: [],
    },
    legal_case: {
      details: { caseType: 'lawsuit', atCourt: true, memberRequested: true, participation: 'court', outcome: 'pending', closedOn: null },
      people: one('member_concerned'),
    },
    party_introduction: { details: { outcome: 'pending', outcomeOn: null }, people: one('introduced') },
    party_source: { details: { year, hasCandidates: true }, people: [] },
    campaign: { details: { campaign: 'worker_month', participants: 120 }, people: one('participant') },
    welfare: m
      ? {
          details: {
            welfareKind: 'mai_am_house',
            houseWork: 'new',
            amounts: [
              { source: 'union_fund', amountVnd: 50_000_000 },
              { source: 'sponsor', amountVnd: 20_000_000 },
            ],
          },
          people: one('beneficiary'),
        }
      : { details: { welfareKind: 'visit_gift', houseWork: null, amounts: [{ source: 'union_fund', amountVnd: 2_000_000 }] }, people: [] },
    classification: { details: { year, grade: 'tot', score: 92, reasons: null }, people: [] },
    emulation_work: { details: { workType: 'cong_trinh', valueVnd: 15_000_000, completedOn: occurredOn }, people: [] },
    award: {
      details: { awardKind: 'giay_khen', level: 'lien_doan_huyen', decisionNumber: '12/QĐ-LĐLĐ', decisionDate: occurredOn },
      people: one('recipient'),
    },
  };
  const base = byKind[kind];
  return {
    kind,
    unitId: options.unitId,
    occurredOn,
    title: options.title ?? `Hồ sơ ${kind} thử`,
    notes: options.notes ?? null,
    details: { ...base.details, ...(options.details ?? {}) },
    people: options.people ?? base.people,
  } as ActivityRecordInput;
}

/** Admits a member into the unit on the date (through the member registry, so their unit periods exist). */
export async function admitTestMember(
  db: Executor,
  unitId: string,
  fullName: string,
  admittedOn = '2024-01-15',
  unionPosition: 'member' | 'chair' | 'vice_chair' = 'member',
): Promise<string> {
  const member = await admitMember(db, SYSTEM_ACTOR, {
    fullName,
    gender: 'female',
    birthDate: '1990-04-12',
    unionPosition,
    partyMember: false,
    unitId,
    admittedOn,
  });
  return member.member.id;
}

export interface ActivityWorld {
  database: DatabaseHandle;
  app: App;
  /** Where the app stores attached files (a temporary folder, removed by close). */
  filesDir: string;
  units: { province: string; districtA: string; districtB: string; a1: string; a2: string; b1: string };
  /** Members of A1 (two) and of B1 (one), admitted on 15/01/2024. */
  members: { a1: string; a1b: string; b1: string };
  actors: { officerA: Actor; chairA1: Actor; officerB: Actor; viewerA: Actor; inspectorA: Actor; officerAtA1: Actor; admin: Actor };
  clients: { officerA: Client; chairA1: Client; chairB1: Client; officerB: Client; viewerA: Client; admin: Client };
  close: () => Promise<void>;
}

/** The activity tests' world (see the top of this file). */
export async function createActivityWorld(): Promise<ActivityWorld> {
  const database = await createTestDatabase();
  const db = database.db;
  const province = await createUnit(db, { kind: 'province_federation', validFrom: '2000-01-01', code: 'P' });
  const districtA = await createUnit(db, { kind: 'district_federation', parentId: province.id, validFrom: '2000-01-01', code: 'DA' });
  const districtB = await createUnit(db, { kind: 'district_federation', parentId: province.id, validFrom: '2000-01-01', code: 'DB' });
  const a1 = await createUnit(db, { parentId: districtA.id, validFrom: '2000-01-01', code: 'A1', shortName: 'CĐCS A1' });
  const a2 = await createUnit(db, { parentId: districtA.id, validFrom: '2000-01-01', code: 'A2', shortName: 'CĐCS A2' });
  const b1 = await createUnit(db, { parentId: districtB.id, validFrom: '2000-01-01', code: 'B1', shortName: 'CĐCS B1' });
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'congdoan-activities-test-'));
  const app = await createTestApp(database, {}, { filesDir });
  const user = async (role: UserInput['role'], unitId: string, includesSubtree = true) => {
    const u = await createUser(db, { role, unitId, includesSubtree, fullName: `${role} ${unitId.slice(0, 4)}` });
    return { user: u, actor: await actorOf(db, u.id) };
  };
  const officerA = await user('federation_officer', districtA.id);
  const chairA1 = await user('grassroots_officer', a1.id, false);
  const chairB1 = await user('grassroots_officer', b1.id, false);
  const officerB = await user('federation_officer', districtB.id);
  const viewerA = await user('viewer', districtA.id);
  const inspectorA = await user('inspection_officer', districtA.id);
  const officerAtA1 = await user('federation_officer', a1.id, false);
  const admin = await user('system_admin', province.id);
  return {
    database,
    app,
    filesDir,
    units: { province: province.id, districtA: districtA.id, districtB: districtB.id, a1: a1.id, a2: a2.id, b1: b1.id },
    members: {
      a1: await admitTestMember(db, a1.id, 'Nguyễn Thị Hoà'),
      a1b: await admitTestMember(db, a1.id, 'Trần Văn Bình'),
      b1: await admitTestMember(db, b1.id, 'Lê Văn Cường'),
    },
    actors: {
      officerA: officerA.actor,
      chairA1: chairA1.actor,
      officerB: officerB.actor,
      viewerA: viewerA.actor,
      inspectorA: inspectorA.actor,
      officerAtA1: officerAtA1.actor,
      admin: admin.actor,
    },
    clients: {
      officerA: await signInAs(app, officerA.user.username),
      chairA1: await signInAs(app, chairA1.user.username),
      chairB1: await signInAs(app, chairB1.user.username),
      officerB: await signInAs(app, officerB.user.username),
      viewerA: await signInAs(app, viewerA.user.username),
      admin: await signInAs(app, admin.user.username),
    },
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The Actor of a user, as the session would build it. */
export async function actorOf(db: Executor, userId: string): Promise<Actor> {
  const [u] = await queryRows<{ username: string; full_name: string }>(
    db,
    sql`select username, full_name from users where id = ${userId}::uuid`,
  );
  return { userId, username: u!.username, fullName: u!.full_name, locale: 'vi', assignments: await loadAssignments(db, userId) };
}

/** Row counts of the records' tables and their audit entries, to prove a refused write changed nothing. */
export async function activityCounts(db: Executor) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*)::int from activity_records) as records,
      (select count(*)::int from activity_record_people) as people,
      (select count(*)::int from audit_log where action like 'activity_record.%') as audits,
      (select coalesce(string_agg(id::text || row_version::text || coalesce(deleted_at::text, '-'), ',' order by id), '') from activity_records) as sig`,
  );
  return row!;
}

let programSerial = 0;
/**
 * A monthly report of the unit for the month ('YYYY-MM') with the status
 * (default submitted), under a program of its own: a record of that month then
 * needs a reason to change.
 */
export async function reportOfMonth(db: Executor, unitId: string, month: string, status: 'draft' | 'submitted' | 'approved' = 'submitted') {
  programSerial += 1;
  const { unitCode: _c, ...program } = DEMO_PROGRAM_2024;
  const [prog] = await db
    .insert(programs)
    .values({ ...program, unitId, number: 5000 + programSerial, status: 'issued', issuedOn: `${month}-01`, issuedAt: new Date() })
    .returning({ id: programs.id });
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const [period] = await db
    .insert(reportPeriods)
    .values({ programId: prog!.id, kind: 'monthly', dataFrom: `${month}-01`, dataTo: last, dueOn: last, factMonth: `${month}-01` })
    .returning({ id: reportPeriods.id });
  const [report] = await db.insert(reports).values({ periodId: period!.id, unitId, status }).returning({ id: reports.id });
  return report!.id;
}
