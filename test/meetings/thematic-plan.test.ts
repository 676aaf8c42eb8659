import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { auditSince, expectRejected, lastAuditId } from '../validation/support';
import { CANCEL_MEETING, createMeeting, data, topicGid, unitGid, vietnamTime } from './support';

/**
 * The annual thematic plan of a cell (issue #3): topics per quarter from the province's taxonomy,
 * saved as a draft, submitted to the superior committee (then fixed), and compared with the
 * thematic meetings held on each topic in each quarter.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const TABLES = ['thematic_plan', 'thematic_plan_item'];
const SAVE = `mutation($input: SaveThematicPlanInput!) { saveThematicPlan(input: $input) { id year status version submittedAt items { quarter title topic { code } heldCount held } } }`;
const SUBMIT = `mutation($id: ID!, $version: Int!) { submitThematicPlan(id: $id, version: $version) { id status version submittedAt } }`;
const PLAN = `query($u: ID!, $y: Int!) { orgUnit(id: $u) { thematicPlan(year: $y) { id status version items { quarter title topic { code } heldCount held } } } }`;
const TOPICS = `query($p: ID!) { thematicTopics(provinceId: $p) { id code name } }`;

const CODES = ['HO_CHI_MINH', 'COMPETENCE', 'DEGRADATION', 'PARTY_BUILDING', 'NEW_RURAL', 'ANTI_CORRUPTION', 'DIRECTIVES', 'HELPING_HOUSEHOLDS', 'PROFESSIONAL_WORK', 'LEGAL_EDUCATION', 'LEADERSHIP_METHODS', 'MEMBER_SOURCES', 'OTHER'];

let topics: Record<string, string>;

test('thematicTopics: the district report’s categories, in order, for anyone working in the province', async () => {
  for (const as of ['organizer:commune', 'member:cell', 'admin:national'] as const) {
    const list = (await data(app, as, TOPICS, { p: unitGid(app, 'province') })).thematicTopics;
    expect(list.map((t: any) => t.code)).toEqual(CODES);
  }
  topics = Object.fromEntries((await data(app, AS, TOPICS, { p: unitGid(app, 'province') })).thematicTopics.map((t: any) => [t.code, t.id]));
  expect(onlyError(await app.run('organizer:commune', TOPICS, { p: unitGid(app, 'otherProvince') })).code).toBe('NOT_FOUND');
});

describe('saveThematicPlan and submitThematicPlan', () => {
  const plan = (items: Array<[number, string, string]>, over: Record<string, unknown> = {}): Record<string, unknown> => ({
    input: { unitId: unitGid(app, 'cell'), year: 2026, items: items.map(([quarter, code, title]) => ({ quarter, topicId: topics[code], title })), ...over },
  });

  // [what, variables, field]
  // prettier-ignore
  const BAD: Array<[string, () => Record<string, unknown>, string]> = [
    ['a quarter 5',                 () => plan([[1, 'HO_CHI_MINH', 'A'], [5, 'NEW_RURAL', 'B']]),             'input.items.1.quarter'],
    ['a quarter 0',                 () => plan([[0, 'HO_CHI_MINH', 'A']]),                                     'input.items.0.quarter'],
    ['a blank title',               () => plan([[1, 'HO_CHI_MINH', '  ']]),                                     'input.items.0.title'],
    ['a topic that does not exist', () => ({ input: { ...(plan([[1, 'HO_CHI_MINH', 'A']]).input as object), items: [{ quarter: 1, topicId: topics.HO_CHI_MINH, title: 'A' }, { quarter: 2, topicId: Buffer.from('ThematicTopic:9999').toString('base64url'), title: 'B' }] } }), 'input.items.1.topicId'],
    ['a commune instead of a cell', () => plan([[1, 'HO_CHI_MINH', 'A']], { unitId: unitGid(app, 'commune') }), 'input.unitId'],
    ['the year 1999',               () => plan([[1, 'HO_CHI_MINH', 'A']], { year: 1999 }),                     'input.year'],
  ];
  test.each(BAD)('%s is BAD_USER_INPUT, nothing written', async (_what, variables, field) => {
    await expectRejected(app, AS, TABLES, SAVE, variables(), { code: 'BAD_USER_INPUT', field });
  });

  test('members and inspectors may not make the plan; other units are NOT_FOUND', async () => {
    await expectRejected(app, 'member:cell', TABLES, SAVE, plan([[1, 'HO_CHI_MINH', 'A']]), { code: 'FORBIDDEN' });
    await expectRejected(app, 'inspector:province', TABLES, SAVE, plan([[1, 'HO_CHI_MINH', 'A']]), { code: 'FORBIDDEN' });
    await expectRejected(app, AS, TABLES, SAVE, plan([[1, 'HO_CHI_MINH', 'A']], { unitId: unitGid(app, 'otherCell') }), { code: 'NOT_FOUND' });
  });

  test('an empty plan cannot be submitted; a plan is saved, revised with its version, submitted, then fixed', async () => {
    const empty = (await data(app, AS, SAVE, plan([], { year: 2027 }))).saveThematicPlan;
    expect(empty).toMatchObject({ year: 2027, status: 'DRAFT', items: [] });
    await expectRejected(app, AS, TABLES, SUBMIT, { id: empty.id, version: empty.version }, { code: 'BAD_USER_INPUT', field: 'id' });

    const since = await lastAuditId(app);
    const draft = (await data(app, AS, SAVE, plan([[1, 'HO_CHI_MINH', 'Học tập Di chúc của Bác'], [2, 'LEGAL_EDUCATION', 'Luật Đất đai 2024']]))).saveThematicPlan;
    expect(draft).toMatchObject({ year: 2026, status: 'DRAFT', submittedAt: null });
    // Saving over an existing plan needs its version.
    await expectRejected(app, AS, TABLES, SAVE, plan([[1, 'OTHER', 'X']]), { code: 'CONFLICT', field: 'version' });
    await expectRejected(app, AS, TABLES, SAVE, plan([[1, 'OTHER', 'X']], { version: draft.version + 1 }), { code: 'CONFLICT', field: 'version' });
    const revised = (await data(app, AS, SAVE, plan([
      [1, 'HO_CHI_MINH', 'Học tập Di chúc của Bác'], [2, 'LEGAL_EDUCATION', 'Luật Đất đai 2024'], [3, 'NEW_RURAL', 'Xây dựng bản văn hóa'], [4, 'ANTI_CORRUPTION', 'Phòng chống tiêu cực'],
    ], { version: draft.version }))).saveThematicPlan;
    expect(revised.items.map((i: any) => [i.quarter, i.topic.code, i.title])).toEqual([
      [1, 'HO_CHI_MINH', 'Học tập Di chúc của Bác'], [2, 'LEGAL_EDUCATION', 'Luật Đất đai 2024'], [3, 'NEW_RURAL', 'Xây dựng bản văn hóa'], [4, 'ANTI_CORRUPTION', 'Phòng chống tiêu cực'],
    ]);
    expect(revised.version).toBeGreaterThan(draft.version);

    await expectRejected(app, AS, TABLES, SUBMIT, { id: revised.id, version: draft.version }, { code: 'CONFLICT', field: 'version' });
    await expectRejected(app, 'member:cell', TABLES, SUBMIT, { id: revised.id, version: revised.version }, { code: 'FORBIDDEN' });
    const submitted = (await data(app, AS, SUBMIT, { id: revised.id, version: revised.version })).submitThematicPlan;
    expect(submitted.status).toBe('SUBMITTED');
    expect(Date.now() - Date.parse(submitted.submittedAt)).toBeLessThan(60_000);

    await expectRejected(app, AS, TABLES, SAVE, plan([[1, 'OTHER', 'X']], { version: submitted.version }), { code: 'CONFLICT' });
    await expectRejected(app, AS, TABLES, SUBMIT, { id: revised.id, version: submitted.version }, { code: 'CONFLICT' });
    expect((await auditSince(app, since)).map((a) => a.operation)).toEqual(['saveThematicPlan', 'saveThematicPlan', 'submitThematicPlan']);
  });
});

describe('the plan compared with what was held', () => {
  test('heldCount counts the cell’s held thematic meetings on the topic in the quarter, and nothing else', async () => {
    const cell = unitGid(app, 'cell');
    const hcm = await topicGid(app, 'HO_CHI_MINH');
    const legal = await topicGid(app, 'LEGAL_EDUCATION');
    const thematic = (unitId: string, date: string, topicIds: string[], time = '09:00'): Promise<unknown> =>
      createMeeting(app, AS, { unitId, kind: 'THEMATIC', heldAt: vietnamTime(date, time), topicIds });
    // Q1: Hồ Chí Minh twice (the second also on legal education); the last at 23:30 on 31 March.
    await thematic(cell, '2026-02-10', [hcm]);
    await thematic(cell, '2026-03-31', [hcm, legal], '23:30');
    // Q2's legal education was held in July (Q3): not Q2's. The school's Q2 meeting is the school's.
    await thematic(cell, '2026-07-08', [legal]);
    await thematic(unitGid(app, 'school'), '2026-05-12', [legal]);
    // A regular meeting with the topic is not a thematic meeting; a cancelled thematic one was not held; 2025 is another year.
    await createMeeting(app, AS, { unitId: cell, heldAt: vietnamTime('2026-05-03'), topicIds: [legal] });
    const cancelled = await createMeeting(app, AS, { unitId: cell, kind: 'THEMATIC', scheduledAt: vietnamTime('2026-11-12'), topicIds: [await topicGid(app, 'ANTI_CORRUPTION')] });
    await data(app, AS, CANCEL_MEETING, { id: cancelled.id, version: cancelled.version, reason: 'Hoãn' });
    await thematic(cell, '2025-08-08', [await topicGid(app, 'NEW_RURAL')]);

    const read = (await data(app, 'member:cell', PLAN, { u: cell, y: 2026 })).orgUnit.thematicPlan;
    expect(read.status).toBe('SUBMITTED');
    expect(read.items.map((i: any) => [i.quarter, i.topic.code, i.heldCount, i.held])).toEqual([
      [1, 'HO_CHI_MINH', 2, true],
      [2, 'LEGAL_EDUCATION', 0, false],
      [3, 'NEW_RURAL', 0, false],
      [4, 'ANTI_CORRUPTION', 0, false],
    ]);
  });

  test('who reads the plan: the cell and the committees above it; analysts see none; no plan is null', async () => {
    const cell = unitGid(app, 'cell');
    for (const as of ['member:cell', 'organizer:cell', 'inspector:commune', 'admin:province'] as const) {
      expect((await data(app, as, PLAN, { u: cell, y: 2026 })).orgUnit.thematicPlan.items).toHaveLength(4);
    }
    expect((await data(app, 'analyst:province', PLAN, { u: cell, y: 2026 })).orgUnit.thematicPlan).toBeNull();
    expect((await data(app, 'organizer:commune', PLAN, { u: unitGid(app, 'school'), y: 2026 })).orgUnit.thematicPlan).toBeNull();
    expect((await data(app, 'member:cell', PLAN, { u: cell, y: 2025 })).orgUnit.thematicPlan).toBeNull();
  });
});
