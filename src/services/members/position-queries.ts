import { MemberPosition } from '../../entities/member-position';
import { notFound } from '../../errors/app-error';
import { positionReadFilter } from '../../loaders/loaders';
import type { RequestContext } from '../../request-context';

/** A position by id, where the caller reads it in Member.positions; otherwise null, as for a missing one. */
export function findPosition(ctx: RequestContext, id: number): Promise<MemberPosition | null> {
  return ctx.em.findOne(MemberPosition, { id, ...positionReadFilter(ctx.viewer) });
}

export async function getPosition(ctx: RequestContext, id: number): Promise<MemberPosition> {
  const position = await findPosition(ctx, id);
  if (!position) throw notFound('Position');
  return position;
}
