/** Vocabulary of a member's dated history (domain.md §2, issue #6). */
export enum MemberEventKind {
  ADMITTED = 'ADMITTED',
  RECOGNISED_OFFICIAL = 'RECOGNISED_OFFICIAL',
  PROBATION_EXTENDED = 'PROBATION_EXTENDED',
  /** Removed at the end of probation instead of being recognised. */
  PROBATION_FAILED = 'PROBATION_FAILED',
  TRANSFER_SENT = 'TRANSFER_SENT',
  TRANSFER_RECEIVED = 'TRANSFER_RECEIVED',
  TRANSFER_CANCELLED = 'TRANSFER_CANCELLED',
  /** A temporary attachment to another cell ended. */
  TEMPORARY_ENDED = 'TEMPORARY_ENDED',
  EXEMPTED = 'EXEMPTED',
  EXEMPTION_ENDED = 'EXEMPTION_ENDED',
  REMOVED = 'REMOVED',
  EXPELLED = 'EXPELLED',
  DIED = 'DIED',
  /** The member's cell was merged or split: the membership continues in the successor cell. */
  REORGANISED = 'REORGANISED',
  /** Disciplined after an inspection (kỷ luật: khiển trách, cảnh cáo, cách chức); expulsion is EXPELLED. */
  DISCIPLINED = 'DISCIPLINED',
}

/** Official membership of one cell at a time, or a temporary attachment to another cell. */
export enum MembershipKind {
  OFFICIAL = 'OFFICIAL',
  TEMPORARY = 'TEMPORARY',
}

export enum TransferState {
  SENT = 'SENT',
  RECEIVED = 'RECEIVED',
  CANCELLED = 'CANCELLED',
}

/** The two ways of removal that are not discipline. */
export enum RemovalKind {
  /** Xóa tên khỏi danh sách đảng viên. */
  STRUCK_OFF = 'STRUCK_OFF',
  /** Đưa ra khỏi Đảng. */
  PUT_OUT = 'PUT_OUT',
}
