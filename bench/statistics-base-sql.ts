import { adminDatabaseUrl, databaseUrl, withClient } from './lib/db';
import { baseQueryNames, timeBaseFigures, type BaseFigures, type Ratio, type Subtree, type TimedBaseFigures } from './lib/base-sql';
import { lastFullYear, vietnamToday } from './datasets/meetings';
import { statisticsDatabase } from './datasets/statistics';

/**
 * `node -r ts-node/register/transpile-only bench/statistics-base-sql.ts`: on the generated
 * statistics database (BENCH_STATISTICS_DB, default chibo_bench_stats), computes every
 * statistics figure by plain SQL over the base tables for province S01, province S02 and the
 * nation, BENCH_BASE_SQL_RUNS times each (default 10, after one warm-up run), and prints the
 * figures with the p50/p99 of each statement and of the whole set. With the server's settings,
 * as the API's statements run; BENCH_BASE_SQL_JIT=off turns JIT off for this session (the
 * planner's estimates for the bigger statements pass the JIT thresholds, and compiling can take
 * longer than running).
 */

function runsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_BASE_SQL_RUNS;
  if (raw === undefined || raw === '') return 10;
  const runs = Number(raw);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`BENCH_BASE_SQL_RUNS must be a positive integer, got "${raw}"`);
  return runs;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const pct = (r: Ratio): string => `${r.count.toLocaleString('en-US')}/${r.of.toLocaleString('en-US')} = ${r.ratio === null ? '–' : (r.ratio * 100).toFixed(2) + '%'}`;
const tally = (counts: Record<string, number>): string => Object.entries(counts).map(([k, n]) => `${k} ${n.toLocaleString('en-US')}`).join(', ');

function formatFigures(f: BaseFigures): string[] {
  const y = f.year;
  const topics = Object.keys(y.thematic.byTopic).sort();
  const types = Object.keys(y.thematic.byCellType).sort();
  const cell = (topic: string, type: string): number => y.thematic.cells.find((c) => c.topic === topic && c.cellType === type)?.meetings ?? 0;
  const matrix = [
    `      ${'topic'.padEnd(20)}${types.map((t) => t.slice(0, 12).padStart(13)).join('')}${'total'.padStart(9)}`,
    ...topics.map((topic) => `      ${topic.padEnd(20)}${types.map((t) => String(cell(topic, t)).padStart(13)).join('')}${String(y.thematic.byTopic[topic]).padStart(9)}`),
    `      ${'distinct meetings'.padEnd(20)}${types.map((t) => String(y.thematic.byCellType[t]).padStart(13)).join('')}${String(y.thematic.total).padStart(9)}`,
  ];
  return [
    `    units by kind: ${tally(f.units.byKind)}`,
    `    active units by cell type: ${tally(f.units.byCellType)}`,
    `    current members ${f.members.total.toLocaleString('en-US')}: ${tally(f.members.byStatus)}; ${tally(f.members.byGender)}; ethnic minorities ${f.members.ethnicMinority.toLocaleString('en-US')}`,
    `      general education: ${tally(f.members.byGeneralEducation)}`,
    `      professional qualification: ${tally(f.members.byProfessionalQualification)}`,
    `      political theory: ${tally(f.members.byPoliticalTheory)}`,
    `      age bands: ${tally(f.members.byAgeBand)}`,
    `    ${y.year}: admissions ${y.admissions.toLocaleString('en-US')}; regular meetings held ${y.regularHeld.toLocaleString('en-US')} ` +
      `(${y.meetingsPerCell === null ? '–' : y.meetingsPerCell.toFixed(2)} per active cell of ${y.activeCells.toLocaleString('en-US')}), ` +
      `attendance ${y.attendanceRate === null ? '–' : (y.attendanceRate * 100).toFixed(2) + '%'}, ` +
      `average duration ${y.averageDurationMinutes === null ? '–' : y.averageDurationMinutes.toFixed(1) + ' min'}`,
    `    ${y.year} thematic meetings by topic × cell type:`,
    ...matrix,
    `    residential cells ${f.concurrency.residentialCells.toLocaleString('en-US')}: secretary also village head ${pct(f.concurrency.secretaryAlsoVillageHead)}, ` +
      `secretary also Front head ${pct(f.concurrency.secretaryAlsoFrontHead)}, village heads members ${pct(f.concurrency.villageHeadsMembers)}, ` +
      `Front heads members ${pct(f.concurrency.frontHeadsMembers)}`,
    `    agency and public service cells ${f.concurrency.agencyCells.toLocaleString('en-US')}: secretary also agency head ${pct(f.concurrency.secretaryAlsoAgencyHead)}`,
  ];
}

function formatTimed(t: TimedBaseFigures): string[] {
  return [
    `${t.figures.subtree.label}: all statements p50 ${ms(t.all.p50Ms)}, p99 ${ms(t.all.p99Ms)} (${t.runs} runs)`,
    ...baseQueryNames.map((name) => `    ${name.padEnd(18)} p50 ${ms(t.byQuery[name].p50Ms).padStart(11)}   p99 ${ms(t.byQuery[name].p99Ms).padStart(11)}`),
    ...formatFigures(t.figures),
  ];
}

async function main(): Promise<void> {
  const runs = runsFromEnv();
  const today = vietnamToday();
  const period = { today, year: lastFullYear(today) };
  await withClient(databaseUrl(adminDatabaseUrl(), statisticsDatabase()), async (client) => {
    if (process.env.BENCH_BASE_SQL_JIT === 'off') await client.query('set jit = off');
    const jit = await client.query<{ jit: string }>('show jit');
    console.log(`statistics-base-sql: ${runs} runs after a warm-up, today ${today}, year ${period.year}, jit ${jit.rows[0]?.jit ?? '?'}\n`);
    const provinces = await client.query<{ code: string; path: string }>(`select code, path from org_unit where kind = 'PROVINCE' and code in ('S01', 'S02') order by code`);
    if (provinces.rows.length !== 2) throw new Error('provinces S01 and S02 not found: was the statistics dataset generated?');
    const subtrees: Subtree[] = [
      ...provinces.rows.map((p) => ({ label: `province ${p.code} (${p.path})`, path: p.path })),
      { label: 'nation', path: null },
    ];
    for (const subtree of subtrees) {
      console.log(formatTimed(await timeBaseFigures(client, subtree, period, runs)).join('\n'));
      console.log('');
    }
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('statistics-base-sql: failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
