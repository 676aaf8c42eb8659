// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): the schema as information_schema shows it
import { toGlobalId } from '../../src/services/global-id';
import { HISTORICAL_PATH_COLUMNS, FOLLOWING_PROVINCE_COLUMNS, TENANT_SCOPE_COLUMNS } from '../../src/services/tree/tenant-scope';
import { addAccount, addPosition, createMeeting, memberGid, topicGid, vietnamTime } from '../meetings/support';
import { EXEMPT, memberId, newMember, transferMember, versionOf } from '../members/lifecycle-support';
import { createTestApp, type TestApp } from '../support/test-app';
import { data, MOVE, pathOf, ref, unitGid } from './support';

/**
 * src/services/tree/tenant-scope.ts lists every column that places a row in the tree: a move
 * rewrites them all. The database is asked for its path and province columns, so that a table
 * added later cannot be forgotten by moves; and a move across provinces is checked to leave every
 * scoped row of the subtree under the new path and province.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/**
 * Province columns of rows that belong to a province itself (its rules, holidays, topics,
 * criteria): a province is a root and never moves, so no move rewrites them.
 */
const PROVINCE_OWNED = ['criteria_set.province_id', 'grading_rules.province_id', 'holiday.province_id', 'inspection_subject.province_id', 'meeting_rules.province_id', 'supervision_rules.province_id', 'thematic_topic.province_id'];

async function columns(where: string): Promise<string[]> {
  const rows = await app.sql<{ c: string }>(`select table_name || '.' || column_name as c from information_schema.columns where table_schema = 'public' and (${where}) order by 1`);
  return rows.map((r) => r.c);
}

describe('every path and province column of the database is accounted for', () => {
  test('each path column is rewritten by moves or records history', async () => {
    const paths = await columns(`column_name = 'path' or column_name like '%\\_path'`);
    const known = new Set([...TENANT_SCOPE_COLUMNS.map((c) => `${c.table}.${c.path}`), ...HISTORICAL_PATH_COLUMNS]);
    expect(paths.filter((c) => !known.has(c))).toEqual([]);
    // And the lists name only columns that exist.
    expect([...known].filter((c) => !paths.includes(c))).toEqual([]);
    expect(paths.length).toBeGreaterThanOrEqual(18);
  });

  test('each province column is rewritten with its path, follows its member, records history or belongs to a province', async () => {
    const provinces = await columns(`column_name like '%province\\_id'`);
    const historicalTables = new Set(HISTORICAL_PATH_COLUMNS.map((c) => c.split('.')[0]));
    const known = new Set([
      ...TENANT_SCOPE_COLUMNS.filter((c) => c.province !== null).map((c) => `${c.table}.${c.province}`),
      ...FOLLOWING_PROVINCE_COLUMNS.map((c) => `${c.table}.province_id`),
      ...PROVINCE_OWNED,
    ]);
    expect(provinces.filter((c) => !known.has(c) && !historicalTables.has(c.split('.')[0]))).toEqual([]);
    expect([...known].filter((c) => !provinces.includes(c))).toEqual([]);
  });

  test('a table with a province column names it beside its path: none is left behind by a move across provinces', async () => {
    const provinces = new Set(await columns(`column_name like '%province\\_id'`));
    const missing = TENANT_SCOPE_COLUMNS.filter((c) => c.province === null && provinces.has(`${c.table}.province_id`));
    expect(missing).toEqual([]);
  });
});

describe('a commune moved to another province by a national administrator', () => {
  const CUONG = 'Lê Văn Cường';
  const DO = 'Giàng Thị Dợ';
  let oldPrefix: string;
  let newPrefix: string;
  let before: Record<string, number>;
  let historyBefore: unknown[];

  const key = (c: { table: string; path: string }): string => `${c.table}.${c.path}`;
  async function countUnder(prefix: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const c of TENANT_SCOPE_COLUMNS) {
      counts[key(c)] = (await app.sql<{ n: number }>(`select count(*)::int as n from ${c.table} where ${c.path} like ?`, [`${prefix}%`]))[0].n;
    }
    return counts;
  }

  beforeAll(async () => {
    // A row in every scoped table under Phong Thổ (the commune) and its cell Lả Mường.
    await addPosition(app, CUONG, 'otherCell', 'SECRETARY');
    await addAccount(app, 'organizer:otherCell', { role: 'ORGANIZER', at: 'otherCell' });
    await addAccount(app, 'admin:otherCommune', { role: 'ADMIN', at: 'otherCommune' });
    const meeting = await createMeeting(app, 'admin:national', {
      unitId: unitGid(app, 'otherCell'), heldAt: vietnamTime('2026-05-03'), chairId: memberGid(app, CUONG),
      attendance: [{ memberId: memberGid(app, CUONG), status: 'PRESENT' }, { memberId: memberGid(app, DO), status: 'PRESENT' }],
    });
    data(await app.run('admin:national', 'mutation($i: AssignTaskInput!) { assignTask(input: $i) { id } }', { i: { meetingId: meeting.id, ownerId: memberGid(app, DO), description: 'Vận động hộ nghèo' } }));
    data(await app.run('admin:national', 'mutation($i: SaveThematicPlanInput!) { saveThematicPlan(input: $i) { id } }', {
      i: { unitId: unitGid(app, 'otherCell'), year: 2026, items: [{ quarter: 3, title: 'Học tập Di chúc của Bác', topicId: await topicGid(app, 'HO_CHI_MINH') }] },
    }));
    const criteria = await app.sql<{ id: number }>("select c.id from criterion c join criteria_set s on s.id = c.set_id where s.code = 'MẪU-01' order by c.sort_order");
    data(await app.run('admin:national', 'mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id } }', {
      i: { meetingId: meeting.id, scores: criteria.map((c) => ({ criterionId: toGlobalId('Criterion', c.id), points: 8 })) },
    }));
    data(await app.run('admin:national', 'mutation($i: ProposeAnnualGradeInput!) { proposeAnnualGrade(input: $i) { id } }', { i: { subjectKind: 'MEMBER', memberId: memberGid(app, CUONG), year: 2025, level: 'GOOD' } }));
    data(await app.run('admin:national', 'mutation($i: AssessFourGoodInput!) { assessFourGood(input: $i) { id } }', {
      i: { unitId: unitGid(app, 'otherCell'), year: 2025, politicalTask: true, meetingQuality: true, unityDiscipline: true, cadresMembers: false },
    }));
    // Transfers out of the cell and into it, received.
    const leaving = await newMember(app, 'otherCell');
    await transferMember(app, 'admin:national', leaving.fullName, 'school', '2026-07-01', '2026-07-05');
    const arriving = await newMember(app, 'cell');
    await transferMember(app, 'admin:national', arriving.fullName, 'otherCell', '2026-07-01', '2026-07-05');
    data(await app.run('admin:national', EXEMPT, { input: { memberId: memberId(app, DO), version: await versionOf(app, DO), occurredOn: '2026-08-01', from: '2026-08-01', reason: 'Ốm dài ngày', decisionRef: 'MCT-1' } }));

    // Inspection and supervision rows of the commune, written directly: only their scope columns matter here.
    const commune = app.fixture.units.otherCommune;
    const cell = app.fixture.units.otherCell;
    const province = app.fixture.units.province.id;
    const [inspection] = await app.sql<{ id: number }>(
      `insert into inspection (province_id, inspecting_unit_id, inspecting_unit_path, origin, year, title, subjects, period_from, period_to, state, started_on)
       values (?, ?, ?, 'AD_HOC', 2026, 'Kiểm tra sinh hoạt chi bộ', '{MEETING_REGIME}', '2026-06-01', '2026-06-30', 'IN_PROGRESS', '2026-06-01') returning id`,
      [province, commune.id, commune.path],
    );
    await app.sql('insert into inspection_target (inspection_id, province_id, unit_id, unit_path) values (?, ?, ?, ?)', [inspection.id, province, cell.id, cell.path]);
    await app.sql("insert into inspection_finding (inspection_id, province_id, kind, severity, subject, description) values (?, ?, 'SHORTCOMING', 'MINOR', 'MEETING_REGIME', 'Biên bản sơ sài')", [inspection.id, province]);
    await app.sql("insert into remediation_action (inspection_id, province_id, responsible_unit_id, responsible_unit_path, description, deadline) values (?, ?, ?, ?, 'Hoàn thiện biên bản', '2026-09-30')", [inspection.id, province, cell.id, cell.path]);
    await app.sql("insert into discipline (inspection_id, province_id, unit_id, unit_path, kind, decided_on, decision_ref, reason) values (?, ?, ?, ?, 'REPRIMAND', '2026-07-01', '3-QĐ/UBKT', 'Vi phạm chế độ sinh hoạt')", [inspection.id, province, cell.id, cell.path]);
    const [supervisor] = await app.sql<{ id: number }>('select id from account where home_unit_path = ? order by id limit 1', [commune.path]);
    await app.sql(
      `insert into supervisory_assignment (province_id, committee_id, committee_path, unit_id, unit_path, account_id, assignee_kind, starts_on, ends_on, required_attendances, per)
       values (?, ?, ?, ?, ?, ?, 'EXECUTIVE_COMMITTEE', '2026-01-01', '2026-12-31', 1, 'QUARTER')`,
      [province, commune.id, commune.path, cell.id, cell.path, supervisor.id],
    );
    await app.sql("insert into weak_cell_flag (province_id, unit_id, unit_path, committee_id, year, reason) values (?, ?, ?, ?, 2026, 'Sinh hoạt không đều')", [province, cell.id, cell.path, commune.id]);

    data(await app.run('admin:national', 'mutation($i: SetStatisticTargetInput!) { setStatisticTarget(input: $i) { version } }', {
      i: { unitId: unitGid(app, 'otherCommune'), year: 2026, indicator: 'ADMISSIONS', value: 3, version: 0 },
    }));
    // The statistics rollups of the subtree (stat_own, stat_fact) are rows of the commune too.
    await app.refreshStatistics();

    oldPrefix = app.fixture.units.otherCommune.path;
    before = await countUnder(oldPrefix);
    historyBefore = await app.sql('select id, province_id, unit_path from member_event where unit_path like ? order by id', [`${oldPrefix}%`]);
    data(await app.run('admin:national', MOVE, { i: { ...(await ref(app, 'otherCommune')), newParentId: unitGid(app, 'otherProvince'), on: '2026-10-01', decisionRef: '1-QĐ/TW' } }));
    newPrefix = await pathOf(app, 'otherCommune');
  });

  test('the test has a row under the commune in every scoped table', () => {
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);
  });

  test('the commune and its cell are under the other province, with their depths', async () => {
    expect(newPrefix).toBe(`${app.fixture.units.otherProvince.path}${app.fixture.units.otherCommune.id}/`);
    const units = await app.sql('select id, province_id, path, depth from org_unit where path like ? order by depth', [`${newPrefix}%`]);
    expect(units).toEqual([
      { id: app.fixture.units.otherCommune.id, province_id: app.fixture.units.otherProvince.id, path: newPrefix, depth: 1 },
      { id: app.fixture.units.otherCell.id, province_id: app.fixture.units.otherProvince.id, path: `${newPrefix}${app.fixture.units.otherCell.id}/`, depth: 2 },
    ]);
  });

  test('every scoped row moved: as many under the new path as were under the old, none left behind', async () => {
    expect(await countUnder(newPrefix)).toEqual(before);
    expect(Object.values(await countUnder(oldPrefix)).every((n) => n === 0)).toBe(true);
  });

  test('every scoped row under the new path has the new province', async () => {
    const wrong: Record<string, number> = {};
    for (const c of TENANT_SCOPE_COLUMNS.filter((t) => t.province !== null)) {
      wrong[key(c)] = (await app.sql<{ n: number }>(`select count(*)::int as n from ${c.table} where ${c.path} like ? and ${c.province} <> ?`, [`${newPrefix}%`, app.fixture.units.otherProvince.id]))[0].n;
    }
    expect(Object.entries(wrong).filter(([, n]) => n > 0)).toEqual([]);
  });

  test('rows that follow a parent row (exemptions, findings) have its new province', async () => {
    for (const c of FOLLOWING_PROVINCE_COLUMNS) {
      const rows = await app.sql<{ province: number }>(`select t.province_id as province from ${c.table} t join ${c.parent} p on p.id = t.${c.fk} where p.${c.parentPath} like ?`, [`${newPrefix}%`]);
      expect([c.table, rows.length > 0, [...new Set(rows.map((r) => r.province))]]).toEqual([c.table, true, [app.fixture.units.otherProvince.id]]);
    }
  });

  test('the rows of the transfers keep their other end where it is', async () => {
    const transfers = await app.sql<{ from_unit_path: string; to_unit_path: string; from_province_id: number; to_province_id: number }>(
      'select from_unit_path, to_unit_path, from_province_id, to_province_id from member_transfer order by id');
    const cell = `${newPrefix}${app.fixture.units.otherCell.id}/`;
    const lai = app.fixture.units.province.id;
    const dien = app.fixture.units.otherProvince.id;
    expect(transfers).toEqual([
      { from_unit_path: cell, to_unit_path: app.fixture.units.school.path, from_province_id: dien, to_province_id: lai },
      { from_unit_path: app.fixture.units.cell.path, to_unit_path: cell, from_province_id: lai, to_province_id: dien },
    ]);
  });

  test('history is not rewritten: member events keep the old path and province', async () => {
    expect(await app.sql('select id, province_id, unit_path from member_event where unit_path like ? order by id', [`${oldPrefix}%`])).toEqual(historyBefore);
    expect(historyBefore.length).toBeGreaterThan(0);
  });

  test('the accounts and roles granted in the commune and the cell moved with them', async () => {
    const rows = await app.sql('select a.display_name, a.home_unit_path, r.unit_path, r.province_id from account a join role_assignment r on r.account_id = a.id where a.display_name in (?, ?) order by 1', ['admin:otherCommune', 'organizer:otherCell']);
    expect(rows).toEqual([
      { display_name: 'admin:otherCommune', home_unit_path: newPrefix, unit_path: newPrefix, province_id: app.fixture.units.otherProvince.id },
      { display_name: 'organizer:otherCell', home_unit_path: `${newPrefix}${app.fixture.units.otherCell.id}/`, unit_path: `${newPrefix}${app.fixture.units.otherCell.id}/`, province_id: app.fixture.units.otherProvince.id },
    ]);
    const cell = data(await app.run('organizer:otherCell' as never, 'query($id: ID!) { orgUnit(id: $id) { members(first: 10) { totalCount } meetings(first: 5) { totalCount } } }', { id: unitGid(app, 'otherCell') })).orgUnit;
    expect(cell).toEqual({ members: { totalCount: 3 }, meetings: { totalCount: 1 } });
    // The province it left no longer reads it.
    const outside = await app.run('organizer:province', 'query($id: ID!) { orgUnit(id: $id) { name } }', { id: unitGid(app, 'otherCell') });
    expect(outside.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
