import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import type { OrgUnitKind, CellType, OrgUnitStatus } from '../../entities/org-unit-enums';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql } from '../batched-page';
import { validDate } from '../validate';
import { getOrgUnit } from './org-unit-queries';

/** A unit as it stood on a date: one version of its history (lịch sử đơn vị). */
export interface UnitVersionView {
  readonly unitId: number;
  readonly asOf: string | null;
  readonly parentId: number | null;
  readonly path: string;
  readonly kind: OrgUnitKind;
  readonly cellType: CellType | null;
  readonly name: string;
  readonly status: OrgUnitStatus;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly change: string;
  readonly decisionRef: string | null;
}

interface VersionRow {
  unit_id: number;
  parent_id: number | null;
  path: string;
  kind: OrgUnitKind;
  cell_type: CellType | null;
  name: string;
  status: OrgUnitStatus;
  valid_from: string;
  valid_to: string | null;
  change: string;
  decision_ref: string | null;
}

const COLUMNS = "v.unit_id, v.parent_id, v.path, v.kind, v.cell_type, v.name, v.status, v.valid_from::text, v.valid_to::text, v.change, v.decision_ref";
const VALID_ON = '(v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?))';

const view = (r: VersionRow, asOf: string | null): UnitVersionView => ({
  unitId: r.unit_id, asOf, parentId: r.parent_id, path: r.path, kind: r.kind, cellType: r.cell_type, name: r.name, status: r.status,
  validFrom: r.valid_from, validTo: r.valid_to, change: r.change, decisionRef: r.decision_ref,
});

/**
 * A unit as it stood on `asOf`. Scope is today's: the caller reads units whose current place is in
 * their scope. NOT_FOUND when the unit is out of scope or did not exist on that day.
 */
export async function unitAsOf(ctx: RequestContext, unitId: number, asOf: string): Promise<UnitVersionView> {
  const day = validDate(asOf, 'asOf');
  await getOrgUnit(ctx, unitId);
  const rows = await ctx.em.getConnection().execute<VersionRow[]>(`select ${COLUMNS} from org_unit_version v where v.unit_id = ? and ${VALID_ON} order by v.id desc limit 1`, [unitId, day, day], 'all');
  if (rows.length === 0) throw notFound('Org unit on that date');
  return view(rows[0], day);
}

/** Active children as they stood on the day, batched over parents; only those whose unit is in scope today. */
export function childrenAsOf(ctx: RequestContext, parent: UnitVersionView): Promise<UnitVersionView[]> {
  const asOf = parent.asOf as string;
  return ctx.loaders
    .keyed<number, UnitVersionView[]>(`childrenAsOf:${asOf}`, async (ids) => {
      const scope = scopeSql(ctx.viewer.scope(Permission.TREE_READ), 'u.path');
      const rows = await ctx.em.getConnection().execute<VersionRow[]>(
        `select ${COLUMNS} from org_unit_version v join org_unit u on u.id = v.unit_id
          where v.parent_id = any(?::int[]) and ${VALID_ON} and v.status = 'ACTIVE' and ${scope.sql} order by v.parent_id, u.name_sort_key, v.unit_id`,
        [`{${ids.join(',')}}`, asOf, asOf, ...scope.params],
        'all',
      );
      return ids.map((id) => rows.filter((r) => r.parent_id === id).map((r) => view(r, asOf)));
    })
    .load(parent.unitId);
}

export async function parentAsOf(ctx: RequestContext, unit: UnitVersionView): Promise<UnitVersionView | null> {
  if (unit.parentId === null || unit.asOf === null) return null;
  try {
    return await unitAsOf(ctx, unit.parentId, unit.asOf);
  } catch {
    return null;
  }
}

/**
 * Counts of the subtree as it stood on the day: cells, and members holding an official membership
 * then (membership periods are the one source). For whoever reads the unit's members or statistics.
 */
export async function countsAsOf(ctx: RequestContext, unit: UnitVersionView): Promise<{ cells: number; members: number } | null> {
  const current = await ctx.loaders.orgUnitById.load(unit.unitId);
  if (!current || !(ctx.viewer.can(Permission.MEMBERS_READ, current.path) || ctx.viewer.can(Permission.STATISTICS_READ, current.path))) return null;
  const day = unit.asOf as string;
  // Batched over the units of a level read as of the same day: one statement, not one per unit.
  return ctx.loaders
    .keyed<string, { cells: number; members: number }>(`countsAsOf:${day}`, async (paths) => {
      const rows = await ctx.em.getConnection().execute<Array<{ cells: number; members: number }>>(
        `select (select count(*) from org_unit_version v
                  where ${inSubtreeSql('v.path', 'k.path')} and ${VALID_ON} and v.status = 'ACTIVE' and v.kind in ('CELL','GRASSROOTS_CELL'))::int as cells,
                (select count(distinct ms.member_id) from org_unit_version v join membership ms on ms.unit_id = v.unit_id
                  where ${inSubtreeSql('v.path', 'k.path')} and ${VALID_ON} and v.status = 'ACTIVE'
                    and ms.kind = 'OFFICIAL' and ms.started_on <= ? and (ms.ended_on is null or ms.ended_on > ?))::int as members
           from unnest(string_to_array(?, ',')::text[]) with ordinality as k(path, ord) order by k.ord`,
        [day, day, day, day, day, day, paths.join(',')],
        'all',
      );
      return rows;
    })
    .load(unit.path);
}

/** Every version of a unit, oldest first: its names, places and states with their dates. */
export async function historyOf(ctx: RequestContext, unitId: number): Promise<UnitVersionView[]> {
  return ctx.loaders
    .keyed<number, UnitVersionView[]>('unitHistory', async (ids) => {
      const rows = await ctx.em.getConnection().execute<VersionRow[]>(
        `select ${COLUMNS} from org_unit_version v where v.unit_id = any(?::int[]) order by v.unit_id, v.valid_from, v.id`,
        [`{${ids.join(',')}}`],
        'all',
      );
      return ids.map((id) => rows.filter((r) => r.unit_id === id).map((r) => view(r, null)));
    })
    .load(unitId);
}

export interface SuccessionView {
  readonly predecessorId: number;
  readonly successorId: number;
  readonly kind: 'MERGED_INTO' | 'SPLIT_INTO';
  readonly occurredOn: string;
  readonly decisionRef: string;
}

/** Where a unit went (successors) or came from (predecessors), batched. */
export function successionsOf(ctx: RequestContext, unitId: number, side: 'predecessor_id' | 'successor_id'): Promise<SuccessionView[]> {
  return ctx.loaders
    .keyed<number, SuccessionView[]>(`succession:${side}`, async (ids) => {
      const rows = await ctx.em.getConnection().execute<Array<{ predecessor_id: number; successor_id: number; kind: 'MERGED_INTO' | 'SPLIT_INTO'; occurred_on: string; decision_ref: string }>>(
        `select predecessor_id, successor_id, kind, occurred_on::text, decision_ref from unit_succession where ${side} = any(?::int[]) order by id`,
        [`{${ids.join(',')}}`],
        'all',
      );
      return ids.map((id) =>
        rows.filter((r) => r[side] === id).map((r) => ({ predecessorId: r.predecessor_id, successorId: r.successor_id, kind: r.kind, occurredOn: r.occurred_on, decisionRef: r.decision_ref })),
      );
    })
    .load(unitId);
}
