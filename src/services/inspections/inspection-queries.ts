import { Inspection } from '../../entities/inspection';
import { InspectionFinding } from '../../entities/inspection-finding';
import type { InspectionOrigin, InspectionState } from '../../entities/inspection-enums';
import { InspectionSubject } from '../../entities/inspection-subject';
import { InspectionTarget } from '../../entities/inspection-target';
import { RemediationAction } from '../../entities/remediation-action';
import { Discipline } from '../../entities/discipline';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql, type ListQuery } from '../batched-page';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';
import { inspectionReadSql, readsContent, type InspectionAccess } from './inspection-access';

/** Inspections through the reading rule (inspection-access.ts): out of scope answers like missing. */

export function findInspection(ctx: RequestContext, id: number): Promise<Inspection | null> {
  return ctx.loaders
    .keyed<number, Inspection | null>('inspectionById', async (ids) => {
      const read = inspectionReadSql(ctx.viewer, 'i');
      const rows = await ctx.em.getConnection().execute<Array<{ id: number }>>(
        `select i.id from inspection i where i.id in (${ids.map(() => '?').join(',')}) and ${read.sql}`,
        [...ids, ...read.params],
        'all',
      );
      const visible = await ctx.em.find(Inspection, { id: { $in: rows.map((r) => r.id) } });
      return ids.map((id) => visible.find((i) => i.id === id) ?? null);
    })
    .load(id);
}

export async function getInspection(ctx: RequestContext, id: number): Promise<Inspection> {
  const inspection = await findInspection(ctx, id);
  if (!inspection) throw notFound('Inspection');
  return inspection;
}

export function targetsOf(ctx: RequestContext, inspectionId: number): Promise<InspectionTarget[]> {
  return ctx.loaders
    .keyed<number, InspectionTarget[]>('inspectionTargets', async (ids) => {
      // The unit's and member's names are the target's name, for every reader of the inspection.
      const rows = await ctx.em.find(InspectionTarget, { inspection: { $in: [...ids] } }, { orderBy: { id: 'asc' }, populate: ['unit', 'member'] });
      return ids.map((id) => rows.filter((t) => t.inspection.id === id));
    })
    .load(inspectionId);
}

/** CONTENT or CONCLUSIONS for an inspection the viewer found. */
export async function accessTo(ctx: RequestContext, inspection: Inspection): Promise<InspectionAccess> {
  const targets = await targetsOf(ctx, inspection.id);
  return readsContent(ctx.viewer, inspection, targets.map((t) => t.unitPath)) ? 'CONTENT' : 'CONCLUSIONS';
}

/** `rows` of the inspection for content readers; null for readers of the conclusions only. */
async function contentOnly<T>(ctx: RequestContext, inspection: Inspection, rows: () => Promise<T>): Promise<T | null> {
  return (await accessTo(ctx, inspection)) === 'CONTENT' ? rows() : null;
}

function perInspection<T extends { inspection: { id: number } }>(ctx: RequestContext, name: string, entity: new () => T, inspectionId: number): Promise<T[]> {
  return ctx.loaders
    .keyed<number, T[]>(name, async (ids) => {
      const rows = (await ctx.em.find(entity, { inspection: { $in: [...ids] } } as never, { orderBy: { id: 'asc' } as never })) as T[];
      return ids.map((id) => rows.filter((r) => r.inspection.id === id));
    })
    .load(inspectionId);
}

export const findingsOf = (ctx: RequestContext, inspection: Inspection): Promise<InspectionFinding[] | null> =>
  contentOnly(ctx, inspection, () => perInspection(ctx, 'inspectionFindings', InspectionFinding, inspection.id));

export const remediationOf = (ctx: RequestContext, inspection: Inspection): Promise<RemediationAction[] | null> =>
  contentOnly(ctx, inspection, () => perInspection(ctx, 'inspectionRemediation', RemediationAction, inspection.id));

export const disciplinesOf = (ctx: RequestContext, inspection: Inspection): Promise<Discipline[] | null> =>
  contentOnly(ctx, inspection, () => perInspection(ctx, 'inspectionDisciplines', Discipline, inspection.id));

export const teamOf = async (ctx: RequestContext, inspection: Inspection): Promise<Inspection['team'] | null> => contentOnly(ctx, inspection, async () => inspection.team);

/** The subjects in force for a province: the national list and the province's own. */
export function subjectsFor(ctx: RequestContext, provinceId: number | null): Promise<InspectionSubject[]> {
  return ctx.em.find(InspectionSubject, { $or: [{ provinceId: null }, ...(provinceId === null ? [] : [{ provinceId }])] }, { orderBy: { sort: 'asc', id: 'asc' } });
}

export interface InspectionFilter {
  /** Path of a unit resolved through scope: inspections by it or of a unit in its subtree. */
  readonly unitPath?: string | null;
  readonly year?: number | null;
  readonly states?: readonly InspectionState[] | null;
  readonly origin?: InspectionOrigin | null;
}

function inspectionListQuery(ctx: RequestContext, filter: InspectionFilter): ListQuery {
  // batched-page selects `t.*`: the listed table is `t`.
  const read = inspectionReadSql(ctx.viewer, 't');
  const where: string[] = [read.sql];
  const params: unknown[] = [...read.params];
  if (filter.unitPath) {
    where.push(`(${inSubtreeSql('t.inspecting_unit_path', '?')} or exists (select 1 from inspection_target t2 where t2.inspection_id = t.id and ${inSubtreeSql('t2.unit_path', '?')}))`);
    params.push(filter.unitPath, filter.unitPath, filter.unitPath, filter.unitPath);
  }
  if (filter.year) {
    where.push('t.year = ?');
    params.push(filter.year);
  }
  if (filter.states?.length) {
    where.push(`t.state in (${filter.states.map(() => '?').join(',')})`);
    params.push(...filter.states);
  }
  if (filter.origin) {
    where.push('t.origin = ?');
    params.push(filter.origin);
  }
  return { from: 'inspection t', where, params, orderBy: 't.period_from desc, t.id desc' };
}

export function listInspections(ctx: RequestContext, filter: InspectionFilter, args: PageArgs): Promise<Page<Inspection>> {
  const shape = `inspections:${JSON.stringify(filter)}`;
  return loadPage(ctx, Inspection, { shape, query: inspectionListQuery(ctx, filter), keyType: 'text', key: '*' }, args);
}
