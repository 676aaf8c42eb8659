import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AmendedField, AttendanceStatus, MeetingFormat, MeetingKind, MeetingStatus, TaskStatus } from '../../entities/meeting-enums';
import { DateTime, LocalDate } from '../scalars';

@InputType({ description: "One member's attendance (điểm danh)." })
export class AttendanceInput {
  @Field(() => ID, { description: 'A member on the roster of the meeting.' })
  memberId!: string;

  @Field(() => AttendanceStatus, { description: 'Present, absent with or without reason, or exempt.' })
  status!: AttendanceStatus;

  @Field(() => String, { nullable: true, description: 'Reason of an absence; required when excused.' })
  reason?: string | null;
}

@InputType({ description: 'A guest of the meeting (đại biểu dự).' })
export class MeetingGuestInput {
  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Position.' })
  position?: string | null;

  @Field(() => ID, { nullable: true, description: 'The superior committee the guest comes from.' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: "The guest's account, for a supervisor assigned to the cell: the visit counts towards the assignment (người được phân công dự)." })
  accountId?: string | null;
}

@InputType('MeetingFieldsInput')
export class MeetingFieldsInput {
  @Field(() => MeetingFormat, { nullable: true, description: 'In person or online.' })
  format?: MeetingFormat | null;

  @Field(() => DateTime, { nullable: true, description: 'Scheduled time.' })
  scheduledAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Place.' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'https:// link; required for an online meeting.' })
  onlineLink?: string | null;

  @Field(() => [String], { nullable: true, description: 'Agenda items, at most 50.' })
  agenda?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Thematic topics; at least one for a thematic meeting.' })
  topicIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Chair (chủ trì): a member of the cell on the meeting date.' })
  chairId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Minutes-taker (thư ký): a member of the cell on the meeting date.' })
  minutesTakerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Content (nội dung).' })
  content?: string | null;

  @Field(() => String, { nullable: true, description: 'Minutes (biên bản), editable until finalised.' })
  minutes?: string | null;

  @Field(() => String, { nullable: true, description: 'Resolution or conclusion (nghị quyết, kết luận).' })
  resolution?: string | null;

  @Field(() => Int, { nullable: true, description: 'Duration in minutes, 1 to 600.' })
  durationMinutes?: number | null;

  @Field(() => DateTime, { nullable: true, description: 'When it was held: records the meeting as held and freezes its roster. Not in the future.' })
  heldAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Required when a regular meeting is held off its planned date.' })
  offPlanReason?: string | null;

  @Field(() => [MeetingGuestInput], { nullable: true, description: 'Guests; replaces the list.' })
  guests?: MeetingGuestInput[] | null;

  @Field(() => [AttendanceInput], { nullable: true, description: 'Attendance lines of a held meeting.' })
  attendance?: AttendanceInput[] | null;
}

@InputType({ description: 'A new meeting, planned or already held (tạo buổi sinh hoạt).' })
export class CreateMeetingInput extends MeetingFieldsInput {
  @Field(() => ID, { description: 'The cell (or party group, or committee) holding it.' })
  unitId!: string;

  @Field(() => MeetingKind, { description: 'Kind of meeting.' })
  kind!: MeetingKind;

  @Field(() => MeetingFormat, { description: 'In person or online.' })
  declare format: MeetingFormat;

  @Field(() => DateTime, { description: 'Scheduled time.' })
  declare scheduledAt: Date;
}

@InputType({ description: 'Changes to a meeting; omitted fields stay (sửa buổi sinh hoạt).' })
export class UpdateMeetingInput extends MeetingFieldsInput {
  @Field(() => ID, { description: 'The meeting.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is a CONFLICT.' })
  version!: number;
}

@InputType({ description: 'A correction of finalised minutes or resolution (đính chính biên bản).' })
export class AmendMinutesInput {
  @Field(() => ID, { description: 'The meeting.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => AmendedField, { description: 'Minutes or resolution.' })
  field!: AmendedField;

  @Field({ description: 'The corrected text.' })
  text!: string;

  @Field({ description: 'Why.' })
  reason!: string;
}

@InputType({ description: 'Filter for lists of meetings.' })
export class MeetingFilterInput {
  @Field(() => [MeetingKind], { nullable: true, description: 'Only these kinds.' })
  kinds?: MeetingKind[] | null;

  @Field(() => [MeetingStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: MeetingStatus[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Held (or scheduled) on or after this date.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Held (or scheduled) on or before this date.' })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only meetings of units in this subtree.' })
  subtreeOf?: string | null;
}

@InputType({ description: 'A task assigned at a meeting (giao nhiệm vụ).' })
export class AssignTaskInput {
  @Field(() => ID, { description: 'The meeting.' })
  meetingId!: string;

  @Field(() => ID, { description: 'The owner: a member of the cell.' })
  ownerId!: string;

  @Field({ description: 'What to do.' })
  description!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Deadline.' })
  deadline?: string | null;
}

@InputType({ description: "A report on a task's progress (báo cáo nhiệm vụ)." })
export class ReportTaskInput {
  @Field(() => ID, { description: 'The task.' })
  taskId!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field({ description: 'The report.' })
  report!: string;

  @Field(() => TaskStatus, { description: 'Progress now.' })
  status!: TaskStatus;

  @Field(() => ID, { nullable: true, description: 'The later meeting at which it was reported.' })
  meetingId?: string | null;
}

@InputType({ description: 'A planned thematic meeting.' })
export class PlanItemInput {
  @Field(() => Int, { description: 'Quarter, 1 to 4.' })
  quarter!: number;

  @Field(() => ID, { description: 'Topic.' })
  topicId!: string;

  @Field({ description: 'Title.' })
  title!: string;
}

@InputType({ description: "A cell's thematic plan for a year; replaces the draft (lập kế hoạch chuyên đề)." })
export class SaveThematicPlanInput {
  @Field(() => ID, { description: 'The cell.' })
  unitId!: string;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'The version of the existing plan; omit for a new plan.' })
  version?: number | null;

  @Field(() => [PlanItemInput], { description: 'The planned meetings.' })
  items!: PlanItemInput[];
}

@InputType({ description: "A province's meeting rules (quy định sinh hoạt)." })
export class MeetingRulesInput {
  @Field(() => ID, { description: 'The province.' })
  provinceId!: string;

  @Field(() => Int, { description: 'The version of the rules you read.' })
  version!: number;

  @Field(() => Int, { description: 'Regular-meeting day, 1 to 28.' })
  regularDay!: number;

  @Field(() => Int, { description: 'First day of the fallback window.' })
  windowFirstDay!: number;

  @Field(() => Int, { description: 'Last day of the fallback window.' })
  windowLastDay!: number;

  @Field(() => Int, { description: 'Thematic meetings required per quarter.' })
  thematicPerQuarter!: number;

  @Field(() => Float, { description: 'Attendance threshold as a share, e.g. 0.85.' })
  attendanceThreshold!: number;
}

@InputType({ description: 'A holiday (ngày nghỉ lễ).' })
export class HolidayInput {
  @Field(() => ID, { nullable: true, description: 'The province; null for a national holiday.' })
  provinceId?: string | null;

  @Field(() => LocalDate, { description: 'The date.' })
  day!: string;

  @Field({ description: 'Name.' })
  name!: string;
}

@InputType({ description: 'A period for compliance: a year, optionally a month or a quarter of it.' })
export class CompliancePeriodInput {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'A month, 1 to 12.' })
  month?: number | null;

  @Field(() => Int, { nullable: true, description: 'A quarter, 1 to 4.' })
  quarter?: number | null;
}

