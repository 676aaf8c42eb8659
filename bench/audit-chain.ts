import 'reflect-metadata';
import pino from 'pino';
import { loadViewer } from '../src/auth/identify';
import { loadConfig } from '../src/config';
import { createRequestContext } from '../src/context-factory';
import { createOrm, migrate, type Orm } from '../src/db/orm';
import { createGraphQLServer } from '../src/graphql-server';
import { verifyAuditChains } from '../src/services/audit-log/chain-verification';
import { toGlobalId } from '../src/services/global-id';
import { adminDatabaseUrl, recreateDatabase } from './lib/db';

/**
 * What the audit chain costs a write (decisions.md §14): createOrgUnit mutations through Apollo
 * (permissions on, no HTTP) against a database of its own, `chibo_bench_audit`, with the chain
 * trigger on and off, one at a time and 8 at once in one province (every writer queues on one
 * chain head) or spread over 8 provinces (8 chains).
 *
 * Then BENCH_VERIFY_ENTRIES (default 200,000) entries in one statement, and the verification of all.
 *
 *   node -r ts-node/register/transpile-only bench/audit-chain.ts     (BENCH_WRITES, default 300)
 */
const WRITES = Number(process.env.BENCH_WRITES ?? 300);
const PROVINCES = 8;
const ROUNDS = 3;

async function seed(orm: Orm): Promise<{ adminId: number; communes: number[] }> {
  const exec = <T>(sql: string, params: unknown[] = []): Promise<T[]> => orm.em.fork().getConnection().execute<T[]>(sql, params, 'all');
  const communes: number[] = [];
  const unit = async (parent: { id: number; path: string } | null, kind: string, name: string): Promise<{ id: number; path: string }> => {
    const [{ id }] = await exec<{ id: number }>("select nextval('org_unit_id_seq')::int as id");
    const path = `${parent?.path ?? '/'}${id}/`;
    await exec("insert into org_unit (id, province_id, parent_id, path, depth, kind, name, name_search, name_sort_key) values (?, ?, ?, ?, ?, ?, ?, 'x', 'x')", [
      id, parent ? Number(parent.path.split('/')[1]) : id, parent?.id ?? null, path, parent ? 1 : 0, kind, name,
    ]);
    return { id, path };
  };
  for (let p = 1; p <= PROVINCES; p += 1) {
    const province = await unit(null, 'PROVINCE', `Tỉnh ${p}`);
    communes.push((await unit(province, 'COMMUNE_COMMITTEE', `Xã ${p}`)).id);
  }
  const [{ id: adminId }] = await exec<{ id: number }>("insert into account (kind, username, display_name) values ('PERSON', 'bench.admin', 'Bench') returning id");
  await exec("insert into role_assignment (account_id, role) values (?, 'ADMIN')", [adminId]);
  return { adminId, communes };
}

/** The chain trigger on or off (the columns it fills are made nullable once, so that both modes insert). */
async function setChain(orm: Orm, on: boolean): Promise<void> {
  const toggle = on ? 'enable' : 'disable';
  await orm.em.fork().getConnection().execute(`alter table audit_entry ${toggle} trigger audit_entry_chain, ${toggle} trigger audit_entry_advance_head`);
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** BENCH_VERIFY_ENTRIES entries chained in one statement (an import), then every chain verified. */
async function measureBulkAndVerify(orm: Orm): Promise<void> {
  const entries = Number(process.env.BENCH_VERIFY_ENTRIES ?? 200000);
  let started = Date.now();
  await orm.em.fork().getConnection().execute(
    `insert into audit_entry (operation, target_type, target_id, province_id, unit_path, after)
     select 'createMember', 'Member', g::text, p.id, p.path, jsonb_build_object('fullName', 'Người ' || g, 'version', 1)
       from generate_series(1, ?) g, (select id, path from org_unit where kind = 'PROVINCE' order by id limit 1) p`,
    [entries],
  );
  console.log(`${entries} entries chained in one statement: ${Date.now() - started} ms`);
  const rss = process.memoryUsage().rss;
  started = Date.now();
  const result = await verifyAuditChains(orm.em.fork(), 'ALL');
  const mb = ((process.memoryUsage().rss - rss) / 1e6).toFixed(0);
  console.log(`verified ${result.entriesChecked} entries in ${Date.now() - started} ms (ok: ${result.ok}), memory +${mb} MB`);
}

async function main(): Promise<void> {
  const url = await recreateDatabase(adminDatabaseUrl(), 'chibo_bench_audit');
  const orm = await createOrm(url, 10);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const apollo = createGraphQLServer(config);
  await apollo.start();
  try {
    await migrate(orm);
    const { adminId, communes } = await seed(orm);
    const viewer = await loadViewer(orm.em.fork(), adminId);
    if (!viewer) throw new Error('no bench viewer');
    const logger = pino({ level: 'silent' });
    let n = 0;
    const write = async (commune: number): Promise<void> => {
      n += 1;
      const contextValue = await createRequestContext(orm, config, logger, `bench-${n}`, viewer);
      const response = await apollo.executeOperation(
        { query: 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', variables: { input: { parentId: toGlobalId('OrgUnit', commune), kind: 'CELL', name: `Chi bộ ${n}`, cellType: 'RESIDENTIAL' } } },
        { contextValue },
      );
      if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
    };
    const measure = async (concurrency: number, spread: boolean): Promise<number> => {
      let next = 0;
      const started = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
          while (next < WRITES) {
            next += 1;
            await write(communes[spread ? worker % PROVINCES : 0]);
          }
        }),
      );
      return WRITES / (Number(process.hrtime.bigint() - started) / 1e9);
    };
    await orm.em.fork().getConnection().execute(
      'alter table audit_entry alter column chain_key drop not null, alter column seq drop not null, alter column salt drop not null, alter column hash drop not null',
    );
    await measure(4, true); // warm-up
    // Modes alternate over rounds and the median is shown: the machine is shared and noisy.
    const rates: Record<'on' | 'off', number[][]> = { on: [[], [], []], off: [[], [], []] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of ['on', 'off'] as const) {
        await setChain(orm, mode === 'on');
        [await measure(1, false), await measure(8, false), await measure(8, true)].forEach((rate, i) => rates[mode][i].push(rate));
      }
    }
    await setChain(orm, true);
    const row = (mode: 'on' | 'off'): string => rates[mode].map((r) => median(r).toFixed(0).padStart(6)).join(' | ');
    console.log(`createOrgUnit per second (median of ${ROUNDS} rounds of ${WRITES})   1 writer | 8, one province | 8, eight provinces`);
    console.log(`audit chain on                                        ${row('on')}`);
    console.log(`audit chain off (plain insert)                        ${row('off')}`);
    await measureBulkAndVerify(orm);
  } finally {
    await apollo.stop();
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
