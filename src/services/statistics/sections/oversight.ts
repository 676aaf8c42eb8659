import { AssigneeKind } from '../../../entities/supervision-enums';
import type { RequestContext } from '../../../request-context';
import { StatisticsGrain } from '../period';
import { rows, share, total, type StatisticsSubject } from '../statistics-subject';
import { unitStatistics } from './units';

/**
 * Supervision and inspection coverage of the subtree's cells (every commune committee must
 * inspect or supervise 100% of its cells a year): counted for a year; for a quarter, supervision
 * only; for other periods, only the visits.
 */
export interface OversightStatisticsView {
  /** Cells active on the day. */
  readonly cells: number;
  readonly inspectedCells: number | null;
  readonly supervisedCells: number | null;
  readonly coveredCells: number | null;
  readonly coverageRate: number | null;
  readonly meetsRequirement: boolean | null;
  readonly supervisionVisits: ReadonlyArray<{ readonly kind: AssigneeKind; readonly count: number }>;
  readonly weakCellFlags: number;
}

export async function oversightStatistics(ctx: RequestContext, s: StatisticsSubject): Promise<OversightStatisticsView> {
  const [oversight, visits, flags, units] = await Promise.all([
    rows(ctx, s, 'OVERSIGHT'),
    rows(ctx, s, 'SUPERVISION_VISITS'),
    rows(ctx, s, 'WEAK_FLAGS'),
    unitStatistics(ctx, s),
  ]);
  const year = s.period.grain === StatisticsGrain.YEAR;
  const quarter = s.period.grain === StatisticsGrain.QUARTER;
  const count = (what: string, grain: 'YEAR' | 'QUARTER'): number => total(oversight, (r) => r.k1 === what && r.k2 === grain);
  const covered = year ? count('COVERED', 'YEAR') : null;
  return {
    cells: units.cells,
    inspectedCells: year ? count('INSPECTED', 'YEAR') : null,
    supervisedCells: year ? count('SUPERVISED', 'YEAR') : quarter ? count('SUPERVISED', 'QUARTER') : null,
    coveredCells: covered,
    coverageRate: covered === null ? null : share(covered, units.cells),
    meetsRequirement: covered === null ? null : covered >= units.cells,
    supervisionVisits: Object.values(AssigneeKind).map((kind) => ({ kind, count: total(visits, (r) => r.k1 === kind) })),
    weakCellFlags: total(flags, (r) => (year ? true : quarter ? r.k1 === 'QUARTER' : false)),
  };
}
