/** Vocabulary of inspections (kiểm tra, domain.md §6, issue #5). */

/** In the annual programme or ad hoc. */
export enum InspectionOrigin {
  PROGRAMME = 'PROGRAMME',
  AD_HOC = 'AD_HOC',
}

/** planned → in progress → concluded → closed. */
export enum InspectionState {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  CONCLUDED = 'CONCLUDED',
  CLOSED = 'CLOSED',
}

export enum FindingKind {
  STRENGTH = 'STRENGTH',
  SHORTCOMING = 'SHORTCOMING',
  VIOLATION = 'VIOLATION',
}

export enum FindingSeverity {
  MINOR = 'MINOR',
  MODERATE = 'MODERATE',
  SERIOUS = 'SERIOUS',
}

export enum RemediationStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  VERIFIED = 'VERIFIED',
}

/** Party Charter: organisations khiển trách, cảnh cáo, giải tán; members khiển trách, cảnh cáo, cách chức, khai trừ. */
export enum DisciplineKind {
  REPRIMAND = 'REPRIMAND',
  WARNING = 'WARNING',
  DISMISSAL = 'DISMISSAL',
  EXPULSION = 'EXPULSION',
  DISSOLUTION = 'DISSOLUTION',
}

export const MEMBER_DISCIPLINES: readonly DisciplineKind[] = [DisciplineKind.REPRIMAND, DisciplineKind.WARNING, DisciplineKind.DISMISSAL, DisciplineKind.EXPULSION];
export const ORGANISATION_DISCIPLINES: readonly DisciplineKind[] = [DisciplineKind.REPRIMAND, DisciplineKind.WARNING, DisciplineKind.DISSOLUTION];
