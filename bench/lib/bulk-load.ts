import type { Client } from 'pg';

/**
 * Bulk loads inside a generator's transaction: constraints and indexes kept, checked and built
 * once for all the rows instead of row by row.
 */

interface Definition {
  table: string;
  name: string;
  definition: string;
}

const quoteName = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Runs `fill` in a transaction of its own: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(client: Client, fill: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await fill();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * VACUUM (ANALYZE) of the whole database after a load, returning its wall time in ms. VACUUM as
 * well as ANALYZE: a long-lived table is mostly all-visible, so the planner can use index-only
 * scans (counts!) and reads set no hint bits. Without it the first minutes of load would do that
 * work, or never reach that state at all where autovacuum is off (as on this machine's server).
 */
export async function vacuumAnalyze(client: Client): Promise<number> {
  const start = performance.now();
  await client.query('vacuum (analyze)');
  return performance.now() - start;
}

/**
 * Settings for a bulk-loading transaction (SET LOCAL: they end with it). JIT off: the planner's
 * estimates for fresh tables are far off, and compiling a generator's statements took seconds
 * (2.6 s of a 4.4 s insert of 18,000 meetings). Memory for sorts, hashes and index builds.
 */
export async function bulkLoadSettings(client: Client): Promise<void> {
  await client.query(`set local jit = off`);
  await client.query(`set local work_mem = '256MB'`);
  await client.query(`set local maintenance_work_mem = '1GB'`);
}

/**
 * Runs a bulk load into the given tables with their keys and indexes checked and built once, at
 * the end, instead of row by row: the tables' primary and unique keys and secondary indexes, and
 * every foreign key from or to them (one to a dropped primary key has to go with it). Measured
 * here: 1.7 million attendance rows copied into a table with its primary key and one index took
 * 13.2 s, into a bare table 4.2 s, building the two afterwards 2.8 s; the foreign-key triggers
 * cost several times the insert itself (1.4 million rows: ~10 s of ~13), a re-added constraint
 * validates every row in one join (~0.3 s). Same names and definitions, dropped and re-created in
 * the caller's transaction (it must run inside one): nobody else ever sees the tables without
 * them, a violation (a duplicate, a dangling reference) fails the transaction, and the schema
 * measured afterwards is the migrations'. Triggers other than the foreign keys' stay and fire.
 */
export async function loadInBulk<T>(client: Client, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  // SAVEPOINT fails outside a transaction block: the drops must never commit on their own.
  await client.query('savepoint load_in_bulk');
  await client.query('release savepoint load_in_bulk');
  const constraints = await client.query<Definition & { kind: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition, contype::text as kind
       from pg_constraint
      where (contype = 'f' and (conrelid = any($1::regclass[]) or confrelid = any($1::regclass[])))
         or (contype in ('p', 'u') and conrelid = any($1::regclass[]))
      order by contype = 'f' desc, conrelid::regclass::text, conname`,
    [tables],
  );
  const indexes = await client.query<Definition>(
    `select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = any($1::regclass[]) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
      order by i.indrelid::regclass::text, i.indexrelid::regclass::text`,
    [tables],
  );
  // Foreign keys first (they depend on the primary keys), back in the reverse order.
  for (const c of constraints.rows) await client.query(`alter table ${c.table} drop constraint ${quoteName(c.name)}`);
  for (const index of indexes.rows) await client.query(`drop index ${index.name}`);
  const result = await load();
  for (const index of indexes.rows) await client.query(index.definition);
  for (const c of [...constraints.rows].reverse()) await client.query(`alter table ${c.table} add constraint ${quoteName(c.name)} ${c.definition}`);
  return result;
}

/**
 * Runs a load with the statistics triggers (`stat_mark_*`, migration 20261203000002) disabled, in
 * the caller's transaction, for a load whose rollups are rebuilt afterwards (`npm run
 * statistics:rebuild`). Marks would be redundant there, and the `org_unit` trigger's subtree join
 * against a table whose path index `loadInBulk` dropped is quadratic: 282,829 units ran for more
 * than 25 minutes without finishing. Re-enabled before the transaction ends.
 */
export async function withoutStatisticsMarks<T>(client: Client, load: () => Promise<T>): Promise<T> {
  const triggers = await client.query<{ table: string; name: string }>(
    `select tgrelid::regclass::text as table, tgname as name from pg_trigger where not tgisinternal and tgname like 'stat\\_mark\\_%' order by 1, 2`,
  );
  for (const t of triggers.rows) await client.query(`alter table ${t.table} disable trigger ${quoteName(t.name)}`);
  const result = await load();
  for (const t of triggers.rows) await client.query(`alter table ${t.table} enable trigger ${quoteName(t.name)}`);
  return result;
}
