import type { OrgUnit } from '../../entities/org-unit';
import { toGlobalId } from '../global-id';
import { StatisticsGrain, type StatisticsPeriod } from '../statistics/period';
import { searchKey } from '../tree/vietnamese-text';

/** 2026, 2026-Q1, 2026-03, or 2026-01-01_2026-03-15. */
export function periodSlug(period: StatisticsPeriod): string {
  const year = period.from.slice(0, 4);
  switch (period.grain) {
    case StatisticsGrain.YEAR:
      return year;
    case StatisticsGrain.QUARTER:
      return `${year}-Q${(Number(period.from.slice(5, 7)) + 2) / 3}`;
    case StatisticsGrain.MONTH:
      return period.from.slice(0, 7);
    default:
      return `${period.from}_${period.to}`;
  }
}

/** The unit's code folded to ASCII (headers must be ASCII), else its global id; the nation is toan-quoc. */
export function unitSlug(unit: OrgUnit | null): string {
  if (unit === null) return 'toan-quoc';
  const code = searchKey(unit.code ?? '').replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return code === '' ? toGlobalId('OrgUnit', unit.id) : code;
}

/** thong-ke[-<table>]-<unit>-<period>.<ext> */
export function statisticsFileName(unit: OrgUnit | null, period: StatisticsPeriod, extension: 'csv' | 'xlsx', table?: string): string {
  const what = table === undefined ? '' : `-${table.toLowerCase().replace(/_/g, '-')}`;
  return `thong-ke${what}-${unitSlug(unit)}-${periodSlug(period)}.${extension}`;
}
