import { MeetingKind } from '../../../entities/meeting-enums';
import type { RequestContext } from '../../../request-context';
import { dueMonthEnds, quarterPeriod, StatisticsGrain, subPeriods, type StatisticsPeriod } from '../period';
import type { RollupRow } from '../rollup-reader';
import { rows, share, total, type StatisticsSubject } from '../statistics-subject';
import { todayInVietnam } from '../../calendar';
import { unitStatistics } from './units';

export interface MeetingKindFigures {
  readonly kind: MeetingKind;
  readonly held: number;
  readonly present: number;
  readonly expected: number;
  /** present ÷ expected (the roster less the exempt). */
  readonly attendanceRate: number | null;
  /** Over the meetings with a recorded duration. */
  readonly averageDurationMinutes: number | null;
}

/** The meetings issue's compliance, summed over cells and slots of the period (from the rollups of each cell's slots). */
export interface ComplianceFigures {
  /** Months of the period begun by today. */
  readonly dueMonths: number;
  /** Cell-months due: the cells active at each due month's end (or today). */
  readonly regularExpected: number;
  readonly regularHeld: number;
  readonly regularInWindow: number;
  readonly lowAttendance: number;
  readonly attendanceNotRecorded: number;
  /** Present ÷ expected over each slot's chosen regular meeting. */
  readonly attendanceRate: number | null;
  readonly regularRate: number | null;
  readonly inWindowRate: number | null;
  /** Cell-quarters due. */
  readonly thematicExpected: number;
  readonly thematicMet: number;
  readonly thematicRate: number | null;
}

export interface MeetingStatisticsView {
  /** Cells active on the day. */
  readonly cells: number;
  readonly byKind: readonly MeetingKindFigures[];
  readonly regularHeld: number;
  /** Regular meetings held per active cell (Phong Thổ: 12 a year). */
  readonly regularPerCell: number | null;
  readonly compliance: ComplianceFigures;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The calendar quarter a day falls in. */
const quarterOf = (day: string): StatisticsPeriod => quarterPeriod(Number(day.slice(0, 4)), Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1);

export function kindFigures(held: readonly RollupRow[], kind: MeetingKind): MeetingKindFigures {
  const mine = (r: RollupRow): boolean => r.k1 === kind;
  const n = total(held, mine);
  const present = total(held, mine, 'a');
  const expected = total(held, mine, 'b');
  const timed = total(held, mine, 'd');
  return {
    kind,
    held: n,
    present,
    expected,
    attendanceRate: share(present, expected),
    averageDurationMinutes: timed === 0 ? null : round1(total(held, mine, 'c') / timed),
  };
}

async function cellsAt(ctx: RequestContext, s: StatisticsSubject, days: readonly string[]): Promise<number> {
  const counts = await Promise.all(days.map((day) => unitStatistics(ctx, s, day).then((u) => u.cells)));
  return counts.reduce((a, b) => a + b, 0);
}

export async function meetingStatistics(ctx: RequestContext, s: StatisticsSubject): Promise<MeetingStatisticsView> {
  const today = todayInVietnam();
  const monthEnds = dueMonthEnds(s.period, today);

  const quarters = subPeriods(s.period, StatisticsGrain.QUARTER);
  const [held, slots, quarterSlots, units, regularExpected, thematicExpected] = await Promise.all([
    rows(ctx, s, 'MEETINGS_HELD'),
    rows(ctx, s, 'COMPLIANCE'),
    // A quarter's thematic minimum is judged on the whole quarter, as meetingCompliance does for a month of it.
    rows(ctx, s, 'COMPLIANCE', { from: quarterOf(quarters[0].from).from, to: quarterOf(quarters[quarters.length - 1].to).to }),
    unitStatistics(ctx, s),
    cellsAt(ctx, s, monthEnds),
    cellsAt(ctx, s, quarters.filter((q) => q.from <= today).map((q) => (q.to < today ? q.to : today))),
  ]);
  const slot = (outcome: string, value: 'n' | 'a' | 'b' = 'n'): number => total(slots, (r) => r.k1 === outcome, value);
  const thematicMet = total(quarterSlots, (r) => r.k1 === 'THEMATIC_MET');
  const regular = kindFigures(held, MeetingKind.REGULAR);
  const regularHeld = slot('REGULAR_HELD');
  return {
    cells: units.cells,
    byKind: Object.values(MeetingKind).map((kind) => kindFigures(held, kind)),
    regularHeld: regular.held,
    regularPerCell: units.cells === 0 ? null : Math.round((regular.held / units.cells) * 100) / 100,
    compliance: {
      dueMonths: monthEnds.length,
      regularExpected,
      regularHeld,
      regularInWindow: slot('REGULAR_IN_WINDOW'),
      lowAttendance: slot('LOW_ATTENDANCE'),
      attendanceNotRecorded: slot('ATTENDANCE_NOT_RECORDED'),
      attendanceRate: share(slot('REGULAR_HELD', 'a'), slot('REGULAR_HELD', 'b')),
      regularRate: share(regularHeld, regularExpected),
      inWindowRate: share(slot('REGULAR_IN_WINDOW'), regularExpected),
      thematicExpected,
      thematicMet: thematicMet,
      thematicRate: share(thematicMet, thematicExpected),
    },
  };
}
