import * as auditModule from '../../src/services/audit';
import * as unitVersions from '../../src/services/tree/unit-versions';
import { todayInVietnam } from '../../src/services/calendar';
import { AN, HUNG, MAI } from '../meetings/support';
import { newMember, SEND } from '../members/lifecycle-support';
import type { AccountName } from '../support/fixture';
import { createTestApp, onlyError, type GqlResult, type TestApp } from '../support/test-app';
import { expectRejected, gid, snapshot, type Rejection } from '../validation/support';
import { data, DISSOLVE, memberGid, MERGE, MOVE, ref, registerUnit, RENAME, RESTRUCTURING_TABLES, SPLIT, unitGid, unitOf } from './support';

/**
 * Every rejection of the restructuring operations: its code and field, and that nothing was
 * written (the tables a restructuring touches and audit_entry compared whole before and after).
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // A dissolved commune, for the cases that name one.
  await newUnit('dissolvedCommune', 'province', { kind: 'COMMUNE_COMMITTEE', name: 'Đảng bộ xã Đã Giải Thể', foundedOn: '2025-01-01' });
  data(await app.run('admin:province', DISSOLVE, { i: { ...(await ref(app, 'dissolvedCommune')), on: '2025-06-01', decisionRef: 'GT-1' } }));
  // The school is renamed on 2026-05-01: nothing under the commune may be changed earlier than that.
  data(await app.run('admin:commune', RENAME, { i: { ...(await ref(app, 'school')), name: 'Chi bộ Trường Tiểu học và THCS Bình Lư', on: '2026-05-01', decisionRef: 'ĐT-1' } }));
});
afterAll(() => app.close());

const TOMORROW = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const BAD = (field: string): Rejection => ({ code: 'BAD_USER_INPUT', field });
const STALE: Rejection = { code: 'CONFLICT', field: 'version' };

async function newUnit(name: string, parent: string, input: Record<string, unknown>): Promise<void> {
  const created = data(await app.run('admin:national', 'mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }', { i: { parentId: unitGid(app, parent), ...input } })).createOrgUnit;
  await registerUnit(app, name, created.id);
}

function reject(as: AccountName, query: string, i: Record<string, unknown>, expected: Rejection): Promise<unknown> {
  return expectRejected(app, as, RESTRUCTURING_TABLES, query, { i }, expected);
}

/** The whole error (code, field, message) of an operation that must fail once. */
async function errorOf(as: AccountName, query: string, i: Record<string, unknown>): Promise<ReturnType<typeof onlyError>> {
  const before = await snapshot(app, RESTRUCTURING_TABLES);
  const error = onlyError(await app.run(as, query, { i }));
  expect(await snapshot(app, RESTRUCTURING_TABLES)).toEqual(before);
  return error;
}

const MISSING_UNIT = gid('OrgUnit', 999999);

describe('moveOrgUnit', () => {
  const move = async (unit: string, parent: string, on = '2026-06-01'): Promise<Record<string, unknown>> => ({ ...(await ref(app, unit)), newParentId: unitGid(app, parent), on, decisionRef: 'ĐC-1' });

  test.each([
    ['under itself', 'commune', 'commune'],
    ['under its own cell', 'commune', 'cell'],
    ['under its current parent', 'cell', 'commune'],
    ['a cell directly under a province', 'cell', 'province'],
    ['under a dissolved commune', 'cell', 'dissolvedCommune'],
  ])('%s: BAD_USER_INPUT on input.newParentId', async (_label, unit, parent) => {
    await reject('admin:province', MOVE, await move(unit, parent), BAD('input.newParentId'));
  });

  test('a date in the future, or tomorrow: BAD_USER_INPUT on input.on', async () => {
    await reject('admin:province', MOVE, await move('cell', 'otherCommune', '2999-01-01'), BAD('input.on'));
    await reject('admin:province', MOVE, await move('cell', 'otherCommune', TOMORROW), BAD('input.on'));
  });

  test('before the unit’s last recorded change, or before that of a unit below it: BAD_USER_INPUT on input.on', async () => {
    await reject('admin:province', MOVE, await move('school', 'otherCommune', '2026-04-30'), BAD('input.on'));
    await reject('admin:national', MOVE, await move('commune', 'otherProvince', '2026-04-30'), BAD('input.on'));
  });

  test('a stale version: CONFLICT on version', async () => {
    await reject('admin:province', MOVE, { ...(await move('cell', 'otherCommune')), version: 0 }, STALE);
  });

  test('no decision reference, or an id of another type: BAD_USER_INPUT on the field', async () => {
    await reject('admin:province', MOVE, { ...(await move('cell', 'otherCommune')), decisionRef: '  ' }, BAD('input.decisionRef'));
    await reject('admin:province', MOVE, { ...(await move('cell', 'otherCommune')), newParentId: memberGid(app, HUNG) }, BAD('input.newParentId'));
  });

  test('a unit outside the caller’s scope answers exactly like a missing one', async () => {
    const outside = await errorOf('admin:commune', MOVE, await move('otherCell', 'commune'));
    const missing = await errorOf('admin:commune', MOVE, { ...(await move('otherCell', 'commune')), id: MISSING_UNIT });
    expect(outside).toEqual({ code: 'NOT_FOUND', field: undefined, message: 'Org unit not found' });
    expect(outside).toEqual(missing);
  });

  test('a new parent outside the caller’s scope answers exactly like a missing one', async () => {
    const outside = await errorOf('admin:commune', MOVE, await move('cell', 'otherCommune'));
    const missing = await errorOf('admin:commune', MOVE, { ...(await move('cell', 'otherCommune')), newParentId: MISSING_UNIT });
    expect(outside).toEqual({ code: 'NOT_FOUND', field: undefined, message: 'Org unit not found' });
    expect(outside).toEqual(missing);
    // Across provinces, for a province administrator: the other province is outside, like a missing one.
    const otherProvince = await errorOf('admin:province', MOVE, await move('otherCommune', 'otherProvince'));
    expect(otherProvince).toEqual(missing);
  });

  test('across provinces for an administrator of both provinces who is not national: FORBIDDEN', async () => {
    const [{ id }] = await app.sql<{ id: number }>("insert into account (kind, username, display_name) values ('PERSON', 'two-provinces', 'Quản trị hai tỉnh') returning id");
    for (const p of ['province', 'otherProvince'] as const) {
      const u = app.fixture.units[p];
      await app.sql('insert into role_assignment (account_id, role, unit_id, unit_path, province_id) values (?,?,?,?,?)', [id, 'ADMIN', u.id, u.path, u.id]);
    }
    (app.fixture.accounts as Record<string, number>)['admin:two-provinces'] = id;
    await reject('admin:two-provinces' as AccountName, MOVE, await move('otherCommune', 'otherProvince'), { code: 'FORBIDDEN' });
  });
});

describe('renameOrgUnit', () => {
  const rename = async (unit: string, name: string, on = '2026-06-01'): Promise<Record<string, unknown>> => ({ ...(await ref(app, unit)), name, on, decisionRef: 'ĐT-2' });

  test.each([
    ['its current name', 'Chi bộ bản Nậm Cười'],
    ['an empty name', '   '],
    ['a name over 200 characters', 'x'.repeat(201)],
  ])('%s: BAD_USER_INPUT on input.name', async (_label, name) => {
    await reject('admin:commune', RENAME, await rename('cell', name), BAD('input.name'));
  });

  test('a dissolved unit: BAD_USER_INPUT on input.id', async () => {
    await reject('admin:province', RENAME, await rename('dissolvedCommune', 'Tên mới'), BAD('input.id'));
  });

  test('in the future, or before the last change: BAD_USER_INPUT on input.on', async () => {
    await reject('admin:commune', RENAME, await rename('cell', 'Tên mới', TOMORROW), BAD('input.on'));
    await reject('admin:commune', RENAME, await rename('school', 'Tên mới', '2026-04-30'), BAD('input.on'));
  });

  test('a stale version: CONFLICT', async () => {
    await reject('admin:commune', RENAME, { ...(await rename('cell', 'Tên mới')), version: 99 }, STALE);
  });
});

describe('mergeOrgUnits', () => {
  const merge = async (units: string[], extra: Record<string, unknown>, on = '2026-06-01'): Promise<Record<string, unknown>> => ({
    units: await Promise.all(units.map((u) => ref(app, u))), on, decisionRef: 'SN-1', ...extra,
  });
  const NEW = { newUnit: { name: 'Chi bộ hợp nhất' } };

  test('units of different kinds, named or as the receiving unit: BAD_USER_INPUT on the unit', async () => {
    await reject('admin:province', MERGE, await merge(['cell', 'otherCommune'], NEW), BAD('input.units.1.id'));
    await reject('admin:province', MERGE, await merge(['cell'], { into: await ref(app, 'commune') }), BAD('input.into.id'));
  });

  test('both a receiving unit and a new one, or neither: BAD_USER_INPUT on input.into', async () => {
    await reject('admin:commune', MERGE, await merge(['cell'], { ...NEW, into: await ref(app, 'school') }), BAD('input.into'));
    await reject('admin:commune', MERGE, await merge(['cell', 'school'], {}), BAD('input.into'));
  });

  test('one unit into a new one, a unit named twice, a unit merged into itself: BAD_USER_INPUT', async () => {
    await reject('admin:commune', MERGE, await merge(['cell'], NEW), BAD('input.units'));
    await reject('admin:commune', MERGE, await merge(['cell', 'cell'], NEW), BAD('input.units.1.id'));
    await reject('admin:commune', MERGE, await merge(['cell'], { into: await ref(app, 'cell') }), BAD('input.into.id'));
  });

  test('a dissolved unit: BAD_USER_INPUT on it', async () => {
    await reject('admin:province', MERGE, await merge(['dissolvedCommune'], { into: await ref(app, 'otherCommune') }), BAD('input.units.0.id'));
    await reject('admin:province', MERGE, await merge(['otherCommune'], { into: await ref(app, 'dissolvedCommune') }), BAD('input.into.id'));
  });

  test('the new unit’s fields are checked before anything is written, named as sent', async () => {
    await reject('admin:commune', MERGE, await merge(['cell', 'school'], { newUnit: { name: ' ' } }), BAD('input.newUnit.name'));
    await reject('admin:commune', MERGE, await merge(['cell', 'school'], { newUnit: { name: 'Chi bộ', code: 'x'.repeat(51) } }), BAD('input.newUnit.code'));
    await reject('admin:province', MERGE, await merge(['commune', 'otherCommune'], { newUnit: { name: 'Đảng bộ xã mới', cellType: 'RESIDENTIAL' } }), BAD('input.newUnit.cellType'));
  });

  test('in the future: BAD_USER_INPUT on input.on', async () => {
    await reject('admin:commune', MERGE, await merge(['cell', 'school'], NEW, TOMORROW), BAD('input.on'));
  });

  test('before the last change of a unit merged away, of a unit below it, or of the receiving unit: BAD_USER_INPUT on input.on', async () => {
    await reject('admin:commune', MERGE, await merge(['school'], { into: await ref(app, 'cell') }, '2026-04-30'), BAD('input.on'));
    await reject('admin:commune', MERGE, await merge(['cell'], { into: await ref(app, 'school') }, '2026-04-30'), BAD('input.on'));
    // The school (renamed on 2026-05-01) would be reattached under Phong Thổ with a version ending before it began.
    await reject('admin:province', MERGE, await merge(['commune'], { into: await ref(app, 'otherCommune') }, '2026-04-30'), BAD('input.on'));
  });

  test('before a member’s history in the unit (Mai admitted on 2026-03-02): BAD_USER_INPUT on input.on', async () => {
    // Her period would stay open in a dissolved cell.
    await reject('admin:province', MERGE, await merge(['cell'], { into: await ref(app, 'otherCell') }, '2026-03-01'), BAD('input.on'));
  });

  test('a stale version of a unit merged away or of the receiving unit: CONFLICT', async () => {
    await reject('admin:province', MERGE, { ...(await merge(['cell'], { into: await ref(app, 'otherCell') })), units: [{ id: unitGid(app, 'cell'), version: 7 }] }, STALE);
    await reject('admin:province', MERGE, await merge(['cell'], { into: { id: unitGid(app, 'otherCell'), version: 7 } }), STALE);
  });

  test('a unit with a transfer in flight, out of it or into it: CONFLICT on the unit', async () => {
    await newUnit('sending', 'commune', { kind: 'CELL', name: 'Chi bộ gửi', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    await newUnit('receiving', 'commune', { kind: 'CELL', name: 'Chi bộ nhận', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    const m = await newMember(app, 'sending' as never, { admissionDate: '2025-02-01', officialDate: null });
    data(await app.run('admin:commune', SEND, { input: { memberId: m.id, version: m.version, toUnitId: unitGid(app, 'receiving'), kind: 'OFFICIAL', occurredOn: '2025-03-01', decisionRef: 'GT-9' } }));
    await reject('admin:commune', MERGE, await merge(['sending'], { into: await ref(app, 'school') }), { code: 'CONFLICT', field: 'input.units.0.id' });
    await reject('admin:commune', MERGE, await merge(['school', 'receiving'], NEW), { code: 'CONFLICT', field: 'input.units.1.id' });
  });
});

describe('splitOrgUnit', () => {
  const split = async (unit: string, parts: Array<Record<string, unknown>>, on = '2026-06-01'): Promise<Record<string, unknown>> => ({ ...(await ref(app, unit)), parts, on, decisionRef: 'CT-1' });
  const part = (name: string, members: string[] = [], children: string[] = []): Record<string, unknown> => ({
    unit: { name }, memberIds: members.map((m) => memberGid(app, m)), childIds: children.map((c) => unitGid(app, c)),
  });

  test('a member left unassigned, or a cell: BAD_USER_INPUT on input.parts', async () => {
    await reject('admin:commune', SPLIT, await split('cell', [part('A1', [HUNG]), part('A2', [AN])]), BAD('input.parts'));
    await reject('admin:province', SPLIT, await split('otherCommune', [part('X'), part('Y')]), BAD('input.parts'));
  });

  test('a member placed twice, or not of the unit; a cell not under it: BAD_USER_INPUT on that entry', async () => {
    await reject('admin:commune', SPLIT, await split('cell', [part('A1', [HUNG, MAI]), part('A2', [AN, MAI])]), BAD('input.parts.1.memberIds.1'));
    await reject('admin:commune', SPLIT, await split('cell', [part('A1', [HUNG, MAI, 'Trần Thị Bình']), part('A2', [AN])]), BAD('input.parts.0.memberIds.2'));
    await reject('admin:province', SPLIT, await split('commune', [part('X', [], ['cell', 'otherCell']), part('Y', [], ['school'])]), BAD('input.parts.0.childIds.1'));
  });

  test('one part only, or a province: BAD_USER_INPUT', async () => {
    await reject('admin:commune', SPLIT, await split('cell', [part('A1', [HUNG, MAI, AN])]), BAD('input.parts'));
    await reject('admin:national', SPLIT, await split('province', [part('P1'), part('P2')]), BAD('input.id'));
  });

  test('a part’s fields are checked before anything is written, named as sent', async () => {
    await reject('admin:commune', SPLIT, await split('cell', [part('A1', [HUNG, MAI]), part(' ', [AN])]), BAD('input.parts.1.unit.name'));
    await reject('admin:province', SPLIT, await split('otherCommune', [{ ...part('X', [], ['otherCell']), unit: { name: 'X', cellType: 'RESIDENTIAL' } }, part('Y')]), BAD('input.parts.0.unit.cellType'));
  });

  test('before a member’s history in the unit, or in the future: BAD_USER_INPUT on input.on', async () => {
    await reject('admin:commune', SPLIT, await split('cell', [part('A1', [HUNG]), part('A2', [AN])], '2026-03-01'), BAD('input.on'));
    await reject('admin:commune', SPLIT, await split('cell', [part('A1', [HUNG, MAI]), part('A2', [AN])], TOMORROW), BAD('input.on'));
  });

  test('before the last change of a cell that goes to a part: BAD_USER_INPUT on input.on', async () => {
    await reject('admin:province', SPLIT, await split('commune', [part('X', [], ['cell']), part('Y', [], ['school'])], '2026-04-30'), BAD('input.on'));
  });

  test('a stale version: CONFLICT', async () => {
    await reject('admin:commune', SPLIT, { ...(await split('cell', [part('A1', [HUNG, MAI]), part('A2', [AN])])), version: 5 }, STALE);
  });

  test('a unit with a transfer in flight: CONFLICT on input.id', async () => {
    const sending = await ref(app, 'sending');
    await reject('admin:commune', SPLIT, { ...sending, on: '2026-06-01', decisionRef: 'CT-2', parts: [part('S1'), part('S2')] }, { code: 'CONFLICT', field: 'input.id' });
  });
});

describe('dissolveOrgUnit', () => {
  const dissolve = async (unit: string, on = '2026-06-01'): Promise<Record<string, unknown>> => ({ ...(await ref(app, unit)), on, decisionRef: 'GT-2' });

  test('a unit with members, with active units, a province, a dissolved unit: BAD_USER_INPUT on input.id', async () => {
    await reject('admin:commune', DISSOLVE, await dissolve('cell'), BAD('input.id'));
    await reject('admin:province', DISSOLVE, await dissolve('commune'), BAD('input.id'));
    await reject('admin:national', DISSOLVE, await dissolve('province'), BAD('input.id'));
    await reject('admin:province', DISSOLVE, await dissolve('dissolvedCommune'), BAD('input.id'));
  });

  test('an empty cell whose first member came after the day: BAD_USER_INPUT on input.on', async () => {
    await newUnit('later', 'commune', { kind: 'CELL', name: 'Chi bộ sau', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    await newMember(app, 'later' as never, { admissionDate: '2026-07-01', officialDate: null });
    await reject('admin:commune', DISSOLVE, await dissolve('later', '2026-06-01'), BAD('input.on'));
  });

  test('a stale version: CONFLICT; in the future: BAD_USER_INPUT', async () => {
    await newUnit('empty', 'commune', { kind: 'CELL', name: 'Chi bộ trống', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    await reject('admin:commune', DISSOLVE, { ...(await dissolve('empty')), version: 9 }, STALE);
    await reject('admin:commune', DISSOLVE, await dissolve('empty', TOMORROW), BAD('input.on'));
    await reject('admin:commune', DISSOLVE, await dissolve('empty', '2024-12-31'), BAD('input.on'));
  });
});

describe('a failure inside the transaction writes nothing', () => {
  afterEach(() => jest.restoreAllMocks());

  /** Makes the audit of `operation` throw: the last step of every operation, after all its writes. */
  function failAuditOf(operation: string): void {
    const real = auditModule.audit;
    jest.spyOn(auditModule, 'audit').mockImplementation((...args: Parameters<typeof real>) => {
      if (args[2] === operation) throw new Error(`audit of ${operation} failed`);
      return real(...args);
    });
  }

  test.each([
    ['moveOrgUnit', 'moveOrgUnit', async (): Promise<[string, Record<string, unknown>]> => [MOVE, { ...(await ref(app, 'otherCell')), newParentId: unitGid(app, 'commune'), on: '2026-06-01', decisionRef: 'x' }]],
    ['renameOrgUnit', 'renameOrgUnit', async (): Promise<[string, Record<string, unknown>]> => [RENAME, { ...(await ref(app, 'otherCell')), name: 'Tên khác', on: '2026-06-01', decisionRef: 'x' }]],
    ['mergeOrgUnits (the second unit merged away)', 'mergeOrgUnit', async (): Promise<[string, Record<string, unknown>]> => {
      // Fails on the second unit's audit: the first is merged by then, members, versions and all.
      const real = auditModule.audit;
      let n = 0;
      jest.spyOn(auditModule, 'audit').mockImplementation((...args: Parameters<typeof real>) => {
        if (args[2] === 'mergeOrgUnit' && (n += 1) === 2) throw new Error('second merge audit failed');
        return real(...args);
      });
      return [MERGE, { units: [await ref(app, 'otherCell'), await ref(app, 'cell')], newUnit: { name: 'Chi bộ chung' }, on: '2026-06-01', decisionRef: 'x' }];
    }],
    ['splitOrgUnit', 'splitOrgUnit', async (): Promise<[string, Record<string, unknown>]> => [SPLIT, {
      ...(await ref(app, 'cell')), on: '2026-06-01', decisionRef: 'x',
      parts: [{ unit: { name: 'A1' }, memberIds: [memberGid(app, HUNG), memberGid(app, MAI)] }, { unit: { name: 'A2' }, memberIds: [memberGid(app, AN)] }],
    }]],
    ['dissolveOrgUnit', 'dissolveOrgUnit', async (): Promise<[string, Record<string, unknown>]> => [DISSOLVE, { ...(await ref(app, 'empty')), on: '2026-06-01', decisionRef: 'x' }]],
  ])('%s', async (_label, operation, build) => {
    const [query, i] = await build();
    if (operation !== 'mergeOrgUnit') failAuditOf(operation);
    const before = await snapshot(app, [...RESTRUCTURING_TABLES, 'meeting_evaluation', 'member_exemption']);
    const result = await app.run('admin:national', query, { i });
    expect(onlyError(result)).toEqual({ code: 'INTERNAL_SERVER_ERROR', field: undefined, message: 'Internal server error' });
    expect(await snapshot(app, [...RESTRUCTURING_TABLES, 'meeting_evaluation', 'member_exemption'])).toEqual(before);
  });
});

describe('concurrent operations on the same version: exactly one wins', () => {
  const codes = (results: Array<{ errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }>): string[] =>
    results.map((r) => (r.errors ? r.errors.map((e) => String(e.extensions?.code)).join(',') : 'ok')).sort();

  test('two renames', async () => {
    const unit = await ref(app, 'otherCell');
    const results = await Promise.all(['Tên một', 'Tên hai'].map((name) => app.run('admin:province', RENAME, { i: { ...unit, name, on: '2026-06-02', decisionRef: 'R' } })));
    expect(codes(results)).toEqual(['CONFLICT', 'ok']);
    const [{ n }] = await app.sql<{ n: number }>("select count(*)::int as n from org_unit_version where unit_id = ? and change = 'RENAMED'", [app.fixture.units.otherCell.id]);
    expect(n).toBe(1);
  });

  test('two mergers of the same cell, into two different cells', async () => {
    await newUnit('twice', 'commune', { kind: 'CELL', name: 'Chi bộ hai lần', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    await newUnit('intoA', 'commune', { kind: 'CELL', name: 'Chi bộ A', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    await newUnit('intoB', 'commune', { kind: 'CELL', name: 'Chi bộ B', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    const m = await newMember(app, 'twice' as never, { admissionDate: '2025-02-01', officialDate: null });
    const source = await ref(app, 'twice');
    // The first merger stops inside its transaction, its members already moved, until the second has started.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let paused = false;
    const real = unitVersions.recordVersions;
    jest.spyOn(unitVersions, 'recordVersions').mockImplementation(async (...args: Parameters<typeof real>) => {
      if (!paused && args[4] === 'MERGED') {
        paused = true;
        await gate;
      }
      return real(...args);
    });
    const merge = async (into: string): Promise<GqlResult> => app.run('admin:commune', MERGE, { i: { units: [source], into: await ref(app, into), on: '2026-06-02', decisionRef: into } });
    const first = merge('intoA');
    while (!paused) await new Promise((resolve) => setTimeout(resolve, 10));
    const second = merge('intoB');
    await new Promise((resolve) => setTimeout(resolve, 400));
    release();
    const results = await Promise.all([first, second]);
    jest.restoreAllMocks();
    expect(codes(results)).toEqual(['CONFLICT', 'ok']);
    expect(results[0].errors).toBeUndefined();
    const periods = await app.sql('select unit_id, started_on::text, ended_on::text from membership where member_id = ? order by id', [Number(Buffer.from(m.id, 'base64url').toString().split(':')[1])]);
    const winner = results[0].errors ? 'intoB' : 'intoA';
    expect(periods).toEqual([
      { unit_id: unitOf(app, 'twice').id, started_on: '2025-02-01', ended_on: '2026-06-02' },
      { unit_id: unitOf(app, winner).id, started_on: '2026-06-02', ended_on: null },
    ]);
    const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from unit_succession where predecessor_id = ?', [unitOf(app, 'twice').id]);
    expect(n).toBe(1);
  });

  test('a merger into a cell and the dissolution of that cell', async () => {
    await newUnit('target', 'commune', { kind: 'CELL', name: 'Chi bộ đích', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    await newUnit('source', 'commune', { kind: 'CELL', name: 'Chi bộ nguồn', cellType: 'RESIDENTIAL', foundedOn: '2025-01-01' });
    await newMember(app, 'source' as never, { admissionDate: '2025-02-01', officialDate: null });
    const target = await ref(app, 'target');
    const results = await Promise.all([
      app.run('admin:commune', MERGE, { i: { units: [await ref(app, 'source')], into: target, on: '2026-06-02', decisionRef: 'SN' } }),
      app.run('admin:commune', DISSOLVE, { i: { ...target, on: '2026-06-02', decisionRef: 'GT' } }),
    ]);
    // Whichever ran first, the cell does not end up dissolved with a member in it.
    const [row] = await app.sql<{ status: string; members: number }>(
      "select u.status, (select count(*) from membership m where m.unit_id = u.id and m.ended_on is null)::int as members from org_unit u where u.id = ?", [unitOf(app, 'target').id]);
    // The loser is a CONFLICT (stale version), or BAD_USER_INPUT when it read the winner's result.
    expect(codes(results).filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes(results).filter((c) => c !== 'ok')).toEqual([expect.stringMatching(/^(CONFLICT|BAD_USER_INPUT)$/)]);
    expect([row.status, row.members]).toEqual(results[0].errors ? ['DISSOLVED', 0] : ['ACTIVE', 1]);
  });
});
