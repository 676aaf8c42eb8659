import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';

/**
 * A member's positions (dated, current and past) and unit. Lò Văn Hùng holds three positions:
 * village head of Nậm Cười (since 2015), cell secretary (2018–2023, then deputy secretary since 2023), and
 * a seat on the Bình Lư commune committee (since 2020).
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  const { units, members } = app.fixture;
  const rows: [string, UnitName, string, string | null][] = [
    ['SECRETARY', 'cell', '2018-01-10', '2023-01-09'],
    ['VILLAGE_HEAD', 'cell', '2015-06-01', null],
    ['DEPUTY_SECRETARY', 'cell', '2023-01-10', null],
    ['COMMITTEE_MEMBER', 'commune', '2020-10-01', null],
  ];
  for (const [position, unit, startedOn, endedOn] of rows) {
    await app.sql('insert into member_position (province_id, member_id, unit_id, unit_path, position, started_on, ended_on) values (?,?,?,?,?,?,?)', [
      units.province.id,
      members['Lò Văn Hùng'].id,
      units[unit].id,
      units[unit].path,
      position,
      startedOn,
      endedOn,
    ]);
  }
});
afterAll(() => app.close());

const memberId = (fullName: string): string => gid('Member', app.fixture.members[fullName].id);

async function member(fullName: string, selection: string, as: AccountName = 'organizer:commune'): Promise<Record<string, any>> {
  return ok(await app.run(as, `query($id: ID!) { member(id: $id) { ${selection} } }`, { id: memberId(fullName) })).member;
}

describe('positions', () => {
  test('lists current and past positions, oldest first, with dates and units', async () => {
    const { positions } = await member('Lò Văn Hùng', 'positions { position startedOn endedOn unit { name } }');
    expect(positions).toEqual([
      { position: 'VILLAGE_HEAD', startedOn: '2015-06-01', endedOn: null, unit: { name: 'Chi bộ bản Nậm Cười' } },
      { position: 'SECRETARY', startedOn: '2018-01-10', endedOn: '2023-01-09', unit: { name: 'Chi bộ bản Nậm Cười' } },
      { position: 'COMMITTEE_MEMBER', startedOn: '2020-10-01', endedOn: null, unit: { name: 'Đảng bộ xã Bình Lư' } },
      { position: 'DEPUTY_SECRETARY', startedOn: '2023-01-10', endedOn: null, unit: { name: 'Chi bộ bản Nậm Cười' } },
    ]);
  });

  test('are empty for a member who holds none', async () => {
    expect((await member('Tẩn Thị Mai', 'positions { position }')).positions).toEqual([]);
  });

  test('leave out positions held in units outside the viewer scope', async () => {
    const { positions } = await member('Lò Văn Hùng', 'positions { position }', 'member:cell');
    expect(positions.map((p: { position: string }) => p.position)).toEqual(['VILLAGE_HEAD', 'SECRETARY', 'DEPUTY_SECRETARY']);
  });

  test('of several members in one list each hold their own', async () => {
    const data = ok(await app.run('organizer:commune', 'query($id: ID!) { orgUnit(id: $id) { members { nodes { fullName positions { position } } } } }', { id: gid('OrgUnit', app.fixture.units.cell.id) }));
    expect(data.orgUnit.members.nodes.map((n: any) => [n.fullName, n.positions.length])).toEqual([
      ['Nguyễn Văn An', 0],
      ['Lò Văn Hùng', 4],
      ['Tẩn Thị Mai', 0],
    ]);
  });
});

describe('unit', () => {
  test('is the cell the member belongs to', async () => {
    expect((await member('Trần Thị Bình', 'unit { id name kind cellType }')).unit).toEqual({
      id: gid('OrgUnit', app.fixture.units.school.id),
      name: 'Chi bộ Trường Tiểu học Bình Lư',
      kind: 'CELL',
      cellType: 'PUBLIC_SERVICE',
    });
  });

  test('leads on to the commune and province', async () => {
    const { unit } = await member('Lò Văn Hùng', 'unit { parent { name } ancestors { name } }', 'admin:province');
    expect(unit).toEqual({ parent: { name: 'Đảng bộ xã Bình Lư' }, ancestors: [{ name: 'Đảng bộ tỉnh Lai Châu' }, { name: 'Đảng bộ xã Bình Lư' }] });
  });

  test('is visible to a member reading the own record', async () => {
    expect((await member('Nguyễn Văn An', 'unit { name }', 'member:cell')).unit).toEqual({ name: 'Chi bộ bản Nậm Cười' });
  });

  test('follows the members of a list, each to its own cell', async () => {
    const data = ok(await app.run('admin:province', '{ members(filter: { nameContains: "thi" }) { nodes { fullName unit { name } } } }'));
    expect(data.members.nodes).toEqual([
      { fullName: 'Trần Thị Bình', unit: { name: 'Chi bộ Trường Tiểu học Bình Lư' } },
      { fullName: 'Giàng Thị Dợ', unit: { name: 'Chi bộ bản Lả Mường' } },
      { fullName: 'Tẩn Thị Mai', unit: { name: 'Chi bộ bản Nậm Cười' } },
    ]);
  });
});
