/** Member attributes reported on in domain.md §2. */
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** Derived from the member's events (member-lifecycle-enums.ts), never set directly. */
export enum MemberStatus {
  PROBATIONARY = 'PROBATIONARY',
  OFFICIAL = 'OFFICIAL',
  /** Struck off or put out of the party, also at the end of a failed probation (xóa tên, đưa ra khỏi Đảng). */
  REMOVED = 'REMOVED',
  /** Expelled as discipline (khai trừ). */
  EXPELLED = 'EXPELLED',
  DECEASED = 'DECEASED',
}

/** Statuses of current members: the others have left the party and keep only their history. */
export const CURRENT_MEMBER_STATUSES: readonly MemberStatus[] = [MemberStatus.PROBATIONARY, MemberStatus.OFFICIAL];

export enum GeneralEducation {
  PRIMARY = 'PRIMARY',
  LOWER_SECONDARY = 'LOWER_SECONDARY',
  UPPER_SECONDARY = 'UPPER_SECONDARY',
}

export enum ProfessionalQualification {
  DOCTORATE = 'DOCTORATE',
  MASTER = 'MASTER',
  BACHELOR = 'BACHELOR',
  COLLEGE = 'COLLEGE',
  INTERMEDIATE = 'INTERMEDIATE',
  ELEMENTARY = 'ELEMENTARY',
  NONE = 'NONE',
}

export enum PoliticalTheory {
  ADVANCED = 'ADVANCED',
  INTERMEDIATE = 'INTERMEDIATE',
  ELEMENTARY = 'ELEMENTARY',
  NONE = 'NONE',
}

export enum PositionKind {
  SECRETARY = 'SECRETARY',
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  STANDING_COMMITTEE_MEMBER = 'STANDING_COMMITTEE_MEMBER',
  INSPECTION_COMMISSION_MEMBER = 'INSPECTION_COMMISSION_MEMBER',
  VILLAGE_HEAD = 'VILLAGE_HEAD',
  FRONT_WORK_COMMITTEE_HEAD = 'FRONT_WORK_COMMITTEE_HEAD',
  AGENCY_HEAD = 'AGENCY_HEAD',
}
