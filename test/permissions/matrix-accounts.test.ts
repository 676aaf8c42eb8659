import { cells, expectOutcome, gid, insertAccount, insertApiKey, rowCount, type Actor, type Outcome } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Permission matrix of account management: only ACCOUNTS_MANAGE (ADMIN) over the account's home
 * unit. Allowed cells must create or revoke for real and write one audit entry; denied cells must
 * leave the tables and the audit log as they were.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** Where the account (or its key) is managed from; `national` is an account with no home unit. */
type Column = 'cell' | 'commune' | 'otherCell' | 'otherProvinceCell' | 'national';
const COLUMNS: readonly Column[] = ['cell', 'commune', 'otherCell', 'otherProvinceCell', 'national'];
const homeOf = (column: Column): UnitName | null => (column === 'national' ? null : column);
const denied = (expected: Outcome): boolean => expected !== 'allowed';
const audits = (): Promise<number> => rowCount(app.sql, 'audit_entry');
let serial = 0;

describe('createAccount (home unit)', () => {
  // A national account (no home unit) only by a national admin: FORBIDDEN for scoped admins.
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cell         commune      otherCell    otherProvCell national
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'FORBIDDEN'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s at %s → %s', async (actor, column, expected) => {
    const username = `new-${process.pid}-${(serial += 1)}`;
    const home = homeOf(column);
    const before = [await rowCount(app.sql, 'account'), await audits()];
    const result = await app.run(actor, 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id username } }', {
      input: { homeUnitId: home ? gid('OrgUnit', app.fixture.units[home].id) : null, username, password: 'a-long-password-1', displayName: username },
    });
    expectOutcome(result, 'createAccount', expected);
    const rows = await app.sql<{ home_unit_id: number | null }>('select home_unit_id from account where username = ?', [username]);
    if (denied(expected)) {
      expect(rows).toEqual([]);
      expect([await rowCount(app.sql, 'account'), await audits()]).toEqual(before);
    } else {
      expect(rows).toEqual([{ home_unit_id: home ? app.fixture.units[home].id : null }]);
      expect([await rowCount(app.sql, 'account'), await audits()]).toEqual([before[0] + 1, before[1] + 1]);
    }
  });
});

describe('createServiceAccount (home unit)', () => {
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cell         commune      otherCell    otherProvCell national
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'FORBIDDEN'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s at %s → %s', async (actor, column, expected) => {
    const displayName = `Tích hợp ${(serial += 1)}`;
    const home = homeOf(column);
    const before = [await rowCount(app.sql, 'account'), await rowCount(app.sql, 'api_key'), await audits()];
    const result = await app.run(actor, 'mutation($input: CreateServiceAccountInput!) { createServiceAccount(input: $input) { account { id } key } }', {
      input: { homeUnitId: home ? gid('OrgUnit', app.fixture.units[home].id) : null, displayName },
    });
    expectOutcome(result, 'createServiceAccount', expected);
    const rows = await app.sql<{ home_unit_id: number | null }>('select home_unit_id from account where display_name = ?', [displayName]);
    const after = [await rowCount(app.sql, 'account'), await rowCount(app.sql, 'api_key'), await audits()];
    if (denied(expected)) {
      expect(rows).toEqual([]);
      expect(after).toEqual(before);
    } else {
      expect(rows).toEqual([{ home_unit_id: home ? app.fixture.units[home].id : null }]);
      expect(after).toEqual([before[0] + 1, before[1] + 1, before[2] + 1]);
    }
  });
});

describe('createApiKey (for a service account homed at the column)', () => {
  const serviceAccounts = {} as Record<Column, number>;
  beforeAll(async () => {
    for (const column of COLUMNS) serviceAccounts[column] = await insertAccount(app.sql, app.fixture, 'SERVICE', homeOf(column));
  });

  // An account outside the caller's scope, a national one included, answers like a missing one.
  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cell         commune      otherCell    otherProvCell national
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s at %s → %s', async (actor, column, expected) => {
    const accountId = serviceAccounts[column];
    const before = [await rowCount(app.sql, 'api_key', 'account_id = ?', [accountId]), await audits()];
    const result = await app.run(actor, 'mutation($id: ID!) { createApiKey(accountId: $id, label: "matrix") { key apiKey { id } } }', {
      id: gid('Account', accountId),
    });
    expectOutcome(result, 'createApiKey', expected);
    const after = [await rowCount(app.sql, 'api_key', 'account_id = ?', [accountId]), await audits()];
    expect(after).toEqual(denied(expected) ? before : [before[0] + 1, before[1] + 1]);
  });
});

describe('revokeApiKey (a live key of a service account homed at the column)', () => {
  const serviceAccounts = {} as Record<Column, number>;
  beforeAll(async () => {
    for (const column of COLUMNS) serviceAccounts[column] = await insertAccount(app.sql, app.fixture, 'SERVICE', homeOf(column));
  });

  // prettier-ignore
  const TABLE: Record<Actor, Outcome[]> = {
    //                      cell         commune      otherCell    otherProvCell national
    'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed',   'allowed'],
    'admin:province':     ['allowed',   'allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND'],
    'admin:commune':      ['allowed',   'allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'admin:cell':         ['allowed',   'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND'],
    'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'inspector:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
    'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
  };

  test.each(cells(COLUMNS, TABLE))('as %s at %s → %s', async (actor, column, expected) => {
    const keyId = await insertApiKey(app.sql, serviceAccounts[column]);
    const before = await audits();
    const result = await app.run(actor, 'mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: gid('ApiKey', keyId) });
    expectOutcome(result, 'revokeApiKey', expected);
    const [row] = await app.sql<{ revoked: boolean }>('select revoked_at is not null as revoked from api_key where id = ?', [keyId]);
    expect(row.revoked).toBe(!denied(expected));
    expect(await audits()).toBe(denied(expected) ? before : before + 1);
  });

  test('revoking a key twice is a CONFLICT, and the second call writes nothing', async () => {
    const keyId = await insertApiKey(app.sql, serviceAccounts.cell);
    const mutation = 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }';
    expectOutcome(await app.run('admin:cell', mutation, { id: gid('ApiKey', keyId) }), 'revokeApiKey', 'allowed');
    const before = await audits();
    expectOutcome(await app.run('admin:cell', mutation, { id: gid('ApiKey', keyId) }), 'revokeApiKey', 'CONFLICT');
    expect(await audits()).toBe(before);
  });

  test('the fixture key of service:province: its province admin revokes it, a commune admin does not see it', async () => {
    const [{ id }] = await app.sql<{ id: number }>('select id from api_key where account_id = ?', [app.fixture.accounts['service:province']]);
    const mutation = 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }';
    expectOutcome(await app.run('admin:commune', mutation, { id: gid('ApiKey', id) }), 'revokeApiKey', 'NOT_FOUND');
    expectOutcome(await app.run('admin:province', mutation, { id: gid('ApiKey', id) }), 'revokeApiKey', 'allowed');
  });
});
