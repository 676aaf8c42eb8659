import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Discipline } from '../entities/discipline';
import type { InspectionFinding } from '../entities/inspection-finding';
import type { InspectionTarget } from '../entities/inspection-target';
import type { Member } from '../entities/member';
import type { OrgUnit } from '../entities/org-unit';
import type { RemediationAction } from '../entities/remediation-action';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { recordDiscipline } from '../services/inspections/discipline-commands';
import { addInspectionFinding } from '../services/inspections/finding-commands';
import { addRemediationAction, reportRemediationDone, verifyRemediation } from '../services/inspections/remediation-commands';
import { disciplinesOfUnit, isOverdue, listOverdueRemediation } from '../services/inspections/remediation-queries';
import { findMember } from '../services/members/member-queries';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { AddInspectionFindingInput, AddRemediationActionInput, RecordDisciplineInput, RemediationStepInput } from '../schema/inputs/inspection-inputs';
import { DisciplineType, InspectionFindingType, InspectionTargetType, RemediationActionConnection, RemediationActionType } from '../schema/types/inspection-types';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';

/** What inspections produce: findings, remediation and discipline. */
@Resolver(() => InspectionFindingType)
export class InspectionFindingResolver {
  @Mutation(() => InspectionFindingType, { description: 'Records a finding; BAD_USER_INPUT unless the inspection is IN_PROGRESS (ghi nhận kết quả kiểm tra).' })
  addInspectionFinding(@Arg('input', () => AddInspectionFindingInput, { description: 'The finding.' }) input: AddInspectionFindingInput, @Ctx() ctx: RequestContext): Promise<InspectionFinding> {
    return addInspectionFinding(ctx, { ...input, inspectionId: requiredId(input.inspectionId, 'Inspection', 'input.inspectionId') });
  }

  @FieldResolver(() => [ID], { description: 'Global ids of the records looked at: meetings (with their minutes) and meeting evaluations (hồ sơ đã xem xét).' })
  recordIds(@Root() finding: InspectionFinding): string[] {
    return finding.records.map((r) => toGlobalId(r.type, r.id));
  }
}

@Resolver(() => RemediationActionType)
export class RemediationActionResolver {
  @Query(() => RemediationActionConnection, { description: 'Remediation open past its deadline, responsible unit in the subtree, of inspections whose content you read (khắc phục quá hạn).' })
  async overdueRemediation(@Arg('unitId', () => ID, { description: 'The unit.' }) unitId: string, @Args(() => PageArgsInput) page: PageArgsInput, @Ctx() ctx: RequestContext): Promise<ConnectionValue<RemediationAction>> {
    const unit = await getOrgUnit(ctx, requiredId(unitId, 'OrgUnit', 'unitId'));
    return toConnection(await listOverdueRemediation(ctx, unit, page));
  }

  @Mutation(() => RemediationActionType, { description: 'Requires a remediation of a unit below the inspecting body (yêu cầu khắc phục).' })
  addRemediationAction(@Arg('input', () => AddRemediationActionInput, { description: 'The action.' }) input: AddRemediationActionInput, @Ctx() ctx: RequestContext): Promise<RemediationAction> {
    return addRemediationAction(ctx, { ...input, inspectionId: requiredId(input.inspectionId, 'Inspection', 'input.inspectionId'), responsibleUnitId: requiredId(input.responsibleUnitId, 'OrgUnit', 'input.responsibleUnitId') });
  }

  @Mutation(() => RemediationActionType, { description: 'Records that an open action was done, as reported (đã khắc phục).' })
  reportRemediationDone(@Arg('input', () => RemediationStepInput, { description: 'The step.' }) input: RemediationStepInput, @Ctx() ctx: RequestContext): Promise<RemediationAction> {
    return reportRemediationDone(ctx, { ...input, actionId: requiredId(input.actionId, 'RemediationAction', 'input.actionId') });
  }

  @Mutation(() => RemediationActionType, { description: 'The inspecting body verifies a done action, with its note (kiểm tra việc khắc phục).' })
  verifyRemediation(@Arg('input', () => RemediationStepInput, { description: 'The step.' }) input: RemediationStepInput, @Ctx() ctx: RequestContext): Promise<RemediationAction> {
    return verifyRemediation(ctx, { ...input, actionId: requiredId(input.actionId, 'RemediationAction', 'input.actionId') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() action: RemediationAction): string {
    return toGlobalId('RemediationAction', action.id);
  }

  @FieldResolver(() => Boolean, { description: 'Open past its deadline today (quá hạn).' })
  overdue(@Root() action: RemediationAction): boolean {
    return isOverdue(action);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The responsible unit (đơn vị chịu trách nhiệm); null when outside your scope.' })
  responsibleUnit(@Root() action: RemediationAction, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, action.responsibleUnit.id);
  }
}

@Resolver(() => DisciplineType)
export class DisciplineResolver {
  @Mutation(() => DisciplineType, { description: "Records discipline of a target; a member's is an event of their history, expulsion ends the membership (quyết định kỷ luật)." })
  recordDiscipline(@Arg('input', () => RecordDisciplineInput, { description: 'The discipline.' }) input: RecordDisciplineInput, @Ctx() ctx: RequestContext): Promise<Discipline> {
    return recordDiscipline(ctx, {
      ...input,
      inspectionId: requiredId(input.inspectionId, 'Inspection', 'input.inspectionId'),
      unitId: optionalId(input.unitId, 'OrgUnit', 'input.unitId'),
      memberId: optionalId(input.memberId, 'Member', 'input.memberId'),
    });
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: "The organisation disciplined, or the member's cell; null when outside your scope." })
  unit(@Root() discipline: Discipline, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, discipline.unit.id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member disciplined; null for an organisation or outside your scope.' })
  member(@Root() discipline: Discipline, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return discipline.member ? findMember(ctx, discipline.member.id) : null;
  }
}

@Resolver(() => InspectionTargetType)
export class InspectionTargetResolver {
  @FieldResolver()
  name(@Root() target: InspectionTarget): string {
    return target.member ? target.member.fullName : target.unit.name;
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: "The organisation inspected, or the member's cell; null when outside your scope." })
  unit(@Root() target: InspectionTarget, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, target.unit.id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member inspected; null for an organisation or outside your scope.' })
  member(@Root() target: InspectionTarget, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return target.member ? findMember(ctx, target.member.id) : null;
  }
}

@Resolver(() => OrgUnitType)
export class OrgUnitDisciplinesResolver {
  @FieldResolver(() => [DisciplineType], { nullable: true, description: "The organisation's discipline, oldest first (lịch sử kỷ luật tổ chức đảng); null unless you read inspections here." })
  disciplines(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<Discipline[] | null> {
    return disciplinesOfUnit(ctx, unit);
  }
}
