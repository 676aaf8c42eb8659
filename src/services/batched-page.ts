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
  /** The select list over `t` (src/schema/selected-columns.ts); every column when omitted. */
  readonly columns?: string;
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

/** Rows per key for one window (offset/limit per key), in one statement. */
export async function rowsPerKey(
  em: EntityManager,
  query: ListQuery,
  keyType: KeyType,
  keys: readonly (string | number)[],
  windows: readonly { offset: number; limit: number }[],
): Promise<Row[][]> {
  const offsets = windows.map((w) => w.offset).join(',');
  const limits = windows.map((w) => w.limit).join(',');
  const sql =
    `select k.ord as "__ord", t.* from ${keysSql(keyType)} ` +
    `join unnest(string_to_array(?, ',')::int[], string_to_array(?, ',')::int[]) with ordinality as w(off, lim, ord) on w.ord = k.ord ` +
    `cross join lateral (select ${query.columns ?? 't.*'} from ${query.from} where ${whereSql(query)} order by ${query.orderBy} limit w.lim offset w.off) t ` +
    `order by k.ord`;
  const rows = await em.getConnection().execute<Row[]>(sql, [keys.join(','), offsets, limits, ...query.params], 'all');
  const grouped: Row[][] = keys.map(() => []);
  // `__ord` stays on the row: deleting a property turns the object into a slow dictionary-mode one.
  for (const row of rows) grouped[Number(row.__ord) - 1].push(row);
  return grouped;
}

export interface RawPage {
  readonly rows: Row[];
  readonly offset: number;
  readonly hasNextPage: boolean;
  /** Known when the window needed it (backward pages). */
  readonly total: number | null;
}

/** Pages for many keys sharing one window shape; backward windows first count, then fetch. */
export async function pagesPerKey(
  em: EntityManager,
  query: ListQuery,
  keyType: KeyType,
  keys: readonly (string | number)[],
  window: PageWindow,
): Promise<RawPage[]> {
  if (keys.length === 0) return [];
  if (window.kind === 'forward') {
    const fetched = await rowsPerKey(em, query, keyType, keys, keys.map(() => ({ offset: window.offset, limit: window.limit + 1 })));
    return fetched.map((rows) => ({
      rows: rows.slice(0, window.limit),
      offset: window.offset,
      hasNextPage: rows.length > window.limit,
      total: null,
    }));
  }
  const totals = await countPerKey(em, query, keyType, keys);
  const windows = totals.map((total) => resolveWindow(window, total));
  const fetched = await rowsPerKey(em, query, keyType, keys, windows);
  return fetched.map((rows, i) => ({
    rows,
    offset: windows[i].offset,
    hasNextPage: windows[i].offset + windows[i].limit < totals[i],
    total: totals[i],
  }));
}
