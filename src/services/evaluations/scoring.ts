import type { CriteriaSet } from '../../entities/criteria-set';
import { MeetingRating } from '../../entities/evaluation-enums';

/**
 * The one place where totals and ratings are derived from per-criterion scores. Points have two
 * decimals; sums are rounded to cents so that 0.1 + 0.2 stays 0.3.
 */
export interface ScoreLine {
  readonly criterionId: number;
  readonly selfPoints: number;
  /** The appraiser's points when adjusted; null when the appraisal accepted the self-assessed points. */
  readonly appraisedPoints: number | null;
}

export type Thresholds = Pick<CriteriaSet, 'goodMin' | 'fairMin' | 'averageMin'>;

/** Rounded to cents: points have two decimals. */
export const cents = (n: number): number => Math.round(n * 100) / 100;

/** Whether a value has at most two decimals (points and maxima are stored as numeric(6,2)). */
export const twoDecimals = (value: number): boolean => Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

export function selfTotal(lines: readonly ScoreLine[]): number {
  return cents(lines.reduce((sum, l) => sum + l.selfPoints, 0));
}

/** After appraisal: the appraiser's points where adjusted, the cell's elsewhere. */
export function appraisedTotal(lines: readonly ScoreLine[]): number {
  return cents(lines.reduce((sum, l) => sum + (l.appraisedPoints ?? l.selfPoints), 0));
}

/** A meeting's rating from its total and the thresholds of its criteria set. */
export function ratingOf(total: number, set: Thresholds): MeetingRating {
  if (total >= set.goodMin) return MeetingRating.GOOD;
  if (total >= set.fairMin) return MeetingRating.FAIR;
  if (total >= set.averageMin) return MeetingRating.AVERAGE;
  return MeetingRating.WEAK;
}

/**
 * A period's rating (month, quarter, year) from the meetings scored in it: the average of each
 * meeting's score as a share of its set's maximum, rated against the thresholds of the latest
 * meeting's set taken as shares of that set's maximum; sets of different sizes stay comparable.
 */
export function periodRating(scores: readonly { total: number; maxTotal: number }[], latest: Thresholds & { maxTotal: number }): { averageShare: number; rating: MeetingRating } | null {
  if (scores.length === 0) return null;
  const averageShare = scores.reduce((sum, s) => sum + s.total / s.maxTotal, 0) / scores.length;
  const asShares = { goodMin: latest.goodMin / latest.maxTotal, fairMin: latest.fairMin / latest.maxTotal, averageMin: latest.averageMin / latest.maxTotal };
  // Shares are compared with a tolerance so that 90/100 averaged over months stays exactly GOOD.
  return { averageShare: Math.round(averageShare * 10000) / 10000, rating: ratingOf(averageShare + 1e-9, asShares) };
}
