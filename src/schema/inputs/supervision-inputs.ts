import { Field, ID, InputType, Int } from 'type-graphql';
import '../supervision-enums';
import { AssigneeKind, FrequencyPer } from '../../entities/supervision-enums';
import { LocalDate } from '../scalars';

@InputType({ description: 'An assignment of a person to supervise a cell (phân công dự, theo dõi, hướng dẫn sinh hoạt chi bộ).' })
export class AssignSupervisorInput {
  @Field(() => ID, { description: 'The assigning committee (cấp ủy phân công); the cell must lie below it.' })
  committeeId!: string;

  @Field(() => ID, { description: 'The cell to attend (chi bộ được phân công dự).' })
  unitId!: string;

  @Field(() => ID, { description: "The assignee's account: a committee member or board staff homed in the committee's subtree." })
  accountId!: string;

  @Field(() => AssigneeKind, { description: 'Executive-committee member, standing-committee member or board staff.' })
  assigneeKind!: AssigneeKind;

  @Field(() => LocalDate, { description: 'First day (từ ngày).' })
  startsOn!: string;

  @Field(() => LocalDate, { description: 'Last day, inclusive (đến ngày).' })
  endsOn!: string;

  @Field(() => Int, { nullable: true, description: "Attendances required per period, at least 1; the province's rule for the kind when omitted." })
  requiredAttendances?: number | null;

  @Field(() => FrequencyPer, { nullable: true, description: "Per quarter or per year; the province's rule when omitted." })
  per?: FrequencyPer | null;

  @Field(() => String, { nullable: true, description: 'Reference of the decision (số quyết định phân công).' })
  decisionRef?: string | null;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note?: string | null;
}

@InputType({ description: 'Ends an assignment on a date (kết thúc phân công).' })
export class EndSupervisoryAssignmentInput {
  @Field(() => ID, { description: 'The assignment.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => LocalDate, { description: 'The new last day: from the start up to the current end.' })
  endsOn!: string;

  @Field(() => String, { nullable: true, description: 'Why (lý do), kept in the audit log.' })
  reason?: string | null;
}

@InputType({ description: "A province's supervision frequency rules (quy định phân công dự sinh hoạt)." })
export class SupervisionRulesInput {
  @Field(() => ID, { description: 'The province.' })
  provinceId!: string;

  @Field(() => Int, { description: 'The version you read (of the default when the province has none).' })
  version!: number;

  @Field(() => Int, { description: 'Executive-committee members: attendances required, at least 1.' })
  executiveAttendances!: number;

  @Field(() => FrequencyPer, { description: 'Executive-committee members: per quarter or per year.' })
  executivePer!: FrequencyPer;

  @Field(() => Int, { description: 'Standing-committee members: attendances required, at least 1.' })
  standingAttendances!: number;

  @Field(() => FrequencyPer, { description: 'Standing-committee members: per quarter or per year.' })
  standingPer!: FrequencyPer;

  @Field({ description: 'Standing-committee members are to attend weak or difficult cells.' })
  standingWeakCells!: boolean;

  @Field(() => Int, { description: 'Board staff: attendances required, at least 1.' })
  staffAttendances!: number;

  @Field(() => FrequencyPer, { description: 'Board staff: per quarter or per year.' })
  staffPer!: FrequencyPer;

  @Field({ description: 'Forbid assigning someone to the cell they belong to.' })
  forbidOwnCell!: boolean;
}

@InputType({ description: 'A committee flags a cell below it as weak (xác định chi bộ yếu kém).' })
export class FlagWeakCellInput {
  @Field(() => ID, { description: 'The cell.' })
  unitId!: string;

  @Field(() => Int, { description: 'Year (năm).' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'Quarter 1–4; the whole year when omitted (quý).' })
  quarter?: number | null;

  @Field({ description: 'Why (lý do).' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Reference of the decision (số quyết định).' })
  decisionRef?: string | null;
}

@InputType({ description: 'Which supervisory assignments (lọc phân công dự sinh hoạt).' })
export class SupervisoryAssignmentFilterInput {
  @Field(() => ID, { nullable: true, description: "Only assignments to cells in this unit's subtree." })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only those of this account.' })
  accountId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only those running on this date.' })
  activeOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only your own assignments.' })
  mine?: boolean | null;
}
