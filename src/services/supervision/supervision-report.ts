import { Permission } from '../../auth/permission';
import type { OrgUnit } from '../../entities/org-unit';
import { OrgUnitStatus } from '../../entities/org-unit-enums';
import { AssigneeKind } from '../../entities/supervision-enums';
import { SupervisoryAssignment } from '../../entities/supervisory-assignment';
import { forbidden, notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { findOrgUnit } from '../tree/org-unit-queries';
import { SUPERVISED_KINDS } from './assignment-commands';
import { inspectionsOfCells, type InspectionSummary } from './inspection-hook';
import { periodOf, requiredInPeriod, type SupervisionPeriod } from './supervision-period';
import { weakCellsIn, type WeakCellView } from './weak-cells';

export interface AssignmentCompliance {
  readonly assignment: SupervisoryAssignment;
  readonly required: number;
  readonly actual: number;
  readonly shortfall: number;
}

export interface WeakCellSupervision extends WeakCellView {
  /** Visits matched to any assignment in the period. */
  readonly visits: number;
  readonly standingCommitteeVisits: number;
  readonly activeAssignments: number;
  /** Hook for the inspections work (issue #5's other half): null until it fills it in. */
  readonly inspections: InspectionSummary | null;
}

/** The quarterly (or yearly) supervision report of a committee (báo cáo kết quả phân công dự sinh hoạt chi bộ). */
export interface SupervisionReport {
  readonly committee: OrgUnit;
  readonly period: SupervisionPeriod;
  readonly assignments: readonly AssignmentCompliance[];
  readonly cellCount: number;
  readonly attendedCellIds: readonly number[];
  readonly unattendedCellIds: readonly number[];
  readonly weakCells: readonly WeakCellSupervision[];
}

interface VisitRow {
  readonly assignment_id: number;
  readonly unit_id: number;
  readonly assignee_kind: AssigneeKind;
  readonly visits: number;
}

/**
 * A committee (or any unit) the viewer reads supervision of: visible (else NOT_FOUND) and
 * SUPERVISION_READ held there (else FORBIDDEN).
 */
export async function supervisedUnit(ctx: RequestContext, id: number): Promise<OrgUnit> {
  const unit = await findOrgUnit(ctx, id);
  if (!unit) throw notFound('Org unit');
  if (!ctx.viewer.can(Permission.SUPERVISION_READ, unit.path)) throw forbidden('You may not read the supervision of this unit');
  return unit;
}

/**
 * Compliance of every assignment to a cell of the subtree that runs in the period: required
 * attendances (supervision-period.ts), actual ones (held meetings of the cell dated in both the
 * period and the assignment, with the holder among the guests), the cells of the subtree that no
 * supervisor attended, and the weak cells with their supervision. A fixed number of statements.
 */
export async function supervisionReport(ctx: RequestContext, unitId: number, year: number, quarter: number | null | undefined): Promise<SupervisionReport> {
  const committee = await supervisedUnit(ctx, unitId);
  const period = periodOf(year, quarter);
  const em = ctx.em;
  const assignments = await em.find(
    SupervisoryAssignment,
    { unitPath: { $like: `${committee.path}%` }, startsOn: { $lte: period.to }, endsOn: { $gte: period.from } },
    { orderBy: { unitPath: 'asc', startsOn: 'asc', id: 'asc' } },
  );
  const visits = await em.getConnection().execute<VisitRow[]>(
    `select sa.id as assignment_id, sa.unit_id, sa.assignee_kind, count(distinct m.id)::int as visits
       from supervisory_assignment sa
       join meeting_guest g on g.account_id = sa.account_id
       join meeting m on m.id = g.meeting_id and m.status = 'HELD' and m.unit_path like sa.unit_path || '%'
                     and m.held_on between greatest(sa.starts_on, ?::date) and least(sa.ends_on, ?::date)
      where sa.unit_path like ? and sa.starts_on <= ? and sa.ends_on >= ?
      group by sa.id, sa.unit_id, sa.assignee_kind`,
    [period.from, period.to, `${committee.path}%`, period.to, period.from],
    'all',
  );
  const visitsOf = new Map(visits.map((v) => [v.assignment_id, v.visits]));
  const rows = assignments.map((assignment) => {
    const required = requiredInPeriod(assignment, period);
    const actual = visitsOf.get(assignment.id) ?? 0;
    return { assignment, required, actual, shortfall: Math.max(0, required - actual) };
  });
  const cells = await em.getConnection().execute<{ id: number }[]>(
    `select id from org_unit where path like ? and kind in (${SUPERVISED_KINDS.map(() => '?').join(',')}) and status = ? order by path`,
    [`${committee.path}%`, ...SUPERVISED_KINDS, OrgUnitStatus.ACTIVE],
    'all',
  );
  const attended = new Set(visits.filter((v) => v.visits > 0).map((v) => v.unit_id));
  const weak = await weakCellsIn(em, committee.path, period);
  const inspections = await inspectionsOfCells(ctx, weak.map((w) => w.unitId), period);
  const weakCells = weak.map((w) => {
    const own = visits.filter((v) => v.unit_id === w.unitId);
    return {
      ...w,
      visits: own.reduce((n, v) => n + v.visits, 0),
      standingCommitteeVisits: own.filter((v) => v.assignee_kind === AssigneeKind.STANDING_COMMITTEE).reduce((n, v) => n + v.visits, 0),
      activeAssignments: assignments.filter((a) => a.unitId === w.unitId).length,
      inspections: inspections.get(w.unitId) ?? null,
    };
  });
  return {
    committee,
    period,
    assignments: rows,
    cellCount: cells.length,
    attendedCellIds: cells.filter((c) => attended.has(c.id)).map((c) => c.id),
    unattendedCellIds: cells.filter((c) => !attended.has(c.id)).map((c) => c.id),
    weakCells,
  };
}
