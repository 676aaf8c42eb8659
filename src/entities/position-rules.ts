import { PositionKind } from './member-enums';
import { CELL_KINDS, CellType, OrgUnitKind } from './org-unit-enums';

/**
 * Which posts fit which units, and which have one holder at a time: the one table the service
 * checks (migration 20261203000001 repeats the single-holder list in its partial unique index).
 */

/** Posts with one open holder per unit: bí thư, trưởng thôn, trưởng ban công tác Mặt trận, thủ trưởng cơ quan. */
export const SINGLE_HOLDER_POSITIONS: readonly PositionKind[] = [
  PositionKind.SECRETARY,
  PositionKind.VILLAGE_HEAD,
  PositionKind.FRONT_WORK_COMMITTEE_HEAD,
  PositionKind.AGENCY_HEAD,
];

interface UnitFit {
  readonly kinds: readonly OrgUnitKind[];
  /** For posts held in cells: the cell types that have the post; null when any unit of the kinds has it. */
  readonly cellTypes: readonly CellType[] | null;
}

const ALL_KINDS = Object.values(OrgUnitKind);
/** Units with a committee (cấp ủy): a party group (tổ đảng) has none. */
const WITH_COMMITTEE = ALL_KINDS.filter((k) => k !== OrgUnitKind.PARTY_GROUP);
/** Committees (đảng ủy) with a standing committee and an inspection commission: not cells or party groups. */
const COMMITTEES = WITH_COMMITTEE.filter((k) => !CELL_KINDS.includes(k));

export const POSITION_UNITS: Readonly<Record<PositionKind, UnitFit>> = {
  [PositionKind.SECRETARY]: { kinds: WITH_COMMITTEE, cellTypes: null },
  [PositionKind.DEPUTY_SECRETARY]: { kinds: WITH_COMMITTEE, cellTypes: null },
  [PositionKind.COMMITTEE_MEMBER]: { kinds: WITH_COMMITTEE, cellTypes: null },
  [PositionKind.STANDING_COMMITTEE_MEMBER]: { kinds: COMMITTEES, cellTypes: null },
  [PositionKind.INSPECTION_COMMISSION_MEMBER]: { kinds: COMMITTEES, cellTypes: null },
  // Outside posts the reports count, each in the cell of the village, hamlet or agency it heads.
  [PositionKind.VILLAGE_HEAD]: { kinds: CELL_KINDS, cellTypes: [CellType.RESIDENTIAL] },
  [PositionKind.FRONT_WORK_COMMITTEE_HEAD]: { kinds: CELL_KINDS, cellTypes: [CellType.RESIDENTIAL] },
  [PositionKind.AGENCY_HEAD]: { kinds: CELL_KINDS, cellTypes: [CellType.ADMINISTRATIVE_AGENCY, CellType.PUBLIC_SERVICE, CellType.ENTERPRISE] },
};

/** Whether a unit of this kind and cell type has the post. */
export function positionFitsUnit(position: PositionKind, unit: { readonly kind: OrgUnitKind; readonly cellType?: CellType | null }): boolean {
  const fit = POSITION_UNITS[position];
  if (!fit.kinds.includes(unit.kind)) return false;
  return fit.cellTypes === null || (unit.cellType != null && fit.cellTypes.includes(unit.cellType));
}
