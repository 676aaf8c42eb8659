import { toGlobalId } from '../../src/services/global-id';
import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';

/**
 * Issue #15, existence oracles (decisions §33): a party card number or a username is unique
 * nationwide, so "taken" cannot be hidden; but the answer must be the same, word for word,
 * whether the row that holds it is in the caller's scope or not, and name nothing else.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await app.run('admin:national', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
    input: { username: 'dienbien.organizer', password: 'a-long-password-1', displayName: 'Tổ chức Điện Biên', homeUnitId: toGlobalId('OrgUnit', app.fixture.units.otherProvince.id) },
  });
});
afterAll(() => app?.close());

const AS = 'organizer:commune' as const;
const cardOf = async (fullName: string): Promise<string> =>
  (await app.sql<{ card: string }>('select party_card_number as card from member where id = ?', [app.fixture.members[fullName].id]))[0].card;
/** Everything the caller is told, without the request-specific location. */
const told = (result: GqlResult): unknown => ({ data: result.data, errors: result.errors?.map(({ message, extensions }) => ({ message, extensions })) });

test('a party card number held in the caller\'s commune and one held in another province: the same answer', async () => {
  const create = (card: string): Promise<GqlResult> => app.run(AS, 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
    input: { unitId: toGlobalId('OrgUnit', app.fixture.units.cell.id), fullName: 'Hà Văn Thử', gender: 'MALE', ethnicity: 'Kinh', admissionDate: '2020-05-01', officialDate: '2021-05-01', partyCardNumber: card },
  });
  const inScope = told(await create(await cardOf('Nguyễn Văn An')));
  const outOfScope = told(await create(await cardOf('Lò Thị Ánh')));
  expect(inScope).toEqual(outOfScope);
  expect(outOfScope).toEqual({ data: null, errors: [{ message: 'Invalid input.partyCardNumber: is already used by another member', extensions: { code: 'BAD_USER_INPUT', field: 'input.partyCardNumber', reason: 'is already used by another member' } }] });
});

test('a username held in the caller\'s commune and one held in another province: the same answer', async () => {
  const create = (username: string): Promise<GqlResult> => app.run('admin:commune', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
    input: { username, password: 'a-long-password-2', displayName: 'Thử', homeUnitId: toGlobalId('OrgUnit', app.fixture.units.cell.id) },
  });
  const inScope = told(await create('organizer.cell'));
  const outOfScope = told(await create('dienbien.organizer'));
  expect(inScope).toEqual(outOfScope);
  expect((outOfScope as { errors: Array<{ extensions: { code: string; field: string } }> }).errors.map((e) => [e.extensions.code, e.extensions.field])).toEqual([['BAD_USER_INPUT', 'input.username']]);
  expect(JSON.stringify(outOfScope)).not.toMatch(/Điện Biên|dienbien|OrgUnit|Account:/);
});
