import { Viewer } from '../../src/auth/viewer';
import { Permission } from '../../src/auth/permission';
import { fieldRules } from '../../src/auth/permission-rules';
import type { AuditEntry } from '../../src/entities/audit-entry';
import type { RequestContext } from '../../src/request-context';
import { PERSONAL_KEYS, visibleSnapshots } from '../../src/services/audit-log/redaction';
import { insertAssignment } from '../support/permission-cases';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';
import { CREATE_MEMBER, CREATE_UNIT, UPDATE_UNIT, cellInput, memberInput, unitGid } from './support';

/**
 * auditLog: the entries of the viewer's AUDIT_READ scope, newest first, filtered in SQL; the actor
 * only where the viewer may see the account; personal values only with MEMBERS_PERSONAL there.
 */
let app: TestApp;
/** Global ids of the written objects, by what they are. */
const written: Record<string, string> = {};

const ENTRY = 'id at operation targetType targetId actorId actorKind actor { username } unit { name } before after redactedFields requestId seq hash previousHash';
const LOG = `query($filter: AuditLogFilterInput, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { ${ENTRY} } } }`;

interface EntryView {
  id: string;
  at: string;
  operation: string;
  targetType: string;
  targetId: string | null;
  actorId: string | null;
  actorKind: string | null;
  actor: { username: string | null } | null;
  unit: { name: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  redactedFields: string[];
  requestId: string | null;
  seq: number;
  hash: string;
  previousHash: string | null;
}

interface LogView {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: EntryView[];
}

async function log(as: Parameters<TestApp['run']>[0], filter: Record<string, unknown> | null = null, first = 50, after: string | null = null): Promise<LogView> {
  return ok(await app.run(as, LOG, { filter, first, after })).auditLog as LogView;
}

const operations = (view: LogView): string[] => view.nodes.map((n) => n.operation);

beforeAll(async () => {
  app = await createTestApp();
  written.member = ok(await app.run('organizer:commune', CREATE_MEMBER, memberInput(app, 'cell', 'Lù Thị Nhật Ký', 'LOG-0001'))).createMember.id;
  written.otherCell = ok(await app.run('admin:province', UPDATE_UNIT, { input: { id: unitGid(app, 'otherCell'), version: 1, code: 'LM-01' } })).updateOrgUnit.id;
  written.otherProvinceCell = ok(await app.run('admin:national', CREATE_UNIT, cellInput(app, 'otherProvinceCommune', 'Chi bộ bản Nhật Ký'))).createOrgUnit.id;
  written.nationalAccount = ok(await app.run('admin:national', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
    input: { username: 'nhat.ky', password: 'mat-khau-nhat-ky', displayName: 'Nhật Ký' },
  })).createAccount.id;
  written.province = ok(await app.run('admin:province', UPDATE_UNIT, { input: { id: unitGid(app, 'province'), version: 1, code: 'LC' } })).updateOrgUnit.id;
  // A service account that may write: its entries carry kind SERVICE.
  await insertAssignment(app.sql, app.fixture, app.fixture.accounts['service:province'], 'ORGANIZER', 'province');
  written.serviceMember = ok(await app.run('service:province', CREATE_MEMBER, memberInput(app, 'school', 'Hoàng Văn Tích Hợp'))).createMember.id;
});
afterAll(() => app.close());

describe('what an entry shows', () => {
  test('newest first, with operation, target, actor, unit, snapshots, request id and chain position', async () => {
    const view = await log('admin:province');
    expect(operations(view)).toEqual(['createMember', 'updateOrgUnit', 'updateOrgUnit', 'createMember']);
    const member = view.nodes[3];
    expect(member).toMatchObject({
      operation: 'createMember',
      targetType: 'Member',
      targetId: written.member,
      actorId: gid('Account', app.fixture.accounts['organizer:commune']),
      actorKind: 'PERSON',
      actor: { username: 'organizer.commune' },
      unit: { name: 'Chi bộ bản Nậm Cười' },
      before: null,
      redactedFields: [],
      requestId: expect.stringMatching(/^test-\d+$/),
      seq: 1,
      previousHash: null,
    });
    expect(member.after).toMatchObject({ fullName: 'Lù Thị Nhật Ký', partyCardNumber: 'LOG-0001', status: 'PROBATIONARY' });
    expect(member.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(view.nodes[2]).toMatchObject({ seq: 2, previousHash: member.hash, before: { code: null, version: 1 }, after: { code: 'LM-01', version: 2 } });
  });

  test('a service account is named as such', async () => {
    const [latest] = (await log('admin:province')).nodes;
    expect(latest).toMatchObject({ operation: 'createMember', targetId: written.serviceMember, actorKind: 'SERVICE', actorId: gid('Account', app.fixture.accounts['service:province']) });
  });

  test('the actor account is shown only to those who may see it; its id and kind to every reader', async () => {
    const view = await log('inspector:province');
    expect(operations(view)).toEqual(['createMember', 'updateOrgUnit', 'updateOrgUnit', 'createMember']);
    for (const node of view.nodes) {
      expect(node.actor).toBeNull();
      expect(node.actorId).toEqual(expect.any(String));
      expect(node.actorKind).toEqual(expect.any(String));
    }
  });

  test('node(id) finds an entry in scope, and answers NOT_FOUND outside it exactly like a missing one', async () => {
    const [entry] = (await log('admin:national', { operations: ['createAccount'] })).nodes;
    const byNode = (as: 'admin:national' | 'admin:province', id: string) => app.run(as, 'query($id: ID!) { node(id: $id) { id ... on AuditEntry { operation } } }', { id });
    expect(ok(await byNode('admin:national', entry.id)).node).toEqual({ id: entry.id, operation: 'createAccount' });
    const outside = onlyError(await byNode('admin:province', entry.id));
    const missing = onlyError(await byNode('admin:province', gid('AuditEntry', 999999)));
    expect(outside).toEqual(missing);
    expect(outside.code).toBe('NOT_FOUND');
  });
});

describe('scope, in SQL', () => {
  test('a national administrator sees every entry, national ones included', async () => {
    expect(operations(await log('admin:national'))).toEqual(['createMember', 'updateOrgUnit', 'createAccount', 'createOrgUnit', 'updateOrgUnit', 'createMember']);
  });

  test("a province's administrator: its province, not the other province, not national entries", async () => {
    const view = await log('admin:province');
    expect(view.nodes.map((n) => n.targetId)).toEqual([written.serviceMember, written.province, written.otherCell, written.member]);
    expect(view.totalCount).toBe(4);
  });

  test("a commune's administrator: its commune's subtree only, not the province's own entries", async () => {
    const view = await log('admin:commune');
    expect(view.nodes.map((n) => n.targetId)).toEqual([written.serviceMember, written.member]);
  });

  test("a cell's inspector: its cell only", async () => {
    expect((await log('inspector:cell')).nodes.map((n) => n.targetId)).toEqual([written.member]);
  });
});

describe('filters', () => {
  test('by operation, target type, target, actor', async () => {
    expect((await log('admin:national', { operations: ['updateOrgUnit'] })).nodes.map((n) => n.targetId)).toEqual([written.province, written.otherCell]);
    expect((await log('admin:national', { targetType: 'Account' })).nodes.map((n) => n.targetId)).toEqual([written.nationalAccount]);
    expect((await log('admin:national', { targetId: written.otherCell })).nodes.map((n) => n.operation)).toEqual(['updateOrgUnit']);
    expect((await log('admin:national', { actorId: gid('Account', app.fixture.accounts['admin:national']) })).nodes.map((n) => n.operation)).toEqual(['createAccount', 'createOrgUnit']);
  });

  test('by time range: from inclusive, to exclusive', async () => {
    const all = (await log('admin:national')).nodes;
    const pivot = all[2].at;
    expect((await log('admin:national', { from: pivot })).nodes.map((n) => n.id)).toEqual(all.filter((n) => n.at >= pivot).map((n) => n.id));
    expect((await log('admin:national', { to: pivot })).nodes.map((n) => n.id)).toEqual(all.filter((n) => n.at < pivot).map((n) => n.id));
  });

  test('by subtree: the entries of units in it', async () => {
    expect((await log('admin:province', { subtreeOf: unitGid(app, 'otherCommune') })).nodes.map((n) => n.targetId)).toEqual([written.otherCell]);
  });

  test('a page at a time, with cursors', async () => {
    const first = await log('admin:national', null, 4);
    expect(first.nodes).toHaveLength(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await log('admin:national', null, 4, first.pageInfo.endCursor);
    expect(rest.nodes).toHaveLength(2);
    expect([...first.nodes, ...rest.nodes].map((n) => n.id)).toEqual((await log('admin:national')).nodes.map((n) => n.id));
  });

  test('bad filters: a range that ends before it starts, a malformed id, a subtree outside scope', async () => {
    const run = (filter: Record<string, unknown>) => app.run('admin:commune', LOG, { filter });
    expect(onlyError(await run({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    expect(onlyError(await run({ targetId: 'not-an-id' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.targetId' });
    expect(onlyError(await run({ actorId: unitGid(app, 'cell') }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.actorId' });
    expect(onlyError(await run({ subtreeOf: unitGid(app, 'otherCommune') }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('personal data in snapshots', () => {
  const entry = { unitPath: '/1/2/3/', before: { phone: '0912', fullName: 'A' }, after: { fullName: 'A', birthDate: '1990-01-01', nested: [{ citizenId: '001' }] } } as unknown as AuditEntry;
  const ctxWith = (can: (permission: Permission, path: string | null) => boolean): RequestContext => ({ viewer: { can } as unknown as Viewer }) as RequestContext;

  test('the personal keys are exactly the personal scalar fields of Member guarded by the shield', () => {
    // timeline and exemptions are guarded lists of the member's history, never keys of a snapshot.
    const scalars = Object.keys(fieldRules.Member).filter((f) => !['timeline', 'exemptions'].includes(f));
    expect([...PERSONAL_KEYS].sort()).toEqual(scalars.sort());
  });

  test('with MEMBERS_PERSONAL at the entry unit, snapshots are whole', () => {
    expect(visibleSnapshots(ctxWith(() => true), entry)).toEqual({ before: entry.before, after: entry.after, redacted: [] });
  });

  test('without it, every personal key is left out, wherever it stands, and named', () => {
    const seen = visibleSnapshots(ctxWith((p) => p !== Permission.MEMBERS_PERSONAL), entry);
    expect(seen).toEqual({
      before: { fullName: 'A' },
      after: { fullName: 'A', nested: [{}] },
      redacted: ['before.phone', 'after.birthDate', 'after.nested.0.citizenId'],
    });
  });

  test('today every holder of AUDIT_READ also reads personal data there: an inspector sees party card numbers in the log', async () => {
    ok(await app.run('organizer:commune', 'mutation($input: UpdateMemberInput!) { updateMember(input: $input) { id } }', {
      input: { id: written.member, version: 1, partyCardNumber: 'LOG-0002' },
    }));
    const [latest] = (await log('inspector:commune', { targetId: written.member })).nodes;
    expect(latest).toMatchObject({ operation: 'updateMember', before: { partyCardNumber: 'LOG-0001' }, after: { partyCardNumber: 'LOG-0002' }, redactedFields: [] });
  });
});

describe('verifyAuditChain', () => {
  const VERIFY = 'query($p: ID) { verifyAuditChain(provinceId: $p) { ok chainsChecked entriesChecked firstBreak { entryId chainKey seq reason expectedHash foundHash } } }';

  test("a province's administrator verifies its province's chain; a national one every chain", async () => {
    const [{ inProvince, all }] = await app.sql<{ inProvince: number; all: number }>(
      'select count(*) filter (where chain_key = ?)::int as "inProvince", count(*)::int as "all" from audit_entry',
      [app.fixture.units.province.id],
    );
    expect(ok(await app.run('admin:province', VERIFY, { p: unitGid(app, 'province') })).verifyAuditChain).toEqual({ ok: true, chainsChecked: 1, entriesChecked: inProvince, firstBreak: null });
    // The province, the other province and the national chain.
    expect(ok(await app.run('admin:national', VERIFY, {})).verifyAuditChain).toEqual({ ok: true, chainsChecked: 3, entriesChecked: all, firstBreak: null });
  });

  test('every chain needs national scope; a unit that is not a province is a bad input; another province is not found', async () => {
    expect(onlyError(await app.run('admin:province', VERIFY, {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(onlyError(await app.run('admin:province', VERIFY, { p: unitGid(app, 'commune') }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provinceId' });
    expect(onlyError(await app.run('admin:province', VERIFY, { p: unitGid(app, 'otherProvince') }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(onlyError(await app.run('admin:commune', VERIFY, { p: unitGid(app, 'province') }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
