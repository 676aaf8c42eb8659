import type { Client } from 'pg';
import { inSubtreeSql } from '../../src/services/batched-page';

/**
 * The statistics figures computed by plain SQL over the base tables (no rollups), for a unit's
 * subtree or the whole nation: the yardstick the statistics API (rollups) is compared with. Each
 * group of figures is one statement; the subtree predicate is the services' own (inSubtreeSql:
 * a byte range on the path, served by the text_pattern_ops indexes).
 */

/** A unit's subtree by its path, or the nation (path null: every province). */
export interface Subtree {
  label: string;
  path: string | null;
}

export interface Ratio {
  count: number;
  of: number;
  /** count ÷ of, null when of is 0. */
  ratio: number | null;
}

export interface ThematicMatrix {
  /** Held thematic meetings by topic code and cell type (a meeting with two topics counts in both rows). */
  cells: { topic: string; cellType: string; meetings: number }[];
  /** Row totals: meetings on each topic, all cell types. */
  byTopic: Record<string, number>;
  /** Column totals: distinct meetings in each cell type, whatever their topics. */
  byCellType: Record<string, number>;
  /** Distinct meetings. */
  total: number;
}

export interface BaseFigures {
  subtree: Subtree;
  /** Active units in the subtree, the unit itself excluded. */
  units: { byKind: Record<string, number>; byCellType: Record<string, number> };
  /** Current members (PROBATIONARY or OFFICIAL). */
  members: {
    total: number;
    byStatus: Record<string, number>;
    byGender: Record<string, number>;
    /** ethnicity <> 'Kinh'. */
    ethnicMinority: number;
    byGeneralEducation: Record<string, number>;
    byProfessionalQualification: Record<string, number>;
    byPoliticalTheory: Record<string, number>;
    /** Age = current year − birth year: UP_TO_30, 31_40, 41_50, 51_60, 61_70, OVER_70, UNKNOWN. */
    byAgeBand: Record<string, number>;
  };
  /** The last full calendar year. */
  year: {
    year: number;
    /** ADMITTED member events dated in the year, at units of the subtree. */
    admissions: number;
    regularHeld: number;
    /** PRESENT ÷ (roster − EXEMPT) over the held regular meetings. */
    attendanceRate: number | null;
    /** Average duration_minutes of the held regular meetings. */
    averageDurationMinutes: number | null;
    /** Active cells now, and held regular meetings per active cell. */
    activeCells: number;
    meetingsPerCell: number | null;
    thematic: ThematicMatrix;
  };
  /** Open positions today (ended_on inclusive), over the active cells of the subtree. */
  concurrency: {
    residentialCells: number;
    secretaryAlsoVillageHead: Ratio;
    secretaryAlsoFrontHead: Ratio;
    /** Residential cells whose village head is a member (an open VILLAGE_HEAD position). */
    villageHeadsMembers: Ratio;
    frontHeadsMembers: Ratio;
    /** Administrative agency and public service cells. */
    agencyCells: number;
    secretaryAlsoAgencyHead: Ratio;
  };
}

/** The dates the figures are computed for: today (Vietnam) and the last full year. */
export interface Period {
  today: string;
  year: number;
}

/** The names of the statements, in the order they run: the timing helper reports each. */
export const baseQueryNames = ['units', 'members', 'admissions', 'regular meetings', 'thematic matrix', 'concurrency'] as const;
export type BaseQueryName = (typeof baseQueryNames)[number];

interface Prepared {
  sql: string;
  params: unknown[];
}

/** The subtree predicate on a path column, its parameters starting at $1 (none for the nation). */
function scope(subtree: Subtree, column: string): string {
  return subtree.path === null ? 'true' : inSubtreeSql(column, '$1');
}

const pathParams = (subtree: Subtree): unknown[] => (subtree.path === null ? [] : [subtree.path]);

/** $n for the first parameter after the path. */
const next = (subtree: Subtree, i = 1): string => `$${(subtree.path === null ? 0 : 1) + i}`;

const cellKinds = `('CELL', 'GRASSROOTS_CELL')`;

/** The cells the concurrency ratios are over: active residential, administrative agency and public service cells. */
const concurrencyCells = `c.kind in ${cellKinds} and c.status = 'ACTIVE' and c.cell_type in ('RESIDENTIAL', 'ADMINISTRATIVE_AGENCY', 'PUBLIC_SERVICE')`;

/** The member figures by dimension: each value's condition (the migrations' check constraints list the values). */
const memberDimensions = {
  byStatus: { PROBATIONARY: `m.status = 'PROBATIONARY'`, OFFICIAL: `m.status = 'OFFICIAL'` },
  byGender: { MALE: `m.gender = 'MALE'`, FEMALE: `m.gender = 'FEMALE'` },
  ethnicMinority: { minority: `m.ethnicity <> 'Kinh'` },
  byGeneralEducation: valuesOf('m.general_education', ['PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY']),
  byProfessionalQualification: valuesOf('m.professional_qualification', ['DOCTORATE', 'MASTER', 'BACHELOR', 'COLLEGE', 'INTERMEDIATE', 'ELEMENTARY', 'NONE']),
  byPoliticalTheory: valuesOf('m.political_theory', ['ADVANCED', 'INTERMEDIATE', 'ELEMENTARY', 'NONE']),
  byAgeBand: {
    UP_TO_30: 'a.age <= 30', '31_40': 'a.age between 31 and 40', '41_50': 'a.age between 41 and 50', '51_60': 'a.age between 51 and 60',
    '61_70': 'a.age between 61 and 70', OVER_70: 'a.age > 70', UNKNOWN: 'm.birth_date is null',
  },
} as const satisfies Record<string, Record<string, string>>;

function valuesOf(column: string, values: readonly string[]): Record<string, string> {
  return { ...Object.fromEntries(values.map((v) => [v, `${column} = '${v}'`])), UNKNOWN: `${column} is null` };
}

type MemberDimension = keyof typeof memberDimensions;

/** `count(*) filter (where …) as "dimension:value"` for every value, and the total. */
function memberCounts(): string {
  const counts = Object.entries(memberDimensions).flatMap(([dimension, values]) =>
    Object.entries(values).map(([value, condition]) => `count(*) filter (where ${condition})::int as "${dimension}:${value}"`),
  );
  return [...counts, 'count(*)::int as total'].join(',\n       ');
}

export function baseQueries(subtree: Subtree, period: Period): Record<BaseQueryName, Prepared> {
  const yearStart = `${period.year}-01-01`;
  const yearEnd = `${period.year}-12-31`;
  const p = pathParams(subtree);
  return {
    units: {
      sql: `
select grouping(kind) = 0 as by_kind, coalesce(kind, cell_type) as key, count(*)::int as n
  from org_unit
 where status = 'ACTIVE' and ${scope(subtree, 'path')} ${subtree.path === null ? '' : 'and path <> $1'}
 group by grouping sets ((kind), (cell_type))
having grouping(kind) = 0 or cell_type is not null`,
      params: p,
    },
    members: {
      // One pass with a filtered count per value: a GROUP BY over the combinations is planned as
      // a sort of every member (the estimate of groups is far too high), and GROUPING SETS
      // (hash per set) took twice as long on the nation.
      sql: `
select ${memberCounts()}
  from member m
  cross join lateral (select ${next(subtree)}::int - date_part('year', m.birth_date)::int as age) a
 where m.status in ('PROBATIONARY', 'OFFICIAL') and ${scope(subtree, 'm.unit_path')}`,
      params: [...p, Number(period.today.slice(0, 4))],
    },
    admissions: {
      sql: `
select count(*)::int as n from member_event
 where kind = 'ADMITTED' and occurred_on between ${next(subtree)}::date and ${next(subtree, 2)}::date and ${scope(subtree, 'unit_path')}`,
      params: [...p, yearStart, yearEnd],
    },
    'regular meetings': {
      sql: `
select count(*)::int as held, avg(m.duration_minutes)::float as average_duration,
       sum(a.present)::bigint as present, sum(a.expected)::bigint as expected,
       (select count(*)::int from org_unit c where c.kind in ${cellKinds} and c.status = 'ACTIVE' and ${scope(subtree, 'c.path')}) as cells
  from meeting m
  -- Each meeting's frozen roster through the attendance primary key (meeting_id, member_id).
  cross join lateral (
    select count(*) filter (where a.status = 'PRESENT') as present, count(*) filter (where a.status <> 'EXEMPT') as expected
      from meeting_attendance a where a.meeting_id = m.id
  ) a
 where m.kind = 'REGULAR' and m.status = 'HELD' and m.held_on between ${next(subtree)}::date and ${next(subtree, 2)}::date
   and ${scope(subtree, 'm.unit_path')}`,
      params: [...p, yearStart, yearEnd],
    },
    'thematic matrix': {
      sql: `
select grouping(t.code) = 0 as by_topic, grouping(c.cell_type) = 0 as by_cell_type, t.code as topic, c.cell_type,
       count(distinct m.id)::int as meetings
  from meeting m
  join meeting_topic mt on mt.meeting_id = m.id
  join thematic_topic t on t.id = mt.topic_id
  join org_unit c on c.id = m.unit_id
 where m.kind = 'THEMATIC' and m.status = 'HELD' and m.held_on between ${next(subtree)}::date and ${next(subtree, 2)}::date
   and ${scope(subtree, 'm.unit_path')}
 group by grouping sets ((t.code, c.cell_type), (t.code), (c.cell_type), ())`,
      params: [...p, yearStart, yearEnd],
    },
    concurrency: {
      // The cells' filter is written twice rather than shared as a CTE: on a CTE the planner
      // knows nothing of the key, estimated 500 million joined rows and planned (and JIT-compiled) for them.
      sql: `
with holder as (
  -- Each member's open positions in each of these cells.
  select p.unit_id, array_agg(p.position) as positions
    from member_position p join org_unit c on c.id = p.unit_id
   where ${concurrencyCells} and ${scope(subtree, 'c.path')}
     and p.started_on <= ${next(subtree)}::date and (p.ended_on is null or p.ended_on >= ${next(subtree)}::date)
     and p.position in ('SECRETARY', 'VILLAGE_HEAD', 'FRONT_WORK_COMMITTEE_HEAD', 'AGENCY_HEAD')
   group by p.unit_id, p.member_id
), per_cell as (
  select c.cell_type,
         coalesce(bool_or(h.positions @> array['SECRETARY', 'VILLAGE_HEAD']), false) as secretary_village_head,
         coalesce(bool_or(h.positions @> array['SECRETARY', 'FRONT_WORK_COMMITTEE_HEAD']), false) as secretary_front_head,
         coalesce(bool_or('VILLAGE_HEAD' = any(h.positions)), false) as village_head,
         coalesce(bool_or('FRONT_WORK_COMMITTEE_HEAD' = any(h.positions)), false) as front_head,
         coalesce(bool_or(h.positions @> array['SECRETARY', 'AGENCY_HEAD']), false) as secretary_agency_head
    from org_unit c left join holder h on h.unit_id = c.id
   where ${concurrencyCells} and ${scope(subtree, 'c.path')}
   group by c.id
)
select count(*) filter (where cell_type = 'RESIDENTIAL')::int as residential,
       count(*) filter (where cell_type = 'RESIDENTIAL' and secretary_village_head)::int as secretary_village_head,
       count(*) filter (where cell_type = 'RESIDENTIAL' and secretary_front_head)::int as secretary_front_head,
       count(*) filter (where cell_type = 'RESIDENTIAL' and village_head)::int as village_head,
       count(*) filter (where cell_type = 'RESIDENTIAL' and front_head)::int as front_head,
       count(*) filter (where cell_type <> 'RESIDENTIAL')::int as agency,
       count(*) filter (where cell_type <> 'RESIDENTIAL' and secretary_agency_head)::int as secretary_agency_head
  from per_cell`,
      params: [...p, period.today],
    },
  };
}

type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value);
const ratio = (count: number, of: number): Ratio => ({ count, of, ratio: of === 0 ? null : count / of });

function readUnits(rows: Row[]): BaseFigures['units'] {
  return {
    byKind: Object.fromEntries(rows.filter((r) => r.by_kind === true).map((r) => [String(r.key), num(r.n)])),
    byCellType: Object.fromEntries(rows.filter((r) => r.by_kind !== true).map((r) => [String(r.key), num(r.n)])),
  };
}

function readMembers(rows: Row[]): BaseFigures['members'] {
  const row = rows[0] ?? {};
  const dimension = (name: MemberDimension): Record<string, number> =>
    Object.fromEntries(Object.keys(memberDimensions[name]).map((value) => [value, num(row[`${name}:${value}`] ?? 0)]));
  return {
    total: num(row.total ?? 0),
    byStatus: dimension('byStatus'),
    byGender: dimension('byGender'),
    ethnicMinority: dimension('ethnicMinority').minority ?? 0,
    byGeneralEducation: dimension('byGeneralEducation'),
    byProfessionalQualification: dimension('byProfessionalQualification'),
    byPoliticalTheory: dimension('byPoliticalTheory'),
    byAgeBand: dimension('byAgeBand'),
  };
}

function readThematic(rows: Row[]): ThematicMatrix {
  const cells = rows.filter((r) => r.by_topic === true && r.by_cell_type === true).map((r) => ({ topic: String(r.topic), cellType: String(r.cell_type), meetings: num(r.meetings) }));
  const byTopic = Object.fromEntries(rows.filter((r) => r.by_topic === true && r.by_cell_type === false).map((r) => [String(r.topic), num(r.meetings)]));
  const byCellType = Object.fromEntries(rows.filter((r) => r.by_topic === false && r.by_cell_type === true).map((r) => [String(r.cell_type), num(r.meetings)]));
  const total = num(rows.find((r) => r.by_topic === false && r.by_cell_type === false)?.meetings ?? 0);
  return { cells, byTopic, byCellType, total };
}

type Results = Record<BaseQueryName, Row[]>;

function assemble(subtree: Subtree, period: Period, results: Results): BaseFigures {
  const regular = results['regular meetings'][0] ?? {};
  const held = num(regular.held);
  const cells = num(regular.cells);
  const expected = num(regular.expected);
  const c = results.concurrency[0] ?? {};
  const residential = num(c.residential);
  const agency = num(c.agency);
  return {
    subtree,
    units: readUnits(results.units),
    members: readMembers(results.members),
    year: {
      year: period.year,
      admissions: num(results.admissions[0]?.n ?? 0),
      regularHeld: held,
      attendanceRate: expected === 0 ? null : num(regular.present) / expected,
      averageDurationMinutes: regular.average_duration === null || regular.average_duration === undefined ? null : num(regular.average_duration),
      activeCells: cells,
      meetingsPerCell: cells === 0 ? null : held / cells,
      thematic: readThematic(results['thematic matrix']),
    },
    concurrency: {
      residentialCells: residential,
      secretaryAlsoVillageHead: ratio(num(c.secretary_village_head), residential),
      secretaryAlsoFrontHead: ratio(num(c.secretary_front_head), residential),
      villageHeadsMembers: ratio(num(c.village_head), residential),
      frontHeadsMembers: ratio(num(c.front_head), residential),
      agencyCells: agency,
      secretaryAlsoAgencyHead: ratio(num(c.secretary_agency_head), agency),
    },
  };
}

async function runQueries(client: Client, subtree: Subtree, period: Period, timings?: Record<BaseQueryName, number[]>): Promise<Results> {
  const queries = baseQueries(subtree, period);
  const results = {} as Results;
  for (const name of baseQueryNames) {
    const start = performance.now();
    const result = await client.query<Row>(queries[name].sql, queries[name].params);
    timings?.[name].push(performance.now() - start);
    results[name] = result.rows;
  }
  return results;
}

/** Every figure for the subtree, by plain SQL over the base tables. */
export async function baseFigures(client: Client, subtree: Subtree, period: Period): Promise<BaseFigures> {
  return assemble(subtree, period, await runQueries(client, subtree, period));
}

export interface Percentiles {
  p50Ms: number;
  p99Ms: number;
}

export interface TimedBaseFigures {
  figures: BaseFigures;
  runs: number;
  /** Each statement's latency over the runs. */
  byQuery: Record<BaseQueryName, Percentiles>;
  /** The whole set of statements, one after the other. */
  all: Percentiles;
}

/** Nearest-rank percentile of the samples (ms). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const percentiles = (samples: readonly number[]): Percentiles => ({ p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) });

/**
 * Runs the set once to warm the caches (discarded), then `runs` times, and reports p50/p99 per
 * statement and for the whole set; the figures are those of the last run.
 */
export async function timeBaseFigures(client: Client, subtree: Subtree, period: Period, runs: number): Promise<TimedBaseFigures> {
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${String(runs)}`);
  await runQueries(client, subtree, period);
  const timings = Object.fromEntries(baseQueryNames.map((name) => [name, [] as number[]])) as unknown as Record<BaseQueryName, number[]>;
  const totals: number[] = [];
  let results: Results | null = null;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    results = await runQueries(client, subtree, period, timings);
    totals.push(performance.now() - start);
  }
  const byQuery = Object.fromEntries(baseQueryNames.map((name) => [name, percentiles(timings[name])])) as Record<BaseQueryName, Percentiles>;
  return { figures: assemble(subtree, period, results as Results), runs, byQuery, all: percentiles(totals) };
}
