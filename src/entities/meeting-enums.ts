/** Meeting vocabulary (domain.md §3). */
export enum MeetingKind {
  REGULAR = 'REGULAR',
  THEMATIC = 'THEMATIC',
  EXTRAORDINARY = 'EXTRAORDINARY',
  CELL_COMMITTEE = 'CELL_COMMITTEE',
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  PARTY_GROUP = 'PARTY_GROUP',
}

export enum MeetingFormat {
  IN_PERSON = 'IN_PERSON',
  ONLINE = 'ONLINE',
}

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export enum MinutesStatus {
  DRAFT = 'DRAFT',
  FINALISED = 'FINALISED',
}

export enum AttendanceStatus {
  NOT_RECORDED = 'NOT_RECORDED',
  PRESENT = 'PRESENT',
  ABSENT_EXCUSED = 'ABSENT_EXCUSED',
  ABSENT_UNEXCUSED = 'ABSENT_UNEXCUSED',
  EXEMPT = 'EXEMPT',
}

export enum TaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

export enum AmendedField {
  MINUTES = 'MINUTES',
  RESOLUTION = 'RESOLUTION',
}

export enum ThematicPlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}
