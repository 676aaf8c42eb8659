import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GradeLevel, GradeSubjectKind, MeetingRating } from '../../entities/evaluation-enums';
import { MeetingKind } from '../../entities/meeting-enums';
import { PositionKind } from '../../entities/member-enums';
import { CellType, OrgUnitKind } from '../../entities/org-unit-enums';
import { AssigneeKind } from '../../entities/supervision-enums';
import { DisciplineKind } from '../../entities/inspection-enums';
import { LocalDate } from '../scalars';
import { CountByKeyType, RemediationFiguresType } from './inspection-types';

/** The sections of a Statistics answer (issue #7): counts, sums and rates, never a row about a person. */

@ObjectType('UnitKindCount', { description: 'Units of a kind (số tổ chức đảng theo cấp).' })
export class UnitKindCountType {
  @Field(() => OrgUnitKind, { description: 'The kind.' })
  kind!: OrgUnitKind;

  @Field({ description: 'Vietnamese name of the kind.' })
  label!: string;

  @Field(() => Int, { description: 'How many are active on the day.' })
  count!: number;
}

@ObjectType('CellTypeCount', { description: 'A count by cell type (theo loại hình chi bộ).' })
export class CellTypeCountType {
  @Field(() => CellType, { nullable: true, description: 'The cell type; null for units that are not cells.' })
  cellType!: CellType | null;

  @Field({ description: 'Vietnamese name of the type.' })
  label!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('UnitStatistics', { description: 'Organisations of the subtree active on the day, the unit itself apart (số lượng tổ chức đảng).' })
export class UnitStatisticsType {
  @Field(() => Int, { description: 'Every unit below the unit.' })
  total!: number;

  @Field(() => Int, { description: 'Cells: chi bộ trực thuộc and chi bộ cơ sở.' })
  cells!: number;

  @Field(() => [UnitKindCountType], { description: 'By kind, every kind listed.' })
  byKind!: UnitKindCountType[];

  @Field(() => [CellTypeCountType], { description: 'Cells by type, every type listed.' })
  byCellType!: CellTypeCountType[];
}

@ObjectType('DimensionCount', { description: 'Members with one value of a dimension.' })
export class DimensionCountType {
  @Field({ description: 'The value: an enum value of the member field (OFFICIAL, FEMALE, BACHELOR …), YES/NO for ethnic minority, UP_TO_30 … OVER_70 for age bands, UNKNOWN where not recorded.' })
  key!: string;

  @Field({ description: 'Vietnamese name of the value.' })
  label!: string;

  @Field(() => Int, { description: 'How many members.' })
  count!: number;

  @Field(() => Float, { nullable: true, description: 'count ÷ members, 0–1, four decimals.' })
  share!: number | null;
}

@ObjectType('MemberStatistics', { description: 'Members of the subtree on the day (official memberships: a member counts at their official cell) (số lượng, chất lượng đảng viên).' })
export class MemberStatisticsType {
  @Field(() => LocalDate, { description: 'The day counted.' })
  asOf!: string;

  @Field(() => Int, { description: 'Members, probationary and official.' })
  total!: number;
}

@ObjectType('CountOfKind', { description: 'How many of a kind.' })
export class CountOfKindType {
  @Field({ description: 'The kind, an enum value of the domain.' })
  kind!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('AdmissionStatistics', { description: 'Lifecycle flows of the period: admissions, recognitions as official, exits (kết nạp, công nhận chính thức, giảm đảng viên).' })
export class AdmissionStatisticsType {
  @Field(() => Int, { description: 'Members admitted in the period (kết nạp).' })
  admitted!: number;

  @Field(() => Int, { description: 'Of them, admitted in residential cells outside wards (kết nạp ở nông thôn: thôn, bản).' })
  rural!: number;

  @Field(() => [CellTypeCountType], { description: 'Admissions by the type of the cell.' })
  byCellType!: CellTypeCountType[];

  @Field(() => Int, { description: 'Probationary members recognised as official in the period.' })
  recognisedOfficial!: number;

  @Field(() => [CountOfKindType], { description: 'Members who left the party in the period: REMOVED (xóa tên, đưa ra khỏi Đảng), PROBATION_FAILED, EXPELLED (khai trừ), DIED (từ trần).' })
  exits!: CountOfKindType[];

  @Field(() => Int, { description: 'Members on the day before the period.' })
  membersAtStart!: number;

  @Field(() => Float, { nullable: true, description: 'admitted ÷ members at the start, four decimals (Bình Lư: 3–4% a year).' })
  admissionRate!: number | null;
}

@ObjectType('PositionCount', { description: 'Positions held on the day, by post and kind of unit (e.g. committee members of grassroots committees, cấp ủy viên cơ sở).' })
export class PositionCountType {
  @Field(() => PositionKind, { description: 'The post.' })
  position!: PositionKind;

  @Field(() => OrgUnitKind, { description: 'The kind of unit it is held in.' })
  unitKind!: OrgUnitKind;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('MeetingKindFigures', { description: 'Held meetings of one kind with their attendance and duration.' })
export class MeetingKindFiguresType {
  @Field(() => MeetingKind, { description: 'The kind.' })
  kind!: MeetingKind;

  @Field(() => Int, { description: 'Meetings held in the period.' })
  held!: number;

  @Field(() => Int, { description: 'Members present, summed over the meetings.' })
  present!: number;

  @Field(() => Int, { description: 'Members expected (the frozen roster less the exempt), summed.' })
  expected!: number;

  @Field(() => Float, { nullable: true, description: 'present ÷ expected, four decimals.' })
  attendanceRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average duration in minutes over the meetings that recorded one (Phong Thổ: 120).' })
  averageDurationMinutes!: number | null;
}

@ObjectType('ComplianceFigures', { description: "The meeting regime's compliance summed over the subtree's cells and the period's slots (kết quả thực hiện chế độ sinh hoạt), as meetingCompliance judges each cell." })
export class ComplianceFiguresType {
  @Field(() => Int, { description: 'Months of the period begun by today.' })
  dueMonths!: number;

  @Field(() => Int, { description: 'Cell-months due: the cells active at the end of each due month (or today).' })
  regularExpected!: number;

  @Field(() => Int, { description: 'Cell-months with a regular meeting held.' })
  regularHeld!: number;

  @Field(() => Int, { description: "Of them, held in the province's window." })
  regularInWindow!: number;

  @Field(() => Int, { description: 'Cell-months whose regular meeting fell below the attendance threshold.' })
  lowAttendance!: number;

  @Field(() => Int, { description: 'Cell-months whose regular meeting has attendance not recorded.' })
  attendanceNotRecorded!: number;

  @Field(() => Float, { nullable: true, description: "Present ÷ expected over each cell-month's regular meeting." })
  attendanceRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'regularHeld ÷ regularExpected.' })
  regularRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'regularInWindow ÷ regularExpected.' })
  inWindowRate!: number | null;

  @Field(() => Int, { description: 'Cell-quarters due.' })
  thematicExpected!: number;

  @Field(() => Int, { description: "Cell-quarters that met the province's thematic minimum, judged on the whole quarter (a month's report counts its quarter)." })
  thematicMet!: number;

  @Field(() => Float, { nullable: true, description: 'thematicMet ÷ thematicExpected.' })
  thematicRate!: number | null;
}

@ObjectType('MeetingStatistics', { description: 'Meetings of the period (sinh hoạt): held per kind, per cell, attendance, duration and compliance.' })
export class MeetingStatisticsType {
  @Field(() => Int, { description: 'Cells active on the day.' })
  cells!: number;

  @Field(() => [MeetingKindFiguresType], { description: 'Every kind of meeting.' })
  byKind!: MeetingKindFiguresType[];

  @Field(() => Int, { description: 'Regular meetings held.' })
  regularHeld!: number;

  @Field(() => Float, { nullable: true, description: 'Regular meetings held per active cell, two decimals (Phong Thổ: 12 a year).' })
  regularPerCell!: number | null;

  @Field(() => ComplianceFiguresType, { description: 'Compliance with the meeting regime.' })
  compliance!: ComplianceFiguresType;
}

@ObjectType('ThematicTopicRef', { description: 'A thematic topic of the taxonomy (chuyên đề).' })
export class ThematicTopicRefType {
  @Field({ description: 'Code of the topic.' })
  code!: string;

  @Field({ description: 'Name of the topic.' })
  name!: string;
}

@ObjectType('ThematicMatrixRow', { description: 'Held thematic meetings on one topic, by cell type.' })
export class ThematicMatrixRowType {
  @Field(() => ThematicTopicRefType, { nullable: true, description: 'The topic; null for thematic meetings recorded without one.' })
  topic!: ThematicTopicRefType | null;

  @Field(() => [CellTypeCountType], { description: 'Meetings by cell type, in the order of the columns.' })
  byCellType!: CellTypeCountType[];

  @Field(() => Int, { description: 'Row total.' })
  total!: number;
}

@ObjectType('ThematicMatrix', { description: "Held thematic meetings by topic × cell type with row and column totals, as the district report's table (sinh hoạt chuyên đề theo loại hình chi bộ). A meeting on two topics is in two rows; the column totals count meetings." })
export class ThematicMatrixType {
  @Field(() => [ThematicMatrixRowType], { description: "The province's topics (and any other used), in the taxonomy's order." })
  rows!: ThematicMatrixRowType[];

  @Field(() => [CellTypeCountType], { description: 'Thematic meetings per cell type.' })
  columnTotals!: CellTypeCountType[];

  @Field(() => Int, { description: 'Thematic meetings held.' })
  total!: number;
}

@ObjectType('StatisticsRatingCount', { description: 'How many carry a meeting-quality rating.' })
export class StatisticsRatingCountType {
  @Field(() => MeetingRating, { description: 'The rating.' })
  rating!: MeetingRating;

  @Field({ description: 'Vietnamese name of the rating.' })
  label!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('StatisticsGradeCount', { description: 'How many of a kind were graded at a level (decided or published).' })
export class StatisticsGradeCountType {
  @Field(() => GradeSubjectKind, { description: 'Who was graded.' })
  subjectKind!: GradeSubjectKind;

  @Field(() => GradeLevel, { description: 'The level decided.' })
  level!: GradeLevel;

  @Field({ description: 'Vietnamese name of the level.' })
  label!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('EvaluationStatistics', { description: "Meeting-quality evaluations of the period, the units' ratings for it, and the annual grades and four-good results of its years (đánh giá, xếp loại)." })
export class EvaluationStatisticsType {
  @Field(() => [StatisticsRatingCountType], { description: 'Submitted evaluations by rating (the appraised one where appraised).' })
  meetingRatings!: StatisticsRatingCountType[];

  @Field(() => Int, { description: 'Evaluations submitted or appraised.' })
  evaluatedMeetings!: number;

  @Field(() => Int, { description: 'Evaluations appraised (thẩm định).' })
  appraisedMeetings!: number;

  @Field(() => Int, { description: 'Evaluations awaiting appraisal.' })
  awaitingAppraisal!: number;

  @Field(() => Int, { description: 'Evaluations still in draft.' })
  draftEvaluations!: number;

  @Field(() => Int, { description: 'Held regular or thematic meetings with no evaluation.' })
  heldWithoutEvaluation!: number;

  @Field(() => [StatisticsRatingCountType], { nullable: true, description: "Units (cells, party groups) by their rating for the period, from their regular meetings; null unless the period is a month, quarter or year." })
  cellRatings!: StatisticsRatingCountType[] | null;

  @Field(() => [StatisticsGradeCountType], { description: 'Annual grades of the years the period touches.' })
  grades!: StatisticsGradeCountType[];

  @Field(() => Int, { description: 'Four-good assessments of those years.' })
  fourGoodAssessed!: number;

  @Field(() => Int, { description: 'Of them, four good (bốn tốt).' })
  fourGoodAchieved!: number;
}

@ObjectType('AssigneeKindCount', { description: 'Supervision visits by the kind of assignee.' })
export class AssigneeKindCountType {
  @Field(() => AssigneeKind, { description: 'Who visited.' })
  kind!: AssigneeKind;

  @Field(() => Int, { description: 'Visits: held meetings a supervisor attended under their assignment.' })
  count!: number;
}

@ObjectType('OversightStatistics', { description: 'Supervision and inspection coverage of the cells (every commune committee inspects or supervises 100% of its cells a year). Coverage is counted for a year; for a quarter, supervision only; otherwise null.' })
export class OversightStatisticsType {
  @Field(() => Int, { description: 'Cells active on the day.' })
  cells!: number;

  @Field(() => Int, { nullable: true, description: 'Cells a started inspection of the year targeted (itself, a unit in it or a member).' })
  inspectedCells!: number | null;

  @Field(() => Int, { nullable: true, description: 'Cells a supervisor attended under an assignment in the period.' })
  supervisedCells!: number | null;

  @Field(() => Int, { nullable: true, description: 'Cells inspected or supervised in the year.' })
  coveredCells!: number | null;

  @Field(() => Float, { nullable: true, description: 'coveredCells ÷ cells, four decimals.' })
  coverageRate!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether every cell was covered.' })
  meetsRequirement!: boolean | null;

  @Field(() => [AssigneeKindCountType], { description: 'Supervision visits in the period.' })
  supervisionVisits!: AssigneeKindCountType[];

  @Field(() => Int, { description: 'Weak-cell flags of the period (chi bộ yếu kém).' })
  weakCellFlags!: number;
}

@ObjectType('DisciplineCount', { description: 'Disciplinary measures decided in the period (kỷ luật).' })
export class DisciplineCountType {
  @Field({ description: 'ORGANISATION or MEMBER.' })
  targetKind!: string;

  @Field(() => DisciplineKind, { description: 'The measure.' })
  kind!: DisciplineKind;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('InspectionStatistics', { description: 'Inspections run by the committees of the subtree in the years the period touches, their findings, the remediation due in the period and discipline decided in it (kiểm tra, giám sát). Counts only.' })
export class InspectionStatisticsType {
  @Field(() => Int, { description: 'First year counted.' })
  fromYear!: number;

  @Field(() => Int, { description: 'Last year counted.' })
  toYear!: number;

  @Field(() => Int, { description: 'Inspections (Phong Thổ 2023: 2).' })
  conducted!: number;

  @Field(() => [CountByKeyType], { description: 'By state.' })
  byState!: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: 'Programme or ad hoc.' })
  byOrigin!: CountByKeyType[];

  @Field(() => Int, { description: 'Organisations targeted (Phong Thổ 2023: 4).' })
  organisationTargets!: number;

  @Field(() => Int, { description: 'Members targeted (Phong Thổ 2023: 5).' })
  memberTargets!: number;

  @Field(() => [CountByKeyType], { description: 'Findings by kind.' })
  findingsByKind!: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: 'Findings by subject code.' })
  findingsBySubject!: CountByKeyType[];

  @Field(() => RemediationFiguresType, { description: 'Remediation due in the period.' })
  remediation!: RemediationFiguresType;

  @Field(() => [DisciplineCountType], { description: 'Discipline decided in the period, of organisations and of members.' })
  discipline!: DisciplineCountType[];
}
