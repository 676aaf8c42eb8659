import type { DisciplineKind } from '../../entities/inspection-enums';
import type { Member } from '../../entities/member';
import { MemberEvent } from '../../entities/member-event';
import { MemberExemption } from '../../entities/member-exemption';
import type { MemberEventKind, MembershipKind, RemovalKind } from '../../entities/member-lifecycle-enums';
import { Membership } from '../../entities/membership';
import type { RequestContext } from '../../request-context';
import { addDays, todayInVietnam } from '../calendar';

/**
 * A member's history for whoever may read the member (the parent was loaded through scope): the
 * timeline, membership periods and exemptions, each batched over every member of the request.
 */

export interface MemberEventView {
  readonly kind: MemberEventKind;
  readonly occurredOn: string;
  readonly decisionRef: string | null;
  readonly recordedAt: Date;
  readonly unitId: number;
  readonly authorId: number | null;
  readonly transferId: number | null;
  readonly reason: string | null;
  readonly exceptionReason: string | null;
  readonly probationEndsOn: string | null;
  readonly exemptFrom: string | null;
  readonly exemptTo: string | null;
  readonly removalKind: RemovalKind | null;
  readonly transferKind: MembershipKind | null;
  /** DISCIPLINED and EXPELLED after an inspection: the measure. */
  readonly disciplineKind: DisciplineKind | null;
}

function view(e: MemberEvent): MemberEventView {
  const d = e.details;
  return {
    kind: e.kind,
    occurredOn: e.occurredOn,
    decisionRef: e.decisionRef ?? null,
    recordedAt: e.createdAt,
    unitId: e.unit.id,
    authorId: e.author?.id ?? null,
    transferId: e.transfer?.id ?? null,
    reason: d.reason ?? null,
    exceptionReason: d.exceptionReason ?? null,
    probationEndsOn: d.probationEndsOn ?? null,
    exemptFrom: d.exemptFrom ?? null,
    exemptTo: d.exemptTo ?? null,
    removalKind: d.removalKind ?? null,
    transferKind: d.transferKind ?? null,
    disciplineKind: (d.disciplineKind as DisciplineKind | undefined) ?? null,
  };
}

function grouped<T extends { member: { id: number } }>(ids: readonly number[], rows: readonly T[]): T[][] {
  return ids.map((id) => rows.filter((r) => r.member.id === id));
}

/** Events oldest first: by date, then in the order they were recorded. */
export function eventsOf(ctx: RequestContext, member: Member): Promise<MemberEvent[]> {
  return ctx.loaders
    .keyed<number, MemberEvent[]>('memberEvents', async (ids) =>
      grouped(ids, await ctx.em.find(MemberEvent, { member: { $in: [...ids] } }, { orderBy: { occurredOn: 'asc', id: 'asc' } })),
    )
    .load(member.id);
}

export async function timelineOf(ctx: RequestContext, member: Member): Promise<MemberEventView[]> {
  return (await eventsOf(ctx, member)).map(view);
}

export function membershipsOf(ctx: RequestContext, member: Member): Promise<Membership[]> {
  return ctx.loaders
    .keyed<number, Membership[]>('memberships', async (ids) =>
      grouped(ids, await ctx.em.find(Membership, { member: { $in: [...ids] } }, { orderBy: { startedOn: 'asc', id: 'asc' } })),
    )
    .load(member.id);
}

export interface ExemptionView {
  readonly from: string;
  /** Inclusive; null while open-ended. */
  readonly to: string | null;
  readonly reason: string;
}

export async function exemptionsOf(ctx: RequestContext, member: Member): Promise<ExemptionView[]> {
  const rows = await ctx.loaders
    .keyed<number, MemberExemption[]>('exemptions', async (ids) =>
      grouped(ids, await ctx.em.find(MemberExemption, { member: { $in: [...ids] } }, { orderBy: { startedOn: 'asc', id: 'asc' } })),
    )
    .load(member.id);
  return rows.map((e) => ({ from: e.startedOn, to: e.endedOn ? addDays(e.endedOn, -1) : null, reason: e.reason }));
}

export async function isExemptToday(ctx: RequestContext, member: Member): Promise<boolean> {
  const today = todayInVietnam();
  return (await exemptionsOf(ctx, member)).some((e) => e.from <= today && (e.to === null || e.to >= today));
}
