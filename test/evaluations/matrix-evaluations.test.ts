import { expectOutcome, gid, perActor, rowCount, type Actor, type Outcome, PROVINCE_REGULATIONS_READ } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { AN, HUNG, memberDbId, unitGid } from '../meetings/support';
import { SECRETARY, withSecretary as rows, cellSecretary, criteriaOf, heldMeeting, type CriterionRef } from './support';

/**
 * Permission matrix of the evaluation operations of issue #4 (meeting evaluations, criteria sets,
 * grading rules, the summary, the unit fields): every actor × operation × target written out, both
 * sides. The fixture accounts plus the cell's secretary (an account holding MEMBER at the cell,
 * whose member is SECRETARY of the cell). The grades, four-good and annual-grade queries are in
 * matrix-grades.test.ts. Out of scope answers like a missing id.
 *
 * Read-side rows are dated 2024 and never change; the mutation tests work on rows of their own.
 */
let app: TestApp;
let criteria: CriterionRef[];

type Cell = 'cell' | 'school' | 'otherCell' | 'otherProvinceCell';
const CELLS: readonly Cell[] = ['cell', 'school', 'otherCell', 'otherProvinceCell'];
type Province = 'province' | 'otherProvince';
const PROVINCES: readonly Province[] = ['province', 'otherProvince'];

/** The fixture actors' table plus the secretary's row. */
const provinceOf = (unit: UnitName): number => Number(app.fixture.units[unit].path.split('/')[1]);
const audits = (): Promise<number> => rowCount(app.sql, 'audit_entry');

interface Evaluation { id: string; dbId: number; meetingId: string }

/** An evaluation written straight into the database: ten criteria at 9 (90, good), the vote 2–0–0 of two present. */
async function insertEvaluation(unit: Cell, state: 'DRAFT' | 'SELF_ASSESSED' | 'APPRAISED', on = '2025-06-03'): Promise<Evaluation> {
  const meeting = await heldMeeting(app, { unit, on, present: [HUNG, AN] });
  const u = app.fixture.units[unit];
  const [{ id: setId }] = await app.sql<{ id: number }>("select id from criteria_set where code = 'MẪU-01'");
  const appraised = state === 'APPRAISED';
  const [{ id }] = await app.sql<{ id: number }>(
    `insert into meeting_evaluation (province_id, unit_id, unit_path, meeting_id, meeting_kind, held_on, criteria_set_id, state, self_total, self_rating,
       appraised_total, appraised_rating, votes_for, votes_against, votes_abstain, submitted_at, appraised_at)
     values (?,?,?,?, 'REGULAR', ?, ?, ?, 90, 'GOOD', ?, ?, 2, 0, 0, ?, ?) returning id`,
    [provinceOf(unit), u.id, u.path, meeting.dbId, on, setId, state, appraised ? 90 : null, appraised ? 'GOOD' : null, state === 'DRAFT' ? null : new Date(), appraised ? new Date() : null],
  );
  for (const c of criteria) await app.sql('insert into meeting_evaluation_score (evaluation_id, criterion_id, self_points) values (?,?,9)', [id, c.dbId]);
  return { id: gid('MeetingEvaluation', id), dbId: id, meetingId: meeting.id };
}

const evaluationState = async (e: Evaluation): Promise<{ state: string; version: number }> =>
  (await app.sql<{ state: string; version: number }>('select state, version from meeting_evaluation where id = ?', [e.dbId]))[0];

/** Read side, 2024: an evaluation in each cell. */
const readEvaluations = {} as Record<Cell, Evaluation>;
/** Mutation side: shared targets for the refused calls, per cell. */
const shared = { meeting: {} as Record<Cell, string>, draft: {} as Record<Cell, Evaluation>, submitted: {} as Record<Cell, Evaluation>, appraised: {} as Record<Cell, Evaluation> };

beforeAll(async () => {
  app = await createTestApp();
  criteria = await criteriaOf(app);
  await cellSecretary(app, SECRETARY);
  for (const unit of CELLS) {
    readEvaluations[unit] = await insertEvaluation(unit, 'SELF_ASSESSED', '2024-05-03');
    shared.meeting[unit] = (await heldMeeting(app, { unit, on: '2025-06-03', present: [HUNG, AN] })).id;
    shared.draft[unit] = await insertEvaluation(unit, 'DRAFT');
    shared.submitted[unit] = await insertEvaluation(unit, 'SELF_ASSESSED');
    shared.appraised[unit] = await insertEvaluation(unit, 'APPRAISED');
  }
  // Read side for the unit fields: the cell's 2024 grade (decided, not published) and four-good.
  const cell = app.fixture.units.cell;
  await app.sql("insert into annual_grade (province_id, year, subject_kind, unit_id, unit_path, state, proposed_level, decided_level, decided_at) values (?, 2024, 'ORGANISATION', ?, ?, 'DECIDED', 'GOOD', 'GOOD', now())",
    [provinceOf('cell'), cell.id, cell.path]);
  await app.sql("insert into annual_grade (province_id, year, subject_kind, unit_id, unit_path, member_id, state, proposed_level) values (?, 2024, 'MEMBER', ?, ?, ?, 'PROPOSED', 'GOOD')",
    [provinceOf('cell'), cell.id, cell.path, memberDbId(app, AN)]);
  await app.sql("insert into four_good_assessment (province_id, unit_id, unit_path, year, political_task, meeting_quality, unity_discipline, cadres_members) values (?, ?, ?, 2024, true, true, true, true)",
    [provinceOf('cell'), cell.id, cell.path]);
});
afterAll(() => app.close());

// ─── Reads ────────────────────────────────────────────────────────────────────────────────────────

// prettier-ignore
const EVALUATION_READ: Record<Actor, Outcome[]> = {
  //                      cell         school       otherCell    otherProvCell
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'inspector:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'inspector:cell':     ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'member:cell':        ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('meetingEvaluation(id): whoever reads the cell’s meetings; never an analyst', () => {
  test.each(rows(CELLS, EVALUATION_READ, ['allowed', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']))('as %s on %s → %s', async (actor, column, expected) => {
    const e = readEvaluations[column];
    const result = await app.run(actor, 'query($id: ID!) { meetingEvaluation(id: $id) { id selfTotal scores { selfPoints } history { action } meeting { id } } }', { id: e.id });
    expectOutcome(result, 'meetingEvaluation', expected);
    if (expected === 'allowed') expect(result.data?.meetingEvaluation).toMatchObject({ id: e.id, selfTotal: 90, meeting: { id: e.meetingId } });
  });
});

describe('node(id) of a meeting evaluation: the same scope; analysts get NOT_FOUND', () => {
  // prettier-ignore
  const NODE: Record<Actor, Outcome> = {
    'admin:national': 'allowed', 'admin:province': 'allowed', 'admin:commune': 'allowed', 'admin:cell': 'allowed',
    'organizer:province': 'allowed', 'organizer:commune': 'allowed', 'organizer:cell': 'allowed',
    'inspector:province': 'allowed', 'inspector:commune': 'allowed', 'inspector:cell': 'allowed',
    'analyst:province': 'NOT_FOUND', 'analyst:commune': 'NOT_FOUND', 'analyst:cell': 'NOT_FOUND', 'service:province': 'NOT_FOUND',
    'member:cell': 'allowed', 'norole': 'NOT_FOUND', 'anonymous': 'UNAUTHENTICATED',
  };
  test.each([...perActor(NODE), [SECRETARY, 'allowed'] as [Actor, Outcome]])('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { node(id: $id) { id ... on MeetingEvaluation { state } } }', { id: readEvaluations.cell.id });
    expectOutcome(result, 'node', expected);
  });
});


describe('criteriaSets, criteriaSetInForce, gradingRules: anyone working in the province reads its regulations', () => {
  test.each(rows(PROVINCES, PROVINCE_REGULATIONS_READ, ['allowed', 'NOT_FOUND']))('as %s on %s → %s', async (actor, column, expected) => {
    const p = unitGid(app, column);
    const sets = await app.run(actor, 'query($p: ID!) { criteriaSets(provinceId: $p) { code } }', { p });
    expectOutcome(sets, 'criteriaSets', expected);
    const inForce = await app.run(actor, 'query($p: ID!) { criteriaSetInForce(provinceId: $p, on: "2025-06-03") { code } }', { p });
    expectOutcome(inForce, 'criteriaSetInForce', expected);
    const rules = await app.run(actor, 'query($p: ID!) { gradingRules(provinceId: $p) { excellentMaxShareOfGood } }', { p });
    expectOutcome(rules, 'gradingRules', expected);
    if (expected === 'allowed') expect([(sets.data?.criteriaSets as any[]).at(-1).code, (inForce.data?.criteriaSetInForce as any).code]).toEqual(['MẪU-01', 'MẪU-01']);
  });
});

type SummaryColumn = 'province' | 'commune' | 'cell' | 'otherProvince';
const SUMMARY_COLUMNS: readonly SummaryColumn[] = ['province', 'commune', 'cell', 'otherProvince'];
// prettier-ignore
const SUMMARY: Record<Actor, Outcome[]> = {
  //                      province     commune      cell         otherProvince
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND'],
  'admin:cell':         ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:cell':     ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND'],
  'inspector:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'inspector:commune':  ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND'],
  'inspector:cell':     ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND'],
  'analyst:province':   ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'analyst:commune':    ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND'],
  'analyst:cell':       ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND'],
  'service:province':   ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'member:cell':        ['NOT_FOUND', 'NOT_FOUND', 'allowed',   'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('evaluationSummary: counts for analysts and service accounts too, within their subtree', () => {
  test.each(rows(SUMMARY_COLUMNS, SUMMARY, ['NOT_FOUND', 'NOT_FOUND', 'allowed', 'NOT_FOUND']))('as %s on %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($u: ID!) { evaluationSummary(unitId: $u, period: { year: 2024 }) { evaluatedMeetings } }', { u: unitGid(app, column) });
    expectOutcome(result, 'evaluationSummary', expected);
    if (expected === 'allowed') expect((result.data?.evaluationSummary as any).evaluatedMeetings).toBe({ province: 3, commune: 2, cell: 1, otherProvince: 1 }[column]);
  });
});

describe('the cell’s fields: evaluations and four-good for members and above, ratings for analysts too, unpublished grades for grade readers only', () => {
  type Seen = [evaluations: number, ratings: boolean, grades: number, fourGood: number] | 'FORBIDDEN' | 'UNAUTHENTICATED';
  const ALL: Seen = [1, true, 1, 1];
  // prettier-ignore
  const SEEN: Record<Actor, Seen> = {
    'admin:national': ALL, 'admin:province': ALL, 'admin:commune': ALL, 'admin:cell': ALL,
    'organizer:province': ALL, 'organizer:commune': ALL, 'organizer:cell': ALL,
    'inspector:province': ALL, 'inspector:commune': ALL, 'inspector:cell': ALL,
    'analyst:province': [0, true, 0, 0], 'analyst:commune': [0, true, 0, 0], 'analyst:cell': [0, true, 0, 0], 'service:province': [0, true, 0, 0],
    'member:cell': [1, true, 0, 1],
    'norole': 'FORBIDDEN',
    'anonymous': 'UNAUTHENTICATED',
  };
  const table = Object.fromEntries(Object.entries(SEEN).map(([a, s]) => [a, typeof s === 'string' ? s : 'allowed'])) as Record<Actor, Outcome>;
  test.each([...perActor(table), [SECRETARY, 'allowed'] as [Actor, Outcome]])('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, `query($u: ID!) { orgUnit(id: $u) {
      meetingEvaluations(first: 10, filter: { year: 2024 }) { totalCount } meetingRatings(year: 2024) { year { evaluatedMeetings } }
      annualGrades(first: 10) { totalCount } fourGoodAssessments { year } } }`, { u: unitGid(app, 'cell') });
    expectOutcome(result, 'orgUnit', expected);
    if (expected !== 'allowed') return;
    const unit = result.data?.orgUnit as any;
    const seen = actor === SECRETARY ? ALL : SEEN[actor];
    expect([unit.meetingEvaluations.totalCount, unit.meetingRatings?.year.evaluatedMeetings === 1, unit.annualGrades.totalCount, unit.fourGoodAssessments.length]).toEqual(seen);
  });
});

describe('Member.annualGrades: the member’s own grades for themself and the grade readers', () => {
  // prettier-ignore
  const MEMBER_GRADES: Record<Actor, Outcome> = {
    'admin:national': 'allowed', 'admin:province': 'allowed', 'admin:commune': 'allowed', 'admin:cell': 'allowed',
    'organizer:province': 'allowed', 'organizer:commune': 'allowed', 'organizer:cell': 'allowed',
    'inspector:province': 'allowed', 'inspector:commune': 'allowed', 'inspector:cell': 'allowed',
    'analyst:province': 'FORBIDDEN', 'analyst:commune': 'FORBIDDEN', 'analyst:cell': 'FORBIDDEN', 'service:province': 'FORBIDDEN',
    'member:cell': 'allowed', 'norole': 'FORBIDDEN', 'anonymous': 'UNAUTHENTICATED',
  };
  test.each([...perActor(MEMBER_GRADES), [SECRETARY, 'allowed'] as [Actor, Outcome]])('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, 'query($m: ID!) { member(id: $m) { annualGrades(year: 2024, first: 5) { totalCount } } }', { m: gid('Member', memberDbId(app, AN)) });
    expectOutcome(result, 'member', expected);
    if (expected === 'allowed') expect((result.data?.member as any).annualGrades.totalCount).toBe(1);
  });
});

// ─── Meeting-evaluation mutations ────────────────────────────────────────────────────────────────

// prettier-ignore
const PREPARE: Record<Actor, Outcome[]> = {
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
const SECRETARY_PREPARES: Outcome[] = ['allowed', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'];

describe('createMeetingEvaluation: admins and organizers at or above the cell, and its secretary', () => {
  test.each(rows(CELLS, PREPARE, SECRETARY_PREPARES))('as %s at %s → %s', async (actor, column, expected) => {
    const meetingId = expected === 'allowed' ? (await heldMeeting(app, { unit: column, on: '2025-07-03', present: [HUNG, AN] })).id : shared.meeting[column];
    const auditsBefore = await audits();
    const result = await app.run(actor, 'mutation($m: ID!) { createMeetingEvaluation(input: { meetingId: $m }) { id state } }', { m: meetingId });
    expectOutcome(result, 'createMeetingEvaluation', expected);
    const made = await rowCount(app.sql, 'meeting_evaluation', 'meeting_id = ?', [Number(Buffer.from(meetingId, 'base64url').toString().split(':')[1])]);
    expect([made, await audits()]).toEqual(expected === 'allowed' ? [1, auditsBefore + 1] : [0, auditsBefore]);
  });
});

describe('updateMeetingEvaluation: the same writers', () => {
  test.each(rows(CELLS, PREPARE, SECRETARY_PREPARES))('as %s at %s → %s', async (actor, column, expected) => {
    const e = shared.draft[column];
    const before = await evaluationState(e);
    const note = `Ghi chú của ${actor}`;
    const result = await app.run(actor, 'mutation($id: ID!, $v: Int!, $n: String) { updateMeetingEvaluation(input: { id: $id, version: $v, note: $n }) { id selfNote } }', { id: e.id, v: before.version, n: note });
    expectOutcome(result, 'updateMeetingEvaluation', expected);
    const [row] = await app.sql<{ self_note: string | null; version: number }>('select self_note, version from meeting_evaluation where id = ?', [e.dbId]);
    if (expected === 'allowed') expect(row.self_note).toBe(note);
    else expect(row.version).toBe(before.version);
  });
});

describe('submitMeetingEvaluation: the same writers', () => {
  test.each(rows(CELLS, PREPARE, SECRETARY_PREPARES))('as %s at %s → %s', async (actor, column, expected) => {
    const e = expected === 'allowed' ? await insertEvaluation(column, 'DRAFT') : shared.draft[column];
    const before = await evaluationState(e);
    const result = await app.run(actor, 'mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { id state } }', { id: e.id, v: before.version });
    expectOutcome(result, 'submitMeetingEvaluation', expected);
    expect((await evaluationState(e)).state).toBe(expected === 'allowed' ? 'SELF_ASSESSED' : 'DRAFT');
  });
});

// prettier-ignore
const APPRAISE: Record<Actor, Outcome[]> = {
  //                      cell         school       otherCell    otherProvCell
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
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

describe('appraiseMeetingEvaluation: admins and organizers strictly above the cell; never the cell, its secretary, inspectors', () => {
  test.each(rows(CELLS, APPRAISE, ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']))('as %s at %s → %s', async (actor, column, expected) => {
    const e = expected === 'allowed' ? await insertEvaluation(column, 'SELF_ASSESSED') : shared.submitted[column];
    const before = await evaluationState(e);
    const result = await app.run(actor, 'mutation($id: ID!, $v: Int!) { appraiseMeetingEvaluation(input: { id: $id, version: $v, adjustments: [] }) { id state } }', { id: e.id, v: before.version });
    expectOutcome(result, 'appraiseMeetingEvaluation', expected);
    expect((await evaluationState(e)).state).toBe(expected === 'allowed' ? 'APPRAISED' : 'SELF_ASSESSED');
  });
});

// prettier-ignore
const REOPEN_APPRAISED: Record<Actor, Outcome[]> = {
  //                      cell         school       otherCell    otherProvCell
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:cell':     ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:commune':    ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:cell':       ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'service:province':   ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'member:cell':        ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

const REOPEN = 'mutation($id: ID!, $v: Int!) { reopenMeetingEvaluation(input: { id: $id, version: $v, reason: "Xem lại" }) { id state } }';

describe('reopenMeetingEvaluation of an appraisal: the appraisers only', () => {
  test.each(rows(CELLS, REOPEN_APPRAISED, ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']))('as %s at %s → %s', async (actor, column, expected) => {
    const e = expected === 'allowed' ? await insertEvaluation(column, 'APPRAISED') : shared.appraised[column];
    const before = await evaluationState(e);
    const result = await app.run(actor, REOPEN, { id: e.id, v: before.version });
    expectOutcome(result, 'reopenMeetingEvaluation', expected);
    expect((await evaluationState(e)).state).toBe(expected === 'allowed' ? 'SELF_ASSESSED' : 'APPRAISED');
  });
});

// prettier-ignore
const REOPEN_SUBMITTED: Record<Actor, Outcome[]> = {
  //                      cell         school
  'admin:national':     ['allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed'],
  'admin:commune':      ['allowed',   'allowed'],
  'admin:cell':         ['allowed',   'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed'],
  'organizer:commune':  ['allowed',   'allowed'],
  'organizer:cell':     ['allowed',   'NOT_FOUND'],
  'inspector:province': ['FORBIDDEN', 'FORBIDDEN'],
  'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN'],
  'inspector:cell':     ['FORBIDDEN', 'NOT_FOUND'],
  'analyst:province':   ['NOT_FOUND', 'NOT_FOUND'],
  'analyst:commune':    ['NOT_FOUND', 'NOT_FOUND'],
  'analyst:cell':       ['NOT_FOUND', 'NOT_FOUND'],
  'service:province':   ['NOT_FOUND', 'NOT_FOUND'],
  'member:cell':        ['FORBIDDEN', 'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('reopenMeetingEvaluation of a submission: withdrawn by the cell’s writers, returned by a superior', () => {
  const COLUMNS = ['cell', 'school'] as const;
  test.each(rows(COLUMNS, REOPEN_SUBMITTED, ['allowed', 'NOT_FOUND']))('as %s at %s → %s', async (actor, column, expected) => {
    const e = expected === 'allowed' ? await insertEvaluation(column, 'SELF_ASSESSED') : shared.submitted[column];
    const before = await evaluationState(e);
    const result = await app.run(actor, REOPEN, { id: e.id, v: before.version });
    expectOutcome(result, 'reopenMeetingEvaluation', expected);
    expect((await evaluationState(e)).state).toBe(expected === 'allowed' ? 'DRAFT' : 'SELF_ASSESSED');
  });
});

// ─── Regulations ─────────────────────────────────────────────────────────────────────────────────

// prettier-ignore
const REGULATION_WRITE: Record<Actor, Outcome[]> = {
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

let effective = 0;
describe('createCriteriaSet: the province’s administrator or the national one', () => {
  test.each(rows(PROVINCES, REGULATION_WRITE, ['FORBIDDEN', 'FORBIDDEN']))('as %s on %s → %s', async (actor, column, expected) => {
    effective += 1;
    const sets = (): Promise<number> => rowCount(app.sql, 'criteria_set', 'province_id = ?', [app.fixture.units[column].id]);
    const [before, auditsBefore] = [await sets(), await audits()];
    const result = await app.run(actor, 'mutation($i: CreateCriteriaSetInput!) { createCriteriaSet(input: $i) { id } }', {
      i: { provinceId: unitGid(app, column), code: `M-${effective}`, title: 'Bộ tiêu chí', effectiveFrom: new Date(Date.UTC(2030, 0, effective)).toISOString().slice(0, 10), goodMin: 9, fairMin: 7, averageMin: 5,
        criteria: [{ groupName: 'G', code: 'X', name: 'X', maxPoints: 10 }] },
    });
    expectOutcome(result, 'createCriteriaSet', expected);
    const added = expected === 'allowed' ? 1 : 0;
    expect([await sets(), await audits()]).toEqual([before + added, auditsBefore + added]);
  });
});

describe('updateGradingRules: the same', () => {
  test.each(rows(PROVINCES, REGULATION_WRITE, ['FORBIDDEN', 'FORBIDDEN']))('as %s on %s → %s', async (actor, column, expected) => {
    const provinceId = app.fixture.units[column].id;
    const current = async (): Promise<{ version: number; own: boolean; cap: string | null }> =>
      (await app.sql<{ version: number; own: boolean; cap: string | null }>(
        'select version, province_id is not null as own, excellent_max_share_of_good::text as cap from grading_rules where province_id = ? or province_id is null order by province_id nulls last limit 1', [provinceId]))[0];
    const before = await current();
    const cap = before.cap === '0.3000' ? 0.25 : 0.3;
    const result = await app.run(actor, 'mutation($i: GradingRulesInput!) { updateGradingRules(input: $i) { version } }', {
      i: { provinceId: unitGid(app, column), version: before.version, excellentMaxShareOfGood: cap, excellentRequiresNoWeakMonth: true },
    });
    expectOutcome(result, 'updateGradingRules', expected);
    if (expected === 'allowed') expect(await current()).toMatchObject({ own: true, cap: cap.toFixed(4) });
    else expect(await current()).toEqual(before);
  });
});

