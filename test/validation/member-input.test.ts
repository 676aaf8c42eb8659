import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { dbId, expectRejected, gid, ok, rawId } from './support';

/** Bad input to createMember and updateMember: the right code and field, and nothing written. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CREATE = 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }';
const UPDATE = 'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id version } }';
const TABLES = ['member', 'member_event', 'membership'];
const AS = 'organizer:commune' as const;

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const memberId = (fullName: string): string => gid('Member', app.fixture.members[fullName].id);

/** A valid new member of the Nậm Cười cell, with `changes` applied. */
function newMember(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    input: {
      unitId: unitId('cell'),
      fullName: 'Hà Văn Mới',
      gender: 'MALE',
      ethnicity: 'Kinh',
      birthDate: '1990-04-01',
      admissionDate: '2020-05-01',
      officialDate: '2021-05-01',
      partyCardNumber: '77000001',
      citizenId: '001090000777',
      phone: '0912777000',
      ...changes,
    },
  };
}

async function versionOf(fullName: string): Promise<number> {
  const [row] = await app.sql<{ version: number }>('select version from member where id = ?', [app.fixture.members[fullName].id]);
  return row.version;
}

/** An update of Trần Thị Bình (school cell) with her current version. */
async function change(changes: Record<string, unknown>, fullName = 'Trần Thị Bình'): Promise<Record<string, unknown>> {
  return { input: { id: memberId(fullName), version: await versionOf(fullName), ...changes } };
}

describe('createMember', () => {
  test('rejects a commune committee as the unit on input.unitId', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ unitId: unitId('commune') }), { code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  test('rejects a party group as the unit on input.unitId', async () => {
    const group = ok(await app.run('admin:province', 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', {
      input: { parentId: unitId('cell'), kind: 'PARTY_GROUP', name: 'Tổ đảng số 1' },
    }));
    await expectRejected(app, AS, TABLES, CREATE, newMember({ unitId: group.createOrgUnit.id }), { code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  test('rejects a dissolved cell on input.unitId', async () => {
    const cell = ok(await app.run('admin:province', 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', {
      input: { parentId: unitId('commune'), kind: 'CELL', name: 'Chi bộ bản Cũ', cellType: 'RESIDENTIAL' },
    }));
    await app.sql("update org_unit set status = 'DISSOLVED' where id = ?", [dbId(cell.createOrgUnit.id)]);
    await expectRejected(app, AS, TABLES, CREATE, newMember({ unitId: cell.createOrgUnit.id }), { code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  test('rejects an official date less than 12 months after admission without the documented exception on input.officialDate', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ admissionDate: '2020-05-01', officialDate: '2021-04-30' }), { code: 'BAD_USER_INPUT', field: 'input.officialDate' });
    await expectRejected(app, AS, TABLES, CREATE, newMember({ admissionDate: '2020-05-01', officialDate: '2021-04-30', officialExceptionReason: '  ' }), { code: 'BAD_USER_INPUT', field: 'input.officialDate' });
  });

  test('rejects an over-long decision reference on input.admissionDecisionRef', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ admissionDecisionRef: 'Q'.repeat(101) }), { code: 'BAD_USER_INPUT', field: 'input.admissionDecisionRef' });
  });

  test('rejects an official date before the admission date on input.officialDate', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ admissionDate: '2020-05-01', officialDate: '2020-04-30' }), {
      code: 'BAD_USER_INPUT',
      field: 'input.officialDate',
    });
  });

  test('rejects an admission date in the future on input.admissionDate', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ admissionDate: '2999-01-01', officialDate: null }), {
      code: 'BAD_USER_INPUT',
      field: 'input.admissionDate',
    });
  });

  test('rejects an official date in the future on input.officialDate', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ officialDate: '2999-01-01' }), { code: 'BAD_USER_INPUT', field: 'input.officialDate' });
  });

  test('rejects a birth date that makes the member under 18 at admission on input.admissionDate', async () => {
    // 18 years old on 2020-05-02: one day short.
    await expectRejected(app, AS, TABLES, CREATE, newMember({ birthDate: '2002-05-02', admissionDate: '2020-05-01' }), {
      code: 'BAD_USER_INPUT',
      field: 'input.admissionDate',
    });
  });

  test('rejects a birth date in the future on input.birthDate', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ birthDate: '2999-01-01' }), { code: 'BAD_USER_INPUT', field: 'input.birthDate' });
  });

  test('rejects a party-card number already held by a member of the cell as BAD_USER_INPUT on input.partyCardNumber', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ partyCardNumber: '90000001' }), { code: 'BAD_USER_INPUT', field: 'input.partyCardNumber' });
  });

  test('rejects a party-card number held by a member outside the viewer scope as CONFLICT (uniqueness is national)', async () => {
    const [row] = await app.sql<{ party_card_number: string }>('select party_card_number from member where id = ?', [app.fixture.members['Quàng Văn Đức'].id]);
    await expectRejected(app, AS, TABLES, CREATE, newMember({ partyCardNumber: row.party_card_number }), { code: 'BAD_USER_INPUT', field: 'input.partyCardNumber' });
  });

  test.each([
    ['lower-case letters', 'ab12cd'],
    ['too short', '123'],
    ['spaces inside', '9000 0001'],
  ])('rejects a party-card number with %s on input.partyCardNumber', async (_label, partyCardNumber) => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ partyCardNumber }), { code: 'BAD_USER_INPUT', field: 'input.partyCardNumber' });
  });

  test.each([
    ['too few digits', '12345'],
    ['a letter', '00109000077X'],
    ['13 digits', '0010900007771'],
  ])('rejects a citizen id with %s on input.citizenId', async (_label, citizenId) => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ citizenId }), { code: 'BAD_USER_INPUT', field: 'input.citizenId' });
  });

  test.each([
    ['letters', 'not-a-phone'],
    ['8 digits', '09127770'],
    ['17 digits', '+8491277700012345'],
  ])('rejects a phone number with %s on input.phone', async (_label, phone) => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ phone }), { code: 'BAD_USER_INPUT', field: 'input.phone' });
  });

  test.each([
    ['empty', ''],
    ['whitespace only', '   '],
    ['over 200 characters', 'Nguyễn '.repeat(30)],
  ])('rejects a full name that is %s on input.fullName', async (_label, fullName) => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ fullName }), { code: 'BAD_USER_INPUT', field: 'input.fullName' });
  });

  test('rejects an empty ethnicity on input.ethnicity', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ ethnicity: ' ' }), { code: 'BAD_USER_INPUT', field: 'input.ethnicity' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['an id of an unknown type', rawId('Foo:1')],
    ['a Member id', 'member'],
  ])('rejects %s as the unit on input.unitId', async (_label, raw) => {
    const id = raw === 'member' ? memberId('Lò Văn Hùng') : raw;
    await expectRejected(app, AS, TABLES, CREATE, newMember({ unitId: id }), { code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  test('answers NOT_FOUND for a cell outside the viewer scope', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ unitId: unitId('otherCell') }), { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for a cell that does not exist', async () => {
    await expectRejected(app, AS, TABLES, CREATE, newMember({ unitId: gid('OrgUnit', 999999) }), { code: 'NOT_FOUND' });
  });

  test('accepts the valid input the cases above start from', async () => {
    expect(ok(await app.run(AS, CREATE, newMember())).createMember.id).toEqual(expect.any(String));
  });
});

describe('updateMember', () => {
  test('rejects a stale version as CONFLICT on version', async () => {
    const variables = await change({ fullName: 'Trần Thị Bình Mới' });
    (variables.input as { version: number }).version += 1;
    await expectRejected(app, AS, TABLES, UPDATE, variables, { code: 'CONFLICT', field: 'version' });
  });

  test('lets exactly one of two concurrent updates with the same version through; the other is CONFLICT', async () => {
    const version = await versionOf('Vàng A Páo');
    const results = await Promise.all(
      ['Vàng Seo Páo', 'Vàng Mí Páo'].map((fullName) => app.run(AS, UPDATE, { input: { id: memberId('Vàng A Páo'), version, fullName } })),
    );
    const errors = results.filter((r) => r.errors);
    expect(errors).toHaveLength(1);
    expect(errors[0].errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
  });

  test('rejects a party-card number held by another member as BAD_USER_INPUT on input.partyCardNumber', async () => {
    const [other] = await app.sql<{ party_card_number: string }>('select party_card_number from member where id = ?', [app.fixture.members['Lò Văn Hùng'].id]);
    await expectRejected(app, AS, TABLES, UPDATE, await change({ partyCardNumber: other.party_card_number }), { code: 'BAD_USER_INPUT', field: 'input.partyCardNumber' });
  });

  test('rejects the dates and the status, which follow from lifecycle events, as fields UpdateMemberInput does not define', async () => {
    for (const changes of [{ officialDate: '2016-01-15' }, { admissionDate: '2015-01-15' }, { status: 'OFFICIAL' }]) {
      await expectRejected(app, AS, TABLES, UPDATE, await change(changes), { code: 'BAD_USER_INPUT' });
    }
  });

  test('rejects a birth date that makes the member under 18 at the stored admission date on input.admissionDate', async () => {
    await expectRejected(app, AS, TABLES, UPDATE, await change({ birthDate: '2000-01-01' }), { code: 'BAD_USER_INPUT', field: 'input.admissionDate' });
  });

  test('rejects a malformed citizen id on input.citizenId', async () => {
    await expectRejected(app, AS, TABLES, UPDATE, await change({ citizenId: '0123' }), { code: 'BAD_USER_INPUT', field: 'input.citizenId' });
  });

  test('rejects a malformed phone number on input.phone', async () => {
    await expectRejected(app, AS, TABLES, UPDATE, await change({ phone: '0912-abc' }), { code: 'BAD_USER_INPUT', field: 'input.phone' });
  });

  test('rejects an empty full name on input.fullName', async () => {
    await expectRejected(app, AS, TABLES, UPDATE, await change({ fullName: '  ' }), { code: 'BAD_USER_INPUT', field: 'input.fullName' });
  });

  test.each([
    ['a malformed id', 'not-an-id'],
    ['an id of an unknown type', rawId('Foo:1')],
    ['an OrgUnit id', 'unit'],
  ])('rejects %s on input.id', async (_label, raw) => {
    const id = raw === 'unit' ? unitId('cell') : raw;
    await expectRejected(app, AS, TABLES, UPDATE, { input: { id, version: 1, fullName: 'X' } }, { code: 'BAD_USER_INPUT', field: 'input.id' });
  });

  test('answers NOT_FOUND for a member outside the viewer scope, even with the current version', async () => {
    await expectRejected(app, AS, TABLES, UPDATE, await change({ fullName: 'X' }, 'Lê Văn Cường'), { code: 'NOT_FOUND' });
  });

  test('answers NOT_FOUND for a member that does not exist', async () => {
    await expectRejected(app, AS, TABLES, UPDATE, { input: { id: gid('Member', 999999), version: 1, fullName: 'X' } }, { code: 'NOT_FOUND' });
  });
});
