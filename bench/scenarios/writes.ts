import type { Client } from 'pg';
import { benchAdmin, generateWrites, writesCellCode, writesSizes } from '../datasets/writes';
import { globalId } from '../lib/graphql';
import type { Suite, SuiteApi } from '../lib/suite';

/**
 * `BENCH_SUITE=writes` (issue #16 item 2): the big writes, each timed once through the API of the
 * server the bench starts, against its target: a merge and a split of a 2,000-member cell (≤ 3 s),
 * a 5,000-row member import with its checks and audit (≤ 30 s), and a 5,001-row file refused for
 * the row cap before any row is applied (≤ 2 s, nothing written). No load: `scenarios` is empty,
 * the timings are the report.
 */

const UNIT = 'query($id: ID!) { orgUnit(id: $id) { id version status memberCount } }';
const MERGE = 'mutation($i: MergeOrgUnitsInput!) { mergeOrgUnits(input: $i) { id status memberCount } }';
const SPLIT = 'mutation($i: SplitOrgUnitInput!) { splitOrgUnit(input: $i) { id status memberCount } }';
const IMPORT = 'mutation($input: CsvImportInput!) { importMembers(input: $input) { dryRun rows created updated unchanged } }';

/** The day of the operations: today in Vietnam (a dated operation may not be in the future). */
const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

async function cellIds(client: Client): Promise<Map<string, number>> {
  const rows = await client.query<{ id: number; code: string }>("select id, code from org_unit where kind = 'CELL' and code = any($1::text[])", [[1, 2, 3, 4].map(writesCellCode)]);
  return new Map(rows.rows.map((r) => [r.code, r.id]));
}

async function count(client: Client, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await client.query<{ n: string }>(sql, params);
  return Number(rows.rows[0]?.n ?? 0);
}

/** A members file: `rows` new members of a cell, cards `<prefix>-<n>`. */
function membersCsv(rows: number, cellCode: string, prefix: string): string {
  const lines = ['partyCardNumber,cellCode,fullName,gender,birthDate,ethnicity,admissionDate,officialDate,phone'];
  for (let i = 1; i <= rows; i += 1) {
    const n = String(i).padStart(5, '0');
    lines.push(`${prefix}-${n},${cellCode},Đảng viên nhập ${n},${i % 3 === 0 ? 'FEMALE' : 'MALE'},1990-01-${String((i % 28) + 1).padStart(2, '0')},Kinh,2015-03-05,${i % 25 === 0 ? '' : '2016-03-05'},09${String(i).padStart(8, '0')}`);
  }
  return lines.join('\n');
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

function line(what: string, ms: number, targetMs: number, check: string | null): string {
  const verdict = check !== null ? `WRONG (${check})` : ms <= targetMs ? 'PASS' : 'MISS';
  return `  ${what.padEnd(62)} ${(ms / 1000).toFixed(2).padStart(7)} s   target ≤ ${targetMs / 1000} s   ${verdict}`;
}

async function version(api: SuiteApi, id: number): Promise<number> {
  const data = (await api.run(UNIT, { id: globalId('OrgUnit', id) })) as { orgUnit: { version: number } };
  return data.orgUnit.version;
}

async function report(client: Client, api: SuiteApi): Promise<string[]> {
  const cells = await cellIds(client);
  const cell = (k: number): number => {
    const id = cells.get(writesCellCode(k));
    if (id === undefined) throw new Error(`cell ${writesCellCode(k)} is missing; was the writes dataset generated?`);
    return id;
  };
  const commune = await count(client, "select parent_id as n from org_unit where code = $1", [writesCellCode(1)]);
  const on = today();
  const size = writesSizes.membersPerCell.toLocaleString('en-US');
  const lines = ['writes (issue #16): each operation once, through the API as a provincial administrator'];

  // Warm: the login and the first queries are not part of what is timed.
  const [v1, v2, v3] = [await version(api, cell(1)), await version(api, cell(2)), await version(api, cell(3))];

  const merge = await timed(() => api.run(MERGE, { i: { units: [{ id: globalId('OrgUnit', cell(1)), version: v1 }], into: { id: globalId('OrgUnit', cell(2)), version: v2 }, on, decisionRef: 'BENCH-SN' } }));
  const merged = await count(client, 'select count(*) as n from member where unit_id = $1', [cell(2)]);
  lines.push(line(`merge of a ${size}-member cell into another (mergeOrgUnits)`, merge.ms, 3_000, merged === 2 * writesSizes.membersPerCell ? null : `the result has ${merged} members`));

  const members = await client.query<{ id: number }>('select id from member where unit_id = $1 order by id', [cell(3)]);
  const ids = members.rows.map((r) => globalId('Member', r.id));
  const half = Math.ceil(ids.length / 2);
  const split = await timed(() => api.run(SPLIT, {
    i: { id: globalId('OrgUnit', cell(3)), version: v3, on, decisionRef: 'BENCH-CT', parts: [{ unit: { name: 'Chi bo tach 1' }, memberIds: ids.slice(0, half) }, { unit: { name: 'Chi bo tach 2' }, memberIds: ids.slice(half) }] },
  }));
  const moved = await count(client, "select count(*) as n from member m join org_unit u on u.id = m.unit_id where u.name like 'Chi bo tach %'");
  lines.push(line(`split of a ${size}-member cell in two (splitOrgUnit)`, split.ms, 3_000, moved === ids.length ? null : `the parts have ${moved} members`));

  const before = await count(client, 'select count(*) as n from member');
  const rootId = globalId('OrgUnit', commune);
  const imported = await timed(() => api.run(IMPORT, { input: { rootId, csv: membersCsv(5_000, writesCellCode(4), 'W') } }));
  const created = (imported.result as { importMembers: { created: number } }).importMembers.created;
  const added = (await count(client, 'select count(*) as n from member')) - before;
  lines.push(line('member import of 5,000 rows, checked and audited (importMembers)', imported.ms, 30_000, created === 5_000 && added === 5_000 ? null : `created ${created}, ${added} new rows`));

  const audited = await count(client, 'select count(*) as n from audit_entry');
  const refused = await timed(async () => {
    try {
      await api.run(IMPORT, { input: { rootId, csv: membersCsv(5_001, writesCellCode(4), 'R') } });
      return 'accepted';
    } catch (error) {
      return error instanceof Error && error.message.includes('at most 5000 rows per file') ? null : String(error);
    }
  });
  const unchanged = (await count(client, 'select count(*) as n from member')) === before + 5_000 && (await count(client, 'select count(*) as n from audit_entry')) === audited;
  lines.push(line('member import of 5,001 rows refused for the cap (time to refusal)', refused.ms, 2_000, refused.result ?? (unchanged ? null : 'rows were written')));
  return lines;
}

export const writesSuite: Suite = {
  name: 'writes',
  // Its own database: the suite changes its data as it measures.
  database: 'chibo_bench_writes',
  async generate(client) {
    return { ...(await generateWrites(client)) };
  },
  countedTables: ['org_unit', 'member', 'membership', 'member_event', 'audit_entry'],
  credentials: benchAdmin,
  scenarios: async () => [],
  report: (client, api) => report(client, api),
};
