import type DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../request-context';
import { HEAD, within } from './contribution-sql';
import { CONTRIBUTIONS } from './contributions';
import { CELL_LEVEL_KINDS, METRICS, NATION, StatFamily, type Metric, type MetricTiming } from './families';

/**
 * Reads the rollups: for a unit (or the nation), a period [from, to] and a day asOf, the sums of
 * one metric's rows by key. Committees, provinces and the nation read their stat_fact rows; cells
 * and party groups sum the stat_own rows of their subtree (a handful of units). Every metric of
 * every section and breakdown of a request goes through one loader, so a page of units each with
 * its sections is one statement.
 */
export interface RollupSubject {
  /** null: the nation. */
  readonly unitId: number | null;
  readonly path: string | null;
  readonly kind: string | null;
}

export interface RollupWindow {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
}

export interface RollupRow {
  readonly k1: string;
  readonly k2: string;
  readonly n: number;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

interface Key extends RollupWindow {
  readonly subject: RollupSubject;
  readonly metric: Metric;
}

const FAMILY_OF_STOCK: Partial<Record<Metric, readonly StatFamily[]>> = {
  UNITS: [StatFamily.TREE],
  MEMBERS: [StatFamily.MEMBERS],
  CELL_FLAGS: [StatFamily.MEMBERS, StatFamily.POSITIONS],
  POSITIONS: [StatFamily.POSITIONS],
};

const isCellLevel = (kind: string | null): boolean => kind !== null && (CELL_LEVEL_KINDS as readonly string[]).includes(kind);

const keyString = (k: Key): string => JSON.stringify([k.subject.unitId, k.subject.path, k.subject.kind, k.from, k.to, k.asOf, k.metric]);

/**
 * Where a window's rows lie. Cells and party groups (stat_own, by day): stocks after asOf (the
 * infinity row included), flows in the period, annual rows in its years. Committees, provinces and
 * the nation (stat_fact) read whole months from their month rows and only the edges by day, so
 * that a year is a few hundred rows whatever the number of days with meetings.
 */
const OWN_DAYS: Record<MetricTiming, string> = {
  STOCK: 'r.day > k.as_of',
  FLOW: 'r.day between k.from_day and k.to_day',
  ANNUAL: 'r.day between k.year_from and k.year_to',
};

/** stat_fact ranges per timing: [grain, first day, last day] over k's computed bounds. */
const FACT_RANGES: Record<MetricTiming, ReadonlyArray<readonly [string, string, string]>> = {
  // The value after every change, less the changes after asOf: the rest of asOf's month by day, the months after by month.
  STOCK: [['D', "'infinity'::date", "'infinity'::date"], ['D', 'k.as_of + 1', 'k.stock_month - 1'], ['M', 'k.stock_month', "'infinity'::date - 1"]],
  FLOW: [['D', 'k.from_day', 'k.edge1_to'], ['M', 'k.month_from', 'k.month_to'], ['D', 'k.edge2_from', 'k.to_day']],
  ANNUAL: [['D', 'k.year_from', 'k.year_to']],
};

/** Stocks count the infinity row and subtract the changes after asOf. */
const signed = (v: string): string => `sum(case when k.timing = 'STOCK' and r.day <> 'infinity' then -r.${v} else r.${v} end)::float8 as ${v}`;

function batchSql(): string {
  const columns = 'k.ord, r.day, r.k1, r.k2, r.n, r.a, r.b, r.c, r.d';
  const fact = (timing: MetricTiming): string[] => FACT_RANGES[timing].map(([grain, first, last]) => `
  select ${columns} from k join stat_fact r on r.unit_id = k.unit_id and r.metric = k.metric and r.grain = '${grain}' and r.day between ${first} and ${last}
   where k.path is null and k.timing = '${timing}'`);
  const own = (timing: MetricTiming): string => `
  select ${columns} from k join stat_own r on ${within('r.unit_path', 'k.path')} and r.metric = k.metric and ${OWN_DAYS[timing]}
   where k.path is not null and k.timing = '${timing}' and not (r.family = 'TREE' and r.unit_id = k.unit_id)`;
  const timings = ['STOCK', 'FLOW', 'ANNUAL'] as const;
  return `with w as (
  select * from unnest(?::int[], ?::text[], ?::date[], ?::date[], ?::date[], ?::text[], ?::text[]) with ordinality as w(unit_id, path, from_day, to_day, as_of, metric, timing, ord)
),
k as (
  select w.*, b.*, make_date(extract(year from w.from_day)::int, 1, 1) as year_from, make_date(extract(year from w.to_day)::int, 12, 31) as year_to,
         (date_trunc('month', w.as_of) + interval '1 month')::date as stock_month,
         -- Whole months of the period by month; the days before the first and after the last by day.
         case when b.month_from <= b.month_to then b.month_from - 1 else w.to_day end as edge1_to,
         case when b.month_from <= b.month_to then (b.month_to + interval '1 month')::date else w.to_day + 1 end as edge2_from
    from w cross join lateral (
      select case when w.from_day = date_trunc('month', w.from_day)::date then w.from_day else (date_trunc('month', w.from_day) + interval '1 month')::date end as month_from,
             case when w.to_day + 1 = date_trunc('month', w.to_day + 1)::date then date_trunc('month', w.to_day)::date else (date_trunc('month', w.to_day) - interval '1 month')::date end as month_to
    ) b
),
r as (${timings.flatMap((t) => [...fact(t), own(t)]).join('\n  union all')})
select r.ord, r.k1, r.k2, ${['n', 'a', 'b', 'c', 'd'].map(signed).join(', ')}
  from r join k on k.ord = r.ord
 group by r.ord, r.k1, r.k2`;
}

const BATCH_SQL = batchSql();

const textArray = (values: readonly (string | null)[]): string =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;

type RowOut = { ord: string | number; k1: string; k2: string; n: number; a: number; b: number; c: number; d: number };

async function readRollups(em: EntityManager, keys: readonly Key[]): Promise<RollupRow[][]> {
  const params = [
    `{${keys.map((k) => k.subject.unitId ?? NATION).join(',')}}`,
    textArray(keys.map((k) => (isCellLevel(k.subject.kind) ? k.subject.path : null))),
    textArray(keys.map((k) => k.from)),
    textArray(keys.map((k) => k.to)),
    textArray(keys.map((k) => k.asOf)),
    textArray(keys.map((k) => k.metric)),
    textArray(keys.map((k) => METRICS[k.metric])),
  ];
  const rows = await em.getConnection().execute<RowOut[]>(BATCH_SQL, params, 'all');
  const out: RollupRow[][] = keys.map(() => []);
  for (const r of rows) out[Number(r.ord) - 1].push({ k1: r.k1, k2: r.k2, n: Number(r.n), a: Number(r.a), b: Number(r.b), c: Number(r.c), d: Number(r.d) });
  return out;
}

/**
 * A stock as of a day before the rollups' history: counted from the base tables through the same
 * contribution queries, over every unit of the subtree (slow for a province; see decisions §21).
 */
async function recountStock(em: EntityManager, key: Key): Promise<RollupRow[]> {
  const families = FAMILY_OF_STOCK[key.metric] ?? [];
  const subtree = key.subject.path === null
    ? await em.getConnection().execute<Array<{ id: number }>>('select id from org_unit', [], 'all')
    : await em.getConnection().execute<Array<{ id: number }>>(`select id from org_unit where ${within('path', '?')}`, [key.subject.path, key.subject.path], 'all');
  const ids = `{${subtree.map((r) => r.id).filter((id) => key.metric !== 'UNITS' || id !== key.subject.unitId).join(',')}}`;
  const sums = new Map<string, RollupRow>();
  for (const family of families) {
    const rows = await em.getConnection().execute<RowOut[]>(
      `with ${HEAD}${CONTRIBUTIONS[family].ctes}
       select k1, k2, sum(case when day = 'infinity' then n else -n end)::float8 as n, 0 as a, 0 as b, 0 as c, 0 as d
         from own_rows where metric = ? and day > ?::date group by k1, k2`,
      [key.asOf, ids, key.metric, key.asOf],
      'all',
    );
    for (const r of rows) {
      const id = `${r.k1}\u0000${r.k2}`;
      const prev = sums.get(id);
      sums.set(id, { k1: r.k1, k2: r.k2, n: (prev?.n ?? 0) + Number(r.n), a: 0, b: 0, c: 0, d: 0 });
    }
  }
  return [...sums.values()];
}

function loader(ctx: RequestContext, horizon: string): DataLoader<string, RollupRow[]> {
  return ctx.loaders.keyed<string, RollupRow[]>(`statRollups:${horizon}`, async (strings) => {
    const keys = strings.map((s) => {
      const [unitId, path, kind, from, to, asOf, metric] = JSON.parse(s) as [number | null, string | null, string | null, string, string, string, Metric];
      return { subject: { unitId, path, kind }, from, to, asOf, metric };
    });
    const old = (k: Key): boolean => METRICS[k.metric] === 'STOCK' && k.asOf < horizon;
    const fromRollups = keys.filter((k) => !old(k));
    const read = fromRollups.length === 0 ? [] : await readRollups(ctx.em, fromRollups);
    const answers = new Map<Key, RollupRow[]>(fromRollups.map((k, i) => [k, read[i]]));
    for (const k of keys.filter(old)) answers.set(k, await recountStock(ctx.em, k));
    return keys.map((k) => answers.get(k) as RollupRow[]);
  });
}

/** The horizon of stock history, read once per request. */
export async function statisticsHorizon(ctx: RequestContext): Promise<string> {
  return ctx.loaders
    .keyed<string, string>('statHorizon', async (keys) => {
      const [row] = await ctx.em.getConnection().execute<Array<{ horizon: string }>>('select horizon::text as horizon from stat_state where id = 1', [], 'all');
      return keys.map(() => row.horizon);
    })
    .load('horizon');
}

/** One metric's sums by key for a subject and window; batched with every other read of the request. */
export async function rollup(ctx: RequestContext, subject: RollupSubject, window: RollupWindow, metric: Metric): Promise<RollupRow[]> {
  const horizon = await statisticsHorizon(ctx);
  return loader(ctx, horizon).load(keyString({ subject, ...window, metric }));
}
