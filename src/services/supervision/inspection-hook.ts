import type { RequestContext } from '../../request-context';
import type { SupervisionPeriod } from './supervision-period';

/** What the inspections work reports per weak cell in the supervision report (kiểm tra, giám sát). */
export interface InspectionSummary {
  /** Inspections or supervisions (kiểm tra, giám sát) of the cell in the period. */
  readonly count: number;
}

/**
 * HOOK for the inspections work (issue #5, its other half): return the inspections of these cells
 * in the period, keyed by unit id, in one statement. Until then no cell has any: the report's
 * `WeakCell.inspections` field answers null ("not tracked yet"), never a misleading zero.
 */
export async function inspectionsOfCells(_ctx: RequestContext, _unitIds: readonly number[], _period: SupervisionPeriod): Promise<Map<number, InspectionSummary>> {
  return new Map();
}
