import { argon2id, hash } from 'argon2';
import type { Client } from 'pg';
import { ONBOARDING_HISTORY_SQL } from '../../src/db/onboarding-history';
import { createAccount, type BenchAccount } from '../lib/accounts';
import { bulkLoadSettings, inTransaction, loadInBulk, vacuumAnalyze, withoutStatisticsMarks } from '../lib/bulk-load';
import { insertMeetings, meetingFigures, meetingsSizes, vietnamToday, type MeetingFigures, type MeetingsShape, type MeetingsSizes, type SqlStep } from './meetings';
import {
  invariantsSql,
  largeProvinceCode,
  leaversStep,
  memberSteps,
  positionsStep,
  treeSteps,
  type ProvinceShape,
  type TreeSizes,
} from './statistics-sql';

/**
 * The statistics dataset (issue #7): a national simulation in one database, generated in SQL
 * with generate_series (statistics-sql.ts), deterministic like the foundation:
 *
 * - 34 provinces S01 … S34; S01 with 150 communes × 100 cells × 20 members (300,000 members),
 *   the others with 100 × 80 × 20 (160,000 each): ~5.58 million members, 279,000 active cells,
 *   and one dissolved, empty cell in every tenth commune;
 * - the members' history as the product records it (ADMITTED / RECOGNISED_OFFICIAL events and
 *   an official membership each, src/db/onboarding-history.ts), and the departures of leavers;
 * - positions: secretaries, village heads, Front work committee heads, agency heads, commune
 *   committee members, in the shares of domain.md §7;
 * - 24 months of meetings for S01 only (bench/datasets/meetings.ts's SQL, with 1–2 topics per
 *   thematic meeting and attendance on every held meeting): ~450,000 meetings, ~9 million
 *   attendance rows;
 * - four accounts (password bench-password): ANALYSTs at S01, at S02 and national, an ORGANIZER at S01.
 *
 * BENCH_STATISTICS_SCALE (a fraction, default 1) scales the number of provinces after S01 and
 * every province's communes, for quick runs.
 */

export interface StatisticsSizes extends TreeSizes {
  meetings: MeetingsSizes;
}

/** Full size: the country of domain.md §1 (34 provinces, ~5.6 million members), S01 a large province. */
export const statisticsSizes: StatisticsSizes = {
  large: { communes: 150, cellsPerCommune: 100 },
  otherProvinces: 33,
  other: { communes: 100, cellsPerCommune: 80 },
  membersPerCell: 20,
  dissolvedCellEvery: 10,
  meetings: meetingsSizes,
};

/** The sizes at a fraction of the full ones: fewer provinces after S01 and fewer communes in each, at least one of each. */
export function scaledStatisticsSizes(scale: number, full: StatisticsSizes = statisticsSizes): StatisticsSizes {
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) throw new Error(`the statistics scale must be a fraction in (0, 1], got ${String(scale)}`);
  const scaled = (n: number): number => Math.max(1, Math.round(n * scale));
  const shape = (p: ProvinceShape): ProvinceShape => ({ communes: scaled(p.communes), cellsPerCommune: p.cellsPerCommune });
  return { ...full, large: shape(full.large), other: shape(full.other), otherProvinces: scaled(full.otherProvinces) };
}

export function statisticsSizesFromEnv(env: NodeJS.ProcessEnv = process.env): StatisticsSizes {
  const raw = env.BENCH_STATISTICS_SCALE;
  if (raw === undefined || raw === '') return statisticsSizes;
  const scale = Number(raw);
  if (!Number.isFinite(scale)) throw new Error(`BENCH_STATISTICS_SCALE must be a number in (0, 1], got "${raw}"`);
  return scaledStatisticsSizes(scale);
}

/** The database bench/statistics-generate.ts drops and recreates (BENCH_STATISTICS_DB): only names starting with chibo_bench_stats, so no other database is ever dropped. */
export function statisticsDatabase(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.BENCH_STATISTICS_DB ?? 'chibo_bench_stats';
  if (!name.startsWith('chibo_bench_stats')) throw new Error(`BENCH_STATISTICS_DB must start with chibo_bench_stats, got "${name}"`);
  return name;
}

/** S01's meetings: those of the meetings suite, with a second topic on ~30% of thematic meetings and attendance on all. */
export const statisticsMeetingsShape: MeetingsShape = { provinceCode: largeProvinceCode, secondTopicPerMille: 300, thematicAttendance: true, exemptOnePercent: false };

const password = 'bench-password';

/** The accounts the statistics scenarios log in as (password bench-password). */
export const statisticsAccounts = [
  { username: 'stats.analyst.s01', displayName: 'Stats Analyst S01', role: 'ANALYST', unit: { kind: 'PROVINCE', code: 'S01' } },
  { username: 'stats.analyst.s02', displayName: 'Stats Analyst S02', role: 'ANALYST', unit: { kind: 'PROVINCE', code: 'S02' } },
  { username: 'stats.analyst.national', displayName: 'Stats Analyst National', role: 'ANALYST', unit: null },
  { username: 'stats.organizer.s01', displayName: 'Stats Organizer S01', role: 'ORGANIZER', unit: { kind: 'PROVINCE', code: 'S01' } },
] as const satisfies readonly BenchAccount[];

export const statisticsCredentials = (username: (typeof statisticsAccounts)[number]['username']): { username: string; password: string } => ({ username, password });

/** Tables whose row counts the runner and the CLI print. */
export const statisticsCountedTables = [
  'member', 'org_unit', 'org_unit_version', 'member_event', 'membership', 'member_position',
  'meeting', 'meeting_topic', 'meeting_attendance', 'account', 'role_assignment',
] as const;

export interface StatisticsGeneration {
  sizes: StatisticsSizes;
  /** Wall time of each statement (or group) of the generating transaction, ms, in order. */
  stepMs: Record<string, number>;
  /** The whole generating transaction, ms. */
  generateMs: number;
  vacuumAnalyzeMs: number;
  /** The argon2id hashes, before the transaction opens, ms. */
  hashMs: number;
  meetings: MeetingFigures;
}

async function timed(stepMs: Record<string, number>, name: string, run: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await run();
  stepMs[name] = performance.now() - start;
}

async function runSteps(client: Client, steps: readonly SqlStep[], today: string, stepMs: Record<string, number>): Promise<void> {
  for (const step of steps) {
    // A step that takes today is one statement (a text of several cannot take parameters).
    await timed(stepMs, step.name, () => client.query(step.sql, step.today ? [today] : []));
  }
}

async function checkInvariants(client: Client): Promise<void> {
  const result = await client.query<Record<string, string>>(invariantsSql);
  const broken = Object.entries(result.rows[0] ?? {}).filter(([, n]) => n !== '0');
  if (broken.length > 0) throw new Error('the statistics dataset breaks invariants: ' + broken.map(([what, n]) => `${what}: ${n}`).join('; '));
}

/**
 * Fills an empty migrated database: everything in one transaction (the keys and indexes of the
 * bulk tables checked and built once at the end of their load, every invariant checked before
 * commit), then VACUUM (ANALYZE).
 */
export async function generateStatistics(client: Client, sizes: StatisticsSizes = statisticsSizes): Promise<StatisticsGeneration> {
  const existing = await client.query<{ n: string }>('select count(*) as n from org_unit');
  if (existing.rows[0]?.n !== '0') throw new Error('generateStatistics needs an empty migrated database; org_unit already has rows');
  const today = vietnamToday();

  const hashStart = performance.now();
  const accounts = await Promise.all(statisticsAccounts.map(async (account) => ({ account, passwordHash: await hash(password, { type: argon2id }) })));
  const hashMs = performance.now() - hashStart;

  const stepMs: Record<string, number> = {};
  const start = performance.now();
  // The rollups are rebuilt from the loaded rows afterwards (the suite runs statistics:rebuild).
  await inTransaction(client, () => withoutStatisticsMarks(client, async () => {
    await bulkLoadSettings(client);
    await timed(stepMs, 'tree (keys and indexes once)', () =>
      loadInBulk(client, ['org_unit', 'org_unit_version'], () => runSteps(client, treeSteps(sizes), today, stepMs)),
    );
    await timed(stepMs, 'members and history (keys and indexes once)', () =>
      loadInBulk(client, ['member', 'member_event', 'membership', 'member_position'], async () => {
        await runSteps(client, memberSteps(sizes), today, stepMs);
        await timed(stepMs, 'onboarding history', () => client.query(ONBOARDING_HISTORY_SQL));
        await runSteps(client, [leaversStep, positionsStep], today, stepMs);
      }),
    );
    // The planner has seen none of these rows yet; the meetings' joins need their real sizes.
    await timed(stepMs, 'analyze', () => client.query('analyze org_unit, member, membership, member_event, member_position'));
    const meetingsStart = performance.now();
    const meetings = await insertMeetings(client, sizes.meetings, statisticsMeetingsShape, today);
    for (const [name, ms] of Object.entries(meetings.stepMs)) stepMs[`meetings: ${name}`] = ms;
    stepMs['meetings (keys and indexes once)'] = performance.now() - meetingsStart;
    await timed(stepMs, 'accounts', async () => {
      for (const { account, passwordHash } of accounts) await createAccount(client, account, passwordHash);
    });
    await timed(stepMs, 'analyze meetings', () => client.query('analyze meeting, meeting_topic, meeting_attendance'));
    await timed(stepMs, 'invariants', () => checkInvariants(client));
  }));
  const generateMs = performance.now() - start;
  const vacuumAnalyzeMs = await vacuumAnalyze(client);

  const meetings = await meetingFigures(client, sizes.meetings, statisticsMeetingsShape, today);
  return { sizes, stepMs, generateMs, vacuumAnalyzeMs, hashMs, meetings };
}

/**
 * generateStatistics in the shape of Suite.generate (bench/lib/suite.ts), for the statistics suite
 * to register in run.ts: sizes from BENCH_STATISTICS_SCALE, timings rounded to whole ms (the
 * runner prints objects as JSON).
 */
export async function generateStatisticsForSuite(client: Client): Promise<Record<string, unknown>> {
  const generation = await generateStatistics(client, statisticsSizesFromEnv());
  const stepMs = Object.fromEntries(Object.entries(generation.stepMs).map(([name, ms]) => [name, Math.round(ms)]));
  return { ...generation, stepMs };
}
