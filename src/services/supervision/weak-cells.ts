import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { MeetingRating } from '../../entities/evaluation-enums';
import { WeakCellFlag } from '../../entities/weak-cell-flag';
import { badInput, conflict, forbidden, notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { cellYearRatings } from '../evaluations/period-ratings';
import { findOrgUnit } from '../tree/org-unit-queries';
import { optionalText, requiredText, validYear } from '../validate';
import { SUPERVISED_KINDS } from './assignment-commands';
import type { SupervisionPeriod } from './supervision-period';

/**
 * A committee flags a cell below it as weak (chi bộ yếu kém) for a year or a quarter, with the
 * reason and its decision: SUPERVISION_MANAGE held strictly above the cell. One flag per cell and period.
 */
export async function flagWeakCell(ctx: RequestContext, input: { unitId: number; year: number; quarter?: number | null; reason: string; decisionRef?: string | null }): Promise<WeakCellFlag> {
  const cell = await findOrgUnit(ctx, input.unitId);
  if (!cell || !ctx.viewer.can(Permission.SUPERVISION_READ, cell.path)) throw notFound('Org unit');
  if (!SUPERVISED_KINDS.includes(cell.kind)) throw badInput('input.unitId', 'must be a cell (chi bộ)');
  if (!ctx.viewer.canFromAbove(Permission.SUPERVISION_MANAGE, cell.path)) throw forbidden('Only a committee above the cell flags it as weak');
  const year = validYear(input.year, 'input.year');
  const quarter = input.quarter ?? null;
  if (quarter !== null && (!Number.isInteger(quarter) || quarter < 1 || quarter > 4)) throw badInput('input.quarter', 'must be 1, 2, 3 or 4');
  const reason = requiredText(input.reason, 'input.reason', 2000);
  const decisionRef = optionalText(input.decisionRef, 'input.decisionRef', 200);
  // The flagging committee: the viewer's nearest unit above the cell where SUPERVISION_MANAGE holds.
  const parts = cell.path.split('/').filter(Boolean);
  let committeeId = Number(parts[parts.length - 2]);
  for (let i = parts.length - 1; i >= 1; i -= 1) {
    if (ctx.viewer.can(Permission.SUPERVISION_MANAGE, `/${parts.slice(0, i).join('/')}/`)) {
      committeeId = Number(parts[i - 1]);
      break;
    }
  }
  const taken = await ctx.em.count(WeakCellFlag, { unitId: cell.id, year, quarter });
  if (taken > 0) throw conflict('The cell is already flagged as weak for this period', { field: 'input.quarter' });
  return ctx.em.transactional(async (em) => {
    const flag = em.create(WeakCellFlag, { provinceId: cell.provinceId, unitId: cell.id, unitPath: cell.path, committeeId, year, quarter, reason, decisionRef, createdById: ctx.viewer.accountId });
    await em.flush();
    audit(ctx, em, 'flagWeakCell', { type: 'WeakCellFlag', id: flag.id, provinceId: cell.provinceId, unitPath: cell.path }, null, { unitId: cell.id, year, quarter, reason, decisionRef });
    return flag;
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505') throw conflict('The cell is already flagged as weak for this period', { field: 'input.quarter' });
    throw error;
  });
}

export interface WeakCellView {
  readonly unitId: number;
  /** Rated weak (Yếu/Kém) on its meeting evaluations for the period. */
  readonly ratedWeak: boolean;
  readonly flags: readonly WeakCellFlag[];
}

/**
 * Weak cells of a subtree for a period: rated WEAK over the period (the quarter's rating, or the
 * year's), or flagged by a committee for the year or that quarter (a flag for a year covers its quarters).
 */
export async function weakCellsIn(em: EntityManager, subtreePath: string, period: SupervisionPeriod): Promise<WeakCellView[]> {
  const cells = await em.getConnection().execute<{ id: number }[]>(
    `select id from org_unit where path like ? and kind in (${SUPERVISED_KINDS.map(() => '?').join(',')}) order by path`,
    [`${subtreePath}%`, ...SUPERVISED_KINDS],
    'all',
  );
  const ids = cells.map((c) => c.id);
  const flags = await em.find(WeakCellFlag, {
    unitPath: { $like: `${subtreePath}%` },
    year: period.year,
    ...(period.quarter === null ? {} : { $or: [{ quarter: null }, { quarter: period.quarter }] }),
  }, { orderBy: { id: 'asc' } });
  const ratings = await cellYearRatings(em, ids, period.year);
  const result: WeakCellView[] = [];
  for (const id of ids) {
    const r = ratings.get(id);
    const rating = period.quarter === null ? r?.year.rating : r?.quarters.find((q) => q.quarter === period.quarter)?.rating;
    const own = flags.filter((f) => f.unitId === id);
    const ratedWeak = rating === MeetingRating.WEAK;
    if (ratedWeak || own.length > 0) result.push({ unitId: id, ratedWeak, flags: own });
  }
  return result;
}
