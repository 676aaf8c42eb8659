import { Discipline } from '../../entities/discipline';
import type { OrgUnit } from '../../entities/org-unit';
import { RemediationAction } from '../../entities/remediation-action';
import { Permission } from '../../auth/permission';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql, type ListQuery } from '../batched-page';
import { todayInVietnam } from '../calendar';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';
import { contentReadSql } from './inspection-access';

/** Open past its deadline (quá hạn khắc phục), as of today in Vietnam. */
export const isOverdue = (action: RemediationAction): boolean => action.status === 'OPEN' && action.deadline < todayInVietnam();

/** Overdue actions of inspections whose content the viewer reads, responsible unit in the unit's subtree; oldest deadline first. */
export function listOverdueRemediation(ctx: RequestContext, unit: OrgUnit, args: PageArgs): Promise<Page<RemediationAction>> {
  const read = contentReadSql(ctx.viewer, 'i');
  const query: ListQuery = {
    from: 'remediation_action t',
    where: [
      `t.status = 'OPEN'`,
      't.deadline < ?::date',
      inSubtreeSql('t.responsible_unit_path', '?'),
      `exists (select 1 from inspection i where i.id = t.inspection_id and ${read.sql})`,
    ],
    params: [todayInVietnam(), unit.path, unit.path, ...read.params],
    orderBy: 't.deadline asc, t.id asc',
  };
  return loadPage(ctx, RemediationAction, { shape: `overdueRemediation:${unit.id}`, query, keyType: 'text', key: '*' }, args);
}

/**
 * An organisation's disciplines, oldest first (part of the unit's history): for readers of the
 * inspections' content above it, and for the unit's own readers of published conclusions; null otherwise.
 */
export async function disciplinesOfUnit(ctx: RequestContext, unit: OrgUnit): Promise<Discipline[] | null> {
  if (!ctx.viewer.can(Permission.INSPECTIONS_READ, unit.path) && !ctx.viewer.can(Permission.INSPECTION_CONCLUSIONS_READ, unit.path)) return null;
  return ctx.loaders
    .keyed<number, Discipline[]>('unitDisciplines', async (ids) => {
      const rows = await ctx.em.find(Discipline, { unit: { $in: [...ids] }, member: null }, { orderBy: { decidedOn: 'asc', id: 'asc' } });
      return ids.map((id) => rows.filter((d) => d.unit.id === id));
    })
    .load(unit.id);
}
