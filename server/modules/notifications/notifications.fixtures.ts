// Test data for notifications, reminders and the compliance board (not a test
// file itself): a province with two districts, their Offices, grassroots
// unions with chairs, a program of the province with a March 2024 monthly
// period, and reports in several states.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reportEvents, reportPeriods, reports, users } from '../../db/schema/index.js';
import { createUnit, createUser } from '../../../test/factories.js';
import { program } from '../indicators/indicators.fixtures.js';

async function withEmail<T extends { id: string; username: string }>(db: Executor, user: T): Promise<T & { email: string }> {
  const email = `${user.username}@example.vn`;
  await db.update(users).set({ email }).where(eq(users.id, user.id));
  return { ...user, email };
}

export async function seedReportingFixture(db: Executor) {
  const province = await createUnit(db, { shortName: 'LĐLĐ tỉnh', kind: 'province_federation' });
  const districtA = await createUnit(db, { shortName: 'LĐLĐ huyện A', kind: 'district_federation', parentId: province.id });
  const districtB = await createUnit(db, { shortName: 'LĐLĐ huyện B', kind: 'district_federation', parentId: province.id });
  const a1 = await createUnit(db, { code: 'A1', shortName: 'CĐCS A1', parentId: districtA.id });
  const a2 = await createUnit(db, { code: 'A2', shortName: 'CĐCS A2', parentId: districtA.id });
  const a3 = await createUnit(db, { code: 'A3', shortName: 'CĐCS A3', parentId: districtA.id });
  const a4 = await createUnit(db, { code: 'A4', shortName: 'CĐCS A4', parentId: districtA.id });
  const b1 = await createUnit(db, { code: 'B1', shortName: 'CĐCS B1', parentId: districtB.id });

  const provinceOfficer = await withEmail(
    db,
    await createUser(db, { role: 'federation_officer', unitId: province.id, fullName: 'VP tỉnh' }),
  );
  const officerA = await withEmail(db, await createUser(db, { role: 'federation_officer', unitId: districtA.id, fullName: 'VP huyện A' }));
  const leaderA = await withEmail(db, await createUser(db, { role: 'federation_leader', unitId: districtA.id, fullName: 'LĐ huyện A' }));
  const officerB = await withEmail(db, await createUser(db, { role: 'federation_officer', unitId: districtB.id, fullName: 'VP huyện B' }));
  const chairA1 = await withEmail(db, await createUser(db, { role: 'grassroots_officer', unitId: a1.id, fullName: 'CT A1' }));
  const chairA2 = await withEmail(db, await createUser(db, { role: 'grassroots_officer', unitId: a2.id, fullName: 'CT A2' }));
  const chairA3 = await withEmail(db, await createUser(db, { role: 'grassroots_officer', unitId: a3.id, fullName: 'CT A3' }));
  const chairA4 = await withEmail(db, await createUser(db, { role: 'grassroots_officer', unitId: a4.id, fullName: 'CT A4' }));
  const chairB1 = await withEmail(db, await createUser(db, { role: 'grassroots_officer', unitId: b1.id, fullName: 'CT B1' }));

  const programId = await program(db, province.id);
  const [march] = await db
    .insert(reportPeriods)
    .values({ programId, kind: 'monthly', dataFrom: '2024-03-01', dataTo: '2024-03-25', dueOn: '2024-03-25', factMonth: '2024-03-01' })
    .returning();

  const report = async (unitId: string, status: string, firstSubmittedAt: string | null, submittedAt = firstSubmittedAt) => {
    const [row] = await db
      .insert(reports)
      .values({
        periodId: march!.id,
        unitId,
        status,
        firstSubmittedAt: firstSubmittedAt ? new Date(firstSubmittedAt) : null,
        submittedAt: submittedAt ? new Date(submittedAt) : null,
        approvedAt: status === 'approved' ? new Date(submittedAt!) : null,
      })
      .returning();
    return row!;
  };
  // A1 submitted on time (23:59 of the due day, UTC+7), was returned, and submitted again after the deadline: on time, once.
  const reportA1 = await report(a1.id, 'submitted', '2024-03-25T16:59:00Z', '2024-03-28T03:00:00Z');
  await db.insert(reportEvents).values([
    { reportId: reportA1.id, action: 'submitted', at: new Date('2024-03-25T16:59:00Z') },
    { reportId: reportA1.id, action: 'returned', at: new Date('2024-03-26T03:00:00Z') },
    { reportId: reportA1.id, action: 'resubmitted', at: new Date('2024-03-28T03:00:00Z') },
  ]);
  // A2: a draft. A3: nothing. A4: approved, submitted late (00:01 of the next day, UTC+7). B1 (other district): submitted on time.
  const reportA2 = await report(a2.id, 'draft', null);
  const reportA4 = await report(a4.id, 'approved', '2024-03-25T17:01:00Z');
  const reportB1 = await report(b1.id, 'submitted', '2024-03-20T03:00:00Z');

  return {
    province,
    districtA,
    districtB,
    a1,
    a2,
    a3,
    a4,
    b1,
    provinceOfficer,
    officerA,
    leaderA,
    officerB,
    chairA1,
    chairA2,
    chairA3,
    chairA4,
    chairB1,
    programId,
    march: march!,
    reportA1,
    reportA2,
    reportA4,
    reportB1,
  };
}
