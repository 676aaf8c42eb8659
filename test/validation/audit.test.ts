import type { AccountName, UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { auditSince, dbId, gid, lastAuditId, ok } from './support';

/**
 * Every successful mutation writes exactly one audit_entry row (who, what, before/after) in its own
 * transaction; a rejected one writes none. "Same transaction" is checked with PostgreSQL's xmin:
 * rows written by one transaction carry its id.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const unitId = (name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);
const accountId = (name: AccountName): string => gid('Account', app.fixture.accounts[name]);

async function xmin(table: string, id: number | string): Promise<string> {
  const [row] = await app.sql<{ x: string }>(`select xmin::text as x from ${table} where id = ?`, [id]);
  return row.x;
}

/** Runs a mutation that must succeed, and returns its data and the one audit row it wrote. */
async function audited(as: AccountName, query: string, variables: Record<string, unknown>): Promise<{ data: Record<string, any>; entry: Record<string, any> }> {
  const since = await lastAuditId(app);
  const data = ok(await app.run(as, query, variables));
  const entries = await auditSince(app, since);
  expect(entries).toHaveLength(1);
  return { data, entry: entries[0] };
}

test('createOrgUnit writes one audit row with the new unit as after, in its transaction', async () => {
  const { data, entry } = await audited('admin:province', 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', {
    input: { parentId: unitId('commune'), kind: 'CELL', name: 'Chi bộ thôn Kiểm Toán', cellType: 'RESIDENTIAL' },
  });
  const id = dbId(data.createOrgUnit.id);
  expect(entry).toMatchObject({
    operation: 'createOrgUnit',
    target_type: 'OrgUnit',
    target_id: String(id),
    account_id: app.fixture.accounts['admin:province'],
    province_id: app.fixture.units.province.id,
    unit_path: `${app.fixture.units.commune.path}${id}/`,
    before: null,
    after: { name: 'Chi bộ thôn Kiểm Toán', kind: 'CELL', cellType: 'RESIDENTIAL', parentId: app.fixture.units.commune.id, version: 1 },
  });
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('org_unit', id));
});

test('updateOrgUnit writes one audit row with before and after versions, in its transaction', async () => {
  const { entry } = await audited('admin:province', 'mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { version } }', {
    input: { id: unitId('school'), version: 1, code: 'TH-BL' },
  });
  expect(entry).toMatchObject({
    operation: 'updateOrgUnit',
    target_type: 'OrgUnit',
    target_id: String(app.fixture.units.school.id),
    account_id: app.fixture.accounts['admin:province'],
    before: { code: null, version: 1 },
    after: { code: 'TH-BL', version: 2 },
  });
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('org_unit', app.fixture.units.school.id));
});

test('createMember writes one audit row with the new member as after, in its transaction', async () => {
  const { data, entry } = await audited('organizer:commune', 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
    input: { unitId: unitId('cell'), fullName: 'Hà Thị Kiểm', gender: 'FEMALE', ethnicity: 'Thái', admissionDate: '2020-01-01', partyCardNumber: 'AUD-0001' },
  });
  const id = dbId(data.createMember.id);
  expect(entry).toMatchObject({
    operation: 'createMember',
    target_type: 'Member',
    target_id: String(id),
    account_id: app.fixture.accounts['organizer:commune'],
    unit_path: app.fixture.units.cell.path,
    before: null,
    after: { fullName: 'Hà Thị Kiểm', unitId: app.fixture.units.cell.id, status: 'PROBATIONARY', partyCardNumber: 'AUD-0001', version: 1 },
  });
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('member', id));
});

test('updateMember writes one audit row with before and after, in its transaction', async () => {
  const id = app.fixture.members['Tẩn Thị Mai'].id;
  const { entry } = await audited('organizer:commune', 'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { version } }', {
    input: { id: gid('Member', id), version: 1, fullName: 'Tẩn Thị Mây' },
  });
  expect(entry).toMatchObject({
    operation: 'updateMember',
    target_type: 'Member',
    target_id: String(id),
    account_id: app.fixture.accounts['organizer:commune'],
    before: { fullName: 'Tẩn Thị Mai', status: 'PROBATIONARY', version: 1 },
    after: { fullName: 'Tẩn Thị Mây', status: 'PROBATIONARY', version: 2 },
  });
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('member', id));
});

test('createAccount writes one audit row without the password, in its transaction', async () => {
  const { data, entry } = await audited('admin:commune', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
    input: { homeUnitId: unitId('commune'), username: 'kiem.toan', password: 'mat-khau-kiem-toan', displayName: 'Kiểm Toán' },
  });
  const id = dbId(data.createAccount.id);
  expect(entry).toMatchObject({ operation: 'createAccount', target_type: 'Account', target_id: String(id), account_id: app.fixture.accounts['admin:commune'], before: null });
  expect(entry.after).toMatchObject({ kind: 'PERSON', username: 'kiem.toan', homeUnitId: app.fixture.units.commune.id });
  expect(JSON.stringify(entry)).not.toMatch(/mat-khau|argon2/);
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('account', id));
});

test('createServiceAccount writes one audit row without the key, in the transaction of the account and its key', async () => {
  const { data, entry } = await audited('admin:commune', 'mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { key account { id } apiKey { id } } }', {
    input: { homeUnitId: unitId('commune'), displayName: 'Tích hợp kiểm toán' },
  });
  const id = dbId(data.createServiceAccount.account.id);
  expect(entry).toMatchObject({ operation: 'createServiceAccount', target_type: 'Account', target_id: String(id), account_id: app.fixture.accounts['admin:commune'] });
  // The secret is everything after `chibo_<prefix>_`; it may itself hold `_`, so its last piece alone can be one letter.
  const secret = /^chibo_[^_]+_(.+)$/.exec(data.createServiceAccount.key)?.[1];
  expect(secret?.length).toBeGreaterThanOrEqual(32);
  expect(JSON.stringify(entry)).not.toContain(secret);
  const tx = await xmin('audit_entry', entry.id);
  expect(await xmin('account', id)).toBe(tx);
  expect(await xmin('api_key', dbId(data.createServiceAccount.apiKey.id))).toBe(tx);
});

test('createApiKey writes one audit row, in its transaction', async () => {
  const { data, entry } = await audited('admin:province', 'mutation($a: ID!) { createApiKey(accountId: $a, label: "kiểm toán") { key apiKey { id } } }', {
    a: accountId('service:province'),
  });
  const id = dbId(data.createApiKey.apiKey.id);
  expect(entry).toMatchObject({ operation: 'createApiKey', target_type: 'ApiKey', target_id: String(id), account_id: app.fixture.accounts['admin:province'], before: null });
  expect(entry.after).toMatchObject({ accountId: app.fixture.accounts['service:province'], label: 'kiểm toán' });
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('api_key', id));
});

test('revokeApiKey writes one audit row, in its transaction', async () => {
  const issued = ok(await app.run('admin:province', 'mutation($a: ID!) { createApiKey(accountId: $a, label: "thu hồi") { apiKey { id } } }', { a: accountId('service:province') }));
  const { entry } = await audited('admin:province', 'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: issued.createApiKey.apiKey.id });
  const id = dbId(issued.createApiKey.apiKey.id);
  expect(entry).toMatchObject({ operation: 'revokeApiKey', target_type: 'ApiKey', target_id: String(id), before: { revokedAt: null } });
  expect(entry.after.revokedAt).toEqual(expect.any(String));
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('api_key', id));
});

test('grantRole writes one audit row, in its transaction', async () => {
  const { data, entry } = await audited('admin:province', 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }', {
    input: { accountId: accountId('inspector:cell'), role: 'ANALYST', unitId: unitId('school') },
  });
  const id = dbId(data.grantRole.id);
  expect(entry).toMatchObject({
    operation: 'grantRole',
    target_type: 'RoleAssignment',
    target_id: String(id),
    account_id: app.fixture.accounts['admin:province'],
    before: null,
    after: { accountId: app.fixture.accounts['inspector:cell'], role: 'ANALYST', unitId: app.fixture.units.school.id, revokedAt: null },
  });
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('role_assignment', id));
});

test('revokeRole writes one audit row, in its transaction', async () => {
  const [assignment] = await app.sql<{ id: number }>('select id from role_assignment where account_id = ?', [app.fixture.accounts['analyst:cell']]);
  const { entry } = await audited('admin:province', 'mutation($id: ID!) { revokeRole(id: $id) { revokedAt } }', { id: gid('RoleAssignment', assignment.id) });
  expect(entry).toMatchObject({ operation: 'revokeRole', target_type: 'RoleAssignment', target_id: String(assignment.id), before: { revokedAt: null } });
  expect(entry.after.revokedAt).toEqual(expect.any(String));
  expect(await xmin('audit_entry', entry.id)).toBe(await xmin('role_assignment', assignment.id));
});

test('a rejected mutation writes no audit row', async () => {
  const since = await lastAuditId(app);
  const result = await app.run('admin:province', 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', {
    input: { parentId: unitId('cell'), kind: 'CELL', name: 'Chi bộ sai chỗ', cellType: 'RESIDENTIAL' },
  });
  expect(result.errors).toHaveLength(1);
  expect(await auditSince(app, since)).toEqual([]);
});

test('concurrent creates with one party-card number leave one row and one audit row; the others are CONFLICT', async () => {
  const since = await lastAuditId(app);
  const create = (fullName: string) =>
    app.run('organizer:commune', 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }', {
      input: { unitId: unitId('school'), fullName, gender: 'MALE', ethnicity: 'Kinh', admissionDate: '2019-09-02', partyCardNumber: 'RACE-0001' },
    });
  const results = await Promise.all([create('Đỗ Văn Một'), create('Đỗ Văn Hai'), create('Đỗ Văn Ba')]);
  const failed = results.filter((r) => r.errors);
  expect(failed).toHaveLength(2);
  for (const r of failed) expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.partyCardNumber' });
  const rows = await app.sql("select id from member where party_card_number = 'RACE-0001'");
  expect(rows).toHaveLength(1);
  const entries = await auditSince(app, since);
  expect(entries.map((e) => [e.operation, e.target_id])).toEqual([['createMember', String(rows[0].id)]]);
});
