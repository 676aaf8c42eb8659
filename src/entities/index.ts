import { Account } from './account';
import { AnnualGrade } from './annual-grade';
import { ApiKey } from './api-key';
import { AuditEntry } from './audit-entry';
import { CriteriaSet } from './criteria-set';
import { Criterion } from './criterion';
import { FourGoodAssessment } from './four-good-assessment';
import { GradingRules } from './grading-rules';
import { Holiday } from './holiday';
import { Meeting } from './meeting';
import { MeetingEvaluation } from './meeting-evaluation';
import { MeetingAttendance } from './meeting-attendance';
import { MeetingGuest } from './meeting-guest';
import { MeetingRules } from './meeting-rules';
import { MeetingTask } from './meeting-task';
import { Member } from './member';
import { MinutesAmendment } from './minutes-amendment';
import { MemberPosition } from './member-position';
import { MemberEvent } from './member-event';
import { MemberExemption } from './member-exemption';
import { MemberTransfer } from './member-transfer';
import { Membership } from './membership';
import { OrgUnit } from './org-unit';
import { RefreshToken } from './refresh-token';
import { RoleAssignment } from './role-assignment';
import { TaskReport } from './task-report';
import { ThematicPlan } from './thematic-plan';
import { ThematicPlanItem } from './thematic-plan-item';
import { ThematicTopic } from './thematic-topic';
import { Discipline } from './discipline';
import { Inspection } from './inspection';
import { InspectionFinding } from './inspection-finding';
import { InspectionSubject } from './inspection-subject';
import { InspectionTarget } from './inspection-target';
import { RemediationAction } from './remediation-action';
import { SupervisionRules } from './supervision-rules';
import { SupervisoryAssignment } from './supervisory-assignment';
import { WeakCellFlag } from './weak-cell-flag';
import { StatisticTarget } from './statistic-target';

/** Every entity, registered with the ORM. */
export const entities = [
  OrgUnit,
  Member,
  MemberPosition,
  Account,
  ApiKey,
  RoleAssignment,
  RefreshToken,
  AuditEntry,
  MeetingRules,
  Holiday,
  ThematicTopic,
  Meeting,
  MeetingAttendance,
  MeetingGuest,
  MinutesAmendment,
  MeetingTask,
  TaskReport,
  ThematicPlan,
  ThematicPlanItem,
  CriteriaSet,
  Criterion,
  MeetingEvaluation,
  GradingRules,
  AnnualGrade,
  FourGoodAssessment,
  MemberTransfer,
  MemberEvent,
  Membership,
  MemberExemption,
  InspectionSubject,
  Inspection,
  InspectionTarget,
  InspectionFinding,
  RemediationAction,
  Discipline,
  SupervisionRules,
  SupervisoryAssignment,
  WeakCellFlag,
  StatisticTarget,
];
