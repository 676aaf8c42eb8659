import { expectOutcome, gid, perActor, rowCount, type Actor, type Outcome } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { AN, MAI, memberDbId } from '../meetings/support';
import { SECRETARY, withSecretary as rows, cellSecretary } from './support';

/**
 * Permission matrix of annual grading and the four-good model (issue #4), both sides: every actor ×
 * operation × target, the fixture accounts plus the cell's secretary. Grade readers see every state,
 * members their own grade and their cell's published ones, analysts and service accounts never a
 * grade row (their figures are in evaluationSummary, see matrix-evaluations.test.ts). Decisions,
 * publication and four-good come from strictly above the unit.
 */
let app: TestApp;

const audits = (): Promise<number> => rowCount(app.sql, 'audit_entry');

interface Grade { id: string; dbId: number }

/** A grade written straight into the database. */
async function insertGrade(unit: UnitName, year: number, state: 'PROPOSED' | 'DECIDED' | 'PUBLISHED', member: string | null = null): Promise<Grade> {
  const u = app.fixture.units[unit];
  const [{ id }] = await app.sql<{ id: number }>(
    `insert into annual_grade (province_id, year, subject_kind, unit_id, unit_path, member_id, state, proposed_level, decided_level, decided_at, published_at)
     values (?,?,?,?,?,?,?, 'GOOD', ?, ?, ?) returning id`,
    [Number(u.path.split('/')[1]), year, member ? 'MEMBER' : 'ORGANISATION', u.id, u.path, member ? memberDbId(app, member) : null, state,
      state === 'PROPOSED' ? null : 'GOOD', state === 'PROPOSED' ? null : new Date(), state === 'PUBLISHED' ? new Date() : null],
  );
  return { id: gid('AnnualGrade', id), dbId: id };
}

const gradeRow = async (g: Grade): Promise<{ state: string; version: number }> =>
  (await app.sql<{ state: string; version: number }>('select state, version from annual_grade where id = ?', [g.dbId]))[0];

type ReadColumn = 'cellDecided' | 'cellPublished' | 'own' | 'school' | 'otherProvinceCell';
const READ_COLUMNS: readonly ReadColumn[] = ['cellDecided', 'cellPublished', 'own', 'school', 'otherProvinceCell'];
const read = {} as Record<ReadColumn, Grade>;

type Cell = 'cell' | 'school' | 'otherCell' | 'otherProvinceCell';
const CELLS: readonly Cell[] = ['cell', 'school', 'otherCell', 'otherProvinceCell'];
type ProposeColumn = 'cell' | 'own' | 'school' | 'otherCell' | 'otherProvinceCell';
const PROPOSE_COLUMNS: readonly ProposeColumn[] = ['cell', 'own', 'school', 'otherCell', 'otherProvinceCell'];
const proposals = {} as Record<ProposeColumn, Grade>;
const decided = {} as Record<Cell, Grade>;
const toPublish = {} as Record<Cell, Grade>;
const fourGood = {} as Record<Cell, number>;

beforeAll(async () => {
  app = await createTestApp();
  await cellSecretary(app, SECRETARY);
  // Read side, 2024: the cell's decided (unpublished) grade, Mai's published one, An's own proposal, the school's and Che Căn's published ones.
  read.cellDecided = await insertGrade('cell', 2024, 'DECIDED');
  read.cellPublished = await insertGrade('cell', 2024, 'PUBLISHED', MAI);
  read.own = await insertGrade('cell', 2024, 'PROPOSED', AN);
  read.school = await insertGrade('school', 2024, 'PUBLISHED');
  read.otherProvinceCell = await insertGrade('otherProvinceCell', 2024, 'PUBLISHED');
  // Mutation side: proposals of 2025 (revised with their version), decisions of 2023 (revised), grades of 2022 to publish.
  for (const unit of ['cell', 'school', 'otherCell', 'otherProvinceCell'] as const) proposals[unit] = await insertGrade(unit, 2025, 'PROPOSED');
  proposals.own = await insertGrade('cell', 2025, 'PROPOSED', AN);
  for (const unit of CELLS) {
    decided[unit] = await insertGrade(unit, 2023, 'DECIDED');
    toPublish[unit] = await insertGrade(unit, 2022, 'DECIDED');
    const u = app.fixture.units[unit];
    [{ id: fourGood[unit] }] = await app.sql<{ id: number }>(
      'insert into four_good_assessment (province_id, unit_id, unit_path, year, political_task, meeting_quality, unity_discipline, cadres_members) values (?,?,?,2025,true,true,true,true) returning id',
      [Number(u.path.split('/')[1]), u.id, u.path]);
  }
});
afterAll(() => app.close());

// ─── Reads ────────────────────────────────────────────────────────────────────────────────────────

// prettier-ignore
const GRADE_READ: Record<Actor, Outcome[]> = {
  //                      cellDecided  cellPublished own          school       otherProvCell
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:cell':         ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:cell':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'inspector:commune':  ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'inspector:cell':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:commune':    ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:cell':       ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'service:province':   ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'member:cell':        ['NOT_FOUND', 'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('annualGrade(id) and node(id): grade readers every state, members their own and their cell’s published, analysts nothing', () => {
  test.each(rows(READ_COLUMNS, GRADE_READ, ['allowed', 'allowed', 'allowed', 'NOT_FOUND', 'NOT_FOUND']))('as %s on %s → %s', async (actor, column, expected) => {
    const g = read[column];
    const result = await app.run(actor, 'query($id: ID!) { annualGrade(id: $id) { id year decidedLevel } }', { id: g.id });
    expectOutcome(result, 'annualGrade', expected);
    if (expected === 'allowed') expect(result.data?.annualGrade).toMatchObject({ id: g.id, year: 2024 });
    expectOutcome(await app.run(actor, 'query($id: ID!) { node(id: $id) { id } }', { id: g.id }), 'node', expected);
  });
});

describe('annualGrades: exactly the grades the caller may read; an empty list for aggregate roles', () => {
  const ALL = READ_COLUMNS;
  const PROVINCE: ReadColumn[] = ['cellDecided', 'cellPublished', 'own', 'school'];
  const CELL: ReadColumn[] = ['cellDecided', 'cellPublished', 'own'];
  // prettier-ignore
  const VISIBLE: Record<Actor, readonly ReadColumn[] | 'UNAUTHENTICATED'> = {
    'admin:national': ALL,
    'admin:province': PROVINCE, 'admin:commune': PROVINCE, 'admin:cell': CELL,
    'organizer:province': PROVINCE, 'organizer:commune': PROVINCE, 'organizer:cell': CELL,
    'inspector:province': PROVINCE, 'inspector:commune': PROVINCE, 'inspector:cell': CELL,
    'analyst:province': [], 'analyst:commune': [], 'analyst:cell': [], 'service:province': [],
    'member:cell': ['cellPublished', 'own'],
    'norole': [],
    'anonymous': 'UNAUTHENTICATED',
  };
  const table = Object.fromEntries(Object.entries(VISIBLE).map(([a, v]) => [a, typeof v === 'string' ? v : 'allowed'])) as Record<Actor, Outcome>;
  test.each([...perActor(table), [SECRETARY, 'allowed'] as [Actor, Outcome]])('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, '{ annualGrades(first: 20, filter: { year: 2024 }) { totalCount nodes { id } } }');
    expectOutcome(result, 'annualGrades', expected);
    const visible = actor === SECRETARY ? CELL : VISIBLE[actor];
    if (typeof visible === 'string') return;
    const page = result.data?.annualGrades as { totalCount: number; nodes: Array<{ id: string }> };
    expect(page.nodes.map((n) => n.id).sort()).toEqual(visible.map((c) => read[c].id).sort());
    expect(page.totalCount).toBe(visible.length);
  });
});

// ─── Mutations ───────────────────────────────────────────────────────────────────────────────────

// prettier-ignore
const PROPOSE: Record<Actor, Outcome[]> = {
  //                      cell         own (An)     school       otherCell    otherProvCell
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'admin:commune':      ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'admin:cell':         ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'organizer:province': ['allowed',   'allowed',   'allowed',   'allowed',   'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
  'organizer:cell':     ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:province':   ['FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  'analyst:commune':    ['FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND'],
  'analyst:cell':       ['FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'service:province':   ['FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND'],
  'member:cell':        ['FORBIDDEN', 'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

describe('proposeAnnualGrade: whoever prepares the unit’s evaluations, and a member for themself', () => {
  test.each(rows(PROPOSE_COLUMNS, PROPOSE, ['allowed', 'allowed', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']))('as %s on %s → %s', async (actor, column, expected) => {
    const g = proposals[column];
    const before = await gradeRow(g);
    const auditsBefore = await audits();
    const subject = column === 'own'
      ? { subjectKind: 'MEMBER', memberId: gid('Member', memberDbId(app, AN)) }
      : { subjectKind: 'ORGANISATION', unitId: gid('OrgUnit', app.fixture.units[column].id) };
    const result = await app.run(actor, 'mutation($i: ProposeAnnualGradeInput!) { proposeAnnualGrade(input: $i) { id } }', { i: { ...subject, year: 2025, level: 'COMPLETED', version: before.version } });
    expectOutcome(result, 'proposeAnnualGrade', expected);
    const after = await gradeRow(g);
    expect([after.version - before.version, (await audits()) - auditsBefore]).toEqual(expected === 'allowed' ? [1, 1] : [0, 0]);
  });
});

// prettier-ignore
const DECIDE: Record<Actor, Outcome[]> = {
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
const SECRETARY_DECIDES: Outcome[] = ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'];

describe('decideAnnualGrades: admins and organizers strictly above the unit', () => {
  test.each(rows(CELLS, DECIDE, SECRETARY_DECIDES))('as %s on %s → %s', async (actor, column, expected) => {
    const g = decided[column];
    const before = await gradeRow(g);
    const auditsBefore = await audits();
    const result = await app.run(actor, 'mutation($id: ID!, $v: Int!) { decideAnnualGrades(input: { decisionRef: "70-QĐ", decisions: [{ id: $id, version: $v, level: GOOD }] }) { id } }', { id: g.id, v: before.version });
    expectOutcome(result, 'decideAnnualGrades', expected);
    const after = await gradeRow(g);
    expect([after.version - before.version, (await audits()) - auditsBefore]).toEqual(expected === 'allowed' ? [1, 1] : [0, 0]);
  });
});

let fresh = 2000;
describe('publishAnnualGrades: the same', () => {
  test.each(rows(CELLS, DECIDE, SECRETARY_DECIDES))('as %s on %s → %s', async (actor, column, expected) => {
    // A fresh decided grade (a year of its own) for each call that publishes it.
    const g = expected === 'allowed' ? await insertGrade(column, (fresh += 1), 'DECIDED') : toPublish[column];
    const before = await gradeRow(g);
    const auditsBefore = await audits();
    const result = await app.run(actor, 'mutation($id: ID!, $v: Int!) { publishAnnualGrades(input: { grades: [{ id: $id, version: $v }] }) { id } }', { id: g.id, v: before.version });
    expectOutcome(result, 'publishAnnualGrades', expected);
    expect([(await gradeRow(g)).state, (await audits()) - auditsBefore]).toEqual(expected === 'allowed' ? ['PUBLISHED', 1] : ['DECIDED', 0]);
  });
});

describe('assessFourGood: the same', () => {
  test.each(rows(CELLS, DECIDE, SECRETARY_DECIDES))('as %s on %s → %s', async (actor, column, expected) => {
    const id = fourGood[column];
    const version = async (): Promise<number> => (await app.sql<{ version: number }>('select version from four_good_assessment where id = ?', [id]))[0].version;
    const before = await version();
    const auditsBefore = await audits();
    const result = await app.run(actor, 'mutation($i: AssessFourGoodInput!) { assessFourGood(input: $i) { id } }', {
      i: { unitId: gid('OrgUnit', app.fixture.units[column].id), year: 2025, version: before, politicalTask: true, meetingQuality: before % 2 === 0, unityDiscipline: true, cadresMembers: true },
    });
    expectOutcome(result, 'assessFourGood', expected);
    expect([(await version()) - before, (await audits()) - auditsBefore]).toEqual(expected === 'allowed' ? [1, 1] : [0, 0]);
  });
});
