import { createTestApp, type TestApp } from '../support/test-app';
import { addAccount, addPosition, AN, BINH, data, HUNG, memberGid, PAO, unitGid, vietnamToday, type Actor } from '../meetings/support';
import { auditSince, expectRejected, lastAuditId, rawId } from '../validation/support';
import { cellSecretary, criteriaOf, DECIDE_GRADES, evaluate, EVALUATION_TABLES, heldMeeting, PROPOSE_GRADE, PUBLISH_GRADES, versions } from './support';

/**
 * Annual grading (issue #4): a proposal (or a member's self-assessment), the superior committee's
 * decision on a batch with its reference, publication to the organisation. Members see their own
 * grade and their cell's published ones; the inputs (monthly meeting ratings, attendance and tasks)
 * sit beside each grade.
 */
let app: TestApp;
let secretary: Actor;
let anAtCommune: Actor;
beforeAll(async () => {
  app = await createTestApp();
  secretary = await cellSecretary(app);
  anAtCommune = await addAccount(app, 'organizer:commune (An)', { member: AN, role: 'ORGANIZER', at: 'commune' });
  await addPosition(app, BINH, 'commune', 'SECRETARY');
});
afterAll(() => app.close());

type Grade = { id: string; version: number; state: string; [key: string]: any };
const grades: Record<string, Grade> = {};
const propose = async (as: Actor, input: Record<string, unknown>): Promise<Grade> => (await data(app, as, PROPOSE_GRADE, { i: input })).proposeAnnualGrade;
const member = (name: string, level: string, year = 2025): Record<string, unknown> => ({ subjectKind: 'MEMBER', memberId: memberGid(app, name), year, level });
const reject = (as: Actor, query: string, variables: Record<string, unknown>, code: string, field?: string): Promise<unknown> =>
  expectRejected(app, as, EVALUATION_TABLES, query, variables, { code, field });

describe('proposals', () => {
  test('the secretary proposes a member’s grade; a second proposal needs the version of the first', async () => {
    grades.an = await propose(secretary, { ...member(AN, 'GOOD'), note: 'Hoàn thành tốt nhiệm vụ được giao' });
    expect(grades.an).toMatchObject({ year: 2025, subjectKind: 'MEMBER', state: 'PROPOSED', proposedLevel: 'GOOD', proposalNote: 'Hoàn thành tốt nhiệm vụ được giao', decidedLevel: null, decisionRef: null, publishedAt: null, unit: { name: 'Chi bộ bản Nậm Cười' }, member: { fullName: AN } });
    await reject(secretary, PROPOSE_GRADE, { i: member(AN, 'EXCELLENT') }, 'CONFLICT', 'input.version');
    await reject(secretary, PROPOSE_GRADE, { i: { ...member(AN, 'EXCELLENT'), version: grades.an.version + 5 } }, 'CONFLICT', 'version');
    grades.an = await propose(secretary, { ...member(AN, 'EXCELLENT'), version: grades.an.version });
    expect(grades.an).toMatchObject({ state: 'PROPOSED', proposedLevel: 'EXCELLENT', proposalNote: null });
    grades.hung = await propose(secretary, member(HUNG, 'GOOD'));
    grades.cell = await propose(secretary, { subjectKind: 'ORGANISATION', unitId: unitGid(app, 'cell'), year: 2025, level: 'GOOD' });
    expect(grades.cell).toMatchObject({ subjectKind: 'ORGANISATION', unit: { name: 'Chi bộ bản Nậm Cười' }, member: null });
  });

  test('a member self-assesses their own grade, and only their own', async () => {
    grades.an2024 = await propose('member:cell', member(AN, 'GOOD', 2024));
    expect(grades.an2024).toMatchObject({ year: 2024, state: 'PROPOSED', proposedLevel: 'GOOD', member: { fullName: AN } });
    await reject('member:cell', PROPOSE_GRADE, { i: member(HUNG, 'COMPLETED', 2024) }, 'FORBIDDEN');
    await reject('member:cell', PROPOSE_GRADE, { i: { subjectKind: 'ORGANISATION', unitId: unitGid(app, 'cell'), year: 2024, level: 'EXCELLENT' } }, 'FORBIDDEN');
  });

  test('the head of a committee: the member who was its secretary that year', async () => {
    grades.head = await propose('organizer:province', { subjectKind: 'COMMITTEE_HEAD', unitId: unitGid(app, 'commune'), memberId: memberGid(app, BINH), year: 2025, level: 'GOOD' });
    expect(grades.head).toMatchObject({ subjectKind: 'COMMITTEE_HEAD', unit: { name: 'Đảng bộ xã Bình Lư' }, member: { fullName: BINH } });
    await reject('organizer:province', PROPOSE_GRADE, { i: { subjectKind: 'COMMITTEE_HEAD', unitId: unitGid(app, 'commune'), memberId: memberGid(app, PAO), year: 2025, level: 'GOOD' } }, 'BAD_USER_INPUT', 'input.memberId');
    await reject('organizer:province', PROPOSE_GRADE, { i: { subjectKind: 'COMMITTEE_HEAD', unitId: unitGid(app, 'commune'), memberId: memberGid(app, BINH), year: 2019, level: 'GOOD' } }, 'BAD_USER_INPUT', 'input.memberId');
  });

  test('who is graded must be said exactly once; a year not begun', async () => {
    const as = 'organizer:commune';
    await reject(as, PROPOSE_GRADE, { i: { subjectKind: 'MEMBER', year: 2025, level: 'GOOD' } }, 'BAD_USER_INPUT', 'input.memberId');
    await reject(as, PROPOSE_GRADE, { i: { ...member(PAO, 'GOOD'), unitId: unitGid(app, 'school') } }, 'BAD_USER_INPUT', 'input.unitId');
    await reject(as, PROPOSE_GRADE, { i: { subjectKind: 'ORGANISATION', year: 2025, level: 'GOOD' } }, 'BAD_USER_INPUT', 'input.unitId');
    await reject(as, PROPOSE_GRADE, { i: { subjectKind: 'ORGANISATION', unitId: unitGid(app, 'school'), memberId: memberGid(app, PAO), year: 2025, level: 'GOOD' } }, 'BAD_USER_INPUT', 'input.memberId');
    await reject(as, PROPOSE_GRADE, { i: { subjectKind: 'COMMITTEE_HEAD', unitId: unitGid(app, 'commune'), year: 2025, level: 'GOOD' } }, 'BAD_USER_INPUT', 'input.memberId');
    await reject(as, PROPOSE_GRADE, { i: member(PAO, 'GOOD', vietnamToday().year + 1) }, 'BAD_USER_INPUT', 'input.year');
    await reject(as, PROPOSE_GRADE, { i: member(PAO, 'GOOD', 1999) }, 'BAD_USER_INPUT', 'input.year');
    await reject(as, PROPOSE_GRADE, { i: { ...member(PAO, 'GOOD'), note: 'x'.repeat(5001) } }, 'BAD_USER_INPUT', 'input.note');
  });
});

describe('decisions and publication', () => {
  test('the commune decides a batch under one reference; one audit row per grade decided', async () => {
    const since = await lastAuditId(app);
    const decided = (await data(app, 'organizer:commune', DECIDE_GRADES, {
      i: {
        decisionRef: '15-QĐ/ĐU',
        decisions: [
          { id: grades.an.id, version: grades.an.version, level: 'GOOD', note: 'Đề xuất xuất sắc, quyết định tốt' },
          { id: grades.hung.id, version: grades.hung.version, level: 'COMPLETED' },
          { id: grades.cell.id, version: grades.cell.version, level: 'GOOD' },
        ],
      },
    })).decideAnnualGrades as Grade[];
    expect(decided.map((g) => [g.member?.fullName ?? g.unit.name, g.state, g.proposedLevel, g.decidedLevel, g.decisionRef, g.decisionNote])).toEqual([
      [AN, 'DECIDED', 'EXCELLENT', 'GOOD', '15-QĐ/ĐU', 'Đề xuất xuất sắc, quyết định tốt'],
      [HUNG, 'DECIDED', 'GOOD', 'COMPLETED', '15-QĐ/ĐU', null],
      ['Chi bộ bản Nậm Cười', 'DECIDED', 'GOOD', 'GOOD', '15-QĐ/ĐU', null],
    ]);
    const entries = await auditSince(app, since);
    expect(entries.map((e) => [e.operation, e.target_type, e.before.state, e.after.state, e.after.decidedLevel])).toEqual([
      ['decideAnnualGrade', 'AnnualGrade', 'PROPOSED', 'DECIDED', 'GOOD'],
      ['decideAnnualGrade', 'AnnualGrade', 'PROPOSED', 'DECIDED', 'COMPLETED'],
      ['decideAnnualGrade', 'AnnualGrade', 'PROPOSED', 'DECIDED', 'GOOD'],
    ]);
    [grades.an, grades.hung, grades.cell] = decided;
  });

  test('not by the cell itself, not by a decider on their own grade, not from the same level', async () => {
    const one = (g: Grade, level = 'GOOD'): Record<string, unknown> => ({ i: { decisionRef: '16-QĐ/ĐU', decisions: [{ id: g.id, version: g.version, level }] } });
    await reject('organizer:cell', DECIDE_GRADES, one(grades.hung), 'FORBIDDEN');
    await reject(secretary, DECIDE_GRADES, one(grades.hung), 'FORBIDDEN');
    await reject(anAtCommune, DECIDE_GRADES, one(grades.an, 'EXCELLENT'), 'FORBIDDEN');
    await reject('organizer:commune', DECIDE_GRADES, one(grades.head), 'FORBIDDEN');
    const head = (await data(app, 'organizer:province', DECIDE_GRADES, one(grades.head))).decideAnnualGrades[0];
    expect(head).toMatchObject({ state: 'DECIDED', decidedLevel: 'GOOD', member: { fullName: BINH } });
    grades.head = head;
  });

  test('a decision can be revised until published; a decided grade is no longer a proposal', async () => {
    const revised = (await data(app, anAtCommune, DECIDE_GRADES, { i: { decisionRef: '17-QĐ/ĐU', decisions: [{ id: grades.hung.id, version: grades.hung.version, level: 'GOOD' }] } })).decideAnnualGrades[0];
    expect(revised).toMatchObject({ state: 'DECIDED', decidedLevel: 'GOOD', decisionRef: '17-QĐ/ĐU' });
    expect(revised.version).toBeGreaterThan(grades.hung.version);
    grades.hung = revised;
    await reject(secretary, PROPOSE_GRADE, { i: { ...member(HUNG, 'EXCELLENT'), version: grades.hung.version } }, 'CONFLICT', 'state');
  });

  test('batch input: at least one grade, each once, a reference; stale versions and unknown ids', async () => {
    const as = 'organizer:commune';
    await reject(as, DECIDE_GRADES, { i: { decisionRef: '18-QĐ/ĐU', decisions: [] } }, 'BAD_USER_INPUT', 'input.decisions');
    const twice = { id: grades.an.id, version: grades.an.version, level: 'GOOD' };
    await reject(as, DECIDE_GRADES, { i: { decisionRef: '18-QĐ/ĐU', decisions: [twice, twice] } }, 'BAD_USER_INPUT', 'input.decisions.1.id');
    await reject(as, DECIDE_GRADES, { i: { decisionRef: ' ', decisions: [twice] } }, 'BAD_USER_INPUT', 'input.decisionRef');
    await reject(as, DECIDE_GRADES, { i: { decisionRef: '18-QĐ/ĐU', decisions: [{ ...twice, version: twice.version - 1 }] } }, 'CONFLICT', 'version');
    await reject(as, DECIDE_GRADES, { i: { decisionRef: '18-QĐ/ĐU', decisions: [twice, { id: rawId('AnnualGrade:999999'), version: 1, level: 'GOOD' }] } }, 'NOT_FOUND');
    await reject(as, PUBLISH_GRADES, { i: { grades: [{ id: grades.an2024.id, version: grades.an2024.version }] } }, 'CONFLICT', 'input.grades.0.id');
  });

  test('publication: final afterwards', async () => {
    const published = (await data(app, 'organizer:commune', PUBLISH_GRADES, { i: { grades: versions([grades.hung, grades.cell]) } })).publishAnnualGrades as Grade[];
    expect(published.map((g) => [g.state, typeof g.publishedAt])).toEqual([['PUBLISHED', 'string'], ['PUBLISHED', 'string']]);
    [grades.hung, grades.cell] = published;
    await reject('organizer:commune', PUBLISH_GRADES, { i: { grades: versions([grades.hung]) } }, 'CONFLICT', 'input.grades.0.id');
    await reject('organizer:commune', DECIDE_GRADES, { i: { decisionRef: '19-QĐ/ĐU', decisions: [{ id: grades.cell.id, version: grades.cell.version, level: 'EXCELLENT' }] } }, 'CONFLICT', 'input.decisions.0.id');
    await reject('organizer:cell', PUBLISH_GRADES, { i: { grades: versions([grades.an]) } }, 'FORBIDDEN');
  });
});

describe('who sees which grade', () => {
  const visible = async (as: Actor, filter: Record<string, unknown> | null = null): Promise<string[]> =>
    (await data(app, as, 'query($f: AnnualGradeFilterInput) { annualGrades(first: 50, filter: $f) { totalCount nodes { year subjectKind state member { fullName } unit { name } } } }', { f: filter }))
      .annualGrades.nodes.map((g: any) => `${g.year} ${g.subjectKind} ${g.member?.fullName ?? g.unit.name} ${g.state}`);

  beforeAll(async () => {
    // The school's grades, published: not the business of Nậm Cười's members.
    const binh = await propose('organizer:commune', member(BINH, 'GOOD'));
    const decided = (await data(app, 'organizer:commune', DECIDE_GRADES, { i: { decisionRef: '20-QĐ/ĐU', decisions: [{ id: binh.id, version: binh.version, level: 'GOOD' }] } })).decideAnnualGrades;
    await data(app, 'organizer:commune', PUBLISH_GRADES, { i: { grades: versions(decided) } });
  });

  test('a member: their own in every state, their cell’s published ones, nothing of another cell', async () => {
    expect(await visible('member:cell')).toEqual([
      `2025 MEMBER ${HUNG} PUBLISHED`,
      `2025 MEMBER ${AN} DECIDED`,
      '2025 ORGANISATION Chi bộ bản Nậm Cười PUBLISHED',
      `2024 MEMBER ${AN} PROPOSED`,
    ]);
    const byId = async (g: Grade): Promise<unknown> => (await app.run('member:cell', 'query($id: ID!) { annualGrade(id: $id) { decidedLevel } }', { id: g.id })).errors?.[0].extensions?.code ?? 'allowed';
    expect(await byId(grades.hung)).toBe('allowed');
    expect(await byId(grades.head)).toBe('NOT_FOUND');
  });

  test('the secretary: every grade of the cell in every state, not the school’s nor the commune head’s', async () => {
    expect(await visible(secretary)).toEqual([
      `2025 MEMBER ${HUNG} PUBLISHED`,
      `2025 MEMBER ${AN} DECIDED`,
      '2025 ORGANISATION Chi bộ bản Nậm Cười PUBLISHED',
      `2024 MEMBER ${AN} PROPOSED`,
    ]);
  });

  test('the commune’s organizer: everything in the commune; filters by year, kind, state, level, subtree', async () => {
    expect(await visible('organizer:commune')).toEqual([
      `2025 COMMITTEE_HEAD ${BINH} DECIDED`,
      `2025 MEMBER ${HUNG} PUBLISHED`,
      `2025 MEMBER ${AN} DECIDED`,
      `2025 MEMBER ${BINH} PUBLISHED`,
      '2025 ORGANISATION Chi bộ bản Nậm Cười PUBLISHED',
      `2024 MEMBER ${AN} PROPOSED`,
    ]);
    expect(await visible('organizer:commune', { year: 2024 })).toEqual([`2024 MEMBER ${AN} PROPOSED`]);
    expect(await visible('organizer:commune', { subjectKinds: ['MEMBER'], states: ['PUBLISHED'] })).toEqual([`2025 MEMBER ${HUNG} PUBLISHED`, `2025 MEMBER ${BINH} PUBLISHED`]);
    expect(await visible('organizer:commune', { subtreeOf: unitGid(app, 'school') })).toEqual([`2025 MEMBER ${BINH} PUBLISHED`]);
    // The level filter reads the decision where there is one, else the proposal.
    expect(await visible('organizer:commune', { levels: ['EXCELLENT'] })).toEqual([]);
    expect(await visible('organizer:commune', { levels: ['GOOD'], year: 2025, subjectKinds: ['ORGANISATION', 'COMMITTEE_HEAD'] })).toEqual([`2025 COMMITTEE_HEAD ${BINH} DECIDED`, '2025 ORGANISATION Chi bộ bản Nậm Cười PUBLISHED']);
  });

  test('analysts and service accounts: no grade row at all', async () => {
    expect(await visible('analyst:province')).toEqual([]);
    expect(await visible('service:province')).toEqual([]);
    const result = await app.run('analyst:province', 'query($id: ID!) { annualGrade(id: $id) { id } }', { id: grades.cell.id });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });

  test('a member’s history and a cell’s history', async () => {
    const an = (await data(app, 'organizer:commune', 'query($m: ID!) { member(id: $m) { all: annualGrades(first: 10) { nodes { year decidedLevel proposedLevel } } y2024: annualGrades(first: 10, year: 2024) { totalCount } } }', { m: memberGid(app, AN) })).member;
    expect(an.all.nodes).toEqual([{ year: 2025, decidedLevel: 'GOOD', proposedLevel: 'EXCELLENT' }, { year: 2024, decidedLevel: null, proposedLevel: 'GOOD' }]);
    expect(an.y2024.totalCount).toBe(1);
    const binh = (await data(app, 'organizer:province', 'query($m: ID!) { member(id: $m) { annualGrades(first: 10) { nodes { subjectKind unit { name } } } } }', { m: memberGid(app, BINH) })).member;
    expect(binh.annualGrades.nodes).toEqual([{ subjectKind: 'COMMITTEE_HEAD', unit: { name: 'Đảng bộ xã Bình Lư' } }, { subjectKind: 'MEMBER', unit: { name: 'Chi bộ Trường Tiểu học Bình Lư' } }]);
    const cell = (await data(app, 'member:cell', 'query($u: ID!) { orgUnit(id: $u) { annualGrades(first: 10) { nodes { year subjectKind decidedLevel } } } }', { u: unitGid(app, 'cell') })).orgUnit;
    expect(cell.annualGrades.nodes).toEqual([{ year: 2025, subjectKind: 'ORGANISATION', decidedLevel: 'GOOD' }]);
  });
});

describe('inputs beside the decision', () => {
  test('a member: attendance at the year’s meetings and the tasks of those meetings', async () => {
    const jan = await heldMeeting(app, { on: '2025-01-03', present: [HUNG, AN] });
    const feb = await heldMeeting(app, { on: '2025-02-03', present: [HUNG], absent: [AN] });
    await heldMeeting(app, { on: '2025-03-03', present: [HUNG, AN] });
    await heldMeeting(app, { on: '2025-04-03', present: [HUNG], exempt: [AN] });
    const dec2024 = await heldMeeting(app, { on: '2024-12-03', present: [AN] });
    const assign = async (meetingId: string, deadline: string | null): Promise<{ id: string; version: number }> =>
      (await data(app, 'organizer:commune', 'mutation($m: ID!, $o: ID!, $d: LocalDate) { assignTask(input: { meetingId: $m, ownerId: $o, description: "Vận động hộ nghèo", deadline: $d }) { id version } }', { m: meetingId, o: memberGid(app, AN), d: deadline })).assignTask;
    await assign(jan.id, '2025-02-01');
    const done = await assign(feb.id, '2025-03-01');
    await data(app, 'member:cell', 'mutation($t: ID!, $v: Int!) { reportTask(input: { taskId: $t, version: $v, report: "Xong", status: DONE }) { id } }', { t: done.id, v: done.version });
    await assign(feb.id, null);
    await assign(dec2024.id, '2025-01-01');

    const inputs = (await data(app, 'organizer:commune', 'query($id: ID!) { annualGrade(id: $id) { inputs { monthlyMeetingRatings { month } attendance { meetings present absentExcused absentUnexcused exempt rate } tasks { assigned done overdue } } } }', { id: grades.an.id })).annualGrade.inputs;
    // Four 2025 meetings, one exempt: 2 present of 3 expected.
    expect(inputs).toEqual({ monthlyMeetingRatings: null, attendance: { meetings: 4, present: 2, absentExcused: 1, absentUnexcused: 0, exempt: 1, rate: 0.6667 }, tasks: { assigned: 3, done: 1, overdue: 1 } });
  });

  test('a cell: its monthly meeting ratings', async () => {
    const [jan] = await app.sql<{ id: number }>("select id from meeting where unit_id = ? and held_on = '2025-01-03'", [app.fixture.units.cell.id]);
    await evaluate(app, Buffer.from(`Meeting:${jan.id}`).toString('base64url'), { criteria: await criteriaOf(app), points: [10, 10, 10, 10, 10, 10, 10, 10, 10, 5] });
    const inputs = (await data(app, 'member:cell', 'query($id: ID!) { annualGrade(id: $id) { inputs { monthlyMeetingRatings { month evaluatedMeetings averageShare rating } attendance { meetings } tasks { assigned } } } }', { id: grades.cell.id })).annualGrade.inputs;
    expect(inputs.attendance).toBeNull();
    expect(inputs.tasks).toBeNull();
    expect(inputs.monthlyMeetingRatings).toHaveLength(12);
    expect(inputs.monthlyMeetingRatings[0]).toEqual({ month: 1, evaluatedMeetings: 1, averageShare: 0.95, rating: 'GOOD' });
    expect(inputs.monthlyMeetingRatings.slice(1).every((m: any) => m.evaluatedMeetings === 0 && m.rating === null)).toBe(true);
  });
});
