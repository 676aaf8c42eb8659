import { Inspection, type TeamMember } from '../../entities/inspection';
import { InspectionOrigin, InspectionState, RemediationStatus } from '../../entities/inspection-enums';
import { InspectionTarget } from '../../entities/inspection-target';
import { Member } from '../../entities/member';
import { OrgUnit } from '../../entities/org-unit';
import { RemediationAction } from '../../entities/remediation-action';
import { badInput, conflict, forbidden } from '../../errors/app-error';
import { Permission } from '../../auth/permission';
import type { RequestContext } from '../../request-context';
import { getMember } from '../members/member-queries';
import { getOrgUnit } from '../tree/org-unit-queries';
import { notInFuture, optionalText, requiredText, validDate } from '../validate';
import { auditInspection, checkInsideBody, checkState, notBefore, onInspection } from './inspection-guard';
import { subjectsFor } from './inspection-queries';

export interface CreateInspectionInput {
  readonly inspectingUnitId: number;
  readonly origin: InspectionOrigin;
  readonly title: string;
  readonly subjects: readonly string[];
  readonly team?: readonly { name: string; role?: string | null }[] | null;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly targetUnitIds?: readonly number[] | null;
  readonly targetMemberIds?: readonly number[] | null;
}

/**
 * Plans an inspection (lập kế hoạch kiểm tra) by a committee or its commission, with its targets:
 * organisations strictly below the body and members in its subtree. A target out of the
 * caller's scope is NOT_FOUND, exactly as a missing one.
 */
export async function createInspection(ctx: RequestContext, input: CreateInspectionInput): Promise<Inspection> {
  const body = await getOrgUnit(ctx, input.inspectingUnitId);
  if (!ctx.viewer.can(Permission.INSPECTIONS_WRITE, body.path)) throw forbidden('You may not run inspections for this unit');
  const title = requiredText(input.title, 'input.title', 500);
  const periodFrom = validDate(input.periodFrom, 'input.periodFrom');
  const periodTo = validDate(input.periodTo, 'input.periodTo');
  if (periodTo < periodFrom) throw badInput('input.periodTo', 'must not be before input.periodFrom');
  const known = new Set((await subjectsFor(ctx, body.provinceId)).map((s) => s.code));
  if (input.subjects.length === 0) throw badInput('input.subjects', 'must name at least one subject');
  input.subjects.forEach((code, i) => {
    if (!known.has(code)) throw badInput(`input.subjects.${i}`, 'is not a subject of this province (inspectionSubjects)');
  });
  const team: TeamMember[] = (input.team ?? []).map((m, i) => ({ name: requiredText(m.name, `input.team.${i}.name`, 200), role: optionalText(m.role, `input.team.${i}.role`, 200) }));
  const unitIds = input.targetUnitIds ?? [];
  const memberIds = input.targetMemberIds ?? [];
  if (unitIds.length + memberIds.length === 0) throw badInput('input.targetUnitIds', 'an inspection needs at least one target');
  if (new Set(unitIds).size !== unitIds.length) throw badInput('input.targetUnitIds', 'must not repeat a unit');
  if (new Set(memberIds).size !== memberIds.length) throw badInput('input.targetMemberIds', 'must not repeat a member');
  const units: OrgUnit[] = [];
  for (const [i, id] of unitIds.entries()) {
    const unit = await getOrgUnit(ctx, id);
    checkInsideBody(body.path, unit.path, `input.targetUnitIds.${i}`, true);
    units.push(unit);
  }
  const members: Member[] = [];
  for (const [i, id] of memberIds.entries()) {
    const member = await getMember(ctx, id);
    checkInsideBody(body.path, member.unitPath, `input.targetMemberIds.${i}`, false);
    members.push(member);
  }
  return ctx.em.transactional(async (em) => {
    const inspection = em.create(Inspection, {
      provinceId: body.provinceId,
      inspectingUnit: em.getReference(OrgUnit, body.id),
      inspectingUnitPath: body.path,
      origin: input.origin,
      year: Number(periodFrom.slice(0, 4)),
      title,
      subjects: [...input.subjects],
      team,
      periodFrom,
      periodTo,
    });
    for (const unit of units) em.create(InspectionTarget, { inspection, provinceId: unit.provinceId, unit: em.getReference(OrgUnit, unit.id), unitPath: unit.path, member: null });
    for (const m of members) em.create(InspectionTarget, { inspection, provinceId: m.provinceId, unit: em.getReference(OrgUnit, m.unit.id), unitPath: m.unitPath, member: em.getReference(Member, m.id) });
    await em.flush();
    auditInspection(ctx, em, 'createInspection', inspection, null, { title, origin: input.origin, subjects: input.subjects, periodFrom, periodTo, targetUnitIds: unitIds, targetMemberIds: memberIds });
    return inspection;
  });
}

export interface InspectionStepInput {
  readonly inspectionId: number;
  readonly version: number;
  readonly on: string;
}

/** planned → in progress (tiến hành kiểm tra). */
export function startInspection(ctx: RequestContext, input: InspectionStepInput): Promise<Inspection> {
  return onInspection(ctx, input.inspectionId, input.version, () => notInFuture(input.on, 'input.on'), async (em, inspection, on) => {
    checkState(inspection, [InspectionState.PLANNED], 'start');
    inspection.state = InspectionState.IN_PROGRESS;
    inspection.startedOn = on;
    auditInspection(ctx, em, 'startInspection', inspection, { state: InspectionState.PLANNED }, { state: inspection.state, startedOn: on });
    return inspection;
  });
}

export interface ConcludeInspectionInput extends InspectionStepInput {
  readonly conclusions: string;
  readonly recommendations?: string | null;
}

/** in progress → concluded, with the conclusions and recommendations (kết luận, kiến nghị). */
export function concludeInspection(ctx: RequestContext, input: ConcludeInspectionInput): Promise<Inspection> {
  const parse = (i: Inspection) => {
    const on = notInFuture(input.on, 'input.on');
    notBefore(on, i.startedOn, 'input.on', 'the start');
    return { on, conclusions: requiredText(input.conclusions, 'input.conclusions', 20000), recommendations: optionalText(input.recommendations, 'input.recommendations', 20000) };
  };
  return onInspection(ctx, input.inspectionId, input.version, parse, async (em, inspection, p) => {
    checkState(inspection, [InspectionState.IN_PROGRESS], 'conclude');
    inspection.state = InspectionState.CONCLUDED;
    inspection.concludedOn = p.on;
    inspection.conclusions = p.conclusions;
    inspection.recommendations = p.recommendations;
    auditInspection(ctx, em, 'concludeInspection', inspection, { state: InspectionState.IN_PROGRESS }, { state: inspection.state, concludedOn: p.on, conclusions: p.conclusions, recommendations: p.recommendations });
    return inspection;
  });
}

/** Announces the conclusions to the inspected units (thông báo kết luận): they read them from then on. */
export function publishInspectionConclusions(ctx: RequestContext, input: InspectionStepInput): Promise<Inspection> {
  const parse = (i: Inspection) => {
    const on = notInFuture(input.on, 'input.on');
    notBefore(on, i.concludedOn, 'input.on', 'the conclusion');
    return on;
  };
  return onInspection(ctx, input.inspectionId, input.version, parse, async (em, inspection, on) => {
    checkState(inspection, [InspectionState.CONCLUDED, InspectionState.CLOSED], 'publish the conclusions');
    if (inspection.publishedOn) throw conflict(`The conclusions were published on ${inspection.publishedOn}`, { field: 'publishedOn' });
    inspection.publishedOn = on;
    auditInspection(ctx, em, 'publishInspectionConclusions', inspection, { publishedOn: null }, { publishedOn: on });
    return inspection;
  });
}

export interface CloseInspectionInput extends InspectionStepInput {
  /** Closing with remediation not yet verified needs a reason, which is recorded. */
  readonly waiverReason?: string | null;
}

/** concluded → closed; CONFLICT while remediation is not verified, unless waived with a reason. */
export function closeInspection(ctx: RequestContext, input: CloseInspectionInput): Promise<Inspection> {
  const parse = (i: Inspection) => {
    const on = notInFuture(input.on, 'input.on');
    notBefore(on, i.concludedOn, 'input.on', 'the conclusion');
    return { on, waiver: optionalText(input.waiverReason, 'input.waiverReason', 2000) };
  };
  return onInspection(ctx, input.inspectionId, input.version, parse, async (em, inspection, p) => {
    checkState(inspection, [InspectionState.CONCLUDED], 'close');
    const open = await em.count(RemediationAction, { inspection, status: { $ne: RemediationStatus.VERIFIED } });
    if (open > 0 && !p.waiver) throw conflict(`${open} remediation action(s) not verified; verify them or close with a waiverReason`, { field: 'waiverReason', openRemediation: open });
    inspection.state = InspectionState.CLOSED;
    inspection.closedOn = p.on;
    inspection.closeWaiverReason = open > 0 ? p.waiver : null;
    auditInspection(ctx, em, 'closeInspection', inspection, { state: InspectionState.CONCLUDED }, { state: inspection.state, closedOn: p.on, openRemediation: open, waiverReason: inspection.closeWaiverReason });
    return inspection;
  });
}
