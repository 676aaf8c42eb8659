import { cells, perActor, type Actor, type Outcome } from '../support/permission-cases';
import { createTestApp, type GqlResult, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { CREATE_MEMBER, CREATE_UNIT, UPDATE_UNIT, cellInput, memberInput, unitGid } from './support';

/**
 * Permission matrix of the audit queries. AUDIT_READ is held by ADMIN and INSPECTOR over their
 * subtree; entries of other units are simply not in the list, national entries only nationally.
 * `allowed`: the entry is listed; `null`: the list answers without it.
 */
let app: TestApp;
type Column = 'cellEntry' | 'otherCellEntry' | 'otherProvinceEntry' | 'nationalEntry';
const COLUMNS: readonly Column[] = ['cellEntry', 'otherCellEntry', 'otherProvinceEntry', 'nationalEntry'];
/** The global id of each entry's target. */
const target = {} as Record<Column, string>;

beforeAll(async () => {
  app = await createTestApp();
  target.cellEntry = ok(await app.run('organizer:commune', CREATE_MEMBER, memberInput(app, 'cell', 'Lò Thị Ma Trận'))).createMember.id;
  target.otherCellEntry = ok(await app.run('admin:province', UPDATE_UNIT, { input: { id: unitGid(app, 'otherCell'), version: 1, code: 'MT' } })).updateOrgUnit.id;
  target.otherProvinceEntry = ok(await app.run('admin:national', CREATE_UNIT, cellInput(app, 'otherProvinceCommune', 'Chi bộ bản Ma Trận'))).createOrgUnit.id;
  target.nationalEntry = ok(await app.run('admin:national', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
    input: { username: 'ma.tran', password: 'mat-khau-ma-tran', displayName: 'Ma Trận' },
  })).createAccount.id;
});
afterAll(() => app.close());

// prettier-ignore
const AUDIT_LOG: Record<Actor, Outcome[]> = {
  //                      cell         otherCell    otherProv    national
  'admin:national':     ['allowed',   'allowed',   'allowed',   'allowed'],
  'admin:province':     ['allowed',   'allowed',   'null',      'null'],
  'admin:commune':      ['allowed',   'null',      'null',      'null'],
  'admin:cell':         ['allowed',   'null',      'null',      'null'],
  'organizer:province': ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'organizer:commune':  ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'organizer:cell':     ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'inspector:province': ['allowed',   'allowed',   'null',      'null'],
  'inspector:commune':  ['allowed',   'null',      'null',      'null'],
  'inspector:cell':     ['allowed',   'null',      'null',      'null'],
  'analyst:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:commune':    ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'analyst:cell':       ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'service:province':   ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'member:cell':        ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'norole':             ['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
};

/** verifyAuditChain of the fixture province: the whole province must be in AUDIT_READ scope. */
// prettier-ignore
const VERIFY_PROVINCE: Record<Actor, Outcome> = {
  'admin:national': 'allowed',
  'admin:province': 'allowed',
  'admin:commune': 'NOT_FOUND',
  'admin:cell': 'NOT_FOUND',
  'organizer:province': 'FORBIDDEN',
  'organizer:commune': 'FORBIDDEN',
  'organizer:cell': 'FORBIDDEN',
  'inspector:province': 'allowed',
  'inspector:commune': 'NOT_FOUND',
  'inspector:cell': 'NOT_FOUND',
  'analyst:province': 'FORBIDDEN',
  'analyst:commune': 'FORBIDDEN',
  'analyst:cell': 'FORBIDDEN',
  'service:province': 'FORBIDDEN',
  'member:cell': 'FORBIDDEN',
  'norole': 'FORBIDDEN',
  'anonymous': 'UNAUTHENTICATED',
};

/** The outcome of a list query for one entry: listed, absent, or the one error's code. */
function listOutcome(result: GqlResult): Outcome {
  if (result.errors) {
    expect(result.errors).toHaveLength(1);
    expect(result.data?.auditLog ?? null).toBeNull();
    return result.errors[0].extensions?.code as Outcome;
  }
  const nodes = (result.data?.auditLog as { nodes: unknown[] }).nodes;
  expect(nodes.length).toBeLessThanOrEqual(1);
  return nodes.length === 1 ? 'allowed' : 'null';
}

describe('auditLog: which entries each caller sees', () => {
  test.each(cells(COLUMNS, AUDIT_LOG))('as %s, the entry of %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($f: AuditLogFilterInput) { auditLog(filter: $f) { nodes { targetId } } }', { f: { targetId: target[column] } });
    expect(listOutcome(result)).toBe(expected);
  });
});

describe("verifyAuditChain of the fixture province", () => {
  test.each(perActor(VERIFY_PROVINCE))('as %s → %s', async (actor, expected) => {
    const result = await app.run(actor, 'query($p: ID) { verifyAuditChain(provinceId: $p) { ok } }', { p: unitGid(app, 'province') });
    if (expected === 'allowed') expect(ok(result).verifyAuditChain).toEqual({ ok: true });
    else expect((result.errors ?? []).map((e) => e.extensions?.code)).toEqual([expected]);
  });
});
