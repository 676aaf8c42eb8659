import { PositionKind } from '../../src/entities/member-enums';
import { CellType, OrgUnitKind } from '../../src/entities/org-unit-enums';
import { positionFitsUnit } from '../../src/entities/position-rules';
import { vietnamToday } from '../meetings/support';
import type { UnitName } from '../support/fixture';
import { createTestApp, onlyError, type GqlResult, type TestApp } from '../support/test-app';
import { auditSince, dbId, expectRejected, gid, lastAuditId, ok } from '../validation/support';
import { addCommuneWithCell, DEATH, newMember, unitId } from './lifecycle-support';
import { assign, ASSIGN, assignInput, end, END, POSITION_TABLES } from './position-support';

/**
 * The rules of assignPosition and endPosition: every BAD_USER_INPUT with its field, which posts
 * fit which units, the CONFLICTs (a single-holder post taken, the same post held twice, a former
 * member, a stale version, a post already ended, a race), and the unique indexes behind them.
 * Every rejection leaves member_position, member and the audit log as they were.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const BAD = 'BAD_USER_INPUT';

/** A unit made through the API and registered in the fixture under its name. */
async function unitUnder(parent: UnitName, name: string, input: Record<string, unknown>): Promise<UnitName> {
  const created = ok(await app.run('admin:national', 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id version } }', {
    input: { parentId: unitId(app, parent), name, ...input },
  })).createOrgUnit;
  const [row] = await app.sql<{ path: string }>('select path from org_unit where id = ?', [dbId(created.id)]);
  (app.fixture.units as Record<string, { id: number; path: string; name: string }>)[name] = { id: dbId(created.id), path: row.path, name };
  return name as UnitName;
}

describe('which posts fit which units (one table, src/entities/position-rules.ts)', () => {
  const P = PositionKind;
  const K = OrgUnitKind;
  const T = CellType;
  test.each([
    [P.SECRETARY, K.PROVINCE, null, true],
    [P.SECRETARY, K.CELL, T.ARMED_FORCES, true],
    [P.DEPUTY_SECRETARY, K.PARTIAL_COMMITTEE, null, true],
    [P.COMMITTEE_MEMBER, K.GRASSROOTS_CELL, T.ENTERPRISE, true],
    [P.SECRETARY, K.PARTY_GROUP, null, false],
    [P.COMMITTEE_MEMBER, K.PARTY_GROUP, null, false],
    [P.STANDING_COMMITTEE_MEMBER, K.COMMUNE_COMMITTEE, null, true],
    [P.INSPECTION_COMMISSION_MEMBER, K.GRASSROOTS_COMMITTEE, null, true],
    [P.STANDING_COMMITTEE_MEMBER, K.CELL, T.RESIDENTIAL, false],
    [P.INSPECTION_COMMISSION_MEMBER, K.GRASSROOTS_CELL, T.PUBLIC_SERVICE, false],
    [P.VILLAGE_HEAD, K.CELL, T.RESIDENTIAL, true],
    [P.FRONT_WORK_COMMITTEE_HEAD, K.GRASSROOTS_CELL, T.RESIDENTIAL, true],
    [P.VILLAGE_HEAD, K.CELL, T.PUBLIC_SERVICE, false],
    [P.FRONT_WORK_COMMITTEE_HEAD, K.COMMUNE_COMMITTEE, null, false],
    [P.AGENCY_HEAD, K.CELL, T.ADMINISTRATIVE_AGENCY, true],
    [P.AGENCY_HEAD, K.GRASSROOTS_CELL, T.PUBLIC_SERVICE, true],
    [P.AGENCY_HEAD, K.CELL, T.ENTERPRISE, true],
    [P.AGENCY_HEAD, K.CELL, T.RESIDENTIAL, false],
    [P.AGENCY_HEAD, K.CELL, T.ARMED_FORCES, false],
    [P.AGENCY_HEAD, K.BLOC_COMMITTEE, null, false],
  ])('%s at a %s (%s): %s', (position, kind, cellType, fits) => {
    expect(positionFitsUnit(position, { kind, cellType })).toBe(fits);
  });

  test.each([
    ['VILLAGE_HEAD', 'cell', 'cell'],
    ['FRONT_WORK_COMMITTEE_HEAD', 'cell', 'cell'],
    ['AGENCY_HEAD', 'school', 'school'],
    ['STANDING_COMMITTEE_MEMBER', 'cell', 'commune'],
    ['INSPECTION_COMMISSION_MEMBER', 'school', 'commune'],
    ['SECRETARY', 'cell', 'commune'],
  ] as const)('%s of a member of %s at %s is assigned', async (position, cell, at) => {
    expect(await assign(app, AS, (await newMember(app, cell)).id, at, position)).toMatchObject({ position, endedOn: null, version: 1 });
  });
});

describe('BAD_USER_INPUT, each on its field, nothing written', () => {
  let groupOfCell: UnitName;
  let dissolved: UnitName;
  beforeAll(async () => {
    groupOfCell = await unitUnder('cell', 'Tổ đảng số 1', { kind: 'PARTY_GROUP' });
    dissolved = await unitUnder('commune', 'Chi bộ bản Giải Thể', { kind: 'CELL', cellType: 'RESIDENTIAL' });
    ok(await app.run('admin:national', 'mutation($input: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $input) { status } }', {
      input: { id: unitId(app, dissolved), version: 1, on: vietnamToday().iso, decisionRef: '40-QĐ/ĐU' },
    }));
  });

  test.each([
    ['a member id of another type', 'input.memberId', () => ({ memberId: unitId(app, 'cell') })],
    ['a unit id of another type', 'input.unitId', (memberId: string) => ({ unitId: memberId })],
    ['a unit that does not contain the member’s cell', 'input.unitId', () => ({ unitId: unitId(app, 'school') })],
    ['a dissolved unit', 'input.unitId', () => ({ unitId: unitId(app, dissolved) })],
    ['a post at a party group', 'input.position', () => ({ unitId: unitId(app, groupOfCell) })],
    ['a village head at a school cell', 'input.position', () => ({ unitId: unitId(app, 'school'), position: 'VILLAGE_HEAD' })],
    ['an agency head at a residential cell', 'input.position', () => ({ position: 'AGENCY_HEAD' })],
    ['a standing committee member at a cell', 'input.position', () => ({ position: 'STANDING_COMMITTEE_MEMBER' })],
    ['a start in the future', 'input.startedOn', () => ({ startedOn: '2999-01-01' })],
    ['a start before the admission (2020-01-06)', 'input.startedOn', () => ({ startedOn: '2020-01-05' })],
    ['no decision reference', 'input.decisionRef', () => ({ decisionRef: '  ' })],
    ['a decision reference over 100 characters', 'input.decisionRef', () => ({ decisionRef: 'x'.repeat(101) })],
  ])('assignPosition with %s → %s', async (_what, field, changes) => {
    const m = await newMember(app, 'cell');
    await expectRejected(app, AS, POSITION_TABLES, ASSIGN, assignInput(app, m.id, 'cell', 'COMMITTEE_MEMBER', changes(m.id)), { code: BAD, field });
  });

  test('a start within the previous holder’s ended term is a bad start date; the day after it is fine', async () => {
    const first = await assign(app, AS, (await newMember(app, 'school')).id, 'school', 'SECRETARY', { startedOn: '2020-06-01' });
    await end(app, AS, first, '2025-06-30');
    const next = await newMember(app, 'school');
    await expectRejected(app, AS, POSITION_TABLES, ASSIGN, assignInput(app, next.id, 'school', 'SECRETARY', { startedOn: '2025-06-30' }), { code: BAD, field: 'input.startedOn' });
    expect((await assign(app, AS, next.id, 'school', 'SECRETARY', { startedOn: '2025-07-01' })).startedOn).toBe('2025-07-01');
  });

  test.each([
    ['a position id of another type', 'input.positionId', (p: { id: string; version: number }) => ({ positionId: gid('Member', dbId(p.id)) })],
    ['an end before the start (2025-07-01)', 'input.endedOn', () => ({ endedOn: '2025-06-30' })],
    ['an end in the future', 'input.endedOn', () => ({ endedOn: '2999-12-31' })],
    ['no decision reference', 'input.decisionRef', () => ({ decisionRef: '' })],
  ])('endPosition with %s → %s', async (_what, field, changes) => {
    const held = await assign(app, AS, (await newMember(app, 'cell')).id, 'cell', 'COMMITTEE_MEMBER');
    const input = { positionId: held.id, version: held.version, endedOn: '2026-11-30', decisionRef: '1-QĐ', ...changes(held) };
    await expectRejected(app, AS, POSITION_TABLES, END, { input }, { code: BAD, field });
  });
});

describe('CONFLICT', () => {
  test('a single-holder post held at the unit, and the same post held twice by one member, are CONFLICT on input.position', async () => {
    await addCommuneWithCell(app, 'Nậm Xe', 'bản Nậm Xe');
    const cell = 'bản Nậm Xe' as UnitName;
    const [a, b] = [await newMember(app, cell), await newMember(app, cell)];
    for (const position of ['SECRETARY', 'VILLAGE_HEAD', 'FRONT_WORK_COMMITTEE_HEAD']) {
      await assign(app, 'admin:province', a.id, cell, position);
      await expectRejected(app, 'admin:province', POSITION_TABLES, ASSIGN, assignInput(app, b.id, cell, position), { code: 'CONFLICT', field: 'input.position' });
    }
    // Many hold a deputy secretary's or committee member's post, but nobody the same one twice.
    await assign(app, 'admin:province', a.id, cell, 'DEPUTY_SECRETARY');
    await assign(app, 'admin:province', b.id, cell, 'DEPUTY_SECRETARY');
    await expectRejected(app, 'admin:province', POSITION_TABLES, ASSIGN, assignInput(app, b.id, cell, 'DEPUTY_SECRETARY'), { code: 'CONFLICT', field: 'input.position' });
  });

  test('a member who left the party takes no post: CONFLICT on input.memberId', async () => {
    const m = await newMember(app, 'cell');
    ok(await app.run(AS, DEATH, { input: { memberId: m.id, version: m.version, occurredOn: '2026-05-01' } }));
    await expectRejected(app, AS, POSITION_TABLES, ASSIGN, assignInput(app, m.id, 'cell', 'COMMITTEE_MEMBER'), { code: 'CONFLICT', field: 'input.memberId' });
  });

  test('endPosition with a stale version, and of a post already ended, is CONFLICT', async () => {
    const held = await assign(app, AS, (await newMember(app, 'cell')).id, 'cell', 'COMMITTEE_MEMBER');
    const ended = await end(app, AS, held, '2026-10-31');
    const again = (version: number) => ({ input: { positionId: held.id, version, endedOn: '2026-11-30', decisionRef: '2-QĐ' } });
    await expectRejected(app, AS, POSITION_TABLES, END, again(held.version), { code: 'CONFLICT', field: 'version' });
    await expectRejected(app, AS, POSITION_TABLES, END, again(ended.version), { code: 'CONFLICT', field: 'endedOn' });
  });

  test('two members made secretary of one cell at once: one wins, the other is CONFLICT, one row and one audit entry', async () => {
    await addCommuneWithCell(app, 'Dào San', 'bản Dào San');
    const cell = 'bản Dào San' as UnitName;
    const [a, b] = [await newMember(app, cell), await newMember(app, cell)];
    const since = await lastAuditId(app);
    const results: GqlResult[] = await Promise.all([a, b].map((m) => app.run('admin:province', ASSIGN, assignInput(app, m.id, cell, 'SECRETARY'))));
    const outcomes = results.map((r) => (r.errors ? `${onlyError(r).code} ${onlyError(r).field}` : 'ok')).sort();
    expect(outcomes).toEqual(['CONFLICT input.position', 'ok']);
    const rows = await app.sql('select id from member_position where unit_id = ? and position = ?', [app.fixture.units[cell].id, 'SECRETARY']);
    expect(rows).toHaveLength(1);
    expect((await auditSince(app, since)).map((e) => e.operation)).toEqual(['assignPosition']);
  });

  test('the database keeps the rules too: a second open secretary, or the same open post twice, is refused by a unique index', async () => {
    const insert = (fullName: string, position: string): Promise<unknown> => {
      const unit = app.fixture.units.otherCell;
      return app.sql('insert into member_position (province_id, member_id, unit_id, unit_path, position, started_on) values (?,?,?,?,?,?)', [
        Number(unit.path.split('/')[1]), app.fixture.members[fullName].id, unit.id, unit.path, position, '2024-01-01',
      ]);
    };
    await insert('Lê Văn Cường', 'VILLAGE_HEAD');
    await expect(insert('Giàng Thị Dợ', 'VILLAGE_HEAD')).rejects.toThrow(/member_position_single_holder_uq/);
    await insert('Lê Văn Cường', 'COMMITTEE_MEMBER');
    await expect(insert('Lê Văn Cường', 'COMMITTEE_MEMBER')).rejects.toThrow(/member_position_open_uq/);
  });
});
