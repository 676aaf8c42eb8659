import { ONBOARDING_HISTORY_SQL } from '../../src/db/onboarding-history';
import { toGlobalId } from '../../src/services/global-id';
import { personSortKey, searchKey } from '../../src/services/tree/vietnamese-text';
import type { Actor } from '../meetings/support';
import type { UnitName } from '../support/fixture';
import type { GqlResult, TestApp } from '../support/test-app';

/**
 * Shared by the concurrency suites (issue #16): a racing pair run many rounds. Each `app.run` forks
 * its own EntityManager, and each transaction takes its own pooled connection, so the two requests
 * of a pair really run side by side in PostgreSQL.
 */

/** How many rounds each racing pair runs: at least 50 (the issue); RACE_ROUNDS runs more, or fewer while exploring. */
export const ROUNDS = Number(process.env.RACE_ROUNDS ?? 50);

export interface Call {
  readonly as: Actor;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** What a request answered: 'ok', or its error code (with retryable, if set). */
export interface Outcome {
  readonly ok: boolean;
  readonly code: string | null;
  readonly field: unknown;
  readonly retryable: boolean;
  readonly result: GqlResult;
}

export function outcome(result: GqlResult): Outcome {
  const error = result.errors?.[0];
  return {
    ok: !error,
    code: error ? String(error.extensions?.code) : null,
    field: error?.extensions?.field,
    retryable: error?.extensions?.retryable === true,
    result,
  };
}

/** Runs the two calls at once (neither awaits the other). */
export async function pair(app: TestApp, a: Call, b: Call): Promise<[Outcome, Outcome]> {
  const [ra, rb] = await Promise.all([app.run(a.as, a.query, a.variables), app.run(b.as, b.query, b.variables)]);
  return [outcome(ra), outcome(rb)];
}

export interface RaceReport {
  /** Rounds where the rule was broken afterwards. */
  readonly violations: number;
  /** Rounds where both calls were accepted. */
  readonly bothAccepted: number;
  /** Every error code seen, with its count (an INTERNAL_SERVER_ERROR here is a bug). */
  readonly codes: Record<string, number>;
}

/**
 * Runs `rounds` rounds: `setup` makes the round's fresh subjects, `calls` the racing pair,
 * `holds` says whether the rule holds on the database afterwards. Each round is independent.
 */
export async function race<S>(
  app: TestApp,
  setup: (round: number) => Promise<S>,
  calls: (subject: S, round: number) => [Call, Call],
  holds: (subject: S, outcomes: [Outcome, Outcome], round: number) => Promise<boolean>,
  rounds = ROUNDS,
): Promise<RaceReport> {
  let violations = 0;
  let bothAccepted = 0;
  const codes: Record<string, number> = {};
  for (let round = 0; round < rounds; round += 1) {
    const subject = await setup(round);
    const [a, b] = calls(subject, round);
    const outcomes = await pair(app, a, b);
    if (outcomes[0].ok && outcomes[1].ok) bothAccepted += 1;
    for (const o of outcomes) if (o.code) codes[o.code] = (codes[o.code] ?? 0) + 1;
    if (!(await holds(subject, outcomes, round))) violations += 1;
  }
  return { violations, bothAccepted, codes };
}

/**
 * The rule held in every round, no round accepted both calls (unless `bothMayWin`: the pair is
 * also fine one after the other, and the rule is checked on the result), and every error was one
 * of `allowed` (the rule's own typed error, or a retryable CONFLICT): never INTERNAL_SERVER_ERROR.
 */
export function expectHeld(report: RaceReport, allowed: readonly string[] = ['CONFLICT'], options: { bothMayWin?: boolean } = {}): void {
  const unexpected = Object.keys(report.codes).filter((code) => !allowed.includes(code));
  const bothAccepted = options.bothMayWin ? 0 : report.bothAccepted;
  expect({ violations: report.violations, bothAccepted, unexpected, codes: report.codes }).toEqual({ violations: 0, bothAccepted: 0, unexpected: [], codes: report.codes });
}

let bulk = 0;

/**
 * `count` official members of a fixture cell, written straight into the database with their
 * history (as the fixture's are): fresh subjects for many rounds without a createMember call each.
 */
export async function bulkMembers(app: TestApp, cell: UnitName, count: number): Promise<Array<{ id: string; version: number }>> {
  const unit = app.fixture.units[cell];
  const provinceId = Number(unit.path.split('/')[1]);
  const members: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < count; i += 1) {
    bulk += 1;
    const fullName = `Đảng Viên Đua ${bulk}`;
    const [{ id }] = await app.sql<{ id: number }>(
      `insert into member (province_id, unit_id, unit_path, full_name, name_search, name_sort_key, gender, ethnicity, admission_date, official_date, status)
       values (?, ?, ?, ?, ?, ?, 'MALE', 'Kinh', '2020-01-06', '2021-01-06', 'OFFICIAL') returning id`,
      [provinceId, unit.id, unit.path, fullName, searchKey(fullName), personSortKey(fullName)],
    );
    members.push({ id: toGlobalId('Member', id), version: 1 });
  }
  await app.sql(ONBOARDING_HISTORY_SQL);
  return members;
}
