import { resolve } from 'path';
import type { Client } from 'pg';
import { lastFullYear, vietnamToday } from '../datasets/meetings';
import { generateStatisticsForSuite, statisticsCountedTables, statisticsCredentials, statisticsDatabase } from '../datasets/statistics';
import { timeBaseFigures, type BaseFigures, type Subtree } from '../lib/base-sql';
import { globalId, pick } from '../lib/graphql';
import { runToCompletion } from '../lib/processes';
import type { ResultRow } from '../lib/report';
import type { Credentials, Scenario, Suite, SuiteApi } from '../lib/suite';

/**
 * The statistics suite (issue #7): the national simulation (34 provinces, 5.58 million members;
 * province S01 with 300,000 members, 15,000 cells and two years of meetings), its rollups built by
 * `npm run statistics:rebuild`, and three callers: S01's analyst, S02's analyst in the national
 * database, and a national analyst. After the load, the same figures by plain SQL over the base
 * tables, timed, with the ratio, and a check that both give the same numbers.
 */
const repoRoot = resolve(__dirname, '../..');

/** The dashboard a provincial integration pulls: every section, the matrix, the ratios. */
const STATISTICS = `query Statistics($u: ID, $y: Int!, $asOf: LocalDate) { statistics(unitId: $u, period: { year: $y }, asOf: $asOf) {
  asOf freshness { pendingChanges countedFrom }
  units { total cells byKind { kind count } byCellType { cellType count } }
  members { total status: by(dimension: STATUS) { key count } gender: by(dimension: GENDER) { key count } minority: by(dimension: ETHNIC_MINORITY) { key count }
    education: by(dimension: GENERAL_EDUCATION) { key count } qualification: by(dimension: PROFESSIONAL_QUALIFICATION) { key count }
    theory: by(dimension: POLITICAL_THEORY) { key count } age: by(dimension: AGE_BAND) { key count } }
  admissions { admitted rural membersAtStart admissionRate }
  meetings { cells regularHeld regularPerCell byKind { kind held present expected attendanceRate averageDurationMinutes } compliance { regularRate inWindowRate thematicRate attendanceRate } }
  thematicMatrix { total columnTotals { cellType count } rows { topic { code } total } }
  indicators(only: [SECRETARY_ALSO_VILLAGE_HEAD, SECRETARY_ALSO_FRONT_HEAD, VILLAGE_HEADS_PARTY_MEMBERS, FRONT_HEADS_PARTY_MEMBERS, AGENCY_SECRETARIES_ALSO_HEADS, ADMISSION_RATE, ATTENDANCE_RATE]) { indicator numerator denominator percent }
} }`;

interface Province {
  id: number;
  code: string;
  path: string;
}

async function provinces(client: Client): Promise<Record<'S01' | 'S02', Province>> {
  const result = await client.query<Province>(`select id, code, path from org_unit where kind = 'PROVINCE' and code in ('S01', 'S02') order by code`);
  const [s01, s02] = result.rows;
  if (s01 === undefined || s02 === undefined) throw new Error('provinces S01 and S02 not found: was the statistics dataset generated?');
  return { S01: s01, S02: s02 };
}

/** The answer must count what the dataset holds: an empty statistics answer measures nothing. */
function checkStatistics(data: unknown, minMembers: number, withMeetings: boolean): string | null {
  const s = pick(data, 'statistics');
  if (s === undefined || s === null) return 'statistics missing';
  if (pick(s, 'freshness', 'pendingChanges') !== 0) return 'the rollups have pending changes: was npm run statistics:rebuild run?';
  const members = pick(s, 'members', 'total');
  if (typeof members !== 'number' || members < minMembers) return `members.total is ${String(members)}, expected at least ${minMembers}`;
  const held = pick(s, 'meetings', 'regularHeld');
  if (withMeetings && (typeof held !== 'number' || held === 0)) return 'no regular meeting counted: were the meetings generated?';
  return null;
}

function scenario(name: string, description: string, credentials: Credentials, unit: Province | null, year: number, target: Scenario['target'], minMembers: number, withMeetings: boolean): Scenario {
  return {
    name,
    description,
    credentials,
    query: STATISTICS,
    variables: [{ u: unit === null ? null : globalId('OrgUnit', unit.id), y: year }],
    target,
    // One request uses a CPU for its whole time: more connections than CPUs would measure queueing.
    maxConnections: 2,
    checkSample: (data) => checkStatistics(data, minMembers, withMeetings),
  };
}

const count = (list: unknown, key: string): number | undefined => (Array.isArray(list) ? (list.find((x) => pick(x, 'key') === key) as { count?: number } | undefined)?.count : undefined);

/** The figures both sides compute, named the same: the API's answer (stocks as of today) against plain SQL. */
function comparable(api: unknown, base: BaseFigures): Array<[string, unknown, unknown]> {
  const s = pick(api, 'statistics');
  const m = pick(s, 'members');
  const regular = (pick(s, 'meetings', 'byKind') as Array<Record<string, unknown>>).find((k) => k.kind === 'REGULAR') ?? {};
  const indicator = (name: string): unknown => (pick(s, 'indicators') as Array<Record<string, unknown>>).find((i) => i.indicator === name)?.numerator;
  return [
    ['cells', pick(s, 'units', 'cells'), (base.units.byKind.CELL ?? 0) + (base.units.byKind.GRASSROOTS_CELL ?? 0)],
    ['members', pick(m, 'total'), base.members.total],
    ['official', count(pick(m, 'status'), 'OFFICIAL'), base.members.byStatus.OFFICIAL],
    ['women', count(pick(m, 'gender'), 'FEMALE'), base.members.byGender.FEMALE],
    ['ethnic minorities', count(pick(m, 'minority'), 'YES'), base.members.ethnicMinority],
    ['over 70', count(pick(m, 'age'), 'OVER_70'), base.members.byAgeBand.OVER_70],
    ['admissions', pick(s, 'admissions', 'admitted'), base.year.admissions],
    ['regular meetings', regular.held, base.year.regularHeld],
    ['thematic meetings', pick(s, 'thematicMatrix', 'total'), base.year.thematic.total],
    ['secretary also village head', indicator('SECRETARY_ALSO_VILLAGE_HEAD'), base.concurrency.secretaryAlsoVillageHead.count],
    ['village heads who are members', indicator('VILLAGE_HEADS_PARTY_MEMBERS'), base.concurrency.villageHeadsMembers.count],
  ];
}

const p50Of = (rows: readonly ResultRow[], name: string): number | undefined => rows.find((r) => r.scenario === name && r.variant === 'on')?.figures.p50Ms;

async function report(client: Client, api: SuiteApi, rows: readonly ResultRow[]): Promise<string[]> {
  const today = vietnamToday();
  const year = lastFullYear(today);
  const p = await provinces(client);
  const runs = Number(process.env.BENCH_BASE_SQL_RUNS ?? 5);
  const lines = [`statistics from the rollups (API, HTTP, p50 under load) against the same figures by plain SQL over the base tables (${runs} runs, one connection):`];
  const cases: Array<[string, Subtree, Province | null, Credentials]> = [
    ['statistics-province', { label: 'S01', path: p.S01.path }, p.S01, statisticsCredentials('stats.analyst.s01')],
    ['statistics-national-province-caller', { label: 'S02', path: p.S02.path }, p.S02, statisticsCredentials('stats.analyst.s02')],
    ['statistics-national', { label: 'nation', path: null }, null, statisticsCredentials('stats.analyst.national')],
  ];
  for (const [name, subtree, unit, credentials] of cases) {
    const base = await timeBaseFigures(client, subtree, { today, year }, runs);
    const apiP50 = p50Of(rows, name);
    const ratio = apiP50 === undefined || apiP50 === 0 ? '–' : `${(base.all.p50Ms / apiP50).toFixed(0)}×`;
    lines.push(`  ${subtree.label.padEnd(7)} API p50 ${apiP50?.toFixed(1) ?? '–'} ms; plain SQL p50 ${base.all.p50Ms.toFixed(1)} ms (p99 ${base.all.p99Ms.toFixed(1)}); plain SQL ÷ API ${ratio}`);
    const answer = await api.run(STATISTICS, { u: unit === null ? null : globalId('OrgUnit', unit.id), y: year, asOf: today }, credentials);
    const mismatches = comparable(answer, base.figures).filter(([, a, b]) => a !== b);
    lines.push(mismatches.length === 0
      ? `          same figures both ways (${comparable(answer, base.figures).map(([k, a]) => `${k} ${String(a)}`).join(', ')})`
      : `          MISMATCH ${mismatches.map(([k, a, b]) => `${k}: API ${String(a)}, SQL ${String(b)}`).join('; ')}`);
  }
  return lines;
}

export const statisticsSuite: Suite = {
  name: 'statistics',
  database: statisticsDatabase(),
  // The first table decides whether BENCH_REUSE_DB may keep the database: it must hold rollups.
  countedTables: ['stat_fact', 'stat_own', ...statisticsCountedTables],
  credentials: statisticsCredentials('stats.analyst.s01'),
  async generate(client) {
    const generation = await generateStatisticsForSuite(client);
    // The rollups of a bulk load, built as an operator would (the writes' triggers left every unit marked).
    const started = performance.now();
    const url = `postgres://${encodeURIComponent(client.user ?? 'postgres')}${client.password ? `:${encodeURIComponent(String(client.password))}` : ''}@${client.host}:${client.port}/${client.database}`;
    await runToCompletion('npm', ['run', '--silent', 'statistics:rebuild'], { cwd: repoRoot, env: { ...process.env, DATABASE_URL: url }, timeoutMs: 3 * 3600_000 });
    return { ...generation, rollupRebuildMs: Math.round(performance.now() - started) };
  },
  async scenarios(client) {
    const p = await provinces(client);
    const year = lastFullYear(vietnamToday());
    return [
      scenario('statistics-province', `statistics(S01, ${year}): 300,000 members, 15,000 cells, two years of meetings; every section`, statisticsCredentials('stats.analyst.s01'), p.S01, year,
        { minRequestsPerSecond: 1, maxP99Ms: 500, maxP50Ms: 50 }, 250_000, true),
      scenario('statistics-national-province-caller', `statistics(S02, ${year}) in the national database, as S02's analyst`, statisticsCredentials('stats.analyst.s02'), p.S02, year,
        { minRequestsPerSecond: 1, maxP99Ms: 500, maxP50Ms: 50 }, 100_000, false),
      scenario('statistics-national', `statistics(nation, ${year}): 5.58 million members in 34 provinces, as a national analyst`, statisticsCredentials('stats.analyst.national'), null, year,
        { minRequestsPerSecond: 1, maxP99Ms: 1_500, maxP50Ms: 300 }, 5_000_000, true),
    ];
  },
  report,
};
