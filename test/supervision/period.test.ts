import { FrequencyPer } from '../../src/entities/supervision-enums';
import { periodOf, quarterRange, requiredInPeriod } from '../../src/services/supervision/supervision-period';

/** Required attendances in a reporting period, without a database (decisions §16). */
const a = (startsOn: string, endsOn: string, requiredAttendances: number, per: FrequencyPer) => ({ startsOn, endsOn, requiredAttendances, per });

describe('supervision periods', () => {
  test('quarters and years as inclusive dates; leap years', () => {
    expect(quarterRange(2028, 1)).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf(2026, null)).toEqual({ year: 2026, quarter: null, from: '2026-01-01', to: '2026-12-31' });
    expect(() => periodOf(2026, 0)).toThrow(/quarter/);
  });

  test.each([
    ['per quarter, the quarter run', a('2026-07-01', '2026-09-30', 2, FrequencyPer.QUARTER), 3, 2],
    ['per quarter, one day of the quarter is enough', a('2026-09-30', '2026-12-31', 1, FrequencyPer.QUARTER), 3, 1],
    ['per quarter, not running in the quarter', a('2026-01-01', '2026-06-30', 1, FrequencyPer.QUARTER), 3, 0],
    ['per quarter, the year: each quarter run', a('2026-05-15', '2026-12-31', 1, FrequencyPer.QUARTER), null, 3],
    ['per year, the year', a('2026-01-01', '2026-12-31', 6, FrequencyPer.YEAR), null, 6],
    ['per year, a quarter: a quarter of it, rounded up', a('2026-01-01', '2026-12-31', 6, FrequencyPer.YEAR), 2, 2],
    ['per year, a quarter it does not run in', a('2026-01-01', '2026-03-31', 6, FrequencyPer.YEAR), 2, 0],
  ] as const)('%s', (_name, assignment, quarter, expected) => {
    expect(requiredInPeriod(assignment, periodOf(2026, quarter))).toBe(expected);
  });
});
