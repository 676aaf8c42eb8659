import { AccountAccessResolver } from './account-access-resolver';
import { AccountResolver, ApiKeyResolver } from './account-resolver';
import { AnnualGradeResolver, FourGoodAssessmentResolver, MemberGradesResolver, OrgUnitEvaluationsResolver } from './annual-grade-resolver';
import { AuditResolver } from './audit-resolver';
import { AuthResolver } from './auth-resolver';
import { CriteriaSetResolver, CriterionResolver, GradingRulesResolver } from './criteria-set-resolver';
import { ImportResolver } from './import-resolver';
import { UnitOperationsResolver } from './unit-operations-resolver';
import { OrgUnitHistoryResolver, OrgUnitVersionResolver, UnitSuccessionResolver } from './unit-history-resolver';
import { EvaluationSummaryResolver, OrgUnitRatingsResolver } from './evaluation-summary-resolver';
import { MeetingEvaluationOfMeetingResolver, MeetingEvaluationResolver, MeetingEvaluationScoreResolver } from './meeting-evaluation-resolver';
import { CellShortfallResolver, ComplianceResolver } from './compliance-resolver';
import { AttendanceLineResolver, MeetingResolver } from './meeting-resolver';
import { HolidayResolver, MeetingRulesResolver, ThematicTopicResolver } from './meeting-rules-resolver';
import { MeetingTaskResolver } from './meeting-task-resolver';
import { OrgUnitMeetingsResolver, ThematicPlanItemResolver, ThematicPlanResolver } from './org-unit-meetings-resolver';
import { MemberPositionResolver } from './member-position-resolver';
import { MemberResolver } from './member-resolver';
import { MemberEventResolver, MemberHistoryResolver, MembershipResolver } from './member-history-resolver';
import { MemberLifecycleResolver } from './member-lifecycle-resolver';
import { MemberTransferResolver } from './member-transfer-resolver';
import { NodeResolver } from './node-resolver';
import { OrgUnitResolver } from './org-unit-resolver';
import { RoleAssignmentResolver } from './role-assignment-resolver';
import { ViewerPermissionResolver, ViewerResolver } from './viewer-resolver';
import { InspectionResolver } from './inspection-resolver';
import { DisciplineResolver, InspectionFindingResolver, InspectionTargetResolver, OrgUnitDisciplinesResolver, RemediationActionResolver } from './inspection-outcome-resolver';
import { InspectionCoverageResolver } from './inspection-coverage-resolver';
import { StatisticsResolver } from './statistics-resolver';
import { MemberStatisticsResolver, StatisticsSectionsResolver } from './statistics-sections-resolver';
import { IndicatorTargetResolver, StatisticTargetResolver } from './statistic-target-resolver';
import { MeetingGuestSupervisionResolver, SupervisionReportResolver, SupervisionRulesResolver, SupervisoryAssignmentResolver, WeakCellResolver } from './supervision-resolver';

export const resolvers = [
  NodeResolver,
  ViewerResolver,
  ViewerPermissionResolver,
  OrgUnitResolver,
  MemberResolver,
  MemberPositionResolver,
  AuthResolver,
  AccountResolver,
  AccountAccessResolver,
  ApiKeyResolver,
  RoleAssignmentResolver,
  OrgUnitMeetingsResolver,
  MeetingResolver,
  AttendanceLineResolver,
  MeetingTaskResolver,
  MeetingRulesResolver,
  HolidayResolver,
  ThematicTopicResolver,
  ThematicPlanResolver,
  ThematicPlanItemResolver,
  ComplianceResolver,
  CellShortfallResolver,
  CriteriaSetResolver,
  CriterionResolver,
  GradingRulesResolver,
  MeetingEvaluationResolver,
  MeetingEvaluationScoreResolver,
  MeetingEvaluationOfMeetingResolver,
  AnnualGradeResolver,
  FourGoodAssessmentResolver,
  OrgUnitEvaluationsResolver,
  MemberGradesResolver,
  EvaluationSummaryResolver,
  OrgUnitRatingsResolver,
  ImportResolver,
  UnitOperationsResolver,
  OrgUnitVersionResolver,
  UnitSuccessionResolver,
  OrgUnitHistoryResolver,
  MemberHistoryResolver,
  MemberEventResolver,
  MembershipResolver,
  MemberLifecycleResolver,
  MemberTransferResolver,
  AuditResolver,
  InspectionResolver,
  InspectionFindingResolver,
  RemediationActionResolver,
  DisciplineResolver,
  InspectionTargetResolver,
  OrgUnitDisciplinesResolver,
  InspectionCoverageResolver,
  SupervisoryAssignmentResolver,
  SupervisionRulesResolver,
  SupervisionReportResolver,
  WeakCellResolver,
  MeetingGuestSupervisionResolver,
  StatisticsResolver,
  StatisticsSectionsResolver,
  MemberStatisticsResolver,
  StatisticTargetResolver,
  IndicatorTargetResolver,
] as const;
