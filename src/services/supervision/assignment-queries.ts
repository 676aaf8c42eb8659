import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import { Meeting } from '../../entities/meeting';
import { SupervisoryAssignment } from '../../entities/supervisory-assignment';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import type { ListQuery } from '../batched-page';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';

/**
 * Who reads an assignment: SUPERVISION_READ over its cell, and its holder (their own list).
 * One predicate on `t`, for every list and lookup.
 */
function readableSql(ctx: RequestContext): { sql: string; params: unknown[] } {
  const scope = scopeSql(ctx.viewer.scope(Permission.SUPERVISION_READ), 't.unit_path');
  if (ctx.viewer.accountId === null) return scope;
  return { sql: `(${scope.sql} or t.account_id = ?)`, params: [...scope.params, ctx.viewer.accountId] };
}

export interface AssignmentFilter {
  /** Assignments to cells in this unit's subtree (a committee, or one cell). */
  readonly unitPath?: string | null;
  readonly accountId?: number | null;
  /** Only those running on this date. */
  readonly activeOn?: string | null;
  /** Only the viewer's own. */
  readonly mine?: boolean;
}

export function listAssignments(ctx: RequestContext, filter: AssignmentFilter, args: PageArgs): Promise<Page<SupervisoryAssignment>> {
  const readable = readableSql(ctx);
  const where = [readable.sql];
  const params: unknown[] = [...readable.params];
  if (filter.unitPath) {
    where.push('t.unit_path like ?');
    params.push(`${filter.unitPath}%`);
  }
  if (filter.accountId) {
    where.push('t.account_id = ?');
    params.push(filter.accountId);
  }
  if (filter.mine) {
    where.push('t.account_id = ?');
    params.push(ctx.viewer.accountId ?? 0);
  }
  if (filter.activeOn) {
    where.push('t.starts_on <= ?::date and t.ends_on >= ?::date');
    params.push(filter.activeOn, filter.activeOn);
  }
  const query: ListQuery = { from: 'supervisory_assignment t', where, params, orderBy: 't.starts_on desc, t.id desc' };
  return loadPage(ctx, SupervisoryAssignment, { shape: `supervisoryAssignments:${JSON.stringify(filter)}`, query, keyType: 'text', key: '*' }, args);
}

/** One assignment the viewer may read, else NOT_FOUND (missing and out of scope alike). */
export async function getAssignment(ctx: RequestContext, id: number): Promise<SupervisoryAssignment> {
  const found = await findSupervisoryAssignment(ctx, id);
  if (!found) throw notFound('Supervisory assignment');
  return found;
}

export async function findSupervisoryAssignment(ctx: RequestContext, id: number): Promise<SupervisoryAssignment | null> {
  const readable = readableSql(ctx);
  const rows = await ctx.em.getConnection().execute<{ id: number }[]>(`select t.id from supervisory_assignment t where t.id = ? and ${readable.sql}`, [id, ...readable.params], 'all');
  return rows.length === 0 ? null : ctx.em.findOneOrFail(SupervisoryAssignment, id);
}

/**
 * The meetings the holder attended under an assignment: held meetings of the cell (or its party
 * groups) dated within the assignment, with the holder's account among the guests. Batched.
 */
export function visitsOf(ctx: RequestContext, assignment: SupervisoryAssignment): Promise<Meeting[]> {
  return ctx.loaders
    .keyed<number, Meeting[]>('supervisionVisits', async (ids) => {
      const rows = await ctx.em.getConnection().execute<{ assignment_id: number; meeting_id: number }[]>(
        `select distinct sa.id as assignment_id, m.id as meeting_id, m.held_on
           from supervisory_assignment sa
           join meeting_guest g on g.account_id = sa.account_id
           join meeting m on m.id = g.meeting_id and m.status = 'HELD' and m.unit_path like sa.unit_path || '%' and m.held_on between sa.starts_on and sa.ends_on
          where sa.id = any(?::int[])
          order by m.held_on, m.id`,
        [`{${ids.join(',')}}`],
        'all',
      );
      const meetings = await ctx.em.find(Meeting, { id: { $in: [...new Set(rows.map((r) => r.meeting_id))] } });
      const byId = new Map(meetings.map((m) => [m.id, m]));
      return ids.map((id) => rows.filter((r) => r.assignment_id === id).map((r) => byId.get(r.meeting_id) as Meeting));
    })
    .load(assignment.id);
}
