import { PositionKind } from '../../../entities/member-enums';
import { OrgUnitKind } from '../../../entities/org-unit-enums';
import type { RequestContext } from '../../../request-context';
import { rows, type StatisticsSubject } from '../statistics-subject';

export interface PositionCount {
  readonly position: PositionKind;
  readonly unitKind: OrgUnitKind;
  readonly count: number;
}

/** Positions held on the day in the subtree, by post and the kind of unit (e.g. committee members of grassroots committees). */
export async function positionStatistics(ctx: RequestContext, s: StatisticsSubject): Promise<PositionCount[]> {
  const list = await rows(ctx, s, 'POSITIONS');
  return list
    .filter((r) => r.n !== 0)
    .map((r) => ({ position: r.k1 as PositionKind, unitKind: r.k2 as OrgUnitKind, count: r.n }))
    .sort((a, b) => Object.values(PositionKind).indexOf(a.position) - Object.values(PositionKind).indexOf(b.position) || Object.values(OrgUnitKind).indexOf(a.unitKind) - Object.values(OrgUnitKind).indexOf(b.unitKind));
}
