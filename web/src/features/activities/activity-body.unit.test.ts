// The body the record drawer sends is what the API's own schema accepts:
// only the kind's keys, dates as ISO days, blank text as null, the people with
// the kind's role; and a refusal lands under the form field it is about.
import dayjs from 'dayjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '../../../../common/i18n';
import { loadFullCatalogue } from '../../app/i18n';
import { checkBody, formField, toBody, type ActivityFormValues } from './activity-body';

const t = (key: MessageKey, params?: MessageParams) => translate('vi', key, params);
const UNIT = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const MEMBER = '6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d';

const base = (over: Partial<ActivityFormValues>): ActivityFormValues => ({
  kind: 'training',
  unitId: UNIT,
  occurredOn: dayjs('2024-11-20'),
  title: '  Tập huấn Bộ luật Lao động  ',
  notes: '   ',
  details: {},
  people: [],
  ...over,
});

describe('the record body of the drawer', () => {
  beforeAll(() => loadFullCatalogue());

  it('keeps only the kind’s details, trims, sends blank notes as null and names people with the kind’s role', () => {
    const body = toBody(
      base({
        // A value left from another kind chosen first must not reach the strict schema.
        details: { topic: 'labour_law', form: 'in_person', membersReached: 40, workersReached: 5, outcome: 'pending' },
        people: [MEMBER],
      }),
    );
    expect(body).toEqual({
      kind: 'training',
      unitId: UNIT,
      occurredOn: '2024-11-20',
      title: 'Tập huấn Bộ luật Lao động',
      notes: null,
      details: { topic: 'labour_law', form: 'in_person', membersReached: 40, workersReached: 5 },
      people: [{ memberId: MEMBER, role: 'participant' }],
    });
    expect(checkBody(body, t)).toEqual({ fields: [], general: [] });
  });

  it('sends dates of the details as ISO days and optional blanks as null', () => {
    const body = toBody(
      base({
        kind: 'legal_case',
        details: {
          caseType: 'lawsuit',
          atCourt: true,
          memberRequested: true,
          participation: 'court',
          outcome: 'won',
          closedOn: dayjs('2024-12-02'),
        },
        people: [MEMBER],
      }),
    );
    expect(body.details).toEqual({
      caseType: 'lawsuit',
      atCourt: true,
      memberRequested: true,
      participation: 'court',
      outcome: 'won',
      closedOn: '2024-12-02',
    });
    expect(body.people).toEqual([{ memberId: MEMBER, role: 'member_concerned' }]);
    const inspection = toBody(
      base({
        kind: 'inspection',
        details: { inspectedUnitId: UNIT, type: 'inspection', subject: 'finance', findings: ' ', followUp: 'open' },
      }),
    );
    expect(inspection.details).toMatchObject({ findings: null, recommendations: null });
    expect(inspection.people).toEqual([]);
    expect(checkBody(inspection, t).fields).toEqual([]);
  });

  it('drops the house work of a welfare that is not a Mái ấm house, and puts a bad amount under its row', () => {
    const body = toBody(
      base({
        kind: 'welfare',
        details: {
          welfareKind: 'tet_support',
          houseWork: 'new',
          amounts: [{ source: 'union_fund', amountVnd: 1_500_000 }, { source: 'sponsor', amountVnd: '1,5 triệu' }, undefined],
        },
        people: [MEMBER],
      }),
    );
    expect(body.details).toMatchObject({ welfareKind: 'tet_support', houseWork: null });
    expect((body.details as { amounts: unknown[] }).amounts).toHaveLength(2);
    expect(body.people).toEqual([{ memberId: MEMBER, role: 'beneficiary' }]);
    const { fields } = checkBody(body, t);
    expect(fields).toEqual([{ name: ['details', 'amounts', 1, 'amountVnd'], errors: [t('validation.vndAmount')] }]);
  });

  it('puts a missing title under the title field and a bad person under the people field', () => {
    const { fields } = checkBody(
      toBody(
        base({ title: ' ', details: { topic: 'other', form: 'online', membersReached: 1, workersReached: 0 }, people: ['not-a-uuid'] }),
      ),
      t,
    );
    expect(fields.map((f) => f.name)).toEqual([['title'], ['people']]);
    expect(fields[0]!.errors).toEqual([t('validation.required')]);
  });

  it('maps the server’s field names onto the form (an update nests the record; people are one field)', () => {
    expect(formField('record.details.membersReached')).toBe('details.membersReached');
    expect(formField('people.0.memberId')).toBe('people');
    expect(formField('record.people.2')).toBe('people');
    expect(formField('occurredOn')).toBe('occurredOn');
  });
});
