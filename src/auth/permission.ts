/** What a role lets its holder do inside the subtree it is held at. */
export enum Permission {
  /** Read units of the tree. */
  TREE_READ = 'TREE_READ',
  /** Create and change units. */
  TREE_WRITE = 'TREE_WRITE',
  /** Read member rows (names, status, positions) but not personal data. */
  MEMBERS_READ = 'MEMBERS_READ',
  /** Read personal data: birth date, citizen id, party card number, phone, address, religion. */
  MEMBERS_PERSONAL = 'MEMBERS_PERSONAL',
  /** Create and change member records. */
  MEMBERS_WRITE = 'MEMBERS_WRITE',
  /** Create accounts and API keys, grant and revoke roles. */
  ACCOUNTS_MANAGE = 'ACCOUNTS_MANAGE',
  /** Read meetings with their content: minutes, resolutions, attendance, tasks. */
  MEETINGS_READ = 'MEETINGS_READ',
  /** Plan and record meetings, attendance, minutes, tasks and thematic plans. */
  MEETINGS_WRITE = 'MEETINGS_WRITE',
  /** Set the meeting rules, holidays and thematic topics of a province. */
  MEETING_RULES_MANAGE = 'MEETING_RULES_MANAGE',
  /** Read every annual grade and four-good assessment, in any state (đánh giá, xếp loại). */
  GRADES_READ = 'GRADES_READ',
  /** Read published annual grades (công khai) and four-good results. */
  PUBLISHED_GRADES_READ = 'PUBLISHED_GRADES_READ',
  /** Prepare and submit meeting self-evaluations; propose annual grades. */
  EVALUATIONS_WRITE = 'EVALUATIONS_WRITE',
  /** Appraise meeting evaluations, decide and publish annual grades, assess four-good: only for units strictly below where held. */
  EVALUATIONS_APPRAISE = 'EVALUATIONS_APPRAISE',
  /** Set a province's scoring criteria sets and grading constraints. */
  EVALUATION_RULES_MANAGE = 'EVALUATION_RULES_MANAGE',
  /** Counts and ratios; no rows about a person. */
  STATISTICS_READ = 'STATISTICS_READ',
  /** Set a committee's targets for its indicators (chỉ tiêu: admissions, ratios) per year. */
  TARGETS_MANAGE = 'TARGETS_MANAGE',
  /** Read the audit log of the subtree (nhật ký kiểm toán); personal data in it needs MEMBERS_PERSONAL too. */
  AUDIT_READ = 'AUDIT_READ',
  /** Read inspections with their content (kiểm tra): findings, remediation, team; held at the inspecting body or above it. */
  INSPECTIONS_READ = 'INSPECTIONS_READ',
  /** Run inspections (kiểm tra): programme, targets, findings, conclusions, remediation, discipline; at the inspecting body. */
  INSPECTIONS_WRITE = 'INSPECTIONS_WRITE',
  /** Read the published conclusions of inspections of the own unit (kết luận kiểm tra đã thông báo). */
  INSPECTION_CONCLUSIONS_READ = 'INSPECTION_CONCLUSIONS_READ',
  /** Assign committee members and board staff to supervise cells below the committee, set the frequency rules, flag weak cells (phân công dự, theo dõi, hướng dẫn sinh hoạt). */
  SUPERVISION_MANAGE = 'SUPERVISION_MANAGE',
  /** Read supervisory assignments, supervision compliance and weak cells of the subtree. */
  SUPERVISION_READ = 'SUPERVISION_READ',
  /** Appraise the meeting evaluations of the unit where held: held only through an active supervisory assignment (role SUPERVISOR). */
  EVALUATIONS_APPRAISE_ASSIGNED = 'EVALUATIONS_APPRAISE_ASSIGNED',
}
