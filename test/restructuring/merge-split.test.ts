import { toGlobalId } from '../../src/services/global-id';
import { AN, addAccount, addPosition, BINH, createMeeting, HUNG, MAI, PAO, vietnamTime } from '../meetings/support';
import { newMember, RECEIVE, SEND } from '../members/lifecycle-support';
import type { AccountName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { lastAuditId } from '../validation/support';
import { AS_OF, auditOps, data, DISSOLVE, HISTORY, memberGid, MERGE, pathOf, ref, registerUnit, SPLIT, unitGid, unitOf } from './support';

/**
 * Merge, split and dissolve (issue #6): after each, every record of the old units is still
 * reachable from them (meetings, evaluations, members' REORGANISED events and periods), the old
 * units point to their successors, and the figures as of the day before and the day after add up.
 */

const CUONG = 'Lê Văn Cường';
const DO = 'Giàng Thị Dợ';
const ANH = 'Lò Thị Ánh';
const DUC = 'Quàng Văn Đức';

const MEMBER_HISTORY = `query($id: ID!) { member(id: $id) { unit { name }
  timeline { kind occurredOn decisionRef unit { name } }
  memberships { kind startedOn endedOn unit { name } } } }`;
const OLD_RECORDS = `query($id: ID!) { orgUnit(id: $id) { status
  meetings(first: 10) { totalCount nodes { heldOn attendanceSummary { roster present } } }
  meetingEvaluations(first: 10) { totalCount nodes { state selfTotal heldOn } }
  members(first: 10) { totalCount } memberCount } }`;

async function asOf(app: TestApp, unit: string, day: string): Promise<Record<string, any>> {
  return data(await app.run('admin:national', AS_OF, { id: unitGid(app, unit), d: day })).orgUnitAsOf;
}

/** A held meeting of a cell with everyone of `present` present, and its self-evaluation (9 points per criterion), submitted. */
async function meetingWithEvaluation(app: TestApp, unit: string, day: string, present: readonly string[]): Promise<void> {
  const meeting = await createMeeting(app, 'admin:national', {
    unitId: unitGid(app, unit), heldAt: vietnamTime(day), chairId: memberGid(app, present[0]),
    attendance: present.map((m) => ({ memberId: memberGid(app, m), status: 'PRESENT' })),
  });
  const criteria = await app.sql<{ id: number }>("select c.id from criterion c join criteria_set s on s.id = c.set_id where s.code = 'MẪU-01' order by c.sort_order");
  const e = data(await app.run('admin:national', 'mutation($i: CreateMeetingEvaluationInput!) { createMeetingEvaluation(input: $i) { id version } }', {
    i: { meetingId: meeting.id, scores: criteria.map((c) => ({ criterionId: toGlobalId('Criterion', c.id), points: 9 })), votes: { for: present.length, against: 0, abstain: 0 } },
  })).createMeetingEvaluation;
  data(await app.run('admin:national', 'mutation($id: ID!, $v: Int!) { submitMeetingEvaluation(id: $id, version: $v) { id } }', { id: e.id, v: e.version }));
}

describe('one database: the cells of Bình Lư merged, Che Căn split, a new cell of Phong Thổ dissolved', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  describe('two cells merged into a new one (A and B into C)', () => {
    let merged: Record<string, any>;
    let since: number;
    beforeAll(async () => {
      await addPosition(app, HUNG, 'cell', 'SECRETARY');
      await meetingWithEvaluation(app, 'cell', '2026-03-03', [HUNG, MAI, AN]);
      await meetingWithEvaluation(app, 'school', '2026-03-03', [BINH, PAO]);
      since = await lastAuditId(app);
      merged = data(await app.run('admin:commune', MERGE, {
        i: { units: [await ref(app, 'cell'), await ref(app, 'school')], newUnit: { name: 'Chi bộ bản Nậm Cười – Trường học', code: 'NC-TH' }, on: '2026-04-01', decisionRef: '12-QĐ/ĐU' },
      })).mergeOrgUnits;
      await registerUnit(app, 'merged', merged.id);
    });

    test('the result is a new active cell under the first unit’s parent, founded on the day, with the first cell’s type', async () => {
      expect(merged).toMatchObject({ name: 'Chi bộ bản Nậm Cười – Trường học', kind: 'CELL', status: 'ACTIVE', foundedOn: '2026-04-01', dissolvedOn: null, parent: { name: 'Đảng bộ xã Bình Lư' }, successor: null });
      const [row] = await app.sql<{ cell_type: string; code: string; path: string }>('select cell_type, code, path from org_unit where id = ?', [unitOf(app, 'merged').id]);
      expect(row).toEqual({ cell_type: 'RESIDENTIAL', code: 'NC-TH', path: `${app.fixture.units.commune.path}${unitOf(app, 'merged').id}/` });
    });

    test('each old cell is dissolved on the day, points to the result and keeps its history', async () => {
      const cell = data(await app.run('admin:national', HISTORY, { id: unitGid(app, 'cell') })).orgUnit;
      expect(cell).toEqual({
        name: 'Chi bộ bản Nậm Cười', status: 'DISSOLVED', dissolvedOn: '2026-04-01', successor: { name: merged.name },
        successors: [{ kind: 'MERGED_INTO', occurredOn: '2026-04-01', decisionRef: '12-QĐ/ĐU', predecessor: { name: 'Chi bộ bản Nậm Cười' }, successor: { name: merged.name } }],
        predecessors: [],
        history: [
          { name: 'Chi bộ bản Nậm Cười', status: 'ACTIVE', validFrom: '1900-01-01', validTo: '2026-04-01', change: 'CREATED', decisionRef: null },
          { name: 'Chi bộ bản Nậm Cười', status: 'DISSOLVED', validFrom: '2026-04-01', validTo: null, change: 'MERGED', decisionRef: '12-QĐ/ĐU' },
        ],
      });
      const result = data(await app.run('admin:national', HISTORY, { id: merged.id })).orgUnit;
      expect(result.predecessors.map((p: any) => [p.kind, p.predecessor.name, p.successor.name, p.occurredOn])).toEqual([
        ['MERGED_INTO', 'Chi bộ bản Nậm Cười', merged.name, '2026-04-01'],
        ['MERGED_INTO', 'Chi bộ Trường Tiểu học Bình Lư', merged.name, '2026-04-01'],
      ]);
      expect(result.history).toEqual([{ name: merged.name, status: 'ACTIVE', validFrom: '2026-04-01', validTo: null, change: 'CREATED', decisionRef: null }]);
    });

    test('the old cells keep their meetings and meeting evaluations; their members are gone from them', async () => {
      for (const [unit, roster] of [['cell', 3], ['school', 2]] as const) {
        const old = data(await app.run('organizer:commune', OLD_RECORDS, { id: unitGid(app, unit) })).orgUnit;
        expect(old).toEqual({
          status: 'DISSOLVED',
          meetings: { totalCount: 1, nodes: [{ heldOn: '2026-03-03', attendanceSummary: { roster, present: roster } }] },
          meetingEvaluations: { totalCount: 1, nodes: [{ state: 'SELF_ASSESSED', selfTotal: 90, heldOn: '2026-03-03' }] },
          members: { totalCount: 0 },
          memberCount: 0,
        });
      }
      const result = data(await app.run('organizer:commune', OLD_RECORDS, { id: merged.id })).orgUnit;
      expect(result).toMatchObject({ meetings: { totalCount: 0 }, meetingEvaluations: { totalCount: 0 }, members: { totalCount: 5 }, memberCount: 5 });
    });

    test('every member has a REORGANISED event and a period in the result that continues the old one', async () => {
      // Periods run from the admission (fixture onboarding).
      for (const [name, oldCell, admitted] of [[HUNG, 'Chi bộ bản Nậm Cười', '2001-05-10'], [MAI, 'Chi bộ bản Nậm Cười', '2026-03-02'], [PAO, 'Chi bộ Trường Tiểu học Bình Lư', '2018-06-20']] as const) {
        const m = data(await app.run('admin:national', MEMBER_HISTORY, { id: memberGid(app, name) })).member;
        expect(m.unit).toEqual({ name: merged.name });
        expect(m.timeline.at(-1)).toEqual({ kind: 'REORGANISED', occurredOn: '2026-04-01', decisionRef: '12-QĐ/ĐU', unit: { name: merged.name } });
        expect(m.memberships.slice(-2)).toEqual([
          { kind: 'OFFICIAL', startedOn: admitted, endedOn: '2026-04-01', unit: { name: oldCell } },
          { kind: 'OFFICIAL', startedOn: '2026-04-01', endedOn: null, unit: { name: merged.name } },
        ]);
      }
      const [events] = await app.sql<{ n: number }>("select count(*)::int as n from member_event where kind = 'REORGANISED' and decision_ref = '12-QĐ/ĐU'");
      expect(events.n).toBe(5);
    });

    test('counts as of the day before and the day of the merger add up', async () => {
      expect((await asOf(app, 'commune', '2026-03-31')).counts).toEqual({ cells: 2, members: 5 });
      expect((await asOf(app, 'commune', '2026-04-01')).counts).toEqual({ cells: 1, members: 5 });
      const before = await asOf(app, 'commune', '2026-03-31');
      expect(before.children.map((c: any) => [c.name, c.counts.members])).toEqual([['Chi bộ bản Nậm Cười', 3], ['Chi bộ Trường Tiểu học Bình Lư', 2]]);
      const after = await asOf(app, 'commune', '2026-04-01');
      expect(after.children.map((c: any) => [c.name, c.counts.members])).toEqual([[merged.name, 5]]);
      // The old cells as they stood the day before and on the day, and the result on the day.
      expect(await asOf(app, 'cell', '2026-03-31')).toMatchObject({ status: 'ACTIVE', change: 'CREATED', counts: { cells: 1, members: 3 } });
      expect(await asOf(app, 'cell', '2026-04-01')).toMatchObject({ status: 'DISSOLVED', change: 'MERGED', counts: { cells: 0, members: 0 } });
      expect(await asOf(app, 'merged', '2026-04-01')).toMatchObject({ status: 'ACTIVE', counts: { cells: 1, members: 5 } });
      // Mai was admitted on 2026-03-02: the figures of before that day stay as they were.
      expect((await asOf(app, 'commune', '2026-03-01')).counts).toEqual({ cells: 2, members: 4 });
    });

    test('the result did not exist before the merger: NOT_FOUND as of the day before', async () => {
      const result = await app.run('admin:national', AS_OF, { id: merged.id, d: '2026-03-31' });
      expect(result.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['NOT_FOUND', 'Org unit on that date not found']]);
    });

    test('posts held in the old cells end on the day', async () => {
      const rows = await app.sql('select position, ended_on::text from member_position where unit_id = ?', [app.fixture.units.cell.id]);
      expect(rows).toEqual([{ position: 'SECRETARY', ended_on: '2026-04-01' }]);
    });

    test('audit: the new unit’s creation and one entry per unit merged away', async () => {
      expect(await auditOps(app, since)).toEqual([
        ['createOrgUnit', 'OrgUnit', unitOf(app, 'merged').id],
        ['mergeOrgUnit', 'OrgUnit', app.fixture.units.cell.id],
        ['mergeOrgUnit', 'OrgUnit', app.fixture.units.school.id],
      ]);
    });
  });

  describe('a cell split in two (A into A1 and A2), members placed by the decision: Che Căn', () => {
    let parts: Array<Record<string, any>>;
    let since: number;
    beforeAll(async () => {
      await meetingWithEvaluation(app, 'otherProvinceCell', '2026-03-03', [ANH, DUC]);
      since = await lastAuditId(app);
      parts = data(await app.run('admin:national', SPLIT, {
        i: {
          ...(await ref(app, 'otherProvinceCell')), on: '2026-04-01', decisionRef: '20-QĐ/ĐU',
          parts: [
            { unit: { name: 'Chi bộ bản Che Căn 1' }, memberIds: [memberGid(app, ANH)] },
            { unit: { name: 'Chi bộ bản Che Căn 2', cellType: 'ADMINISTRATIVE_AGENCY' }, memberIds: [memberGid(app, DUC)] },
          ],
        },
      })).splitOrgUnit;
      await registerUnit(app, 'part1', parts[0].id);
      await registerUnit(app, 'part2', parts[1].id);
    });

    test('the parts are new cells under the same parent; the old cell is dissolved and points to both', async () => {
      expect(parts.map((p) => [p.name, p.kind, p.status, p.foundedOn, p.parent.name])).toEqual([
        ['Chi bộ bản Che Căn 1', 'CELL', 'ACTIVE', '2026-04-01', 'Đảng bộ xã Mường Phăng'],
        ['Chi bộ bản Che Căn 2', 'CELL', 'ACTIVE', '2026-04-01', 'Đảng bộ xã Mường Phăng'],
      ]);
      expect((await app.sql('select cell_type from org_unit where id in (?, ?) order by id', [unitOf(app, 'part1').id, unitOf(app, 'part2').id])).map((r: any) => r.cell_type)).toEqual(['RESIDENTIAL', 'ADMINISTRATIVE_AGENCY']);
      const old = data(await app.run('admin:national', HISTORY, { id: unitGid(app, 'otherProvinceCell') })).orgUnit;
      expect(old).toMatchObject({ status: 'DISSOLVED', dissolvedOn: '2026-04-01', successor: null });
      expect(old.successors.map((s: any) => [s.kind, s.successor.name, s.decisionRef])).toEqual([
        ['SPLIT_INTO', 'Chi bộ bản Che Căn 1', '20-QĐ/ĐU'],
        ['SPLIT_INTO', 'Chi bộ bản Che Căn 2', '20-QĐ/ĐU'],
      ]);
      expect(old.history.map((h: any) => [h.status, h.validFrom, h.validTo, h.change])).toEqual([['ACTIVE', '1900-01-01', '2026-04-01', 'CREATED'], ['DISSOLVED', '2026-04-01', null, 'SPLIT']]);
    });

    test('members went where the decision said, with their history', async () => {
      const where = async (name: string): Promise<unknown> => {
        const m = data(await app.run('admin:national', MEMBER_HISTORY, { id: memberGid(app, name) })).member;
        return [m.unit.name, m.timeline.at(-1), m.memberships.at(-1)];
      };
      expect(await where(ANH)).toEqual(['Chi bộ bản Che Căn 1', { kind: 'REORGANISED', occurredOn: '2026-04-01', decisionRef: '20-QĐ/ĐU', unit: { name: 'Chi bộ bản Che Căn 1' } }, { kind: 'OFFICIAL', startedOn: '2026-04-01', endedOn: null, unit: { name: 'Chi bộ bản Che Căn 1' } }]);
      expect(await where(DUC)).toEqual(['Chi bộ bản Che Căn 2', { kind: 'REORGANISED', occurredOn: '2026-04-01', decisionRef: '20-QĐ/ĐU', unit: { name: 'Chi bộ bản Che Căn 2' } }, { kind: 'OFFICIAL', startedOn: '2026-04-01', endedOn: null, unit: { name: 'Chi bộ bản Che Căn 2' } }]);
    });

    test('the old cell keeps its meeting and its evaluation', async () => {
      const old = data(await app.run('admin:national', OLD_RECORDS, { id: unitGid(app, 'otherProvinceCell') })).orgUnit;
      expect(old).toEqual({ status: 'DISSOLVED', meetings: { totalCount: 1, nodes: [{ heldOn: '2026-03-03', attendanceSummary: { roster: 2, present: 2 } }] }, meetingEvaluations: { totalCount: 1, nodes: [{ state: 'SELF_ASSESSED', selfTotal: 90, heldOn: '2026-03-03' }] }, members: { totalCount: 0 }, memberCount: 0 });
    });

    test('the old cell’s count as of before = the parts’ counts as of the day; the commune’s is unchanged', async () => {
      expect((await asOf(app, 'otherProvinceCell', '2026-03-31')).counts).toEqual({ cells: 1, members: 2 });
      expect((await asOf(app, 'part1', '2026-04-01')).counts).toEqual({ cells: 1, members: 1 });
      expect((await asOf(app, 'part2', '2026-04-01')).counts).toEqual({ cells: 1, members: 1 });
      expect((await asOf(app, 'otherProvinceCommune', '2026-03-31')).counts).toEqual({ cells: 1, members: 2 });
      expect((await asOf(app, 'otherProvinceCommune', '2026-04-01')).counts).toEqual({ cells: 2, members: 2 });
    });

    test('audit: the two parts’ creation and the split', async () => {
      expect(await auditOps(app, since)).toEqual([
        ['createOrgUnit', 'OrgUnit', unitOf(app, 'part1').id],
        ['createOrgUnit', 'OrgUnit', unitOf(app, 'part2').id],
        ['splitOrgUnit', 'OrgUnit', app.fixture.units.otherProvinceCell.id],
      ]);
    });
  });

  describe('dissolving a unit with nothing left in it', () => {

    test('an emptied cell is dissolved on the day, keeps its meetings and its history; it has no successor', async () => {
      const created = data(await app.run('admin:province', 'mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', {
        i: { parentId: unitGid(app, 'otherCommune'), kind: 'CELL', name: 'Chi bộ Trạm Y tế', cellType: 'PUBLIC_SERVICE', foundedOn: '2025-01-01' },
      })).createOrgUnit;
      await registerUnit(app, 'health', created.id);
      await createMeeting(app, 'admin:province', { unitId: created.id, heldAt: vietnamTime('2025-06-03') });
      const since = await lastAuditId(app);
      const dissolved = data(await app.run('admin:province', DISSOLVE, { i: { ...(await ref(app, 'health')), on: '2026-02-01', decisionRef: '5-QĐ/ĐU' } })).dissolveOrgUnit;
      expect(dissolved).toMatchObject({ status: 'DISSOLVED', dissolvedOn: '2026-02-01', successor: null });
      const history = data(await app.run('admin:province', HISTORY, { id: created.id })).orgUnit;
      expect(history).toMatchObject({ successors: [], predecessors: [] });
      expect(history.history.map((h: any) => [h.status, h.validFrom, h.validTo, h.change, h.decisionRef])).toEqual([
        ['ACTIVE', '2025-01-01', '2026-02-01', 'CREATED', null],
        ['DISSOLVED', '2026-02-01', null, 'DISSOLVED', '5-QĐ/ĐU'],
      ]);
      const meetings = data(await app.run('admin:province', OLD_RECORDS, { id: created.id })).orgUnit;
      expect(meetings.meetings.totalCount).toBe(1);
      expect((await asOf(app, 'otherCommune', '2026-01-31')).counts).toEqual({ cells: 2, members: 2 });
      expect((await asOf(app, 'otherCommune', '2026-02-01')).counts).toEqual({ cells: 1, members: 2 });
      expect(await auditOps(app, since)).toEqual([['dissolveOrgUnit', 'OrgUnit', unitOf(app, 'health').id]]);
    });
  });
});

describe('another database: Phong Thổ merged into Bình Lư, then its cell (hosting an attachment) into Nậm Cười; Mường Phăng split', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  describe('a commune merged into another (A into B)', () => {
    let result: Record<string, any>;
    let oldCellPath: string;
    beforeAll(async () => {
      oldCellPath = app.fixture.units.otherCell.path;
      await meetingWithEvaluation(app, 'otherCell', '2026-03-03', [CUONG, DO]);
      result = data(await app.run('admin:province', MERGE, {
        i: { units: [await ref(app, 'otherCommune')], into: await ref(app, 'commune'), on: '2026-04-01', decisionRef: '45-QĐ/TU' },
      })).mergeOrgUnits;
    });

    test('the receiving commune is returned; the merged one is dissolved and points to it', async () => {
      // Its version moves on: it changed (a concurrent dissolution of it is a CONFLICT, test/restructuring/errors.test.ts).
      expect(result).toMatchObject({ name: 'Đảng bộ xã Bình Lư', status: 'ACTIVE', version: 2 });
      const receiving = data(await app.run('admin:province', HISTORY, { id: unitGid(app, 'commune') })).orgUnit;
      expect([receiving.predecessors, receiving.successors, receiving.history.length]).toEqual([
        [{ kind: 'MERGED_INTO', occurredOn: '2026-04-01', decisionRef: '45-QĐ/TU', predecessor: { name: 'Đảng bộ xã Phong Thổ' }, successor: { name: 'Đảng bộ xã Bình Lư' } }], [], 1,
      ]);
      const old = data(await app.run('admin:province', HISTORY, { id: unitGid(app, 'otherCommune') })).orgUnit;
      expect(old).toMatchObject({ status: 'DISSOLVED', dissolvedOn: '2026-04-01', successor: { name: 'Đảng bộ xã Bình Lư' } });
      expect(old.successors).toEqual([{ kind: 'MERGED_INTO', occurredOn: '2026-04-01', decisionRef: '45-QĐ/TU', predecessor: { name: 'Đảng bộ xã Phong Thổ' }, successor: { name: 'Đảng bộ xã Bình Lư' } }]);
    });

    test('its cell moved under the receiving commune with its members, meetings and evaluations; its history keeps the old place', async () => {
      const newPath = `${app.fixture.units.commune.path}${app.fixture.units.otherCell.id}/`;
      expect(await pathOf(app, 'otherCell')).toBe(newPath);
      const [{ n: left }] = await app.sql<{ n: number }>(
        `select (select count(*) from member where unit_path = ?) + (select count(*) from meeting where unit_path = ?) + (select count(*) from meeting_evaluation where unit_path = ?) + (select count(*) from membership where unit_path = ?) as n`,
        [oldCellPath, oldCellPath, oldCellPath, oldCellPath],
      );
      expect(Number(left)).toBe(0);
      const records = data(await app.run('organizer:commune', OLD_RECORDS, { id: unitGid(app, 'otherCell') })).orgUnit;
      expect(records).toMatchObject({ status: 'ACTIVE', meetings: { totalCount: 1 }, meetingEvaluations: { totalCount: 1 }, members: { totalCount: 2 } });
      const history = await app.sql('select path, valid_from::text, valid_to::text, change from org_unit_version where unit_id = ? order by id', [app.fixture.units.otherCell.id]);
      expect(history).toEqual([
        { path: oldCellPath, valid_from: '1900-01-01', valid_to: '2026-04-01', change: 'CREATED' },
        { path: newPath, valid_from: '2026-04-01', valid_to: null, change: 'MERGED' },
      ]);
      // The cell moved whole: its members stay in it, with no new event.
      const [{ n }] = await app.sql<{ n: number }>("select count(*)::int as n from member_event where kind = 'REORGANISED'");
      expect(n).toBe(0);
    });

    test('counts add up: the receiving commune after = both communes before', async () => {
      expect((await asOf(app, 'commune', '2026-03-31')).counts).toEqual({ cells: 2, members: 5 });
      expect((await asOf(app, 'otherCommune', '2026-03-31')).counts).toEqual({ cells: 1, members: 2 });
      expect((await asOf(app, 'commune', '2026-04-01')).counts).toEqual({ cells: 3, members: 7 });
      expect((await asOf(app, 'otherCommune', '2026-04-01')).counts).toEqual({ cells: 0, members: 0 });
      expect((await asOf(app, 'province', '2026-03-31')).counts).toEqual((await asOf(app, 'province', '2026-04-01')).counts);
      const children = async (d: string): Promise<unknown> => (await asOf(app, 'province', d)).children.map((c: any) => [c.name, c.status, c.counts]);
      expect(await children('2026-03-31')).toEqual([['Đảng bộ xã Bình Lư', 'ACTIVE', { cells: 2, members: 5 }], ['Đảng bộ xã Phong Thổ', 'ACTIVE', { cells: 1, members: 2 }]]);
      expect(await children('2026-04-01')).toEqual([['Đảng bộ xã Bình Lư', 'ACTIVE', { cells: 3, members: 7 }]]);
    });

    test('the receiving commune’s organizer now reads the cell and its members', async () => {
      const list = data(await app.run('organizer:commune', 'query($id: ID!) { orgUnit(id: $id) { children(first: 10) { nodes { name } } members(first: 10) { totalCount } } }', { id: unitGid(app, 'commune') })).orgUnit;
      expect(list).toEqual({ children: { nodes: [{ name: 'Chi bộ bản Lả Mường' }, { name: 'Chi bộ bản Nậm Cười' }, { name: 'Chi bộ Trường Tiểu học Bình Lư' }] }, members: { totalCount: 7 } });
    });
  });

  describe('a cell hosting a temporary attachment merged into another', () => {
    let temporary: { id: string; version: number; fullName: string };
    let memberDbId: number;
    beforeAll(async () => {
      temporary = await newMember(app, 'school');
      memberDbId = Number(Buffer.from(temporary.id, 'base64url').toString('utf8').split(':')[1]);
      const sent = data(await app.run('admin:national', SEND, {
        input: { memberId: temporary.id, version: temporary.version, toUnitId: unitGid(app, 'otherCell'), kind: 'TEMPORARY', occurredOn: '2026-04-25', temporaryTo: '2026-12-31', decisionRef: 'TT-1' },
      })).sendMemberTransfer;
      data(await app.run('admin:national', RECEIVE, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-05-01' } }));
      data(await app.run('admin:commune', MERGE, { i: { units: [await ref(app, 'otherCell')], into: await ref(app, 'cell'), on: '2026-06-01', decisionRef: '50-QĐ/ĐU' } }));
    });

    test('the attachment goes on in the receiving cell until its planned end; the official cell is untouched', async () => {
      const periods = await app.sql('select unit_id, kind, started_on::text, ended_on::text, ended_by_event_id is not null as ended_by_event from membership where member_id = ? order by id', [memberDbId]);
      expect(periods).toEqual([
        { unit_id: app.fixture.units.school.id, kind: 'OFFICIAL', started_on: '2020-01-06', ended_on: null, ended_by_event: false },
        { unit_id: app.fixture.units.otherCell.id, kind: 'TEMPORARY', started_on: '2026-05-01', ended_on: '2026-06-01', ended_by_event: true },
        { unit_id: app.fixture.units.cell.id, kind: 'TEMPORARY', started_on: '2026-06-01', ended_on: '2027-01-01', ended_by_event: false },
      ]);
      const member = data(await app.run('admin:national', MEMBER_HISTORY, { id: temporary.id })).member;
      expect([member.unit, member.timeline.at(-1)]).toEqual([{ name: 'Chi bộ Trường Tiểu học Bình Lư' }, { kind: 'REORGANISED', occurredOn: '2026-06-01', decisionRef: '50-QĐ/ĐU', unit: { name: 'Chi bộ bản Nậm Cười' } }]);
    });

    test('official counts: the receiving cell gains the merged cell’s members, not the attached one', async () => {
      expect((await asOf(app, 'otherCell', '2026-05-31')).counts).toEqual({ cells: 1, members: 2 });
      expect((await asOf(app, 'cell', '2026-05-31')).counts).toEqual({ cells: 1, members: 3 });
      expect((await asOf(app, 'cell', '2026-06-01')).counts).toEqual({ cells: 1, members: 5 });
      expect((await asOf(app, 'school', '2026-06-01')).counts).toEqual({ cells: 1, members: 3 });
    });
  });

  describe('a commune split in two, its cell placed by the decision: Mường Phăng', () => {
    let organizer: AccountName;
    beforeAll(async () => {
      organizer = await addAccount(app, 'organizer:otherProvinceCommune', { role: 'ORGANIZER', at: 'otherProvinceCommune' });
      const parts = data(await app.run('admin:national', SPLIT, {
        i: {
          ...(await ref(app, 'otherProvinceCommune')), on: '2026-04-01', decisionRef: '30-QĐ/TU',
          parts: [
            { unit: { name: 'Đảng bộ xã Mường Phăng A' }, childIds: [unitGid(app, 'otherProvinceCell')] },
            { unit: { name: 'Đảng bộ xã Mường Phăng B' } },
          ],
        },
      })).splitOrgUnit;
      await registerUnit(app, 'communeA', parts[0].id);
      await registerUnit(app, 'communeB', parts[1].id);
    });

    test('the cell is under its part, with its members (no member event: the cell moved whole)', async () => {
      const cellPath = `${unitOf(app, 'communeA').path}${app.fixture.units.otherProvinceCell.id}/`;
      expect(await pathOf(app, 'otherProvinceCell')).toBe(cellPath);
      const [{ n }] = await app.sql<{ n: number }>("select count(*)::int as n from member_event e join member m on m.id = e.member_id where e.kind = 'REORGANISED' and m.province_id = ?", [app.fixture.units.otherProvince.id]);
      expect(n).toBe(0);
      const members = await app.sql('select unit_path as path, count(*)::int as n from member where province_id = ? group by 1 order by 1', [app.fixture.units.otherProvince.id]);
      expect(members).toEqual([{ path: cellPath, n: 2 }]);
    });

    test('the province’s children and counts as of before and after', async () => {
      const children = async (d: string): Promise<unknown> => (await asOf(app, 'otherProvince', d)).children.map((c: any) => [c.name, c.counts]);
      expect(await children('2026-03-31')).toEqual([['Đảng bộ xã Mường Phăng', { cells: 1, members: 2 }]]);
      expect(await children('2026-04-01')).toEqual([['Đảng bộ xã Mường Phăng A', { cells: 1, members: 2 }], ['Đảng bộ xã Mường Phăng B', { cells: 0, members: 0 }]]);
      expect((await asOf(app, 'otherProvince', '2026-03-31')).counts).toEqual((await asOf(app, 'otherProvince', '2026-04-01')).counts);
    });

    test('the commune’s organizer keeps reading the old commune’s history, but not the cell under the new part', async () => {
      const old = data(await app.run(organizer, HISTORY, { id: unitGid(app, 'otherProvinceCommune') })).orgUnit;
      expect([old.status, old.successors.map((s: any) => [s.kind, s.successor])]).toEqual(['DISSOLVED', [['SPLIT_INTO', null], ['SPLIT_INTO', null]]]);
      const cell = await app.run(organizer, 'query($id: ID!) { orgUnit(id: $id) { name } }', { id: unitGid(app, 'otherProvinceCell') });
      expect(cell.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    });
  });
});
