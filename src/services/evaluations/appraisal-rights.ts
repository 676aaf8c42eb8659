import { Permission } from '../../auth/permission';
import { forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';

/** The cell (by path) of the viewer's own member record, if any. */
async function ownCellPath(ctx: RequestContext): Promise<string | null> {
  if (ctx.viewer.memberId === null) return null;
  const rows = await ctx.em.getConnection().execute<{ unit_path: string }[]>('select unit_path from member where id = ?', [ctx.viewer.memberId], 'all', ctx.em.getTransactionContext());
  return rows[0]?.unit_path ?? null;
}

/**
 * Appraisal (thẩm định) comes from a superior: EVALUATIONS_APPRAISE held at a unit strictly above
 * the cell, by someone who is not a member of the cell. Never by the cell itself.
 * Or by the holder of a supervisory assignment to the cell running today (EVALUATIONS_APPRAISE_ASSIGNED,
 * held only through the derived SUPERVISOR role at that cell), by the same rule of not being a member.
 */
export async function checkMayAppraise(ctx: RequestContext, cellPath: string): Promise<void> {
  if (!mayAppraiseFromAbove(ctx, cellPath)) throw forbidden('Only the superior committee or an assigned supervisor appraises this evaluation');
  const own = await ownCellPath(ctx);
  if (own !== null && own.startsWith(cellPath)) throw forbidden('A member of the cell cannot appraise its own evaluation');
}

/** Whether the viewer appraises this cell's evaluations as a superior or as its assigned supervisor (before the own-cell check). */
export function mayAppraiseFromAbove(ctx: RequestContext, cellPath: string): boolean {
  return ctx.viewer.canFromAbove(Permission.EVALUATIONS_APPRAISE, cellPath) || ctx.viewer.can(Permission.EVALUATIONS_APPRAISE_ASSIGNED, cellPath);
}

/** Annual decisions, four-good assessments: by a superior of the unit graded. */
export function checkMayDecide(ctx: RequestContext, unitPath: string): void {
  if (!ctx.viewer.canFromAbove(Permission.EVALUATIONS_APPRAISE, unitPath)) throw forbidden('Only the superior committee decides this');
}

export function checkMayPrepare(ctx: RequestContext, unitPath: string): void {
  if (!ctx.viewer.can(Permission.EVALUATIONS_WRITE, unitPath)) throw forbidden("You may not prepare this unit's evaluations");
}
