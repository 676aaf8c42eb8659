import { Field, ID, InputType, Int } from 'type-graphql';
import '../inspection-enums';
import { DisciplineKind, FindingKind, FindingSeverity, InspectionOrigin, InspectionState } from '../../entities/inspection-enums';
import { LocalDate } from '../scalars';

@InputType({ description: 'A member of the inspection team (thành viên đoàn kiểm tra).' })
export class InspectionTeamMemberInput {
  @Field({ description: 'Full name (họ và tên).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role in the team, e.g. head (trưởng đoàn).' })
  role?: string | null;
}

@InputType({ description: 'A new inspection, planned (lập kế hoạch kiểm tra).' })
export class CreateInspectionInput {
  @Field(() => ID, { description: 'The inspecting committee (or the unit whose inspection commission runs it); you need INSPECTIONS_WRITE there.' })
  inspectingUnitId!: string;

  @Field(() => InspectionOrigin, { description: 'Annual programme or ad hoc.' })
  origin!: InspectionOrigin;

  @Field({ description: 'Title (tên cuộc kiểm tra).' })
  title!: string;

  @Field(() => [String], { description: 'Subject codes from inspectionSubjects (nội dung kiểm tra), at least one.' })
  subjects!: string[];

  @Field(() => [InspectionTeamMemberInput], { nullable: true, description: 'The team (đoàn kiểm tra).' })
  team?: InspectionTeamMemberInput[] | null;

  @Field(() => LocalDate, { description: 'First day of the period (từ ngày); its year is the programme year.' })
  periodFrom!: string;

  @Field(() => LocalDate, { description: 'Last day of the period (đến ngày).' })
  periodTo!: string;

  @Field(() => [ID], { nullable: true, description: 'Organisations inspected, strictly below the inspecting unit; NOT_FOUND when out of your scope.' })
  targetUnitIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Members inspected, in the inspecting unit's subtree; NOT_FOUND when out of your scope." })
  targetMemberIds?: string[] | null;
}

@InputType({ description: 'A step of an inspection: start or publish the conclusions (bước của cuộc kiểm tra).' })
export class InspectionStepInput {
  @Field(() => ID, { description: 'The inspection.' })
  inspectionId!: string;

  @Field(() => Int, { description: "The inspection's version you read; a stale version is a CONFLICT." })
  version!: number;

  @Field(() => LocalDate, { description: 'Date of the step (ngày), not in the future and not before the previous step.' })
  on!: string;
}

@InputType({ description: 'Conclusions of an inspection in progress (kết luận kiểm tra).' })
export class ConcludeInspectionInput extends InspectionStepInput {
  @Field({ description: 'Conclusions (kết luận).' })
  conclusions!: string;

  @Field(() => String, { nullable: true, description: 'Recommendations (kiến nghị).' })
  recommendations?: string | null;
}

@InputType({ description: 'Closing a concluded inspection (kết thúc cuộc kiểm tra).' })
export class CloseInspectionInput extends InspectionStepInput {
  @Field(() => String, { nullable: true, description: 'Required when remediation is not all verified: why it closes anyway (recorded).' })
  waiverReason?: string | null;
}

@InputType({ description: 'A finding, while the inspection is in progress (kết quả kiểm tra).' })
export class AddInspectionFindingInput {
  @Field(() => ID, { description: 'The inspection, IN_PROGRESS.' })
  inspectionId!: string;

  @Field(() => FindingKind, { description: 'Strength, shortcoming or violation.' })
  kind!: FindingKind;

  @Field(() => FindingSeverity, { description: 'How serious.' })
  severity!: FindingSeverity;

  @Field({ description: "One of the inspection's subject codes." })
  subject!: string;

  @Field({ description: 'What was found.' })
  description!: string;

  @Field(() => [ID], { nullable: true, description: "Records looked at: ids of meetings (with their minutes) and meeting evaluations of the targets' units." })
  recordIds?: string[] | null;
}

@InputType({ description: 'A required remediation (yêu cầu khắc phục).' })
export class AddRemediationActionInput {
  @Field(() => ID, { description: 'The inspection, IN_PROGRESS or CONCLUDED.' })
  inspectionId!: string;

  @Field(() => ID, { description: 'The responsible unit, below the inspecting unit (đơn vị chịu trách nhiệm).' })
  responsibleUnitId!: string;

  @Field({ description: 'What must be done.' })
  description!: string;

  @Field(() => LocalDate, { description: 'Deadline (thời hạn).' })
  deadline!: string;
}

@InputType({ description: 'A step of a remediation action: done, or verified (báo cáo / kiểm tra việc khắc phục).' })
export class RemediationStepInput {
  @Field(() => ID, { description: 'The action.' })
  actionId!: string;

  @Field(() => Int, { description: "The action's version you read; a stale version is a CONFLICT." })
  version!: number;

  @Field(() => LocalDate, { description: 'Date of the step, not in the future.' })
  on!: string;

  @Field(() => String, { nullable: true, description: 'Report of the work, or the verification (required to verify).' })
  note?: string | null;
}

@InputType({ description: 'Discipline decided after an inspection, on one of its targets (kỷ luật).' })
export class RecordDisciplineInput {
  @Field(() => ID, { description: 'The inspection, IN_PROGRESS or CONCLUDED.' })
  inspectionId!: string;

  @Field(() => ID, { nullable: true, description: 'An organisation target; or memberId.' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A member target; or unitId.' })
  memberId?: string | null;

  @Field(() => DisciplineKind, { description: 'Organisations: REPRIMAND, WARNING, DISSOLUTION; members: REPRIMAND, WARNING, DISMISSAL, EXPULSION.' })
  kind!: DisciplineKind;

  @Field(() => LocalDate, { description: 'Date of the decision, not in the future (ngày quyết định).' })
  decidedOn!: string;

  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field({ description: 'Why (lý do).' })
  reason!: string;
}

@InputType({ description: 'Which inspections (lọc cuộc kiểm tra).' })
export class InspectionFilterInput {
  @Field(() => ID, { nullable: true, description: 'Inspections by this unit or of a unit in its subtree.' })
  unitId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Programme year.' })
  year?: number | null;

  @Field(() => [InspectionState], { nullable: true, description: 'Only these states.' })
  states?: InspectionState[] | null;

  @Field(() => InspectionOrigin, { nullable: true, description: 'Programme or ad hoc.' })
  origin?: InspectionOrigin | null;
}
