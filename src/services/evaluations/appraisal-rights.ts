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
 * (Supervisory assignments will add their holders here once they exist.)
 */
export async function checkMayAppraise(ctx: RequestContext, cellPath: string): Promise<void> {
  if (!ctx.viewer.canFromAbove(Permission.EVALUATIONS_APPRAISE, cellPath)) throw forbidden('Only the superior committee appraises this evaluation');
  const own = await ownCellPath(ctx);
  if (own !== null && own.startsWith(cellPath)) throw forbidden('A member of the cell cannot appraise its own evaluation');
}

/** Annual decisions, four-good assessments: by a superior of the unit graded. */
export function checkMayDecide(ctx: RequestContext, unitPath: string): void {
  if (!ctx.viewer.canFromAbove(Permission.EVALUATIONS_APPRAISE, unitPath)) throw forbidden('Only the superior committee decides this');
}

export function checkMayPrepare(ctx: RequestContext, unitPath: string): void {
  if (!ctx.viewer.can(Permission.EVALUATIONS_WRITE, unitPath)) throw forbidden("You may not prepare this unit's evaluations");
}
