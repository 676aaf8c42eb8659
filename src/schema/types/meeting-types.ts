import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AmendedField, AttendanceStatus, MeetingFormat, MeetingKind, MeetingStatus, MinutesStatus, TaskStatus, ThematicPlanStatus } from '../../entities/meeting-enums';
import { ShortfallReason } from '../../services/meetings/compliance';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime, LocalDate } from '../scalars';

@ObjectType('Meeting', { implements: Node, description: 'A meeting of a cell, party group or committee: planned, held or cancelled (buổi sinh hoạt).' })
export class MeetingType extends Node {
  @Field(() => MeetingKind, { description: 'Kind of meeting (hình thức sinh hoạt).' })
  kind!: MeetingKind;

  @Field(() => MeetingFormat, { description: 'In person or online.' })
  format!: MeetingFormat;

  @Field(() => MeetingStatus, { description: 'Planned, held or cancelled.' })
  status!: MeetingStatus;

  @Field(() => DateTime, { description: 'When it was scheduled (thời gian dự kiến).' })
  scheduledAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was held (thời gian tổ chức).' })
  heldAt!: Date | null;

  @Field(() => LocalDate, { nullable: true, description: 'The Vietnam date it was held on (ngày tổ chức, giờ Việt Nam).' })
  heldOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Place (địa điểm).' })
  place!: string | null;

  @Field(() => String, { nullable: true, description: 'Link of an online meeting (đường dẫn trực tuyến).' })
  onlineLink!: string | null;

  @Field(() => [String], { description: 'Agenda items (chương trình).' })
  agenda!: string[];

  @Field(() => String, { nullable: true, description: 'Content of the meeting (nội dung).' })
  content!: string | null;

  @Field(() => Int, { nullable: true, description: 'Duration in minutes (thời lượng).' })
  durationMinutes!: number | null;

  @Field(() => String, { nullable: true, description: 'Minutes, as currently in force, amendments applied (biên bản).' })
  minutes!: string | null;

  @Field(() => String, { nullable: true, description: 'Resolution or conclusion, as currently in force (nghị quyết, kết luận).' })
  resolution!: string | null;

  @Field(() => MinutesStatus, { description: 'Draft or finalised minutes.' })
  minutesStatus!: MinutesStatus;

  @Field(() => DateTime, { nullable: true, description: 'When the minutes were finalised.' })
  minutesFinalisedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why a regular meeting was held off its planned date (lý do thay đổi lịch).' })
  offPlanReason!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the meeting was cancelled (lý do hủy).' })
  cancelReason!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with every change.' })
  version!: number;

  @Field(() => DateTime, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the record was last changed.' })
  updatedAt!: Date;
}

export const MeetingConnection = connectionTypes('Meeting', MeetingType, 'buổi sinh hoạt');

@ObjectType('AttendanceLine', { description: "One member's line on a held meeting's roster (điểm danh)." })
export class AttendanceLineType {
  @Field(() => AttendanceStatus, { description: 'Present, absent (with or without reason), exempt, or not yet recorded.' })
  status!: AttendanceStatus;

  @Field(() => String, { nullable: true, description: 'Reason of an absence (lý do vắng).' })
  reason!: string | null;
}

@ObjectType('AttendanceSummary', { description: 'Attendance of a held meeting (tỷ lệ dự họp).' })
export class AttendanceSummaryType {
  @Field(() => Int, { description: 'Members on the roster (tổng số đảng viên).' })
  roster!: number;

  @Field(() => Int, { description: 'Present (có mặt).' })
  present!: number;

  @Field(() => Int, { description: 'Exempt from meetings, not counted (miễn sinh hoạt).' })
  exempt!: number;

  @Field(() => Int, { description: 'Lines not yet recorded.' })
  notRecorded!: number;

  @Field(() => Float, { nullable: true, description: 'Present ÷ (roster − exempt), 0 to 1; null with nobody expected.' })
  rate!: number | null;
}

@ObjectType('MeetingGuest', { description: 'A guest, usually from the superior committee (đại biểu dự).' })
export class MeetingGuestType {
  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'Position (chức vụ).' })
  position!: string | null;
}

@ObjectType('MinutesAmendment', { description: 'A correction of finalised minutes or resolution; the earlier text stays readable (đính chính).' })
export class MinutesAmendmentType {
  @Field(() => AmendedField, { description: 'What was corrected.' })
  field!: AmendedField;

  @Field(() => String, { nullable: true, description: 'The text before this amendment.' })
  previousText!: string | null;

  @Field({ description: 'The text after this amendment.' })
  newText!: string;

  @Field({ description: 'Why it was corrected (lý do).' })
  reason!: string;

  @Field(() => DateTime, { description: 'When.' })
  createdAt!: Date;
}

@ObjectType('ThematicTopic', { description: 'A thematic-meeting topic of the taxonomy (chủ đề sinh hoạt chuyên đề).' })
export class ThematicTopicType {
  @Field({ description: 'Stable code, e.g. HO_CHI_MINH.' })
  code!: string;

  @Field({ description: 'Name in Vietnamese.' })
  name!: string;
}

@ObjectType('MeetingTask', { implements: Node, description: 'A task a meeting assigned to a member (nhiệm vụ được giao).' })
export class MeetingTaskType extends Node {
  @Field({ description: 'What to do.' })
  description!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Deadline (thời hạn).' })
  deadline!: string | null;

  @Field(() => TaskStatus, { description: 'Latest reported progress.' })
  status!: TaskStatus;

  @Field(() => Int, { description: 'Version for optimistic concurrency.' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was assigned.' })
  createdAt!: Date;
}

@ObjectType('TaskReport', { description: "A member's report on a task (báo cáo kết quả thực hiện)." })
export class TaskReportType {
  @Field({ description: 'The report.' })
  report!: string;

  @Field(() => TaskStatus, { description: 'Progress reported.' })
  status!: TaskStatus;

  @Field(() => DateTime, { description: 'When.' })
  createdAt!: Date;
}

@ObjectType('MeetingRules', { description: "A province's meeting rules (quy định sinh hoạt chi bộ)." })
export class MeetingRulesType {
  @Field(() => Int, { description: 'Day of the month of the regular meeting (Lai Châu: 3).' })
  regularDay!: number;

  @Field(() => Int, { description: 'First day of the fallback window (first week: 1).' })
  windowFirstDay!: number;

  @Field(() => Int, { description: 'Last day of the fallback window (first week: 7).' })
  windowLastDay!: number;

  @Field(() => Int, { description: 'Thematic meetings required per quarter (at least 1).' })
  thematicPerQuarter!: number;

  @Field(() => Float, { description: 'Attendance threshold as a share (0.85).' })
  attendanceThreshold!: number;

  @Field(() => Int, { description: 'Version: send it back with updateMeetingRules.' })
  version!: number;
}

@ObjectType('Holiday', { description: 'A public holiday (ngày nghỉ lễ, Tết).' })
export class HolidayType {
  @Field(() => LocalDate, { description: 'The date.' })
  day!: string;

  @Field({ description: 'Name (tên ngày lễ).' })
  name!: string;
}

@ObjectType('PlannedMonth', { description: "A month of a cell's planned calendar (lịch sinh hoạt dự kiến)." })
export class PlannedMonthType {
  @Field(() => Int, { description: 'Month, 1 to 12.' })
  month!: number;

  @Field(() => LocalDate, { nullable: true, description: 'Planned date of the regular meeting; null if the whole window is holidays.' })
  plannedOn!: string | null;

  @Field({ description: 'True when the rule day is a holiday and the date moved within the window.' })
  moved!: boolean;

  @Field(() => LocalDate, { description: 'First day of the fallback window.' })
  windowStart!: string;

  @Field(() => LocalDate, { description: 'Last day of the fallback window.' })
  windowEnd!: string;
}

@ObjectType('ThematicPlan', { implements: Node, description: "A cell's annual plan of thematic meetings (kế hoạch sinh hoạt chuyên đề năm)." })
export class ThematicPlanType extends Node {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => ThematicPlanStatus, { description: 'Draft or submitted.' })
  status!: ThematicPlanStatus;

  @Field(() => DateTime, { nullable: true, description: 'When it was submitted to the superior committee.' })
  submittedAt!: Date | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency.' })
  version!: number;
}

@ObjectType('ThematicPlanItem', { description: 'A planned thematic meeting compared with what was held.' })
export class ThematicPlanItemType {
  @Field(() => Int, { description: 'Quarter, 1 to 4.' })
  quarter!: number;

  @Field({ description: 'Planned title.' })
  title!: string;

  @Field(() => Int, { description: 'Thematic meetings held on this topic in that quarter.' })
  heldCount!: number;
}

@ObjectType('SlotShortfall', { description: 'A month (regular meeting) or quarter (thematic meetings) where a cell fell short.' })
export class SlotShortfallType {
  @Field(() => Int, { nullable: true, description: 'The month, for regular-meeting shortfalls.' })
  month!: number | null;

  @Field(() => Int, { nullable: true, description: 'The quarter, for thematic shortfalls.' })
  quarter!: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the regular meeting was held, if it was.' })
  heldOn!: string | null;

  @Field(() => Float, { nullable: true, description: 'Attendance rate of that meeting.' })
  attendanceRate!: number | null;

  @Field(() => Int, { nullable: true, description: 'Thematic meetings held in the quarter.' })
  thematicHeld!: number | null;

  @Field(() => [ShortfallReason], { description: 'What fell short.' })
  reasons!: ShortfallReason[];
}

@ObjectType('ComplianceSummary', { description: 'Meeting compliance over a subtree and period (kết quả thực hiện chế độ sinh hoạt).' })
export class ComplianceSummaryType {
  @Field(() => Int, { description: 'Active cells in the subtree.' })
  cells!: number;

  @Field(() => Int, { description: 'Months of the period that have begun.' })
  months!: number;

  @Field(() => Int, { description: 'Regular meetings due: cells × months.' })
  regularExpected!: number;

  @Field(() => Int, { description: 'Months in which the regular meeting was held.' })
  regularHeld!: number;

  @Field(() => Int, { description: 'Of those, held on the rule day or within the window.' })
  regularInWindow!: number;

  @Field(() => Int, { description: 'Regular meetings below the attendance threshold.' })
  lowAttendance!: number;

  @Field(() => Float, { nullable: true, description: 'Attendance over all regular meetings held: present ÷ expected.' })
  attendanceRate!: number | null;

  @Field(() => Int, { description: 'Quarters due: cells × quarters.' })
  thematicExpected!: number;

  @Field(() => Int, { description: 'Quarters with enough thematic meetings.' })
  thematicHeld!: number;

  @Field(() => Int, { description: 'Cells with at least one shortfall.' })
  cellsFallingShort!: number;

  @Field(() => Float, { description: 'The attendance threshold in force.' })
  attendanceThreshold!: number;
}

@ObjectType('CellShortfall', { description: 'A cell that fell short, with each month or quarter and its reasons (chi bộ chưa đạt).' })
export class CellShortfallType {
  @Field(() => [SlotShortfallType], { description: 'The months and quarters that fell short.' })
  slots!: SlotShortfallType[];
}

export const CellShortfallConnection = connectionTypes('CellShortfall', CellShortfallType, 'chi bộ chưa đạt');

@ObjectType('MeetingCompliance', { description: 'Meeting compliance of a subtree for a period: the summary and the cells that fell short.' })
export class MeetingComplianceType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { nullable: true, description: 'The month, if the period is a month.' })
  month!: number | null;

  @Field(() => Int, { nullable: true, description: 'The quarter, if the period is a quarter.' })
  quarter!: number | null;
}
