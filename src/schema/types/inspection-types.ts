import { Field, Float, Int, ObjectType } from 'type-graphql';
import '../inspection-enums';
import { DisciplineKind, FindingKind, FindingSeverity, InspectionOrigin, InspectionState, RemediationStatus } from '../../entities/inspection-enums';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime, LocalDate } from '../scalars';

@ObjectType('InspectionSubject', { description: 'A subject inspections may cover, national or of a province (nội dung kiểm tra).' })
export class InspectionSubjectType {
  @Field({ description: 'Stable code, sent in CreateInspectionInput.subjects.' })
  code!: string;

  @Field({ description: 'Name, Vietnamese with English (tên nội dung).' })
  name!: string;
}

@ObjectType('InspectionTeamMember', { description: 'A member of the inspection team (thành viên đoàn kiểm tra).' })
export class InspectionTeamMemberType {
  @Field({ description: 'Full name (họ và tên).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role in the team, e.g. head (trưởng đoàn).' })
  role!: string | null;
}

@ObjectType('Inspection', {
  implements: Node,
  description:
    'An inspection by a committee or its inspection commission (cuộc kiểm tra). Content (team, findings, remediation, discipline) is for the inspecting body and inspection roles above the inspected units; the inspected units read the conclusions once published.',
})
export class InspectionType extends Node {
  @Field(() => InspectionOrigin, { description: 'Annual programme or ad hoc (theo chương trình / đột xuất).' })
  origin!: InspectionOrigin;

  @Field(() => Int, { description: 'Year of the programme (năm), the year the period starts.' })
  year!: number;

  @Field({ description: 'Title (tên cuộc kiểm tra).' })
  title!: string;

  @Field(() => [String], { description: 'Codes of the subjects covered (nội dung kiểm tra), see inspectionSubjects.' })
  subjects!: string[];

  @Field(() => LocalDate, { description: 'First day of the period inspected (từ ngày).' })
  periodFrom!: string;

  @Field(() => LocalDate, { description: 'Last day of the period inspected (đến ngày).' })
  periodTo!: string;

  @Field(() => InspectionState, { description: 'Where it stands (trạng thái).' })
  state!: InspectionState;

  @Field(() => LocalDate, { nullable: true, description: 'When it started (ngày bắt đầu).' })
  startedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was concluded (ngày kết luận).' })
  concludedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Conclusions (kết luận).' })
  conclusions!: string | null;

  @Field(() => String, { nullable: true, description: 'Recommendations (kiến nghị).' })
  recommendations!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the conclusions were announced to the inspected units (ngày thông báo kết luận).' })
  publishedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When it was closed (ngày kết thúc).' })
  closedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Closed with remediation not verified: why (lý do kết thúc khi chưa khắc phục xong).' })
  closeWaiverReason!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with state changes (phiên bản).' })
  version!: number;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  createdAt!: Date;
}

@ObjectType('InspectionTarget', { description: 'A target of an inspection: an organisation or a member (đối tượng kiểm tra).' })
export class InspectionTargetType {
  @Field({ description: 'Name of the organisation or full name of the member, as shown to whoever reads the inspection.' })
  name!: string;
}

@ObjectType('InspectionFinding', { description: 'A finding of an inspection: strength, shortcoming or violation (kết quả kiểm tra).' })
export class InspectionFindingType {
  @Field(() => FindingKind, { description: 'Strength, shortcoming or violation (loại).' })
  kind!: FindingKind;

  @Field(() => FindingSeverity, { description: 'How serious (mức độ).' })
  severity!: FindingSeverity;

  @Field({ description: 'Code of the subject it concerns (nội dung).' })
  subject!: string;

  @Field({ description: 'What was found (nội dung phát hiện).' })
  description!: string;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  createdAt!: Date;
}

@ObjectType('RemediationAction', { description: 'A required remediation with its responsible unit and deadline, verified by the inspecting body (yêu cầu khắc phục).' })
export class RemediationActionType {
  @Field({ description: 'What must be done (nội dung khắc phục).' })
  description!: string;

  @Field(() => LocalDate, { description: 'Deadline (thời hạn).' })
  deadline!: string;

  @Field(() => RemediationStatus, { description: 'Open, done or verified (tình trạng).' })
  status!: RemediationStatus;

  @Field(() => LocalDate, { nullable: true, description: 'When it was done (ngày khắc phục xong).' })
  doneOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Report of the work done (báo cáo khắc phục).' })
  doneNote!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the inspecting body verified it (ngày kiểm tra lại).' })
  verifiedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'The verification (kết quả kiểm tra việc khắc phục).' })
  verificationNote!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency (phiên bản).' })
  version!: number;
}

@ObjectType('Discipline', { description: 'A disciplinary measure decided after an inspection, on an organisation or a member (kỷ luật).' })
export class DisciplineType {
  @Field(() => DisciplineKind, { description: 'The measure (hình thức kỷ luật).' })
  kind!: DisciplineKind;

  @Field(() => LocalDate, { description: 'Date of the decision (ngày quyết định).' })
  decidedOn!: string;

  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;

  @Field({ description: 'Why (lý do).' })
  reason!: string;
}

@ObjectType('CountByKey', { description: 'A count for one key: a state, a kind or a subject code (số lượng theo nhóm).' })
export class CountByKeyType {
  @Field({ description: 'The key.' })
  key!: string;

  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType('RemediationFigures', { description: 'Remediation of the inspections counted: on time, late, overdue, pending (tình hình khắc phục).' })
export class RemediationFiguresType {
  @Field(() => Int, { description: 'Done by the deadline (đúng hạn).' })
  onTime!: number;

  @Field(() => Int, { description: 'Done after the deadline (trễ hạn).' })
  late!: number;

  @Field(() => Int, { description: 'Open past the deadline today (quá hạn).' })
  overdue!: number;

  @Field(() => Int, { description: 'Open, not yet due (chưa đến hạn).' })
  pending!: number;
}

@ObjectType('InspectionCoverage', { description: "A committee's inspection coverage for a year: counts only (tỷ lệ kiểm tra, giám sát chi bộ); the requirement is 100% of cells inspected or supervised." })
export class InspectionCoverageType {
  @Field(() => Int, { description: 'The year (năm).' })
  year!: number;

  @Field(() => Int, { description: 'Active cells in the subtree (số chi bộ).' })
  cellCount!: number;

  @Field(() => Int, { description: 'Cells targeted, themselves or inside them, by an inspection of the year that started (chi bộ được kiểm tra).' })
  inspectedCellCount!: number;

  @Field(() => Int, { description: 'Cells supervised in the year, from supervisory assignments (chi bộ được giám sát).' })
  supervisedCellCount!: number;

  @Field(() => Int, { description: 'Cells inspected or supervised (chi bộ được kiểm tra hoặc giám sát).' })
  coveredCellCount!: number;

  @Field(() => Float, { nullable: true, description: 'Share of cells inspected, 0–1; null without cells (tỷ lệ được kiểm tra).' })
  inspectedRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of cells inspected or supervised, 0–1; null without cells (tỷ lệ kiểm tra, giám sát).' })
  coverageRate!: number | null;

  @Field({ description: 'Every cell inspected or supervised: the 100% requirement met (đạt yêu cầu 100%).' })
  meetsRequirement!: boolean;

  @Field(() => [CountByKeyType], { description: "Inspections of the year with a target in the subtree, by state (theo trạng thái)." })
  inspectionsByState!: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: 'Findings of those inspections by kind (theo loại).' })
  findingsByKind!: CountByKeyType[];

  @Field(() => [CountByKeyType], { description: 'Findings of those inspections by subject code (theo nội dung).' })
  findingsBySubject!: CountByKeyType[];

  @Field(() => RemediationFiguresType, { description: 'Remediation of those inspections (khắc phục).' })
  remediation!: RemediationFiguresType;
}

export const InspectionConnection = connectionTypes('Inspection', InspectionType, 'cuộc kiểm tra');
export const RemediationActionConnection = connectionTypes('RemediationAction', RemediationActionType, 'yêu cầu khắc phục');

