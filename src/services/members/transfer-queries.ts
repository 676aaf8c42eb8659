import { Permission } from '../../auth/permission';
import { scopeFilter, scopeSql } from '../../auth/scope-sql';
import type { Viewer } from '../../auth/viewer';
import { Member } from '../../entities/member';
import { TransferState } from '../../entities/member-lifecycle-enums';
import { MemberTransfer } from '../../entities/member-transfer';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import type { ListQuery } from '../batched-page';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';

/**
 * A transfer is readable by whoever reads members at either end (the sending and the receiving
 * side), and by the member themself; by no one else: out of scope answers like a missing id.
 */
function transferReadFilter(viewer: Viewer): Record<string, unknown> {
  const scope = viewer.scope(Permission.MEMBERS_READ);
  if (scope === 'ALL') return {};
  const either: Record<string, unknown>[] = [scopeFilter(scope, 'fromUnitPath'), scopeFilter(scope, 'toUnitPath')];
  if (viewer.memberId !== null) either.push({ member: viewer.memberId });
  return { $or: either };
}

/** The same rule for raw SQL over member_transfer aliased `t`. */
function transferReadSql(viewer: Viewer): { sql: string; params: unknown[] } {
  const scope = viewer.scope(Permission.MEMBERS_READ);
  const from = scopeSql(scope, 't.from_unit_path');
  const to = scopeSql(scope, 't.to_unit_path');
  const own = viewer.memberId === null ? { sql: 'false', params: [] } : { sql: 't.member_id = ?', params: [viewer.memberId] };
  return { sql: `(${from.sql} or ${to.sql} or ${own.sql})`, params: [...from.params, ...to.params, ...own.params] };
}

export function findTransfer(ctx: RequestContext, id: number): Promise<MemberTransfer | null> {
  return ctx.loaders
    .keyed<number, MemberTransfer | null>('transferById', async (ids) => {
      const rows = await ctx.em.find(MemberTransfer, { id: { $in: [...ids] }, ...transferReadFilter(ctx.viewer) });
      return ids.map((id) => rows.find((t) => t.id === id) ?? null);
    })
    .load(id);
}

export async function getTransfer(ctx: RequestContext, id: number): Promise<MemberTransfer> {
  const transfer = await findTransfer(ctx, id);
  if (!transfer) throw notFound('Member transfer');
  return transfer;
}

/** The member's transfer in flight, if the viewer may read it. */
export function pendingTransferOf(ctx: RequestContext, member: Member): Promise<MemberTransfer | null> {
  return ctx.loaders
    .keyed<number, MemberTransfer | null>('pendingTransfer', async (memberIds) => {
      const rows = await ctx.em.find(MemberTransfer, { member: { $in: [...memberIds] }, state: TransferState.SENT, ...transferReadFilter(ctx.viewer) });
      return memberIds.map((id) => rows.find((t) => t.member.id === id) ?? null);
    })
    .load(member.id);
}

/** A name by id, unscoped: only for what a visible transfer shows both sides. */
function nameById(ctx: RequestContext, table: 'member' | 'org_unit', id: number): Promise<string> {
  const column = table === 'member' ? 'full_name' : 'name';
  return ctx.loaders
    .keyed<number, string>(`transferNames:${table}`, async (ids) => {
      const rows = await ctx.em.getConnection().execute<Array<{ id: number; name: string }>>(
        `select id, ${column} as name from ${table} where id in (${ids.map(() => '?').join(',')})`,
        [...ids],
        'all',
      );
      return ids.map((i) => rows.find((r) => r.id === i)?.name ?? '');
    })
    .load(id);
}

/**
 * The name on a visible transfer, even for a receiving side that cannot read the member yet: the
 * letter of introduction names the member, and nothing else of the record is shown.
 */
export const transferMemberName = (ctx: RequestContext, transfer: MemberTransfer): Promise<string> => nameById(ctx, 'member', transfer.member.id);

/** The names of both cells of a visible transfer, for each side: the letter names where the member comes from and goes to. */
export const transferUnitName = (ctx: RequestContext, unitId: number): Promise<string> => nameById(ctx, 'org_unit', unitId);

export enum TransferDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}

export interface TransferFilter {
  /** Path of a unit already resolved through scope: transfers into or out of its subtree. */
  readonly unitPath?: string | null;
  readonly direction?: TransferDirection | null;
  /** In flight (SENT) when omitted. */
  readonly states?: readonly TransferState[] | null;
}

function transferListQuery(ctx: RequestContext, filter: TransferFilter): ListQuery {
  const scope = transferReadSql(ctx.viewer);
  const where: string[] = [scope.sql];
  const params: unknown[] = [...scope.params];
  const states = filter.states?.length ? filter.states : [TransferState.SENT];
  where.push(`t.state in (${states.map(() => '?').join(',')})`);
  params.push(...states);
  if (filter.unitPath) {
    const incoming = 't.to_unit_path like ?';
    const outgoing = 't.from_unit_path like ?';
    if (filter.direction === TransferDirection.INCOMING) where.push(incoming);
    else if (filter.direction === TransferDirection.OUTGOING) where.push(outgoing);
    else where.push(`(${incoming} or ${outgoing})`);
    params.push(...(filter.direction ? [`${filter.unitPath}%`] : [`${filter.unitPath}%`, `${filter.unitPath}%`]));
  }
  return { from: 'member_transfer t', where, params, orderBy: 't.sent_on asc, t.id asc' };
}

export function listTransfers(ctx: RequestContext, filter: TransferFilter, args: PageArgs): Promise<Page<MemberTransfer>> {
  const shape = `memberTransfers:${JSON.stringify(filter)}`;
  return loadPage(ctx, MemberTransfer, { shape, query: transferListQuery(ctx, filter), keyType: 'text', key: '*' }, args);
}

