import { cells, expectOutcome, gid, MISSING_DB_ID, perActor, rowCount, type Actor, type Outcome, PROVINCE_REGULATIONS_READ } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { createMeeting, dbIdOf, unitGid, vietnamTime } from './support';

/**
 * Permission matrix of the meeting queries and mutations: every actor × operation × target written
 * out. Members of the cell and the roles above it that hold MEETINGS_READ read meetings; analysts
 * never see a meeting row (FORBIDDEN) but do see compliance counts; admins and organizers at or
 * above the cell write; the rules are the province's or national administrator's. Out of scope
 * answers like a missing id.
 */
let app: TestApp;
const meetingIds = {} as Record<MeetingColumn, string>;
beforeAll(async () => {
  app = await createTestApp();
  for (const unit of ['cell', 'school', 'otherCell', 'otherProvinceCell'] as const) {
    meetingIds[unit] = (await createMeeting(app, 'admin:national', { unitId: unitGid(app, unit), kind: 'EXTRAORDINARY', heldAt: vietnamTime('2026-04-10') })).id;
  }
  meetingIds.missing = gid('Meeting', MISSING_DB_ID);
});
afterAll(() => app.close());

type MeetingColumn = 'cell' | 'school' | 'otherCell' | 'otherProvinceCell' | 'missing';
const MEETING_COLUMNS: readonly MeetingColumn[] = ['cell', 'school', 'otherCell', 'otherProvinceCell', 'missing'];

// prettier-ignore
const READ: Record<Actor, Outcome[]> = {
  //                      cell         school       otherCell    otherProvCell missing
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'inspector:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:cell':     ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'member:cell':        ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('meeting(id): minutes and resolutions for the cell and the roles above it', () => {
  test.each(cells(MEETING_COLUMNS, READ))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { meeting(id: $id) { id minutes resolution attendance { status } } }', { id: meetingIds[column] });
    expectOutcome(result, 'meeting', expected);
    if (expected === 'allowed') expect(result.data?.meeting).toMatchObject({ id: meetingIds[column] });
  });
});

describe('meetings: exactly the meetings of the subtree', () => {
  const ALL: MeetingColumn[] = ['cell', 'school', 'otherCell', 'otherProvinceCell'];
  const PROVINCE: MeetingColumn[] = ['cell', 'school', 'otherCell'];
  const COMMUNE: MeetingColumn[] = ['cell', 'school'];
  const CELL: MeetingColumn[] = ['cell'];
  // prettier-ignore
  const VISIBLE: Record<Actor, MeetingColumn[] | 'FORBIDDEN' | 'UNAUTHENTICATED'> = {
    'admin:national': ALL,
    'admin:province': PROVINCE, 'admin:commune': COMMUNE, 'admin:cell': CELL,
    'organizer:province': PROVINCE, 'organizer:commune': COMMUNE, 'organizer:cell': CELL,
    'inspector:province': PROVINCE, 'inspector:commune': COMMUNE, 'inspector:cell': CELL,
    'analyst:province': 'FORBIDDEN', 'analyst:commune': 'FORBIDDEN', 'analyst:cell': 'FORBIDDEN',
    'service:province': 'FORBIDDEN',
    'member:cell': CELL,
    'norole': 'FORBIDDEN',
    'anonymous': 'UNAUTHENTICATED',
  };
  const rows = perActor(Object.fromEntries(Object.entries(VISIBLE).map(([a, v]) => [a, typeof v === 'string' ? v : 'allowed'])) as Record<Actor, Outcome>);

  test.each(rows)('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, '{ meetings(first: 50) { totalCount nodes { id } } }');
    expectOutcome(result, 'meetings', expected);
    const visible = VISIBLE[actor];
    if (typeof visible === 'string') return;
    const page = result.data?.meetings as { totalCount: number; nodes: Array<{ id: string }> };
    expect(page.nodes.map((n) => n.id).sort()).toEqual(visible.map((c) => meetingIds[c]).sort());
    expect(page.totalCount).toBe(visible.length);
  });
});

type UnitColumn = 'cell' | 'school' | 'otherCell' | 'otherProvinceCell';
const UNIT_COLUMNS: readonly UnitColumn[] = ['cell', 'school', 'otherCell', 'otherProvinceCell'];

// prettier-ignore
const WRITE: Record<Actor, Outcome[]> = {
  //                      cell         school       otherCell    otherProvCell
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

const meetingsOf = (unit: UnitName): Promise<number> => rowCount(app.sql, 'meeting', 'unit_id = ?', [app.fixture.units[unit].id]);
const audits = (): Promise<number> => rowCount(app.sql, 'audit_entry');

describe('createMeeting: admins and organizers at or above the cell', () => {
  test.each(cells(UNIT_COLUMNS, WRITE))('as %s at %s → %s', async (actor, column, expected) => {
    const [before, auditsBefore] = [await meetingsOf(column), await audits()];
    const result = await app.run(actor, 'mutation($u: ID!, $at: DateTimeISO!) { createMeeting(input: { unitId: $u, kind: REGULAR, format: IN_PERSON, scheduledAt: $at }) { id status } }',
      { u: unitGid(app, column), at: vietnamTime('2026-12-03') });
    expectOutcome(result, 'createMeeting', expected);
    const added = expected === 'allowed' ? 1 : 0;
    expect([await meetingsOf(column), await audits()]).toEqual([before + added, auditsBefore + added]);
  });
});

describe('updateMeeting: the same writers', () => {
  test.each(cells(UNIT_COLUMNS, WRITE))('as %s at %s → %s', async (actor, column, expected) => {
    const id = dbIdOf(meetingIds[column]);
    const [{ version }] = await app.sql<{ version: number }>('select version from meeting where id = ?', [id]);
    const place = `Nơi họp của ${actor}`;
    const result = await app.run(actor, 'mutation($id: ID!, $v: Int!, $p: String!) { updateMeeting(input: { id: $id, version: $v, place: $p }) { id place } }',
      { id: meetingIds[column], v: version, p: place });
    expectOutcome(result, 'updateMeeting', expected);
    const [row] = await app.sql<{ place: string | null; version: number }>('select place, version from meeting where id = ?', [id]);
    if (expected === 'allowed') expect(row.place).toBe(place);
    else expect(row.version).toBe(version);
  });
});

type ComplianceColumn = 'province' | 'commune' | 'cell' | 'otherCell' | 'otherProvince';
const COMPLIANCE_COLUMNS: readonly ComplianceColumn[] = ['province', 'commune', 'cell', 'otherCell', 'otherProvince'];
// prettier-ignore
const COMPLIANCE: Record<Actor, Outcome[]> = {
  //                      province     commune      cell         otherCell    otherProvince
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'inspector:commune':  ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'inspector:cell':     ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'analyst:commune':    ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'analyst:cell':       ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'service:province':   ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'member:cell':        ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('meetingCompliance: counts and rates, analysts included', () => {
  test.each(cells(COMPLIANCE_COLUMNS, COMPLIANCE))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($u: ID!) { meetingCompliance(unitId: $u, period: { year: 2026, month: 4 }) { summary { cells regularExpected } shortfalls(first: 5) { totalCount } } }',
      { u: unitGid(app, column) });
    expectOutcome(result, 'meetingCompliance', expected);
    if (expected === 'allowed') expect((result.data?.meetingCompliance as any).summary.cells).toBe({ province: 3, commune: 2, cell: 1, otherCell: 1, otherProvince: 1 }[column]);
  });
});

type ProvinceColumn = 'province' | 'otherProvince';
const PROVINCE_COLUMNS: readonly ProvinceColumn[] = ['province', 'otherProvince'];


describe('meetingRules: anyone working in the province reads its rules', () => {
  test.each(cells(PROVINCE_COLUMNS, PROVINCE_REGULATIONS_READ))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($p: ID!) { meetingRules(provinceId: $p) { regularDay } }', { p: unitGid(app, column) });
    expectOutcome(result, 'meetingRules', expected);
  });
});

// prettier-ignore
const RULES_WRITE: Record<Actor, Outcome[]> = {
  //                      province     otherProvince
  'admin:national':     ['allowed',   'allowed'],
  'admin:province':     ['allowed',   'NOT_FOUND'],
  'admin:commune':      ['FORBIDDEN', 'NOT_FOUND'],
  'admin:cell':         ['FORBIDDEN', 'NOT_FOUND'],
  'organizer:province': ['FORBIDDEN', 'FORBIDDEN'],
  'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN'],
  'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN'],
  'inspector:province': ['FORBIDDEN', 'FORBIDDEN'],
  'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN'],
  'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN'],
  'analyst:province':   ['FORBIDDEN', 'FORBIDDEN'],
  'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN'],
  'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN'],
  'service:province':   ['FORBIDDEN', 'FORBIDDEN'],
  'member:cell':        ['FORBIDDEN', 'FORBIDDEN'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('updateMeetingRules: the province’s administrator or the national one', () => {
  test.each(cells(PROVINCE_COLUMNS, RULES_WRITE))('as %s on %s → %s', async (actor, column, expected) => {
    const provinceId = app.fixture.units[column].id;
    const current = async (): Promise<{ version: number; own: boolean }> => {
      const [row] = await app.sql<{ version: number; own: boolean }>(
        'select version, province_id is not null as own from meeting_rules where province_id = ? or province_id is null order by province_id nulls last limit 1', [provinceId]);
      return row;
    };
    const before = await current();
    const auditsBefore = await audits();
    const result = await app.run(actor, 'mutation($input: MeetingRulesInput!) { updateMeetingRules(input: $input) { version } }', {
      input: { provinceId: unitGid(app, column), version: before.version, regularDay: 3, windowFirstDay: 1, windowLastDay: 7, thematicPerQuarter: 1, attendanceThreshold: 0.85 },
    });
    expectOutcome(result, 'updateMeetingRules', expected);
    expect(await audits()).toBe(auditsBefore + (expected === 'allowed' ? 1 : 0));
    if (expected !== 'allowed') expect(await current()).toEqual(before);
    else expect((await current()).own).toBe(true);
  });
});
