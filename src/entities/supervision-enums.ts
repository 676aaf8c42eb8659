/** Who the assignee is to the committee (domain.md §5): executive-committee member, standing-committee member, or staff of its boards. */
export enum AssigneeKind {
  EXECUTIVE_COMMITTEE = 'EXECUTIVE_COMMITTEE',
  STANDING_COMMITTEE = 'STANDING_COMMITTEE',
  STAFF = 'STAFF',
}

/** The period a required number of attendances is counted over. */
export enum FrequencyPer {
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
