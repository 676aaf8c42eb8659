import type { EntityManager } from '@mikro-orm/postgresql';
import { resolveWindow, type PageWindow } from './pagination';

/**
 * One SQL statement fetches a page for every parent key at once (a LATERAL join per key),
 * so nested connections cost the same number of statements however many parents there are.
 */
export interface ListQuery {
  /** e.g. `org_unit t` */
  readonly from: string;
  /** Conditions on `t`; the key is `k.key` (text or int, see keyType). */
  readonly where: readonly string[];
  readonly params: readonly unknown[];
  readonly orderBy: string;
  /** The select list over `t` (src/schema/page-selection.ts); every column when omitted. */
  readonly columns?: string;
  /** The caller reads the total: count in the page's statement (forward pages). */
  readonly withTotal?: boolean;
}

export type KeyType = 'int' | 'text';

/**
 * `column` lies in the subtree of the path `key` (a column or expression): a byte-wise range,
 * so that the text_pattern_ops index serves it even when `key` varies per row (LIKE key || '%'
 * could not). Paths hold only digits and '/', which sort below '~'.
 */
export function inSubtreeSql(column: string, key: string): string {
  return `${column} ~>=~ ${key} and ${column} ~<~ (${key} || '~')`;
}

type Row = Record<string, unknown>;

function keysSql(keyType: KeyType): string {
  const cast = keyType === 'int' ? '::int[]' : '::text[]';
  return `unnest(string_to_array(?, ',')${cast}) with ordinality as k(key, ord)`;
}

function whereSql(query: ListQuery): string {
  return query.where.length === 0 ? 'true' : query.where.map((w) => `(${w})`).join(' and ');
}

/** Counts rows per key, in one statement. */
export async function countPerKey(
  em: EntityManager,
  query: ListQuery,
  keyType: KeyType,
  keys: readonly (string | number)[],
): Promise<number[]> {
  const sql = `select k.ord, (select count(*) from ${query.from} where ${whereSql(query)})::int as n from ${keysSql(keyType)} order by k.ord`;
  // Placeholders in text order: the subquery's conditions come before the key list.
  const rows = await em.getConnection().execute<Row[]>(sql, [...query.params, keys.join(',')], 'all');
  return rows.map((r) => Number(r.n));
}

/** Rows per key for one window (offset/limit per key), in one statement; with `withTotal`, each key's count too. */
export async function rowsPerKey(
  em: EntityManager,
  query: ListQuery,
  keyType: KeyType,
  keys: readonly (string | number)[],
  windows: readonly { offset: number; limit: number }[],
  withTotal = false,
): Promise<{ rows: Row[][]; totals: number[] }> {
  const offsets = windows.map((w) => w.offset).join(',');
  const limits = windows.map((w) => w.limit).join(',');
  const page = `(select true as "__row", ${query.columns ?? 't.*'} from ${query.from} where ${whereSql(query)} order by ${query.orderBy} limit w.lim offset w.off) t`;
  // With the count, a key with no row on this page still yields one row (its count, "__row" null).
  const sql = withTotal
    ? `select k.ord as "__ord", c.n as "__total", t.* from ${keysSql(keyType)} ` +
      `join unnest(string_to_array(?, ',')::int[], string_to_array(?, ',')::int[]) with ordinality as w(off, lim, ord) on w.ord = k.ord ` +
      `cross join lateral (select count(*)::int as n from ${query.from} where ${whereSql(query)}) c ` +
      `left join lateral ${page} on true order by k.ord`
    : `select k.ord as "__ord", t.* from ${keysSql(keyType)} ` +
      `join unnest(string_to_array(?, ',')::int[], string_to_array(?, ',')::int[]) with ordinality as w(off, lim, ord) on w.ord = k.ord ` +
      `cross join lateral ${page} order by k.ord`;
  const params = withTotal ? [keys.join(','), offsets, limits, ...query.params, ...query.params] : [keys.join(','), offsets, limits, ...query.params];
  const fetched = await em.getConnection().execute<Row[]>(sql, params, 'all');
  const rows: Row[][] = keys.map(() => []);
  const totals: number[] = keys.map(() => 0);
  // `__ord` and `__row` stay on the row: deleting a property turns the object into a slow dictionary-mode one.
  for (const row of fetched) {
    const ord = Number(row.__ord) - 1;
    if (withTotal) totals[ord] = Number(row.__total);
    if (row.__row === true) rows[ord].push(row);
  }
  return { rows, totals };
}

export interface RawPage {
  readonly rows: Row[];
  readonly offset: number;
  readonly hasNextPage: boolean;
  /** Known when the window needed it (backward pages). */
  readonly total: number | null;
}

/**
 * Pages for many keys sharing one window shape. Forward windows fetch one row more than the page
 * (is there a next page?) and, when the caller wants the total, count in the same statement;
 * backward windows first count, then fetch.
 */
export async function pagesPerKey(
  em: EntityManager,
  query: ListQuery,
  keyType: KeyType,
  keys: readonly (string | number)[],
  window: PageWindow,
  withTotal = false,
): Promise<RawPage[]> {
  if (keys.length === 0) return [];
  if (window.kind === 'forward') {
    const fetched = await rowsPerKey(em, query, keyType, keys, keys.map(() => ({ offset: window.offset, limit: window.limit + 1 })), withTotal);
    return fetched.rows.map((rows, i) => ({
      rows: rows.slice(0, window.limit),
      offset: window.offset,
      hasNextPage: rows.length > window.limit,
      total: withTotal ? fetched.totals[i] : null,
    }));
  }
  const totals = await countPerKey(em, query, keyType, keys);
  const windows = totals.map((total) => resolveWindow(window, total));
  const fetched = (await rowsPerKey(em, query, keyType, keys, windows)).rows;
  return fetched.map((rows, i) => ({
    rows,
    offset: windows[i].offset,
    hasNextPage: windows[i].offset + windows[i].limit < totals[i],
    total: totals[i],
  }));
}
