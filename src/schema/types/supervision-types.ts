import '../supervision-enums';
import { Field, Int, ObjectType } from 'type-graphql';
import { MeetingRating } from '../../entities/evaluation-enums';
import { AssigneeKind, FrequencyPer } from '../../entities/supervision-enums';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime, LocalDate } from '../scalars';

@ObjectType('SupervisoryAssignment', {
  implements: Node,
  description: "A committee's assignment of a person to attend, monitor and guide a cell's meetings for a period (phân công dự, theo dõi, hướng dẫn sinh hoạt chi bộ).",
})
export class SupervisoryAssignmentType extends Node {
  @Field(() => AssigneeKind, { description: 'Executive-committee member, standing-committee member or board staff.' })
  assigneeKind!: AssigneeKind;

  @Field(() => LocalDate, { description: 'First day of the assignment (từ ngày).' })
  startsOn!: string;

  @Field(() => LocalDate, { description: 'Last day of the assignment, inclusive (đến ngày).' })
  endsOn!: string;

  @Field(() => Int, { description: 'Attendances required per period (số lần dự tối thiểu).' })
  requiredAttendances!: number;

  @Field(() => FrequencyPer, { description: 'The period the required attendances are counted over.' })
  per!: FrequencyPer;

  @Field(() => String, { nullable: true, description: 'Reference of the assigning decision (số quyết định phân công).' })
  decisionRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back to end the assignment (phiên bản).' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  createdAt!: Date;
}

export const SupervisoryAssignmentConnection = connectionTypes('SupervisoryAssignment', SupervisoryAssignmentType, 'phân công dự sinh hoạt');

@ObjectType('SupervisionRules', { description: "A province's supervision frequency rules, or the default (quy định phân công dự sinh hoạt chi bộ)." })
export class SupervisionRulesType {
  @Field(() => Int, { description: 'Executive-committee members: attendances required (ủy viên ban chấp hành).' })
  executiveAttendances!: number;

  @Field(() => FrequencyPer, { description: 'Executive-committee members: per quarter or per year.' })
  executivePer!: FrequencyPer;

  @Field(() => Int, { description: 'Standing-committee members: attendances required (ủy viên ban thường vụ).' })
  standingAttendances!: number;

  @Field(() => FrequencyPer, { description: 'Standing-committee members: per quarter or per year.' })
  standingPer!: FrequencyPer;

  @Field({ description: 'Standing-committee members are to attend weak or difficult cells (chi bộ yếu kém, khó khăn).' })
  standingWeakCells!: boolean;

  @Field(() => Int, { description: 'Board staff: attendances required (cán bộ các ban).' })
  staffAttendances!: number;

  @Field(() => FrequencyPer, { description: 'Board staff: per quarter or per year.' })
  staffPer!: FrequencyPer;

  @Field({ description: 'Nobody may be assigned to the cell they belong to (không phân công dự chi bộ nơi mình sinh hoạt).' })
  forbidOwnCell!: boolean;

  @Field(() => Int, { description: 'Version for optimistic concurrency (phiên bản).' })
  version!: number;
}

@ObjectType('WeakCellFlag', { description: "A committee's decision that a cell is weak for a year or a quarter (xác định chi bộ yếu kém)." })
export class WeakCellFlagType {
  @Field(() => Int, { description: 'Year (năm).' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Quarter 1–4; null for the whole year (quý).' })
  quarter!: number | null;

  @Field({ description: 'Why the cell is weak (lý do).' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string | null;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  createdAt!: Date;
}

@ObjectType('AssignmentCompliance', { description: "One assignment's required and actual attendances in the period (kết quả thực hiện phân công dự sinh hoạt)." })
export class AssignmentComplianceType {
  @Field(() => SupervisoryAssignmentType, { description: 'The assignment.' })
  assignment!: object;

  @Field(() => Int, { description: 'Attendances required in the period (số lần phải dự).' })
  required!: number;

  @Field(() => Int, { description: "Meetings of the cell attended in the period, recorded as the holder's guest entries (số lần đã dự)." })
  actual!: number;

  @Field(() => Int, { description: 'Attendances missing: required minus actual, at least 0 (số lần còn thiếu).' })
  shortfall!: number;
}

@ObjectType('InspectionSummary', { description: 'Inspections of a cell in the period (kiểm tra, giám sát): a count, no content.' })
export class InspectionSummaryType {
  @Field(() => Int, { description: 'Inspections begun whose period meets the report period and that targeted the cell, a unit in it or one of its members (số cuộc kiểm tra, giám sát).' })
  count!: number;
}

@ObjectType('WeakCell', { description: 'A weak cell of the period with the supervision it had (chi bộ yếu kém).' })
export class WeakCellType {
  @Field(() => Boolean, { description: 'Rated weak on its meeting evaluations for the period (xếp loại Yếu/Kém).' })
  ratedWeak!: boolean;

  @Field(() => [WeakCellFlagType], { description: 'Committee decisions flagging it weak for the year or the quarter.' })
  flags!: object[];

  @Field(() => Int, { description: 'Supervisor visits matched to assignments in the period (số lần được dự).' })
  visits!: number;

  @Field(() => Int, { description: 'Of those, by standing-committee members (ủy viên ban thường vụ dự).' })
  standingCommitteeVisits!: number;

  @Field(() => Int, { description: 'Assignments to the cell running in the period.' })
  activeAssignments!: number;

  @Field(() => InspectionSummaryType, { nullable: true, description: 'Inspections of the cell in the period (kiểm tra, giám sát).' })
  inspections!: object | null;
}

@ObjectType('SupervisionReport', { description: "A committee's supervision report for a quarter or a year, as sent to the superior committee (báo cáo kết quả phân công dự, theo dõi sinh hoạt chi bộ)." })
export class SupervisionReportType {
  @Field(() => Int, { description: 'Year (năm).' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Quarter 1–4; null for the year (quý).' })
  quarter!: number | null;

  @Field(() => LocalDate, { description: 'First day of the period.' })
  from!: string;

  @Field(() => LocalDate, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => [AssignmentComplianceType], { description: 'Every assignment to a cell of the subtree running in the period, with its figures.' })
  assignments!: object[];

  @Field(() => [AssignmentComplianceType], { description: 'The assignments that fell short (không dự đủ số lần quy định).' })
  shortfalls!: object[];

  @Field(() => Int, { description: 'Active cells of the subtree (số chi bộ).' })
  cellCount!: number;

  @Field(() => Int, { description: 'Cells a supervisor attended in the period (số chi bộ được dự).' })
  attendedCellCount!: number;

  @Field(() => [WeakCellType], { description: 'Weak cells of the period: rated weak or flagged (chi bộ yếu kém), with their supervision.' })
  weakCells!: object[];
}
