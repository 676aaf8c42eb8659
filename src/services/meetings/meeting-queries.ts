import { Permission } from '../../auth/permission';
import { scopeFilter, scopeSql } from '../../auth/scope-sql';
import { Meeting } from '../../entities/meeting';
import { MeetingKind, MeetingStatus } from '../../entities/meeting-enums';
import type { OrgUnit } from '../../entities/org-unit';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql, type ListQuery } from '../batched-page';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';

export interface MeetingFilter {
  readonly kinds?: readonly MeetingKind[] | null;
  readonly statuses?: readonly MeetingStatus[] | null;
  /** Held (or, if not held, scheduled) on or after this Vietnam date. */
  readonly from?: string | null;
  readonly to?: string | null;
  readonly subtreeOfPath?: string | null;
}

/** Meetings with their content are visible where the viewer holds MEETINGS_READ. */
export async function findMeeting(ctx: RequestContext, id: number): Promise<Meeting | null> {
  return ctx.em.findOne(Meeting, { id, ...scopeFilter(ctx.viewer.scope(Permission.MEETINGS_READ), 'unitPath') });
}

/** The same, batched over the request: for field resolvers (a task's meeting), never for writes. */
export function loadMeeting(ctx: RequestContext, id: number): Promise<Meeting | null> {
  return ctx.loaders
    .keyed<number, Meeting | null>('meetingById', async (ids) => {
      const rows = await ctx.em.find(Meeting, { id: { $in: [...ids] }, ...scopeFilter(ctx.viewer.scope(Permission.MEETINGS_READ), 'unitPath') });
      const byId = new Map(rows.map((m) => [m.id, m]));
      return ids.map((key) => byId.get(key) ?? null);
    })
    .load(id);
}

export async function getMeeting(ctx: RequestContext, id: number): Promise<Meeting> {
  const meeting = await findMeeting(ctx, id);
  if (!meeting) throw notFound('Meeting');
  return meeting;
}

const MEETING_DATE = "coalesce(t.held_on, (t.scheduled_at at time zone 'UTC' + interval '7 hours')::date)";

function meetingListQuery(ctx: RequestContext, filter: MeetingFilter, keyCondition: string | null): ListQuery {
  const scope = scopeSql(ctx.viewer.scope(Permission.MEETINGS_READ), 't.unit_path');
  const where = [scope.sql];
  const params: unknown[] = [...scope.params];
  if (keyCondition) where.push(keyCondition);
  if (filter.kinds?.length) {
    where.push(`t.kind in (${filter.kinds.map(() => '?').join(',')})`);
    params.push(...filter.kinds);
  }
  if (filter.statuses?.length) {
    where.push(`t.status in (${filter.statuses.map(() => '?').join(',')})`);
    params.push(...filter.statuses);
  }
  if (filter.from) {
    where.push(`${MEETING_DATE} >= ?`);
    params.push(filter.from);
  }
  if (filter.to) {
    where.push(`${MEETING_DATE} <= ?`);
    params.push(filter.to);
  }
  if (filter.subtreeOfPath) {
    where.push(inSubtreeSql('t.unit_path', '?'));
    params.push(filter.subtreeOfPath, filter.subtreeOfPath);
  }
  return { from: 'meeting t', where, params, orderBy: `${MEETING_DATE} desc, t.id desc` };
}

function pageBy(ctx: RequestContext, name: string, keyCondition: string | null, keyType: 'int' | 'text', key: string | number, filter: MeetingFilter, args: PageArgs): Promise<Page<Meeting>> {
  return loadPage(ctx, Meeting, { shape: `${name}:${JSON.stringify(filter)}`, query: meetingListQuery(ctx, filter, keyCondition), keyType, key }, args);
}

/** Meetings the viewer may read, newest first. */
export function listMeetings(ctx: RequestContext, filter: MeetingFilter, args: PageArgs): Promise<Page<Meeting>> {
  return pageBy(ctx, 'meetings', null, 'int', 0, filter, args);
}

/** A unit's own meetings (not its subtree's), batched over units. */
export function meetingsOfUnit(ctx: RequestContext, unit: OrgUnit, filter: MeetingFilter, args: PageArgs): Promise<Page<Meeting>> {
  return pageBy(ctx, 'unitMeetings', 't.unit_id = k.key', 'int', unit.id, filter, args);
}
