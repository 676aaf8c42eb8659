import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import type { OrgUnit } from '../../entities/org-unit';
import type { RequestContext } from '../../request-context';
import type { MeetingRating } from '../../entities/evaluation-enums';
import { periodRating } from './scoring';

/** A month, quarter or year of a cell's meeting ratings (xếp loại chất lượng sinh hoạt theo kỳ). */
export interface PeriodRatingView {
  readonly year: number;
  /** 1–4 for a quarter, else null. */
  readonly quarter: number | null;
  /** 1–12 for a month, else null. */
  readonly month: number | null;
  readonly evaluatedMeetings: number;
  readonly appraisedMeetings: number;
  /** Average score as a share of the maximum, 0–1; null without scored meetings. */
  readonly averageShare: number | null;
  readonly rating: MeetingRating | null;
}

export interface CellYearRatings {
  readonly year: PeriodRatingView;
  readonly quarters: readonly PeriodRatingView[];
  readonly months: readonly PeriodRatingView[];
}

interface ScoredRow {
  readonly unit_id: number;
  readonly month: number;
  readonly total: string;
  readonly appraised: boolean;
  readonly max_total: string;
  readonly good_min: string;
  readonly fair_min: string;
  readonly average_min: string;
}

function rate(year: number, quarter: number | null, month: number | null, rows: readonly ScoredRow[]): PeriodRatingView {
  const latest = rows[rows.length - 1];
  const result = latest
    ? periodRating(
        rows.map((r) => ({ total: Number(r.total), maxTotal: Number(r.max_total) })),
        { goodMin: Number(latest.good_min), fairMin: Number(latest.fair_min), averageMin: Number(latest.average_min), maxTotal: Number(latest.max_total) },
      )
    : null;
  return { year, quarter, month, evaluatedMeetings: rows.length, appraisedMeetings: rows.filter((r) => r.appraised).length, averageShare: result?.averageShare ?? null, rating: result?.rating ?? null };
}

/**
 * The year's ratings of cells from their submitted regular-meeting evaluations (the appraised
 * score where appraised, else the self-assessed one). Thematic meetings are scored and listed,
 * but the monthly rating that feeds the annual grading is the regular meeting's.
 * The caller has checked access to every cell; one statement for all of them.
 */
export async function cellYearRatings(em: EntityManager, unitIds: readonly number[], year: number): Promise<Map<number, CellYearRatings>> {
  const rows = unitIds.length === 0 ? [] : await em.getConnection().execute<ScoredRow[]>(
    `select e.unit_id, extract(month from e.held_on)::int as month, coalesce(e.appraised_total, e.self_total) as total,
            e.state = 'APPRAISED' as appraised, m.max_total, s.good_min, s.fair_min, s.average_min
       from meeting_evaluation e
       join criteria_set s on s.id = e.criteria_set_id
       join lateral (select sum(c.max_points) as max_total from criterion c where c.set_id = s.id) m on true
      where e.unit_id = any(?::int[]) and e.meeting_kind = 'REGULAR' and e.state <> 'DRAFT'
        and e.held_on >= ? and e.held_on <= ?
      order by e.unit_id, e.held_on, e.id`,
    [`{${unitIds.join(',')}}`, `${year}-01-01`, `${year}-12-31`],
    'all',
    em.getTransactionContext(),
  );
  const byUnit = new Map<number, ScoredRow[]>(unitIds.map((id) => [id, []]));
  for (const row of rows) byUnit.get(row.unit_id)?.push(row);
  const result = new Map<number, CellYearRatings>();
  for (const [unitId, own] of byUnit) {
    const months = Array.from({ length: 12 }, (_, i) => rate(year, null, i + 1, own.filter((r) => r.month === i + 1)));
    const quarters = Array.from({ length: 4 }, (_, q) => rate(year, q + 1, null, own.filter((r) => Math.ceil(r.month / 3) === q + 1)));
    result.set(unitId, { year: rate(year, null, null, own), quarters, months });
  }
  return result;
}

/**
 * A unit's ratings for whoever reads its meetings or its statistics (ratings are organisational
 * figures, no personal data); null for anyone else. Batched over the units of the request.
 */
export function meetingRatingsOf(ctx: RequestContext, unit: OrgUnit, year: number): Promise<CellYearRatings> | null {
  const v = ctx.viewer;
  if (!v.can(Permission.MEETINGS_READ, unit.path) && !v.can(Permission.STATISTICS_READ, unit.path)) return null;
  return ctx.loaders
    .keyed<number, CellYearRatings>(`cellRatings:${year}`, async (ids) => {
      const ratings = await cellYearRatings(ctx.em, ids, year);
      return ids.map((id) => ratings.get(id) as CellYearRatings);
    })
    .load(unit.id);
}
