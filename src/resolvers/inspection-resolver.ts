import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Discipline } from '../entities/discipline';
import type { Inspection, TeamMember } from '../entities/inspection';
import type { InspectionFinding } from '../entities/inspection-finding';
import type { InspectionSubject } from '../entities/inspection-subject';
import type { InspectionTarget } from '../entities/inspection-target';
import type { OrgUnit } from '../entities/org-unit';
import type { RemediationAction } from '../entities/remediation-action';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { closeInspection, concludeInspection, createInspection, publishInspectionConclusions, startInspection } from '../services/inspections/inspection-commands';
import { disciplinesOf, findingsOf, getInspection, listInspections, remediationOf, subjectsFor, targetsOf, teamOf } from '../services/inspections/inspection-queries';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { CloseInspectionInput, ConcludeInspectionInput, CreateInspectionInput, InspectionFilterInput, InspectionStepInput } from '../schema/inputs/inspection-inputs';
import { DisciplineType, InspectionConnection, InspectionFindingType, InspectionSubjectType, InspectionTargetType, InspectionTeamMemberType, InspectionType, RemediationActionType } from '../schema/types/inspection-types';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';

const step = <T extends { inspectionId: string }>(input: T): T & { inspectionId: number } => ({ ...input, inspectionId: requiredId(input.inspectionId, 'Inspection', 'input.inspectionId') });

/** Inspections (kiểm tra): the programme, their states and what each reader may see of them. */
@Resolver(() => InspectionType)
export class InspectionResolver {
  @Query(() => InspectionType, { description: 'An inspection you may read; NOT_FOUND when missing or outside your scope (cuộc kiểm tra).' })
  inspection(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<Inspection> {
    return getInspection(ctx, requiredId(id, 'Inspection', 'id'));
  }

  @Query(() => InspectionConnection, { description: 'Inspections you may read, latest period first (danh sách cuộc kiểm tra).' })
  async inspections(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => InspectionFilterInput, { nullable: true, description: 'Which inspections; every one you may read when omitted.' }) filter?: InspectionFilterInput,
  ): Promise<ConnectionValue<Inspection>> {
    const unitId = optionalId(filter?.unitId, 'OrgUnit', 'filter.unitId');
    const unit = unitId === null ? null : await getOrgUnit(ctx, unitId);
    return toConnection(await listInspections(ctx, { unitPath: unit?.path, year: filter?.year, states: filter?.states, origin: filter?.origin }, page));
  }

  @Query(() => [InspectionSubjectType], { description: "Subjects inspections may cover: the national list and the unit's province's own (nội dung kiểm tra)." })
  async inspectionSubjects(@Ctx() ctx: RequestContext, @Arg('unitId', () => ID, { nullable: true, description: "A unit whose province's list to add; the national list only when omitted." }) unitId?: string): Promise<InspectionSubject[]> {
    const id = optionalId(unitId, 'OrgUnit', 'unitId');
    return subjectsFor(ctx, id === null ? null : (await getOrgUnit(ctx, id)).provinceId);
  }

  @Mutation(() => InspectionType, { description: 'Plans an inspection with its targets, PLANNED (lập kế hoạch kiểm tra).' })
  createInspection(@Arg('input', () => CreateInspectionInput, { description: 'The inspection.' }) input: CreateInspectionInput, @Ctx() ctx: RequestContext): Promise<Inspection> {
    return createInspection(ctx, {
      ...input,
      inspectingUnitId: requiredId(input.inspectingUnitId, 'OrgUnit', 'input.inspectingUnitId'),
      targetUnitIds: (input.targetUnitIds ?? []).map((id, i) => requiredId(id, 'OrgUnit', `input.targetUnitIds.${i}`)),
      targetMemberIds: (input.targetMemberIds ?? []).map((id, i) => requiredId(id, 'Member', `input.targetMemberIds.${i}`)),
    });
  }

  @Mutation(() => InspectionType, { description: 'Starts a planned inspection: IN_PROGRESS (tiến hành kiểm tra).' })
  startInspection(@Arg('input', () => InspectionStepInput, { description: 'The step.' }) input: InspectionStepInput, @Ctx() ctx: RequestContext): Promise<Inspection> {
    return startInspection(ctx, step(input));
  }

  @Mutation(() => InspectionType, { description: 'Concludes an inspection in progress with conclusions and recommendations: CONCLUDED (kết luận kiểm tra).' })
  concludeInspection(@Arg('input', () => ConcludeInspectionInput, { description: 'The conclusions.' }) input: ConcludeInspectionInput, @Ctx() ctx: RequestContext): Promise<Inspection> {
    return concludeInspection(ctx, step(input));
  }

  @Mutation(() => InspectionType, { description: 'Announces the conclusions to the inspected units, who read them from then on (thông báo kết luận).' })
  publishInspectionConclusions(@Arg('input', () => InspectionStepInput, { description: 'The step.' }) input: InspectionStepInput, @Ctx() ctx: RequestContext): Promise<Inspection> {
    return publishInspectionConclusions(ctx, step(input));
  }

  @Mutation(() => InspectionType, { description: 'Closes a concluded inspection; CONFLICT while remediation is not verified, unless waived with a reason (kết thúc cuộc kiểm tra).' })
  closeInspection(@Arg('input', () => CloseInspectionInput, { description: 'The step.' }) input: CloseInspectionInput, @Ctx() ctx: RequestContext): Promise<Inspection> {
    return closeInspection(ctx, step(input));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() inspection: Inspection): string {
    return toGlobalId('Inspection', inspection.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The inspecting committee (cấp ủy, ủy ban kiểm tra); null when outside your scope.' })
  inspectingUnit(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, inspection.inspectingUnit.id);
  }

  @FieldResolver(() => [InspectionTargetType], { description: 'Organisations and members inspected (đối tượng kiểm tra).' })
  targets(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<InspectionTarget[]> {
    return targetsOf(ctx, inspection.id);
  }

  @FieldResolver(() => [InspectionTeamMemberType], { nullable: true, description: 'The team (đoàn kiểm tra); null unless you read the content.' })
  team(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<TeamMember[] | null> {
    return teamOf(ctx, inspection);
  }

  @FieldResolver(() => [InspectionFindingType], { nullable: true, description: 'Findings, in the order recorded (kết quả kiểm tra); null unless you read the content.' })
  findings(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<InspectionFinding[] | null> {
    return findingsOf(ctx, inspection);
  }

  @FieldResolver(() => [RemediationActionType], { nullable: true, description: 'Required remediation (yêu cầu khắc phục); null unless you read the content.' })
  remediation(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<RemediationAction[] | null> {
    return remediationOf(ctx, inspection);
  }

  @FieldResolver(() => [DisciplineType], { nullable: true, description: 'Discipline decided (kỷ luật); null unless you read the content.' })
  disciplines(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<Discipline[] | null> {
    return disciplinesOf(ctx, inspection);
  }

  @FieldResolver(() => Int, { description: 'Number of targets (số đối tượng).' })
  async targetCount(@Root() inspection: Inspection, @Ctx() ctx: RequestContext): Promise<number> {
    return (await targetsOf(ctx, inspection.id)).length;
  }
}
