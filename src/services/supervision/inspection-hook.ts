import type { RequestContext } from '../../request-context';
import type { SupervisionPeriod } from './supervision-period';

/** What the supervision report shows per weak cell of the inspections it had (kiểm tra, giám sát). */
export interface InspectionSummary {
  /** Inspections begun (not merely planned) whose period meets the report's and that targeted the cell, a unit in it or one of its members. */
  readonly count: number;
}

/** Inspections of these cells in the period, keyed by unit id, in one statement. A count only: no content. */
export async function inspectionsOfCells(ctx: RequestContext, unitIds: readonly number[], period: SupervisionPeriod): Promise<Map<number, InspectionSummary>> {
  if (unitIds.length === 0) return new Map();
  const rows = await ctx.em.getConnection().execute<Array<{ unit_id: number; n: number }>>(
    `select c.id as unit_id, count(distinct i.id)::int as n
       from org_unit c
       join inspection_target t on t.unit_path like c.path || '%'
       join inspection i on i.id = t.inspection_id and i.state <> 'PLANNED' and i.period_from <= ?::date and i.period_to >= ?::date
      where c.id = any(?::int[])
      group by c.id`,
    [period.to, period.from, `{${unitIds.join(',')}}`],
    'all',
  );
  const found = new Map(rows.map((r) => [r.unit_id, { count: r.n }]));
  return new Map(unitIds.map((id) => [id, found.get(id) ?? { count: 0 }]));
}
