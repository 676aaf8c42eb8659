import type { RequestContext } from '../../../request-context';
import { MEMBER_VALUE_LABELS, MemberDimension } from '../labels';
import type { RollupRow } from '../rollup-reader';
import { dayBefore, rows, share, total, type StatisticsSubject } from '../statistics-subject';

export interface DimensionCount {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  /** count ÷ members, four decimals. */
  readonly share: number | null;
}

/** Members (official memberships) of the subtree on the day. */
export interface MemberStatisticsView {
  readonly asOf: string;
  readonly total: number;
  by(dimension: MemberDimension): DimensionCount[];
}

/**
 * Age on the day in whole years by year of birth (tuổi đời tính theo năm sinh, as the party's
 * statistical forms count it), in the reports' bands.
 */
export function ageBand(asOfYear: number, birthYear: string): keyof (typeof MEMBER_VALUE_LABELS)['AGE_BAND'] {
  if (birthYear === 'UNKNOWN') return 'UNKNOWN';
  const age = asOfYear - Number(birthYear);
  if (age <= 30) return 'UP_TO_30';
  if (age <= 40) return 'FROM_31_TO_40';
  if (age <= 50) return 'FROM_41_TO_50';
  if (age <= 60) return 'FROM_51_TO_60';
  if (age <= 70) return 'FROM_61_TO_70';
  return 'OVER_70';
}

export function membersView(list: readonly RollupRow[], asOf: string): MemberStatisticsView {
  const all = total(list, (r) => r.k1 === 'TOTAL');
  return {
    asOf,
    total: all,
    by(dimension) {
      const labels: Record<string, string> = MEMBER_VALUE_LABELS[dimension];
      const counts = new Map<string, number>(Object.keys(labels).map((k) => [k, 0]));
      const source = dimension === MemberDimension.AGE_BAND ? 'BIRTH_YEAR' : dimension;
      for (const r of list) {
        if (r.k1 !== source) continue;
        const key = dimension === MemberDimension.AGE_BAND ? ageBand(Number(asOf.slice(0, 4)), r.k2) : r.k2;
        counts.set(key, (counts.get(key) ?? 0) + r.n);
      }
      return [...counts].map(([key, count]) => ({ key, label: labels[key] ?? key, count, share: share(count, all) }));
    },
  };
}

export async function memberStatistics(ctx: RequestContext, s: StatisticsSubject, asOf: string = s.asOf): Promise<MemberStatisticsView> {
  return membersView(await rows(ctx, s, 'MEMBERS', { asOf }), asOf);
}

/** Members on the day before the period: the base of the admission rate. */
export const membersAtStart = (ctx: RequestContext, s: StatisticsSubject): Promise<MemberStatisticsView> => memberStatistics(ctx, s, dayBefore(s));
