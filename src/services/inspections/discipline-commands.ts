import { LockMode } from '@mikro-orm/core';
import { Account } from '../../entities/account';
import { Discipline } from '../../entities/discipline';
import { DisciplineKind, InspectionState, MEMBER_DISCIPLINES, ORGANISATION_DISCIPLINES } from '../../entities/inspection-enums';
import { Member } from '../../entities/member';
import { MemberStatus } from '../../entities/member-enums';
import { MemberEventKind } from '../../entities/member-lifecycle-enums';
import { OrgUnit } from '../../entities/org-unit';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { leaveParty } from '../members/exit-commands';
import { auditEvent } from '../members/lifecycle-audit';
import { checkWithinMembership, decisionRef, eventDate, reasonText } from '../members/lifecycle-guard';
import { appendEvent, unitOfMember } from '../members/member-history';
import { getMember } from '../members/member-queries';
import { getOrgUnit } from '../tree/org-unit-queries';
import { auditInspection, checkStateForInput, onInspection } from './inspection-guard';
import { targetsOf } from './inspection-queries';

export interface RecordDisciplineInput {
  readonly inspectionId: number;
  /** Exactly one of the two: an organisation target or a member target of the inspection. */
  readonly unitId?: number | null;
  readonly memberId?: number | null;
  readonly kind: DisciplineKind;
  readonly decidedOn: string;
  readonly decisionRef: string;
  readonly reason: string;
}

/**
 * Discipline as an outcome (kỷ luật), dated, with its decision. Party Charter: organisations
 * khiển trách, cảnh cáo, giải tán; members khiển trách, cảnh cáo, cách chức, khai trừ. A member's
 * discipline is an event of the member's history; expulsion also ends the membership through the
 * same path as `expelMember` (leaveParty). An organisation's stays in the unit's history
 * (OrgUnit.disciplines); dissolution is recorded, the unit itself is dissolved by dissolveOrgUnit.
 */
export function recordDiscipline(ctx: RequestContext, input: RecordDisciplineInput): Promise<Discipline> {
  const parse = async (inspection: { id: number }) => {
    const hasUnit = input.unitId !== null && input.unitId !== undefined;
    const hasMember = input.memberId !== null && input.memberId !== undefined;
    if (hasUnit === hasMember) throw badInput('input.unitId', 'name exactly one of input.unitId and input.memberId');
    const targets = await targetsOf(ctx, inspection.id);
    const date = eventDate(input.decidedOn, 'input.decidedOn');
    const ref = decisionRef(input.decisionRef, 'input.decisionRef', true) as string;
    const reason = reasonText(input.reason, 'input.reason');
    if (hasMember) {
      const member = await getMember(ctx, input.memberId as number);
      if (!targets.some((t) => t.member?.id === member.id)) throw badInput('input.memberId', 'is not a target of the inspection');
      if (!MEMBER_DISCIPLINES.includes(input.kind)) throw badInput('input.kind', `a member may be disciplined by ${MEMBER_DISCIPLINES.join(', ')}`);
      return { member, unit: null, date, ref, reason };
    }
    const unit = await getOrgUnit(ctx, input.unitId as number);
    if (!targets.some((t) => !t.member && t.unit.id === unit.id)) throw badInput('input.unitId', 'is not a target of the inspection');
    if (!ORGANISATION_DISCIPLINES.includes(input.kind)) throw badInput('input.kind', `an organisation may be disciplined by ${ORGANISATION_DISCIPLINES.join(', ')}`);
    return { member: null, unit, date, ref, reason };
  };
  return onInspection(ctx, input.inspectionId, null, parse, async (em, inspection, p) => {
    checkStateForInput(inspection, [InspectionState.IN_PROGRESS, InspectionState.CONCLUDED], 'Discipline');
    const author = ctx.viewer.accountId === null ? null : em.getReference(Account, ctx.viewer.accountId);
    const details = { reason: p.reason, disciplineKind: input.kind, inspectionId: inspection.id };
    let discipline: Discipline;
    if (p.member) {
      const member = await em.findOneOrFail(Member, p.member.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      await checkWithinMembership(em, member, p.date, 'input.decidedOn');
      discipline = em.create(Discipline, {
        inspection, provinceId: member.provinceId, unit: em.getReference(OrgUnit, member.unit.id), unitPath: member.unitPath,
        member, kind: input.kind, decidedOn: p.date, decisionRef: p.ref, reason: p.reason, author,
      });
      if (input.kind === DisciplineKind.EXPULSION) {
        await leaveParty(ctx, em, member, { operation: 'recordDiscipline', kind: MemberEventKind.EXPELLED, status: MemberStatus.EXPELLED, occurredOn: p.date, decisionRef: p.ref, details });
      } else {
        appendEvent(ctx, em, member, { kind: MemberEventKind.DISCIPLINED, occurredOn: p.date, decisionRef: p.ref, unit: unitOfMember(member), details });
        auditEvent(ctx, em, 'recordDiscipline', member, null, { occurredOn: p.date, decisionRef: p.ref, ...details });
      }
      member.updatedAt = new Date();
    } else {
      const unit = p.unit as OrgUnit;
      discipline = em.create(Discipline, {
        inspection, provinceId: unit.provinceId, unit: em.getReference(OrgUnit, unit.id), unitPath: unit.path,
        member: null, kind: input.kind, decidedOn: p.date, decisionRef: p.ref, reason: p.reason, author,
      });
    }
    await em.flush();
    auditInspection(ctx, em, 'recordDiscipline', inspection, null, { disciplineId: discipline.id, kind: input.kind, unitId: p.unit?.id ?? null, memberId: p.member?.id ?? null, decidedOn: p.date, decisionRef: p.ref, reason: p.reason });
    return discipline;
  });
}

