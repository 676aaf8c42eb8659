import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GradeLevel, GradeState, GradeSubjectKind } from '../../entities/evaluation-enums';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime } from '../scalars';
import { PeriodRatingType } from './meeting-evaluation-types';

@ObjectType('AnnualGrade', { implements: Node, description: 'A year\'s grading of an organisation, member or committee head: proposal, decision, publication (đánh giá, xếp loại hằng năm).' })
export class AnnualGradeType extends Node {
  @Field(() => Int, { description: 'Year graded.' })
  year!: number;

  @Field(() => GradeSubjectKind, { description: 'Organisation, member or committee head.' })
  subjectKind!: GradeSubjectKind;

  @Field(() => GradeState, { description: 'Proposed, decided or published.' })
  state!: GradeState;

  @Field(() => GradeLevel, { description: 'Level self-assessed or proposed (mức tự đánh giá, đề xuất).' })
  proposedLevel!: GradeLevel;

  @Field(() => String, { nullable: true, description: 'Note with the proposal.' })
  proposalNote!: string | null;

  @Field(() => DateTime, { description: 'When proposed.' })
  proposedAt!: Date;

  @Field(() => GradeLevel, { nullable: true, description: "The committee's decision; null until decided (mức xếp loại)." })
  decidedLevel!: GradeLevel | null;

  @Field(() => String, { nullable: true, description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Note with the decision.' })
  decisionNote!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When decided.' })
  decidedAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When published to the organisation (công khai).' })
  publishedAt!: Date | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with changes.' })
  version!: number;
}

@ObjectType('GradeAttendance', { description: "A member's attendance at meetings held in the year graded (dự sinh hoạt)." })
export class GradeAttendanceType {
  @Field(() => Int, { description: 'Meetings held whose roster included the member.' })
  meetings!: number;

  @Field(() => Int, { description: 'Present.' })
  present!: number;

  @Field(() => Int, { description: 'Absent with leave (vắng có lý do).' })
  absentExcused!: number;

  @Field(() => Int, { description: 'Absent without leave (vắng không lý do).' })
  absentUnexcused!: number;

  @Field(() => Int, { description: 'Exempt (miễn sinh hoạt).' })
  exempt!: number;

  @Field(() => Float, { nullable: true, description: 'Present over meetings not exempt, 0–1.' })
  rate!: number | null;
}

@ObjectType('GradeTasks', { description: 'Tasks assigned to the member at meetings of the year (nhiệm vụ được giao).' })
export class GradeTasksType {
  @Field(() => Int, { description: 'Assigned.' })
  assigned!: number;

  @Field(() => Int, { description: 'Done.' })
  done!: number;

  @Field(() => Int, { description: 'Not done and past their deadline.' })
  overdue!: number;
}

@ObjectType('GradeInputs', { description: 'What the committee sees beside its decision: the cell\'s monthly meeting ratings, or the member\'s attendance and tasks.' })
export class GradeInputsType {
  @Field(() => [PeriodRatingType], { nullable: true, description: "For an organisation: its meeting ratings, month by month; null for a person." })
  monthlyMeetingRatings!: PeriodRatingType[] | null;

  @Field(() => GradeAttendanceType, { nullable: true, description: 'For a member or head: attendance in the year; null for an organisation.' })
  attendance!: GradeAttendanceType | null;

  @Field(() => GradeTasksType, { nullable: true, description: 'For a member or head: tasks of the year; null for an organisation.' })
  tasks!: GradeTasksType | null;
}

@ObjectType('FourGoodAssessment', { description: 'A year\'s "four-good" assessment of a cell or grassroots committee (chi bộ / đảng bộ cơ sở bốn tốt).' })
export class FourGoodAssessmentType {
  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field({ description: 'Good political-task completion (lãnh đạo thực hiện nhiệm vụ chính trị tốt).' })
  politicalTask!: boolean;

  @Field({ description: 'Good meeting quality (chất lượng sinh hoạt tốt).' })
  meetingQuality!: boolean;

  @Field({ description: 'Good unity and discipline (đoàn kết, kỷ luật tốt).' })
  unityDiscipline!: boolean;

  @Field({ description: 'Good cadres and members (cán bộ, đảng viên tốt).' })
  cadresMembers!: boolean;

  @Field(() => String, { nullable: true, description: 'Note.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with changes.' })
  version!: number;
}

export const AnnualGradeConnection = connectionTypes('AnnualGrade', AnnualGradeType, 'xếp loại');
