import { badInput } from '../../errors/app-error';
import { addDays, todayInVietnam } from '../calendar';
import { validDate, validYear } from '../validate';

/** How a period was given, and the grain a breakdown by period uses. */
export enum StatisticsGrain {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  /** Any other range of days. */
  RANGE = 'RANGE',
}

export interface StatisticsPeriodInput {
  readonly year?: number | null;
  readonly quarter?: number | null;
  readonly month?: number | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

/** A period resolved to its days (inclusive), with its calendar grain when it is one. */
export interface StatisticsPeriod {
  readonly from: string;
  readonly to: string;
  readonly grain: StatisticsGrain;
}

/** Ranges longer than this are refused: rollups are by day and a report spans years, not decades. */
const MAX_RANGE_YEARS = 10;

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): string => `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

export const yearPeriod = (year: number): StatisticsPeriod => ({ from: `${year}-01-01`, to: `${year}-12-31`, grain: StatisticsGrain.YEAR });
export const quarterPeriod = (year: number, quarter: number): StatisticsPeriod => ({ from: `${year}-${pad(quarter * 3 - 2)}-01`, to: lastDayOf(year, quarter * 3), grain: StatisticsGrain.QUARTER });
export const monthPeriod = (year: number, month: number): StatisticsPeriod => ({ from: `${year}-${pad(month)}-01`, to: lastDayOf(year, month), grain: StatisticsGrain.MONTH });

const given = (value: number | string | null | undefined): boolean => value !== null && value !== undefined;

/** A period from its input: a year (optionally a quarter or a month of it), or a range of days. */
export function resolvePeriod(input: StatisticsPeriodInput, field = 'period'): StatisticsPeriod {
  const calendar = given(input.year) || given(input.quarter) || given(input.month);
  const range = given(input.from) || given(input.to);
  if (calendar && range) throw badInput(field, 'give a year (with a quarter or a month) or a range from–to, not both');
  if (range) {
    if (!given(input.from)) throw badInput(`${field}.from`, 'is required with to');
    if (!given(input.to)) throw badInput(`${field}.to`, 'is required with from');
    const from = validDate(input.from as string, `${field}.from`);
    const to = validDate(input.to as string, `${field}.to`);
    if (to < from) throw badInput(`${field}.to`, 'the period ends before it starts');
    if (addDays(from, 366 * MAX_RANGE_YEARS) < to) throw badInput(`${field}.to`, `a period spans at most ${MAX_RANGE_YEARS} years`);
    return { from, to, grain: StatisticsGrain.RANGE };
  }
  if (!given(input.year)) throw badInput(`${field}.year`, 'give a year, or a range from–to');
  const year = validYear(input.year as number, `${field}.year`);
  if (given(input.quarter) && given(input.month)) throw badInput(`${field}.month`, 'give a quarter or a month, not both');
  if (given(input.quarter)) {
    const quarter = input.quarter as number;
    if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badInput(`${field}.quarter`, 'must be 1 to 4');
    return quarterPeriod(year, quarter);
  }
  if (given(input.month)) {
    const month = input.month as number;
    if (!Number.isInteger(month) || month < 1 || month > 12) throw badInput(`${field}.month`, 'must be 1 to 12');
    return monthPeriod(year, month);
  }
  return yearPeriod(year);
}

/** The day stock figures are taken on: as given (not in the future), else the period's end, or today while it runs. */
export function resolveAsOf(asOf: string | null | undefined, period: StatisticsPeriod, field = 'asOf'): string {
  const today = todayInVietnam();
  if (asOf === null || asOf === undefined) return period.to < today ? period.to : today;
  const day = validDate(asOf, field);
  if (day > today) throw badInput(field, 'must not be in the future');
  return day;
}

/** The calendar months, quarters or years of a period, each cut to the period. */
export function subPeriods(period: StatisticsPeriod, grain: StatisticsGrain): StatisticsPeriod[] {
  const parts: StatisticsPeriod[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const step = grain === StatisticsGrain.YEAR ? 12 : grain === StatisticsGrain.QUARTER ? 3 : 1;
  if (grain === StatisticsGrain.QUARTER) month = Math.floor((month - 1) / 3) * 3 + 1;
  if (grain === StatisticsGrain.YEAR) month = 1;
  for (;;) {
    const whole = grain === StatisticsGrain.YEAR ? yearPeriod(year) : grain === StatisticsGrain.QUARTER ? quarterPeriod(year, (month + 2) / 3) : monthPeriod(year, month);
    if (whole.from > period.to) break;
    const from = whole.from < period.from ? period.from : whole.from;
    const to = whole.to > period.to ? period.to : whole.to;
    parts.push(from === whole.from && to === whole.to ? whole : { from, to, grain: StatisticsGrain.RANGE });
    month += step;
    if (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return parts;
}

/** The months of a period that have begun by `today`, each as its last day counted (today for the running month). */
export function dueMonthEnds(period: StatisticsPeriod, today: string = todayInVietnam()): string[] {
  return subPeriods(period, StatisticsGrain.MONTH)
    .filter((m) => m.from <= today)
    .map((m) => (m.to < today ? m.to : today));
}

/** Calendar parts of a period's grain for reading a year, quarter or month rating; null for other ranges. */
export function calendarParts(period: StatisticsPeriod): { year: number; quarter: number | null; month: number | null } | null {
  if (period.grain === StatisticsGrain.RANGE) return null;
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  if (period.grain === StatisticsGrain.YEAR) return { year, quarter: null, month: null };
  if (period.grain === StatisticsGrain.QUARTER) return { year, quarter: (month + 2) / 3, month: null };
  return { year, quarter: null, month };
}
