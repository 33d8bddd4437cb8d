// The demo activity records add up to the demo story's figures (demoFacts),
// unit by unit and month by month, and every record passes the API's schema.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_KINDS } from '../../common/activities.js';
import { ActivityRecordInput } from '../../common/api/activities.js';
import { demoActivities, demoKeeperAccount, type DemoActivity } from './activities-2024.js';
import { demoFacts, type DemoElementCode } from './targets-2024.js';

const UUID = '00000000-0000-4000-8000-000000000000';
const monthOf = (a: DemoActivity) => a.occurredOn.slice(0, 7);

describe('demo activity records of 2024', () => {
  const activities = demoActivities();
  const facts = demoFacts();
  const story = (element: DemoElementCode) => facts.filter((f) => f.element === element);
  const records = (kind: DemoActivity['kind'], unit: string, month?: string) =>
    activities.filter((a) => a.kind === kind && a.unit === unit && (!month || monthOf(a) === month));

  it('has records of every kind, deterministically, each valid for the API', () => {
    expect(new Set(activities.map((a) => a.kind))).toEqual(new Set(ACTIVITY_KINDS));
    expect(JSON.stringify(demoActivities())).toBe(JSON.stringify(activities));
    for (const a of activities) {
      const details = a.kind === 'inspection' ? { ...a.details, inspectedUnitId: UUID } : a.details;
      const people = a.people.map((p) => ({ memberId: UUID, role: p.role }));
      // As the loader builds it: the demo's own keys (unit code, keeper) are not the API's.
      const input = { kind: a.kind, unitId: UUID, occurredOn: a.occurredOn, title: a.title, notes: a.notes ?? null, details, people };
      const parsed = ActivityRecordInput.safeParse(input);
      expect(parsed.error?.issues ?? [], `${a.kind} of ${a.unit} on ${a.occurredOn}`).toEqual([]);
    }
    // VT19 and VT20 never report and keep no record.
    expect(activities.some((a) => ['VT19', 'VT20'].includes(a.unit))).toBe(false);
  });

  it('reaches, month by month, the people the story reached since January (target 1)', () => {
    for (const unit of new Set(story('propaganda_reached').map((f) => f.unit))) {
      const months = story('propaganda_reached').filter((f) => f.unit === unit);
      let total = 0;
      for (const f of months) {
        for (const t of records('training', unit, f.month)) {
          const { membersReached, workersReached } = t.details as { membersReached: number; workersReached: number };
          expect(membersReached).toBeGreaterThanOrEqual(0);
          expect(workersReached).toBeGreaterThanOrEqual(0);
          total += membersReached + workersReached;
        }
        expect(total, `${unit} ${f.month}`).toBeLessThanOrEqual(f.n!);
      }
      expect(total, unit).toBe(months.at(-1)!.n);
    }
  });

  it('trains each chair in the month the story says (target 4), naming the chair', () => {
    for (const f of story('chair_trained').filter((g) => g.b)) {
      const first = story('chair_trained').find((g) => g.unit === f.unit && g.b)!;
      const named = records('training', f.unit).filter((t) => t.people.some((p) => p.pick === 'chair'));
      expect(named.map(monthOf), f.unit).toEqual([first.month]);
    }
  });

  it('counts, per unit and month, the introductions, inspections, lawsuits, Worker Month activities and houses of the story', () => {
    const count = (element: DemoElementCode, kind: DemoActivity['kind'], keep: (a: DemoActivity) => boolean = () => true) => {
      for (const f of story(element).filter((g) => !g.na)) {
        expect(records(kind, f.unit, f.month).filter(keep).length, `${element} ${f.unit} ${f.month}`).toBe(f.n);
      }
    };
    count('party_introductions', 'party_introduction');
    count('same_level_inspections', 'inspection', (a) => a.details.type === 'inspection');
    const lawsuit = (a: DemoActivity) => a.details.atCourt === true && a.details.memberRequested === true;
    count('labour_lawsuits_requested', 'legal_case', lawsuit);
    count('labour_lawsuits_supported', 'legal_case', (a) => lawsuit(a) && a.details.participation === 'court');
    count('worker_month_activities', 'campaign', (a) => a.details.campaign === 'worker_month');
    count('mai_am_houses_supported', 'welfare', (a) => a.details.welfareKind === 'mai_am_house');
    // Units without a UBKT ("not applicable" in the story) inspect nothing.
    for (const f of story('same_level_inspections').filter((g) => g.na)) expect(records('inspection', f.unit)).toEqual([]);
  });

  it('declares "còn nguồn" and the classification of the year as the story gives them (targets 3 and 5)', () => {
    for (const unit of new Set(story('party_candidates_available').map((f) => f.unit))) {
      const [source] = records('party_source', unit);
      expect(source!.details).toEqual({
        year: 2024,
        hasCandidates: story('party_candidates_available').some((f) => f.unit === unit && f.b),
      });
      const grade = story('classification_grade')
        .filter((f) => f.unit === unit)
        .at(-1)?.t;
      const [classification] = records('classification', unit);
      expect(classification!.details.grade, unit).toBe(grade ?? 'not_classified'); // VT21, founded in 2024: not classified
      expect(classification!.keeper).toBe('federation');
    }
  });

  it('is kept by the chairs who have a demo account, else by the district', () => {
    expect(demoKeeperAccount('VT10', 'chair')).toBe('cdcs.thpt');
    expect(demoKeeperAccount('VT17', 'inspection')).toBe('cdcs.thuysan');
    expect(demoKeeperAccount('VT14', 'chair')).toBe('vanphong.vt');
    expect(demoKeeperAccount('VT14', 'inspection')).toBe('ubkt.vt');
    expect(demoKeeperAccount('VT10', 'federation')).toBe('vanphong.vt');
  });
});
