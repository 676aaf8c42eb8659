import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { scopeFilter } from '../../auth/scope-sql';
import { Account } from '../../entities/account';
import { Member } from '../../entities/member';
import { CURRENT_MEMBER_STATUSES, type PositionKind } from '../../entities/member-enums';
import { MemberPosition } from '../../entities/member-position';
import { OrgUnit } from '../../entities/org-unit';
import { OrgUnitStatus } from '../../entities/org-unit-enums';
import { positionFitsUnit, SINGLE_HOLDER_POSITIONS } from '../../entities/position-rules';
import { badInput, conflict, forbidden, notFound, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { lockUnits } from '../tree/unit-locks';
import { audit } from '../audit';
import { getOrgUnit } from '../tree/org-unit-queries';
import { decisionRef, eventDate } from './lifecycle-guard';
import { getPosition } from './position-queries';

/**
 * Positions (chức vụ): a member takes a post in their cell or a unit above it, and leaves it on a
 * dated decision. Rows are never deleted; an ended post stays in the member's history.
 */

export interface AssignPositionInput {
  readonly memberId: number;
  readonly unitId: number;
  readonly position: PositionKind;
  readonly startedOn: string;
  readonly decisionRef: string;
}

export interface EndPositionInput {
  readonly positionId: number;
  readonly version: number;
  readonly endedOn: string;
  readonly decisionRef: string;
}

const postTaken = (): Error => conflict('The post is already held there: end the current holding first', { field: 'input.position' });

function positionSnapshot(p: MemberPosition): Record<string, unknown> {
  return {
    memberId: p.member.id, unitId: p.unit.id, position: p.position, startedOn: p.startedOn, endedOn: p.endedOn ?? null,
    decisionRef: p.decisionRef ?? null, endDecisionRef: p.endDecisionRef ?? null, version: p.version,
  };
}

function auditPosition(ctx: RequestContext, em: EntityManager, operation: string, p: MemberPosition, before: Record<string, unknown> | null): void {
  audit(ctx, em, operation, { type: 'MemberPosition', id: p.id, provinceId: p.provinceId, unitPath: p.unitPath }, before, positionSnapshot(p));
}

const viewerAccount = (ctx: RequestContext, em: EntityManager): Account | null =>
  ctx.viewer.accountId === null ? null : em.getReference(Account, ctx.viewer.accountId);

/** The member, looked up where the caller writes members: anywhere else answers like a missing one. */
async function writableMember(ctx: RequestContext, id: number): Promise<Member> {
  const member = await ctx.em.findOne(Member, { id, ...scopeFilter(ctx.viewer.scope(Permission.MEMBERS_WRITE), 'unitPath') });
  if (!member) throw notFound('Member');
  return member;
}

/**
 * The post must be free from `startedOn` on: a single-holder post held by anyone, or the same post
 * held by the same member, is a CONFLICT while open; an ended term running into `startedOn` is a
 * bad start date (two holders on one day would count twice in the reports).
 */
async function checkPostFree(em: EntityManager, member: Member, unit: OrgUnit, position: PositionKind, startedOn: string): Promise<void> {
  const holders = SINGLE_HOLDER_POSITIONS.includes(position) ? {} : { member };
  if (await em.count(MemberPosition, { unit, position, endedOn: null, ...holders })) throw postTaken();
  const overlapping = await em.findOne(MemberPosition, { unit, position, endedOn: { $gte: startedOn }, ...holders }, { orderBy: { endedOn: 'desc' } });
  if (overlapping) throw badInput('input.startedOn', `must be after ${overlapping.endedOn}, the end of the previous term`);
}

/** Assigns a post (bổ nhiệm, bầu giữ chức vụ) in the member's cell or a unit above it. */
export async function assignPosition(ctx: RequestContext, input: AssignPositionInput): Promise<MemberPosition> {
  const found = await writableMember(ctx, input.memberId);
  const unit = await getOrgUnit(ctx, input.unitId);
  if (!ctx.viewer.can(Permission.MEMBERS_WRITE, unit.path)) throw forbidden('You may not assign positions in this unit');
  if (unit.status !== OrgUnitStatus.ACTIVE) throw badInput('input.unitId', 'the unit is dissolved');
  if (!positionFitsUnit(input.position, unit)) throw badInput('input.position', `a ${unit.kind}${unit.cellType ? ` of type ${unit.cellType}` : ''} has no ${input.position}`);
  const startedOn = eventDate(input.startedOn, 'input.startedOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', true);
  try {
    return await ctx.em.transactional(async (em) => {
      // The unit first, FOR SHARE and checked again (units before members, as a merge locks them: decisions.md §40).
      await lockUnits(em, [unit.id], 'share');
      const [current] = await em.getConnection().execute<Array<{ status: string }>>('select status from org_unit where id = ?', [unit.id], 'all', em.getTransactionContext());
      if (current?.status !== OrgUnitStatus.ACTIVE) throw badInput('input.unitId', 'the unit is dissolved');
      // Position writes of one member wait for each other and for the member's lifecycle events.
      const member = await em.findOneOrFail(Member, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!member.unitPath.startsWith(unit.path)) throw badInput('input.unitId', "must be the member's cell or a unit above it");
      if (startedOn < member.admissionDate) throw badInput('input.startedOn', `must not be before the admission on ${member.admissionDate}`);
      if (!CURRENT_MEMBER_STATUSES.includes(member.status)) throw conflict('The member has left the party', { field: 'input.memberId', status: member.status });
      const managedUnit = em.getReference(OrgUnit, unit.id);
      await checkPostFree(em, member, managedUnit, input.position, startedOn);
      const position = em.create(MemberPosition, {
        provinceId: unit.provinceId, member, unit: managedUnit, unitPath: unit.path, position: input.position,
        startedOn, endedOn: null, decisionRef: ref, author: viewerAccount(ctx, em),
      });
      await em.flush();
      auditPosition(ctx, em, 'assignPosition', position, null);
      return position;
    });
  } catch (error) {
    // Two members racing for one post past the check: the partial unique indexes keep one.
    if (error instanceof UniqueConstraintViolationException) throw postTaken();
    throw error;
  }
}

/** Ends a post on a dated decision (thôi giữ chức vụ); the row stays, with its dates, as history. */
export async function endPosition(ctx: RequestContext, input: EndPositionInput): Promise<MemberPosition> {
  const found = await getPosition(ctx, input.positionId);
  if (!ctx.viewer.can(Permission.MEMBERS_WRITE, found.unitPath)) throw forbidden('You may not end positions in this unit');
  const endedOn = eventDate(input.endedOn, 'input.endedOn');
  const ref = decisionRef(input.decisionRef, 'input.decisionRef', true);
  if (endedOn < found.startedOn) throw badInput('input.endedOn', `must not be before the start on ${found.startedOn}`);
  return ctx.em.transactional(async (em) => {
    const position = await em.findOneOrFail(MemberPosition, found.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (position.version !== input.version) throw staleVersion(input.version, position.version);
    if (position.endedOn) throw conflict(`The position already ended on ${position.endedOn}`, { field: 'endedOn', endedOn: position.endedOn });
    const before = positionSnapshot(position);
    position.endedOn = endedOn;
    position.endDecisionRef = ref;
    position.endedBy = viewerAccount(ctx, em);
    await em.flush();
    auditPosition(ctx, em, 'endPosition', position, before);
    return position;
  });
}
