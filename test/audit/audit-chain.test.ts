// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): the audit hash chain
import { verifyAuditChains } from '../../src/services/audit-log/chain-verification';
import { createTestApp, type TestApp } from '../support/test-app';
import { dbId, ok } from '../validation/support';
import { chainRows, CREATE_UNIT, cellInput, tamper, verifyAll } from './support';

/**
 * The audit chain: every entry links to the one before it in its province's chain (0: national),
 * the verifier recomputes every hash and link, and reports the first entry that does not verify.
 * Tampering tests each use a province of their own, so that their chains break independently.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const verifyChain = (chainKey: number) => verifyAuditChains(app.orm.em.fork(), [chainKey]);

/** A new province and `communes` communes in it: 1 + `communes` entries in the province's own chain. */
async function provinceWithEntries(name: string, communes: number): Promise<{ chainKey: number; ids: string[] }> {
  const created = ok(await app.run('admin:national', CREATE_UNIT, { input: { kind: 'PROVINCE', name } }));
  const chainKey = dbId(created.createOrgUnit.id);
  const parentId = created.createOrgUnit.id;
  for (let i = 1; i <= communes; i += 1) {
    ok(await app.run('admin:national', CREATE_UNIT, { input: { parentId, kind: 'COMMUNE_COMMITTEE', name: `Đảng bộ xã ${name} ${i}` } }));
  }
  const rows = await chainRows(app, chainKey);
  return { chainKey, ids: rows.map((r) => r.id) };
}

describe('linking', () => {
  test('entries of a province are numbered from 1 in its chain, each linked to the hash before it', async () => {
    ok(await app.run('admin:province', CREATE_UNIT, cellInput(app, 'commune', 'Chi bộ bản Liên Kết 1')));
    ok(await app.run('admin:province', CREATE_UNIT, cellInput(app, 'otherCommune', 'Chi bộ bản Liên Kết 2')));
    ok(await app.run('admin:province', CREATE_UNIT, cellInput(app, 'commune', 'Chi bộ bản Liên Kết 3')));
    const rows = await chainRows(app, app.fixture.units.province.id);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    expect(rows[0].previous_hash).toBeNull();
    expect(rows[1].previous_hash).toEqual(rows[0].hash);
    expect(rows[2].previous_hash).toEqual(rows[1].hash);
    for (const row of rows) expect(row.hash).toHaveLength(32);
  });

  test('provinces have chains of their own; entries without a province go to the national chain 0', async () => {
    ok(await app.run('admin:national', CREATE_UNIT, cellInput(app, 'otherProvinceCommune', 'Chi bộ bản Chuỗi Khác')));
    ok(await app.run('admin:national', 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
      input: { username: 'quoc.gia', password: 'mat-khau-quoc-gia', displayName: 'Quốc gia' },
    }));
    const other = await chainRows(app, app.fixture.units.otherProvince.id);
    const national = await chainRows(app, 0);
    expect(other.map((r) => Number(r.seq))).toEqual([1]);
    expect(national.map((r) => Number(r.seq))).toEqual([1]);
    const [entry] = await app.sql<{ account_kind: string; province_id: number | null }>('select account_kind, province_id from audit_entry where id = ?', [national[0].id]);
    expect(entry).toEqual({ account_kind: 'PERSON', province_id: null });
  });

  test('an untouched log verifies, every entry of every chain checked', async () => {
    const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from audit_entry');
    expect(await verifyAll(app)).toEqual({ ok: true, chainsChecked: expect.any(Number), entriesChecked: n, firstBreak: null });
  });

  test('the verifier reads in batches: a batch size of 2 gives the same answer', async () => {
    const whole = await verifyAll(app);
    expect(await verifyAuditChains(app.orm.em.fork(), 'ALL', 2)).toEqual(whole);
  });
});

describe('concurrency', () => {
  test('20 parallel writes in one province: 20 consecutive entries, no two linked to the same predecessor, and the chain verifies', async () => {
    const chainKey = app.fixture.units.province.id;
    const before = await chainRows(app, chainKey);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => app.run('admin:province', CREATE_UNIT, cellInput(app, i % 2 ? 'commune' : 'otherCommune', `Chi bộ bản Song Song ${i}`))),
    );
    for (const result of results) ok(result);
    const rows = await chainRows(app, chainKey);
    expect(rows).toHaveLength(before.length + 20);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    const predecessors = rows.map((r) => r.previous_hash?.toString('hex') ?? 'none');
    expect(new Set(predecessors).size).toBe(rows.length);
    expect(await verifyChain(chainKey)).toMatchObject({ ok: true, entriesChecked: rows.length });
  });

  test('parallel writes across two provinces keep both chains whole', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => app.run('admin:national', CREATE_UNIT, cellInput(app, i % 2 ? 'commune' : 'otherProvinceCommune', `Chi bộ bản Hai Tỉnh ${i}`))),
    );
    for (const result of results) ok(result);
    expect(await verifyAll(app)).toMatchObject({ ok: true, firstBreak: null });
  });

  test('the database refuses a second entry at a taken position, even past the triggers', async () => {
    const [first] = await chainRows(app, app.fixture.units.province.id);
    await expect(tamper(app, `insert into audit_entry (operation, target_type, chain_key, seq, salt, hash) values ('fork', 'OrgUnit', ${app.fixture.units.province.id}, ${first.seq}, gen_random_uuid(), '\\x00')`)).rejects.toThrow(/audit_entry_chain_seq_uq/);
  });
});

describe('tampering is reported at the first entry that does not verify', () => {
  test('an entry whose content was changed with SQL: HASH_MISMATCH at exactly that entry', async () => {
    const { chainKey, ids } = await provinceWithEntries('Tỉnh Sửa Nội Dung', 4);
    const [row] = await app.sql<{ hash: Buffer }>('select hash from audit_entry where id = ?', [ids[2]]);
    await tamper(app, `update audit_entry set after = after || '{"name": "Đã sửa"}' where id = ${ids[2]}`);
    const [{ recomputed }] = await app.sql<{ recomputed: Buffer }>('select audit_entry_hash(e) as recomputed from audit_entry e where id = ?', [ids[2]]);
    const result = await verifyChain(chainKey);
    expect(result).toEqual({
      ok: false,
      chainsChecked: 1,
      entriesChecked: 3,
      firstBreak: { chainKey, entryId: ids[2], seq: 3, reason: 'HASH_MISMATCH', expectedHash: recomputed.toString('hex'), foundHash: row.hash.toString('hex') },
    });
  });

  test('an entry changed with its hash recomputed: LINK_MISMATCH at the entry after it', async () => {
    const { chainKey, ids } = await provinceWithEntries('Tỉnh Sửa Cả Mã Băm', 4);
    await tamper(app, `update audit_entry set account_id = null where id = ${ids[1]}; update audit_entry e set hash = audit_entry_hash(e) where id = ${ids[1]}`);
    const [changed] = await app.sql<{ hash: Buffer }>('select hash from audit_entry where id = ?', [ids[1]]);
    const [next] = await app.sql<{ previous_hash: Buffer }>('select previous_hash from audit_entry where id = ?', [ids[2]]);
    expect((await verifyChain(chainKey)).firstBreak).toEqual({
      chainKey,
      entryId: ids[2],
      seq: 3,
      reason: 'LINK_MISMATCH',
      expectedHash: changed.hash.toString('hex'),
      foundHash: next.previous_hash.toString('hex'),
    });
  });

  test('a deleted entry: LINK_MISMATCH at the entry after the gap', async () => {
    const { chainKey, ids } = await provinceWithEntries('Tỉnh Xóa Bản Ghi', 4);
    await tamper(app, `delete from audit_entry where id = ${ids[1]}`);
    expect((await verifyChain(chainKey)).firstBreak).toMatchObject({ entryId: ids[2], seq: 3, reason: 'LINK_MISMATCH' });
  });

  test('entries cut off the end: HEAD_MISMATCH against the recorded head', async () => {
    const { chainKey, ids } = await provinceWithEntries('Tỉnh Cắt Đuôi', 3);
    expect(ids).toHaveLength(4);
    const [head] = await app.sql<{ head_hash: Buffer }>('select head_hash from audit_chain where chain_key = ?', [chainKey]);
    const [kept] = await app.sql<{ hash: Buffer }>('select hash from audit_entry where id = ?', [ids[2]]);
    await tamper(app, `delete from audit_entry where id = ${ids[3]}`);
    expect(await verifyChain(chainKey)).toEqual({
      ok: false,
      chainsChecked: 1,
      entriesChecked: 3,
      firstBreak: { chainKey, entryId: null, seq: 4, reason: 'HEAD_MISMATCH', expectedHash: head.head_hash.toString('hex'), foundHash: kept.hash.toString('hex') },
    });
  });

  test('the application cannot change, delete or truncate entries', async () => {
    const [row] = await chainRows(app, 0);
    await expect(app.sql("update audit_entry set operation = 'x' where id = ?", [row.id])).rejects.toThrow(/append-only/);
    await expect(app.sql('delete from audit_entry where id = ?', [row.id])).rejects.toThrow(/append-only/);
    await expect(app.sql('truncate audit_entry')).rejects.toThrow(/append-only/);
  });
});
