import { GradeLevel, GradeSubjectKind, MeetingRating } from '../../entities/evaluation-enums';
import { MeetingKind } from '../../entities/meeting-enums';
import { CellType, CELL_KINDS } from '../../entities/org-unit-enums';
import type { RequestContext } from '../../request-context';
import { GOOD_OR_BETTER_TARGET } from '../evaluations/evaluation-summary';
import { StatisticsGrain } from './period';
import type { RollupRow } from './rollup-reader';
import { admissionStatistics } from './sections/admissions';
import { meetingStatistics, kindFigures } from './sections/meetings';
import { oversightStatistics } from './sections/oversight';
import { percent, rows, share, total, type StatisticsSubject } from './statistics-subject';
import { Indicator, IndicatorUnit, INDICATORS } from './indicator-catalogue';
import { round4 } from '../rounding';
import { TargetSource } from './statistics-enums';
import { targetsInForce, type TargetInForce } from './targets';

export interface IndicatorTarget {
  readonly value: number;
  /** SET by a committee (its unit), or the DEFAULT of the rules (domain.md, the province's meeting rules). */
  readonly source: TargetSource;
  /** The committee's setting; null for a default. */
  readonly set: TargetInForce | null;
}

export interface IndicatorValue {
  readonly indicator: Indicator;
  readonly unit: IndicatorUnit;
  readonly label: string;
  readonly numerator: number;
  /** The whole of a share; null for counts. */
  readonly denominator: number | null;
  /** The count, or the share to four decimals; null when the whole is zero. */
  readonly value: number | null;
  /** A share as a percentage to two decimals. */
  readonly percent: number | null;
  readonly target: IndicatorTarget | null;
  /** value − target; negative when short. */
  readonly gap: number | null;
  readonly met: boolean | null;
}

interface Actual {
  readonly numerator: number;
  readonly denominator: number | null;
}

const RESIDENTIAL = (r: RollupRow): boolean => (CELL_KINDS as readonly string[]).includes(r.k1) && r.k2 === CellType.RESIDENTIAL;
const AGENCY = (r: RollupRow): boolean => (CELL_KINDS as readonly string[]).includes(r.k1) && (r.k2 === CellType.ADMINISTRATIVE_AGENCY || r.k2 === CellType.PUBLIC_SERVICE);

/** The actual figure of each indicator, each read through the batched rollups. */
async function actuals(ctx: RequestContext, s: StatisticsSubject, wanted: readonly Indicator[]): Promise<Map<Indicator, Actual>> {
  const needs = (...list: Indicator[]): boolean => list.some((i) => wanted.includes(i));
  const [units, flags, admissions, grades, cellRatings, held, meetings, oversight] = await Promise.all([
    rows(ctx, s, 'UNITS'),
    rows(ctx, s, 'CELL_FLAGS'),
    needs(Indicator.ADMISSIONS, Indicator.RURAL_ADMISSIONS, Indicator.ADMISSION_RATE) ? admissionStatistics(ctx, s) : null,
    rows(ctx, s, 'GRADES'),
    rows(ctx, s, 'CELL_RATINGS'),
    rows(ctx, s, 'MEETINGS_HELD'),
    needs(Indicator.REGULAR_MEETING_RATE, Indicator.THEMATIC_MEETING_RATE) ? meetingStatistics(ctx, s) : null,
    needs(Indicator.OVERSIGHT_COVERAGE) ? oversightStatistics(ctx, s) : null,
  ]);
  const villages = total(units, RESIDENTIAL);
  const agencies = total(units, AGENCY);
  const flag = (name: string): number => total(flags, (r) => r.k1 === name);
  const goodGrades = (kind: GradeSubjectKind): Actual => ({
    numerator: total(grades, (r) => r.k1 === kind && (r.k2 === GradeLevel.EXCELLENT || r.k2 === GradeLevel.GOOD)),
    denominator: total(grades, (r) => r.k1 === kind),
  });
  const grain = s.period.grain === StatisticsGrain.RANGE ? null : s.period.grain;
  const regular = kindFigures(held, MeetingKind.REGULAR);
  const out = new Map<Indicator, Actual>([
    [Indicator.SECRETARY_ALSO_VILLAGE_HEAD, { numerator: flag('SECRETARY_VILLAGE_HEAD'), denominator: villages }],
    [Indicator.SECRETARY_ALSO_FRONT_HEAD, { numerator: flag('SECRETARY_FRONT_HEAD'), denominator: villages }],
    [Indicator.SECRETARY_ALSO_VILLAGE_OR_FRONT_HEAD, { numerator: flag('SECRETARY_VILLAGE_OR_FRONT_HEAD'), denominator: villages }],
    [Indicator.VILLAGE_HEADS_PARTY_MEMBERS, { numerator: flag('VILLAGE_HEAD_MEMBER'), denominator: villages }],
    [Indicator.FRONT_HEADS_PARTY_MEMBERS, { numerator: flag('FRONT_HEAD_MEMBER'), denominator: villages }],
    [Indicator.VILLAGE_CELLS_WITH_MIN_MEMBERS, { numerator: flag('MIN_MEMBERS'), denominator: villages }],
    [Indicator.AGENCY_SECRETARIES_ALSO_HEADS, { numerator: flag('SECRETARY_AGENCY_HEAD'), denominator: agencies }],
    [Indicator.ORGANISATIONS_GOOD_OR_BETTER, goodGrades(GradeSubjectKind.ORGANISATION)],
    [Indicator.MEMBERS_GOOD_OR_BETTER, goodGrades(GradeSubjectKind.MEMBER)],
    [Indicator.CELLS_RATED_GOOD, {
      numerator: grain === null ? 0 : total(cellRatings, (r) => r.k1 === grain && r.k2 === MeetingRating.GOOD),
      denominator: grain === null ? 0 : total(cellRatings, (r) => r.k1 === grain),
    }],
    [Indicator.ATTENDANCE_RATE, { numerator: regular.present, denominator: regular.expected }],
  ]);
  if (admissions) {
    out.set(Indicator.ADMISSIONS, { numerator: admissions.admitted, denominator: null });
    out.set(Indicator.RURAL_ADMISSIONS, { numerator: admissions.rural, denominator: null });
    out.set(Indicator.ADMISSION_RATE, { numerator: admissions.admitted, denominator: admissions.membersAtStart });
  }
  if (meetings) {
    out.set(Indicator.REGULAR_MEETING_RATE, { numerator: meetings.compliance.regularHeld, denominator: meetings.compliance.regularExpected });
    out.set(Indicator.THEMATIC_MEETING_RATE, { numerator: meetings.compliance.thematicMet, denominator: meetings.compliance.thematicExpected });
  }
  if (oversight) out.set(Indicator.OVERSIGHT_COVERAGE, { numerator: oversight.coveredCells ?? 0, denominator: oversight.coveredCells === null ? 0 : oversight.cells });
  return out;
}

/** Targets that follow from rules when no committee set one: 90% good or better (domain.md §7; evaluationSummary's too), the province's attendance threshold, 100% coverage (§6). */
async function defaultTarget(ctx: RequestContext, s: StatisticsSubject, indicator: Indicator): Promise<number | null> {
  switch (indicator) {
    case Indicator.ORGANISATIONS_GOOD_OR_BETTER:
    case Indicator.MEMBERS_GOOD_OR_BETTER:
    case Indicator.CELLS_RATED_GOOD:
      return GOOD_OR_BETTER_TARGET;
    case Indicator.OVERSIGHT_COVERAGE:
      return 1;
    case Indicator.ATTENDANCE_RATE:
      return s.unit === null ? null : attendanceThreshold(ctx, s.unit.provinceId);
    default:
      return null;
  }
}

/** The province's attendance threshold (its meeting rules, else the default), one statement for the request's provinces. */
function attendanceThreshold(ctx: RequestContext, provinceId: number): Promise<number> {
  return ctx.loaders
    .keyed<number, number>('statAttendanceThreshold', async (provinces) => {
      const rows = await ctx.em.getConnection().execute<Array<{ province_id: number | null; attendance_threshold: string }>>(
        'select province_id, attendance_threshold from meeting_rules where province_id is null or province_id = any(?::int[])',
        [`{${provinces.join(',')}}`],
        'all',
      );
      const fallback = rows.find((r) => r.province_id === null);
      return provinces.map((p) => Number((rows.find((r) => r.province_id === p) ?? fallback)?.attendance_threshold));
    })
    .load(provinceId);
}


/** The year a period's targets are for: its own when it lies within one calendar year. */
export const targetYear = (s: StatisticsSubject): number | null => (s.period.from.slice(0, 4) === s.period.to.slice(0, 4) ? Number(s.period.from.slice(0, 4)) : null);

/** Each wanted indicator with its actual value, the target in force and the gap. */
export async function indicatorValues(ctx: RequestContext, s: StatisticsSubject, wanted: readonly Indicator[] = Object.values(Indicator)): Promise<IndicatorValue[]> {
  const year = targetYear(s);
  const [actual, set] = await Promise.all([actuals(ctx, s, wanted), s.unit === null || year === null ? new Map<Indicator, TargetInForce>() : targetsInForce(ctx, s.unit, year)]);
  return Promise.all(
    wanted.map(async (indicator) => {
      const def = INDICATORS[indicator];
      const a = actual.get(indicator) ?? { numerator: 0, denominator: def.unit === IndicatorUnit.SHARE ? 0 : null };
      const value = def.unit === IndicatorUnit.COUNT ? a.numerator : share(a.numerator, a.denominator ?? 0);
      const mine = set.get(indicator);
      const fallback = mine || year === null ? null : await defaultTarget(ctx, s, indicator);
      const target: IndicatorTarget | null = mine ? { value: mine.value, source: TargetSource.SET, set: mine } : fallback === null ? null : { value: fallback, source: TargetSource.DEFAULT, set: null };
      const gap = value === null || target === null ? null : round4(value - target.value);
      return {
        indicator,
        unit: def.unit,
        label: def.label,
        numerator: a.numerator,
        denominator: a.denominator,
        value,
        percent: def.unit === IndicatorUnit.SHARE ? percent(a.numerator, a.denominator ?? 0) : null,
        target,
        gap,
        met: gap === null ? null : gap >= -1e-9,
      };
    }),
  );
}
