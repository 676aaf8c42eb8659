import { CellType, CELL_KINDS, OrgUnitKind } from '../../../entities/org-unit-enums';
import type { RequestContext } from '../../../request-context';
import { CELL_TYPE_LABELS, UNIT_KIND_LABELS } from '../labels';
import type { RollupRow } from '../rollup-reader';
import { rows, total, type StatisticsSubject } from '../statistics-subject';

/** Units of the subtree active on the day, the unit itself apart (the district report's count of organisations). */
export interface UnitStatisticsView {
  readonly total: number;
  readonly byKind: ReadonlyArray<{ readonly kind: OrgUnitKind; readonly label: string; readonly count: number }>;
  /** Cells (chi bộ trực thuộc and chi bộ cơ sở) by type. */
  readonly byCellType: ReadonlyArray<{ readonly cellType: CellType; readonly label: string; readonly count: number }>;
  readonly cells: number;
}

const isCell = (r: RollupRow): boolean => (CELL_KINDS as readonly string[]).includes(r.k1);

export function unitsView(list: readonly RollupRow[]): UnitStatisticsView {
  return {
    total: total(list),
    byKind: Object.values(OrgUnitKind).map((kind) => ({ kind, label: UNIT_KIND_LABELS[kind], count: total(list, (r) => r.k1 === kind) })),
    byCellType: Object.values(CellType).map((cellType) => ({ cellType, label: CELL_TYPE_LABELS[cellType], count: total(list, (r) => isCell(r) && r.k2 === cellType) })),
    cells: total(list, isCell),
  };
}

/** Units as of the subject's day, or another day (the end of each month, for compliance). */
export async function unitStatistics(ctx: RequestContext, s: StatisticsSubject, asOf: string = s.asOf): Promise<UnitStatisticsView> {
  return unitsView(await rows(ctx, s, 'UNITS', { asOf }));
}
