import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import { OrgUnit } from '../../entities/org-unit';
import { CellType, OrgUnitKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import type { PageSelection } from '../../schema/page-selection';
import { inSubtreeSql, type ListQuery } from '../batched-page';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';
import { orderBySql, type ListOrder } from '../sorting';
import { searchKey } from './vietnamese-text';

export interface OrgUnitFilter {
  readonly kinds?: readonly OrgUnitKind[] | null;
  readonly cellTypes?: readonly CellType[] | null;
  readonly statuses?: readonly OrgUnitStatus[] | null;
  readonly nameContains?: string | null;
  /** A unit id already resolved through scope. */
  readonly subtreeOfPath?: string | null;
}

/** org_unit rows the viewer may read, filtered; `k.key` conditions are added by the caller. */
function unitListQuery(ctx: RequestContext, filter: OrgUnitFilter, order: ListOrder | undefined, keyCondition: string | null): ListQuery {
  const scope = scopeSql(ctx.viewer.scope(Permission.TREE_READ), 't.path');
  const where: string[] = [scope.sql];
  const params: unknown[] = [...scope.params];
  if (keyCondition) where.push(keyCondition);
  if (filter.kinds?.length) {
    where.push(`t.kind in (${filter.kinds.map(() => '?').join(',')})`);
    params.push(...filter.kinds);
  }
  if (filter.cellTypes?.length) {
    where.push(`t.cell_type in (${filter.cellTypes.map(() => '?').join(',')})`);
    params.push(...filter.cellTypes);
  }
  if (filter.statuses?.length) {
    where.push(`t.status in (${filter.statuses.map(() => '?').join(',')})`);
    params.push(...filter.statuses);
  }
  const term = filter.nameContains ? searchKey(filter.nameContains) : '';
  if (term !== '') {
    where.push(`t.name_search like ?`);
    params.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.subtreeOfPath) {
    where.push('t.path like ?');
    params.push(`${filter.subtreeOfPath}%`);
  }
  return { from: 'org_unit t', where, params, orderBy: orderBySql(order) };
}

function pageBy(
  ctx: RequestContext,
  name: string,
  keyCondition: string | null,
  keyType: 'int' | 'text',
  key: string | number,
  filter: OrgUnitFilter,
  order: ListOrder | undefined,
  args: PageArgs,
  selection: PageSelection | undefined,
): Promise<Page<OrgUnit>> {
  const shape = `${name}:${JSON.stringify(filter)}:${JSON.stringify(order ?? null)}`;
  return loadPage(ctx, OrgUnit, { shape, query: { ...unitListQuery(ctx, filter, order, keyCondition), ...selection }, keyType, key }, args);
}

/** A unit the viewer may read, or null (out of scope answers exactly like missing). */
export function findOrgUnit(ctx: RequestContext, id: number): Promise<OrgUnit | null> {
  return ctx.loaders.orgUnitById.load(id);
}

/** The same lookup for reading only (a resolver's answer): no ORM entity, never written. */
export function readOrgUnit(ctx: RequestContext, id: number): Promise<OrgUnit | null> {
  return ctx.loaders.orgUnitViewById.load(id);
}

/** A unit to read, or NOT_FOUND (out of scope answers exactly like missing). */
export async function viewOrgUnit(ctx: RequestContext, id: number): Promise<OrgUnit> {
  const unit = await readOrgUnit(ctx, id);
  if (!unit) throw notFound('Org unit');
  return unit;
}

export async function getOrgUnit(ctx: RequestContext, id: number): Promise<OrgUnit> {
  const unit = await findOrgUnit(ctx, id);
  if (!unit) throw notFound('Org unit');
  return unit;
}

export function listOrgUnits(ctx: RequestContext, filter: OrgUnitFilter, order: ListOrder | undefined, args: PageArgs, selection?: PageSelection): Promise<Page<OrgUnit>> {
  return pageBy(ctx, 'units', null, 'int', 0, filter, order, args, selection);
}

export function childrenOf(ctx: RequestContext, unit: OrgUnit, filter: OrgUnitFilter, order: ListOrder | undefined, args: PageArgs, selection?: PageSelection): Promise<Page<OrgUnit>> {
  return pageBy(ctx, 'children', 't.parent_id = k.key', 'int', unit.id, filter, order, args, selection);
}

export function descendantsOf(ctx: RequestContext, unit: OrgUnit, filter: OrgUnitFilter, order: ListOrder | undefined, args: PageArgs, selection?: PageSelection): Promise<Page<OrgUnit>> {
  return pageBy(ctx, 'descendants', `${inSubtreeSql('t.path', 'k.key')} and t.path <> k.key`, 'text', unit.path, filter, order, args, selection);
}

/** Ancestors the viewer may read, root first. */
export async function ancestorsOf(ctx: RequestContext, unit: OrgUnit): Promise<OrgUnit[]> {
  const ids = unit.path.split('/').filter(Boolean).map(Number).filter((id) => id !== unit.id);
  const found = await ctx.loaders.orgUnitViewById.loadMany(ids);
  return found.filter((u): u is OrgUnit => u instanceof OrgUnit);
}

/** Members in the unit's subtree, for viewers allowed to count there; null otherwise. */
export async function memberCountOf(ctx: RequestContext, unit: OrgUnit): Promise<number | null> {
  if (!ctx.viewer.can(Permission.STATISTICS_READ, unit.path) && !ctx.viewer.can(Permission.MEMBERS_READ, unit.path)) {
    return null;
  }
  return ctx.loaders.memberCountByPath.load(unit.path);
}
