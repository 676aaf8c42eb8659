/** Levels of the party organisation tree (domain.md §1). */
export enum OrgUnitKind {
  PROVINCE = 'PROVINCE',
  COMMUNE_COMMITTEE = 'COMMUNE_COMMITTEE',
  WARD_COMMITTEE = 'WARD_COMMITTEE',
  SPECIAL_ZONE_COMMITTEE = 'SPECIAL_ZONE_COMMITTEE',
  BLOC_COMMITTEE = 'BLOC_COMMITTEE',
  GRASSROOTS_COMMITTEE = 'GRASSROOTS_COMMITTEE',
  GRASSROOTS_CELL = 'GRASSROOTS_CELL',
  PARTIAL_COMMITTEE = 'PARTIAL_COMMITTEE',
  CELL = 'CELL',
  PARTY_GROUP = 'PARTY_GROUP',
}

/** Loại hình chi bộ, as used in the reports. */
export enum CellType {
  RESIDENTIAL = 'RESIDENTIAL',
  ADMINISTRATIVE_AGENCY = 'ADMINISTRATIVE_AGENCY',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  ARMED_FORCES = 'ARMED_FORCES',
  ENTERPRISE = 'ENTERPRISE',
}

export enum OrgUnitStatus {
  ACTIVE = 'ACTIVE',
  DISSOLVED = 'DISSOLVED',
}

const DIRECTLY_UNDER_PROVINCE = [
  OrgUnitKind.COMMUNE_COMMITTEE,
  OrgUnitKind.WARD_COMMITTEE,
  OrgUnitKind.SPECIAL_ZONE_COMMITTEE,
  OrgUnitKind.BLOC_COMMITTEE,
];

/**
 * Which kinds a unit of each kind may sit under. A commune, ward or special-zone
 * committee is usually the grassroots committee itself, so cells may sit directly under it.
 */
export const ALLOWED_PARENT_KINDS: Readonly<Record<OrgUnitKind, readonly OrgUnitKind[]>> = {
  [OrgUnitKind.PROVINCE]: [],
  [OrgUnitKind.COMMUNE_COMMITTEE]: [OrgUnitKind.PROVINCE],
  [OrgUnitKind.WARD_COMMITTEE]: [OrgUnitKind.PROVINCE],
  [OrgUnitKind.SPECIAL_ZONE_COMMITTEE]: [OrgUnitKind.PROVINCE],
  [OrgUnitKind.BLOC_COMMITTEE]: [OrgUnitKind.PROVINCE],
  [OrgUnitKind.GRASSROOTS_COMMITTEE]: [OrgUnitKind.PROVINCE, ...DIRECTLY_UNDER_PROVINCE],
  [OrgUnitKind.GRASSROOTS_CELL]: [OrgUnitKind.PROVINCE, ...DIRECTLY_UNDER_PROVINCE],
  [OrgUnitKind.PARTIAL_COMMITTEE]: [OrgUnitKind.GRASSROOTS_COMMITTEE],
  [OrgUnitKind.CELL]: [
    OrgUnitKind.COMMUNE_COMMITTEE,
    OrgUnitKind.WARD_COMMITTEE,
    OrgUnitKind.SPECIAL_ZONE_COMMITTEE,
    OrgUnitKind.GRASSROOTS_COMMITTEE,
    OrgUnitKind.PARTIAL_COMMITTEE,
  ],
  [OrgUnitKind.PARTY_GROUP]: [OrgUnitKind.CELL, OrgUnitKind.GRASSROOTS_CELL],
};

/** Units that hold members and meetings, and carry a cell type. */
export const CELL_KINDS: readonly OrgUnitKind[] = [OrgUnitKind.CELL, OrgUnitKind.GRASSROOTS_CELL];

export const isCellKind = (kind: OrgUnitKind): boolean => CELL_KINDS.includes(kind);
