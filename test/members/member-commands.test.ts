import { personSortKey, searchKey } from '../../src/services/tree/vietnamese-text';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { auditSince, dbId, gid, lastAuditId, ok } from '../validation/support';

/** createMember and updateMember when they succeed: status from the official date, versions, clearing fields. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const FIELDS = `id fullName gender ethnicity religion status admissionDate officialDate birthDate partyCardNumber citizenId phone address
  generalEducation professionalQualification politicalTheory version unit { id }`;
const CREATE = `mutation($input: CreateMemberInput!) { createMember(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMemberInput!) { updateMember(input: $input) { ${FIELDS} } }`;

let cards = 0;
async function create(changes: Record<string, unknown> = {}): Promise<Record<string, any>> {
  cards += 1;
  const input = {
    unitId: unitId('cell'),
    fullName: `Hoàng Văn Thử ${cards}`,
    gender: 'MALE',
    ethnicity: 'Tày',
    birthDate: '1995-03-04',
    admissionDate: '2020-03-04',
    partyCardNumber: `5500${String(cards).padStart(4, '0')}`,
    citizenId: `0010950${String(cards).padStart(5, '0')}`,
    phone: '0987654321',
    address: 'Bản Nậm Cười',
    religion: 'Không',
    ...changes,
  };
  return ok(await app.run(AS, CREATE, { input })).createMember;
}

async function update(member: Record<string, any>, changes: Record<string, unknown>): Promise<Record<string, any>> {
  return ok(await app.run(AS, UPDATE, { input: { id: member.id, version: member.version, ...changes } })).updateMember;
}

describe('createMember', () => {
  test('without an official date makes a PROBATIONARY member', async () => {
    const member = await create({ officialDate: null });
    expect(member).toMatchObject({ status: 'PROBATIONARY', officialDate: null, version: 1 });
  });

  test('with an official date makes an OFFICIAL member', async () => {
    const member = await create({ officialDate: '2021-03-04' });
    expect(member).toMatchObject({ status: 'OFFICIAL', officialDate: '2021-03-04', admissionDate: '2020-03-04' });
  });

  test('an official date less than 12 months after admission is accepted with the documented exception, which the timeline keeps', async () => {
    const member = await create({ officialDate: '2020-03-04', officialExceptionReason: 'Hy sinh trong khi làm nhiệm vụ, được công nhận chính thức' });
    expect(member).toMatchObject({ status: 'OFFICIAL', officialDate: '2020-03-04' });
    const timeline = ok(await app.run(AS, 'query($id: ID!) { member(id: $id) { timeline { kind occurredOn exceptionReason } } }', { id: member.id })).member.timeline;
    expect(timeline).toEqual([
      { kind: 'ADMITTED', occurredOn: '2020-03-04', exceptionReason: null },
      { kind: 'RECOGNISED_OFFICIAL', occurredOn: '2020-03-04', exceptionReason: 'Hy sinh trong khi làm nhiệm vụ, được công nhận chính thức' },
    ]);
  });

  test('records the admission (and the recognition) as events with their decisions, and a membership of the cell from the admission date', async () => {
    const member = await create({ admissionDecisionRef: '12-QĐ/ĐU', officialDate: '2021-03-04', officialDecisionRef: '45-QĐ/ĐU' });
    const events = await app.sql('select kind, occurred_on::text as on, decision_ref, unit_id, author_id from member_event where member_id = ? order by id', [dbId(member.id)]);
    const cell = app.fixture.units.cell.id;
    const author = app.fixture.accounts[AS];
    expect(events).toEqual([
      { kind: 'ADMITTED', on: '2020-03-04', decision_ref: '12-QĐ/ĐU', unit_id: cell, author_id: author },
      { kind: 'RECOGNISED_OFFICIAL', on: '2021-03-04', decision_ref: '45-QĐ/ĐU', unit_id: cell, author_id: author },
    ]);
    const periods = await app.sql('select kind, unit_id, started_on::text as started_on, ended_on from membership where member_id = ?', [dbId(member.id)]);
    expect(periods).toEqual([{ kind: 'OFFICIAL', unit_id: cell, started_on: '2020-03-04', ended_on: null }]);
  });

  test('a member exactly 18 on the admission date is accepted', async () => {
    expect(await create({ birthDate: '2002-03-04', admissionDate: '2020-03-04' })).toMatchObject({ birthDate: '2002-03-04' });
  });

  test('returns every field given, and the cell', async () => {
    const member = await create({ fullName: 'Sầm Thị Đủ', gender: 'FEMALE', generalEducation: 'UPPER_SECONDARY', professionalQualification: 'MASTER', politicalTheory: 'INTERMEDIATE' });
    expect(member).toMatchObject({
      fullName: 'Sầm Thị Đủ',
      gender: 'FEMALE',
      ethnicity: 'Tày',
      religion: 'Không',
      birthDate: '1995-03-04',
      phone: '0987654321',
      address: 'Bản Nậm Cười',
      generalEducation: 'UPPER_SECONDARY',
      professionalQualification: 'MASTER',
      politicalTheory: 'INTERMEDIATE',
      unit: { id: unitId('cell') },
    });
  });

  test('leaves omitted optional fields null', async () => {
    const input = { unitId: unitId('school'), fullName: 'Lù Văn Tối Thiểu', gender: 'MALE', ethnicity: 'Lự', admissionDate: '2019-01-01' };
    const member = ok(await app.run(AS, CREATE, { input })).createMember;
    expect(member).toMatchObject({ birthDate: null, religion: null, partyCardNumber: null, citizenId: null, phone: null, address: null, generalEducation: null, officialDate: null });
  });

  test('stores the cell path, province, and search and sort keys of the name', async () => {
    const member = await create({ fullName: '  Hà   Thị  Lưu ' });
    expect(member.fullName).toBe('Hà Thị Lưu');
    const [row] = await app.sql('select * from member where id = ?', [dbId(member.id)]);
    const { cell, province } = app.fixture.units;
    expect(row).toMatchObject({ unit_id: cell.id, unit_path: cell.path, province_id: province.id, name_search: searchKey('Hà Thị Lưu'), name_sort_key: personSortKey('Hà Thị Lưu') });
  });

  test('the new member is listed in the cell', async () => {
    const member = await create({ fullName: 'Mùa A Danh Sách' });
    const data = ok(await app.run(AS, 'query($id: ID!) { orgUnit(id: $id) { members(filter: { nameContains: "danh sach" }) { nodes { id } } } }', { id: unitId('cell') }));
    expect(data.orgUnit.members.nodes).toEqual([{ id: member.id }]);
  });

  test('a grassroots cell takes members too', async () => {
    const cell = ok(await app.run('admin:province', 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', {
      input: { parentId: unitId('commune'), kind: 'GRASSROOTS_CELL', name: 'Chi bộ Công ty Điện lực', cellType: 'ENTERPRISE' },
    })).createOrgUnit;
    expect((await create({ unitId: cell.id })).unit).toEqual({ id: cell.id });
  });
});

describe('updateMember', () => {
  test('each update increments the version by 1', async () => {
    let member = await create();
    for (const religion of ['Phật giáo', 'Công giáo', 'Không']) {
      const before = member.version;
      member = await update(member, { religion });
      expect(member.version).toBe(before + 1);
    }
  });

  // Status, cell and dates follow from lifecycle events (test/members/lifecycle-*.test.ts): the record's update does not take them.
  test.each(['officialDate', 'admissionDate', 'status', 'unitId'])('%s is not an input of updateMember', async (field) => {
    const member = await create();
    const result = await app.run(AS, UPDATE, { input: { id: member.id, version: member.version, [field]: field === 'status' ? 'OFFICIAL' : field === 'unitId' ? unitId('school') : '2021-03-04' } });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toContain(`Field "${field}" is not defined by type "UpdateMemberInput"`);
  });

  test.each(['phone', 'citizenId', 'address', 'religion', 'birthDate', 'partyCardNumber', 'generalEducation'])('null clears %s', async (field) => {
    const member = await create({ generalEducation: 'PRIMARY' });
    expect(member[field]).not.toBeNull();
    const updated = await update(member, { [field]: null });
    expect(updated[field]).toBeNull();
    expect(updated.version).toBe(2);
  });

  test('omitted fields keep their values', async () => {
    const member = await create({ officialDate: '2021-03-04' });
    const updated = await update(member, { phone: '0911222333' });
    const { phone: _p, version: _v, ...rest } = member;
    expect(updated).toMatchObject({ ...rest, phone: '0911222333', version: 2 });
  });

  test('null for a required field (fullName, ethnicity, gender) keeps it', async () => {
    const member = await create();
    const updated = await update(member, { fullName: null, ethnicity: null, gender: null, phone: '0911000111' });
    expect(updated).toMatchObject({ fullName: member.fullName, ethnicity: 'Tày', admissionDate: '2020-03-04', gender: 'MALE', phone: '0911000111' });
  });

  test('keeping the own party-card number is not a conflict', async () => {
    const member = await create();
    expect(await update(member, { partyCardNumber: member.partyCardNumber, religion: 'Tin lành' })).toMatchObject({ partyCardNumber: member.partyCardNumber, version: 2 });
  });

  test('a party-card number freed by another member can be taken', async () => {
    const first = await create();
    const second = await create();
    await update(first, { partyCardNumber: null });
    expect((await update(second, { partyCardNumber: first.partyCardNumber })).partyCardNumber).toBe(first.partyCardNumber);
  });

  test('a new name updates the search and sort keys', async () => {
    const member = await create();
    await update(member, { fullName: 'Đèo Văn Đổi Tên', gender: 'FEMALE' });
    const [row] = await app.sql('select name_search, name_sort_key, gender from member where id = ?', [dbId(member.id)]);
    expect(row).toEqual({ name_search: 'deo van doi ten', name_sort_key: personSortKey('Đèo Văn Đổi Tên'), gender: 'FEMALE' });
  });

  test('writes one audit row with before and after', async () => {
    const member = await create({ officialDate: null });
    const since = await lastAuditId(app);
    await update(member, { fullName: 'Hoàng Văn Sửa' });
    const entries = await auditSince(app, since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      operation: 'updateMember',
      target_id: String(dbId(member.id)),
      account_id: app.fixture.accounts[AS],
      before: { fullName: member.fullName, status: 'PROBATIONARY', version: 1 },
      after: { fullName: 'Hoàng Văn Sửa', status: 'PROBATIONARY', version: 2 },
    });
  });
});
