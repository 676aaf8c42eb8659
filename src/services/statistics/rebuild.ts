import type { EntityManager } from '@mikro-orm/postgresql';
import { CELL_LEVEL_KINDS_SQL, HEAD, within } from './contribution-sql';
import { CONTRIBUTIONS } from './contributions';
import { STAT_FAMILIES, StatFamily } from './families';
import { GRAINS, horizonFor, idArray } from './refresh';

/**
 * Builds every rollup anew from the base tables, for a bulk load (the benchmark's national data, a
 * migration of old records) and as a repair; the recount test shows it is never needed otherwise.
 * Set-based rather than through dirty marks: each family's contributions are inserted for units in
 * chunks, then each province's sums are aggregated from its subtree's rows, and the nation's from
 * the provinces'. The same definitions as the refresher (contributions/*.ts); a test compares the
 * two. One transaction under the refresher's lock: writers that mark units meanwhile wait for it
 * (TRUNCATE), then their marks are refreshed as usual.
 */
export interface RebuildResult {
  readonly units: number;
  readonly ownRows: number;
  readonly factRows: number;
  readonly ms: number;
}

const VALUES = ['n', 'a', 'b', 'c', 'd'] as const;
const SUMS = VALUES.map((v) => `sum(${v})`).join(', ');
const UNITS_PER_STATEMENT = 10_000;

export async function rebuildStatistics(em: EntityManager, onStep: (step: string, ms: number) => void = () => undefined): Promise<RebuildResult> {
  const started = performance.now();
  return em.fork().transactional(async (tx) => {
    const run = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => tx.getConnection().execute<T[]>(sql, params, 'all', tx.getTransactionContext());
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const t = performance.now();
      const result = await work();
      onStep(name, performance.now() - t);
      return result;
    };
    await run('select 1 from stat_state where id = 1 for update');
    // Big aggregations in one transaction: sort and hash in memory rather than in temporary files.
    await run("set local work_mem = '256MB'");
    await run('truncate stat_own, stat_fact, stat_dirty');
    // Keys and indexes built once over the loaded rows rather than row by row (same definitions,
    // same transaction): stat_own's before the facts are summed from it, stat_fact's at the end.
    const ownIndexes = await dropIndexes(run, 'stat_own');
    const factIndexes = await dropIndexes(run, 'stat_fact');
    const horizon = horizonFor();
    await run('update stat_state set horizon = ?::date, refreshed_at = now() where id = 1', [horizon]);
    // By path, so that a chunk holds neighbouring units of one province.
    const units = await run<{ id: number }>('select id from org_unit order by path');
    for (const family of STAT_FAMILIES) {
      await step(`own ${family}`, async () => {
        for (let i = 0; i < units.length; i += UNITS_PER_STATEMENT) {
          const ids = idArray(units.slice(i, i + UNITS_PER_STATEMENT).map((u) => u.id));
          await run(
            `insert into stat_own (unit_id, family, metric, day, k1, k2, ${VALUES.join(', ')}, province_id, unit_path)
             with ${HEAD}${CONTRIBUTIONS[family].ctes}
             select r.unit_id, ?, r.metric, r.day, r.k1, r.k2, ${VALUES.map((v) => `r.${v}`).join(', ')}, u.province_id, u.path from own_rows r join u on u.id = r.unit_id`,
            [horizon, ids, family],
          );
        }
      });
    }
    await step('stat_own keys and indexes', () => createIndexes(run, ownIndexes));
    await run('analyze stat_own');
    // Hash aggregation: sorting millions of rows by their text keys took twice as long.
    await run('set local enable_sort = off');
    const provinces = await run<{ id: number; path: string }>("select id, path from org_unit where kind = 'PROVINCE' order by id");
    await step('facts by province', async () => {
      for (const p of provinces) {
        // Every committee on each row's path inside the province (the unit's own existence only above it).
        // The path unnested and joined, not `a.id = any(path)`: that is planned as a filter over
        // every committee for every row (S01: 151 committees × millions of rows).
        await run(
          `insert into stat_fact (unit_id, province_id, metric, grain, day, k1, k2, ${VALUES.join(', ')})
           select a.id, a.province_id, o.metric, g.grain, g.day, o.k1, o.k2, ${VALUES.map((v) => `sum(o.${v})`).join(', ')}
             from stat_own o
             cross join lateral unnest(string_to_array(btrim(o.unit_path, '/'), '/')::int[]) up(id)
             join org_unit a on a.id = up.id and a.kind not in ${CELL_LEVEL_KINDS_SQL}
              and (a.id <> o.unit_id or o.family <> '${StatFamily.TREE}')
             cross join lateral ${GRAINS('o.day')} g
            where ${within('o.unit_path', '?')}
            group by 1, 2, 3, 4, 5, 6, 7`,
          [p.path, p.path],
        );
      }
    });
    await step('facts of the nation', () =>
      run(
        `insert into stat_fact (unit_id, province_id, metric, grain, day, k1, k2, ${VALUES.join(', ')})
         select 0, 0, metric, grain, day, k1, k2, ${SUMS} from (
           select f.metric, f.grain, f.day, f.k1, f.k2, ${VALUES.map((v) => `f.${v}`).join(', ')} from stat_fact f join org_unit p on p.id = f.unit_id and p.kind = 'PROVINCE'
           union all
           -- A province's own existence counts above it: at the nation.
           select o.metric, g.grain, g.day, o.k1, o.k2, ${VALUES.map((v) => `o.${v}`).join(', ')}
             from stat_own o join org_unit p on p.id = o.unit_id and p.kind = 'PROVINCE' cross join lateral ${GRAINS('o.day')} g
            where o.family = '${StatFamily.TREE}'
         ) x group by metric, grain, day, k1, k2`,
      ),
    );
    await step('stat_fact keys and indexes', () => createIndexes(run, factIndexes));
    const [counts] = await run<{ own: number; facts: number }>('select (select count(*) from stat_own)::int as own, (select count(*) from stat_fact)::int as facts');
    return { units: units.length, ownRows: counts.own, factRows: counts.facts, ms: Math.round(performance.now() - started) };
  });
}

type Run = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

interface IndexDefinition {
  readonly table: string;
  readonly name: string;
  readonly definition: string;
  /** Set when the index is a primary or unique key's: dropped and added as the constraint. */
  readonly constraintName: string | null;
  readonly constraintDefinition: string | null;
}

async function dropIndexes(run: Run, table: 'stat_own' | 'stat_fact'): Promise<IndexDefinition[]> {
  const indexes = await run<IndexDefinition>(
    `select i.indrelid::regclass::text as "table", i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as "definition",
            c.conname as "constraintName", pg_get_constraintdef(c.oid) as "constraintDefinition"
       from pg_index i left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
      where i.indrelid = ?::regclass order by 1`,
    [table],
  );
  for (const index of indexes) {
    await run(index.constraintName === null ? `drop index ${index.name}` : `alter table ${table} drop constraint ${index.constraintName}`);
  }
  return indexes;
}

async function createIndexes(run: Run, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) {
    await run(index.constraintName === null ? index.definition : `alter table ${index.table} add constraint ${index.constraintName} ${index.constraintDefinition}`);
  }
}
