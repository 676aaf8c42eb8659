// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): migrations and their backfill
import { urlOnServer } from '../../src/db/embedded-postgres';
import { createOrm, type Orm } from '../../src/db/orm';
import { verifyAuditChains } from '../../src/services/audit-log/chain-verification';
import { ADMIN_URL_ENV, adminQuery } from '../support/test-database';

/** Migration 3 on a database that already has audit entries: they are chained in id order, per province. */
const name = `chibo_backfill_${process.pid}`;
let orm: Orm;

beforeAll(async () => {
  const adminUrl = process.env[ADMIN_URL_ENV] as string;
  await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  await adminQuery(adminUrl, `create database ${name}`);
  orm = await createOrm(urlOnServer(adminUrl, name), 2);
  await orm.getMigrator().up({ to: 'Migration20261124000002_meetings' });
});
afterAll(async () => {
  await orm?.close(true);
  await adminQuery(process.env[ADMIN_URL_ENV] as string, `drop database if exists ${name} with (force)`);
});

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().getConnection().execute<T[]>(query, params, 'all');

test('existing entries get chain, position, hash and account kind; every chain verifies and its head is its last entry', async () => {
  const [{ id: account }] = await sql<{ id: number }>("insert into account (kind, username, display_name) values ('SERVICE', null, 'Tích hợp') returning id");
  for (const [province, operation] of [[7, 'createMember'], [null, 'createAccount'], [7, 'updateMember'], [9, 'createMember'], [7, 'createMeeting']] as const) {
    await sql("insert into audit_entry (account_id, operation, target_type, province_id, unit_path, after) values (?, ?, 'Member', ?, ?, '{\"a\": 1}')", [
      account, operation, province, province === null ? null : `/${province}/`,
    ]);
  }
  await orm.getMigrator().up();
  const rows = await sql<{ operation: string; chain_key: number; seq: string; account_kind: string }>('select operation, chain_key, seq::text as seq, account_kind from audit_entry order by id');
  expect(rows.map((r) => [r.operation, r.chain_key, Number(r.seq), r.account_kind])).toEqual([
    ['createMember', 7, 1, 'SERVICE'],
    ['createAccount', 0, 1, 'SERVICE'],
    ['updateMember', 7, 2, 'SERVICE'],
    ['createMember', 9, 1, 'SERVICE'],
    ['createMeeting', 7, 3, 'SERVICE'],
  ]);
  expect(await verifyAuditChains(orm.em.fork(), 'ALL')).toEqual({ ok: true, chainsChecked: 3, entriesChecked: 5, firstBreak: null });
});
