import { FrequencyPer } from '../../entities/supervision-enums';
import { badInput } from '../../errors/app-error';
import { validYear } from '../validate';

/** A reporting period: a quarter of a year, or the whole year (quarter null). Dates inclusive. */
export interface SupervisionPeriod {
  readonly year: number;
  readonly quarter: number | null;
  readonly from: string;
  readonly to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const first = quarter * 3 - 2;
  const last = quarter * 3;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

export function periodOf(year: number, quarter: number | null | undefined): SupervisionPeriod {
  validYear(year, 'year');
  if (quarter === null || quarter === undefined) return { year, quarter: null, from: `${year}-01-01`, to: `${year}-12-31` };
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badInput('quarter', 'must be 1, 2, 3 or 4');
  return { year, quarter, ...quarterRange(year, quarter) };
}

/**
 * Attendances an assignment requires within a period: per QUARTER, its number for every quarter of
 * the period the assignment overlaps; per YEAR, its number in a year report and a quarter of it
 * (rounded up) in a quarter report, when the assignment runs in the period. Zero when it does not.
 */
export function requiredInPeriod(a: { startsOn: string; endsOn: string; requiredAttendances: number; per: FrequencyPer }, period: SupervisionPeriod): number {
  const quarters = period.quarter === null ? [1, 2, 3, 4] : [period.quarter];
  const overlapped = quarters.filter((q) => {
    const r = quarterRange(period.year, q);
    return a.startsOn <= r.to && a.endsOn >= r.from;
  }).length;
  if (overlapped === 0) return 0;
  if (a.per === FrequencyPer.QUARTER) return a.requiredAttendances * overlapped;
  return period.quarter === null ? a.requiredAttendances : Math.ceil(a.requiredAttendances / 4);
}
