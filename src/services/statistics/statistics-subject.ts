import { Permission } from '../../auth/permission';
import type { OrgUnit } from '../../entities/org-unit';
import { badInput, forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { addDays } from '../calendar';
import { round4 } from '../rounding';
import { getOrgUnit } from '../tree/org-unit-queries';
import { resolveAsOf, resolvePeriod, type StatisticsPeriod, type StatisticsPeriodInput } from './period';
import { rollup, type RollupRow, type RollupSubject } from './rollup-reader';
import type { Metric } from './families';

/** Breakdowns (by child unit, by period) nest at most this deep: a province's communes by month, not further. */
export const MAX_BREAKDOWN_DEPTH = 2;

/** What one `statistics` answer (or one row of a breakdown) is about. */
export interface StatisticsSubject {
  /** null: the nation. */
  readonly unit: OrgUnit | null;
  readonly period: StatisticsPeriod;
  readonly asOf: string;
  /** 0 for the root answer, +1 per breakdown level. */
  readonly depth: number;
}

/**
 * The unit (in scope, else NOT_FOUND exactly like a missing id) or the nation, on which the caller
 * holds STATISTICS_READ over the whole subtree (else FORBIDDEN): the rollup of that subtree is then
 * exactly what the caller may count. Period and date are checked here, before any SQL on rollups.
 */
export async function statisticsSubject(ctx: RequestContext, unitId: number | null, period: StatisticsPeriodInput, asOf: string | null | undefined): Promise<StatisticsSubject> {
  const unit = unitId === null ? null : await getOrgUnit(ctx, unitId);
  if (!ctx.viewer.can(Permission.STATISTICS_READ, unit?.path ?? null)) {
    throw forbidden(unit === null ? 'National statistics need a national role' : 'You may not read the statistics of this unit');
  }
  const resolved = resolvePeriod(period);
  return { unit, period: resolved, asOf: resolveAsOf(asOf, resolved), depth: 0 };
}

/** A breakdown row one level down; refused past MAX_BREAKDOWN_DEPTH. */
export function deeper(parent: StatisticsSubject, field: string, change: Partial<Pick<StatisticsSubject, 'unit' | 'period' | 'asOf'>>): StatisticsSubject {
  if (parent.depth + 1 > MAX_BREAKDOWN_DEPTH) throw badInput(field, `breakdowns nest at most ${MAX_BREAKDOWN_DEPTH} levels deep`);
  return { ...parent, ...change, depth: parent.depth + 1 };
}

export const rollupSubject = (s: StatisticsSubject): RollupSubject => ({ unitId: s.unit?.id ?? null, path: s.unit?.path ?? null, kind: s.unit?.kind ?? null });

/** One metric over the subject's period, stocks as of `asOf` (the subject's unless given). */
export function rows(ctx: RequestContext, s: StatisticsSubject, metric: Metric, window: { from?: string; to?: string; asOf?: string } = {}): Promise<RollupRow[]> {
  return rollup(ctx, rollupSubject(s), { from: window.from ?? s.period.from, to: window.to ?? s.period.to, asOf: window.asOf ?? s.asOf }, metric);
}

/** The day before the period: stocks "at the start" (members before the year's admissions). */
export const dayBefore = (s: StatisticsSubject): string => addDays(s.period.from, -1);

/** Sum of n over rows matching a predicate. */
export function total(list: readonly RollupRow[], where: (r: RollupRow) => boolean = () => true, value: keyof Omit<RollupRow, 'k1' | 'k2'> = 'n'): number {
  return list.reduce((sum, r) => (where(r) ? sum + r[value] : sum), 0);
}

/** A share rounded to four decimals; null when nothing was counted. */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : round4(part / whole));
/** A share as a percentage to two decimals (55.29), as the reports print it. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10000) / 100);
