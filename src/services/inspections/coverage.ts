import { Permission } from '../../auth/permission';
import type { OrgUnit } from '../../entities/org-unit';
import { forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql } from '../batched-page';
import { todayInVietnam } from '../calendar';
import { validYear } from '../validate';
import { supervisedCellIds } from './supervised-cells';

/**
 * Coverage of a committee's subtree for a year (domain.md §6: every commune committee must
 * inspect or supervise 100% of its cells each year). Counts only, for aggregate roles too.
 * - A cell (active CELL or GRASSROOTS_CELL in the subtree) is *inspected* when an inspection of
 *   that year, started (not PLANNED), has a target at the cell or inside it (a party group, one of
 *   its members). Inspecting the committee as a whole does not count for its cells.
 * - *Supervised* comes from supervisedCellIds (the supervision branch); *covered* is either.
 * - Inspections, findings and remediation: those of the year's inspections with a target in the subtree.
 */
export interface CountBy<K> {
  readonly key: K;
  readonly count: number;
}

export interface InspectionCoverage {
  readonly unit: OrgUnit;
  readonly year: number;
  readonly cellCount: number;
  readonly inspectedCellCount: number;
  readonly supervisedCellCount: number;
  readonly coveredCellCount: number;
  readonly inspectedRate: number | null;
  readonly coverageRate: number | null;
  readonly meetsRequirement: boolean;
  readonly inspectionsByState: CountBy<string>[];
  readonly findingsByKind: CountBy<string>[];
  readonly findingsBySubject: CountBy<string>[];
  readonly remediation: { readonly onTime: number; readonly late: number; readonly overdue: number; readonly pending: number };
}

type Row = Record<string, unknown>;

export async function inspectionCoverage(ctx: RequestContext, unit: OrgUnit, yearInput: number): Promise<InspectionCoverage> {
  if (!ctx.viewer.can(Permission.STATISTICS_READ, unit.path) && !ctx.viewer.can(Permission.INSPECTIONS_READ, unit.path)) {
    throw forbidden('You may not see inspection coverage here');
  }
  const year = validYear(yearInput, 'year');
  const exec = (sql: string, params: unknown[]): Promise<Row[]> => ctx.em.getConnection().execute<Row[]>(sql, params, 'all');
  const sub = (column: string): string => inSubtreeSql(column, '?');
  const cells = await exec(
    `select c.id, exists (
        select 1 from inspection_target t join inspection i on i.id = t.inspection_id
         where i.year = ? and i.state <> 'PLANNED' and ${inSubtreeSql('t.unit_path', 'c.path')}) as inspected
       from org_unit c
      where ${sub('c.path')} and c.kind in ('CELL', 'GRASSROOTS_CELL') and c.status = 'ACTIVE'`,
    [year, unit.path, unit.path],
  );
  const supervised = await supervisedCellIds(ctx.em, unit.path, year);
  const ids = cells.map((c) => Number(c.id));
  const inspected = new Set(cells.filter((c) => c.inspected).map((c) => Number(c.id)));
  const ofYear = `select distinct i.id from inspection i join inspection_target t on t.inspection_id = i.id where i.year = ? and ${sub('t.unit_path')}`;
  const p = [year, unit.path, unit.path];
  const byState = await exec(`select state as key, count(*)::int as count from inspection where id in (${ofYear}) group by state order by state`, p);
  const byKind = await exec(`select kind as key, count(*)::int as count from inspection_finding where inspection_id in (${ofYear}) group by kind order by kind`, p);
  const bySubject = await exec(`select subject as key, count(*)::int as count from inspection_finding where inspection_id in (${ofYear}) group by subject order by subject`, p);
  const [remediation] = await exec(
    `select count(*) filter (where status <> 'OPEN' and done_on <= deadline)::int as on_time,
            count(*) filter (where status <> 'OPEN' and done_on > deadline)::int as late,
            count(*) filter (where status = 'OPEN' and deadline < ?::date)::int as overdue,
            count(*) filter (where status = 'OPEN' and deadline >= ?::date)::int as pending
       from remediation_action where inspection_id in (${ofYear})`,
    [todayInVietnam(), todayInVietnam(), ...p],
  );
  const covered = ids.filter((id) => inspected.has(id) || supervised.has(id)).length;
  const rate = (n: number): number | null => (ids.length === 0 ? null : n / ids.length);
  const counts = (rows: Row[]): CountBy<string>[] => rows.map((r) => ({ key: String(r.key), count: Number(r.count) }));
  return {
    unit,
    year,
    cellCount: ids.length,
    inspectedCellCount: inspected.size,
    supervisedCellCount: ids.filter((id) => supervised.has(id)).length,
    coveredCellCount: covered,
    inspectedRate: rate(inspected.size),
    coverageRate: rate(covered),
    meetsRequirement: covered === ids.length,
    inspectionsByState: counts(byState),
    findingsByKind: counts(byKind),
    findingsBySubject: counts(bySubject),
    remediation: { onTime: Number(remediation.on_time), late: Number(remediation.late), overdue: Number(remediation.overdue), pending: Number(remediation.pending) },
  };
}
