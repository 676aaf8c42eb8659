import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import { forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql } from '../batched-page';
import { csvRows } from './formula-guard';
import { toGlobalId } from '../global-id';
import { getOrgUnit } from '../tree/org-unit-queries';
import { MEMBER_COLUMNS } from '../imports/import-members';
import { ORG_UNIT_COLUMNS } from '../imports/import-org-units';

const BATCH = 2000;

/** Personal columns of the members file: blank unless the viewer holds MEMBERS_PERSONAL at the member's cell. */
const PERSONAL = new Set(['partyCardNumber', 'birthDate', 'religion', 'citizenId', 'phone', 'address']);

type Row = Record<string, unknown>;

/**
 * Exports read in keyset batches (by id) under the viewer's scope, so memory stays flat for a
 * whole province; each batch is one CSV chunk. Columns are those of the imports plus id and status,
 * so a file can be edited and imported back.
 */
async function* batches(ctx: RequestContext, sql: (afterId: number) => { text: string; params: unknown[] }): AsyncGenerator<Row[]> {
  let afterId = 0;
  for (;;) {
    const { text, params } = sql(afterId);
    const rows = await ctx.em.getConnection().execute<Row[]>(text, params, 'all');
    if (rows.length === 0) return;
    yield rows;
    afterId = Number(rows[rows.length - 1].id);
    if (rows.length < BATCH) return;
  }
}

const dateText = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value));

/** The units below a unit (not the unit itself), parents before children. Any TREE_READ holder, aggregate roles included. */
export async function* exportOrgUnits(ctx: RequestContext, unitId: number): AsyncGenerator<string> {
  const root = await getOrgUnit(ctx, unitId);
  const scope = scopeSql(ctx.viewer.scope(Permission.TREE_READ), 't.path');
  yield csvRows([['id', ...ORG_UNIT_COLUMNS, 'status']]);
  // Depth-first by path would not be id-ordered; ordering by (depth, id) keeps parents first and batches stable.
  for (let depth = root.depth + 1; ; depth += 1) {
    let any = false;
    for await (const rows of batches(ctx, (afterId) => ({
      text: `select t.id, t.code, p.code as parent_code, p.id = ? as parent_is_root, t.kind, t.name, t.cell_type, t.founded_on, t.status
               from org_unit t join org_unit p on p.id = t.parent_id
              where t.depth = ? and ${inSubtreeSql('t.path', '?')} and ${scope.sql} and t.id > ? order by t.id limit ${BATCH}`,
      params: [root.id, depth, root.path, root.path, ...scope.params, afterId],
    }))) {
      any = true;
      yield csvRows(rows.map((r) => [toGlobalId('OrgUnit', Number(r.id)), String(r.code ?? ''), r.parent_is_root ? '' : String(r.parent_code ?? ''), String(r.kind), String(r.name), String(r.cell_type ?? ''), dateText(r.founded_on), String(r.status)]));
    }
    if (!any) return;
  }
}

/** Members of a subtree the viewer may read; personal columns only where the viewer may see them. Not for aggregate roles. */
export async function* exportMembers(ctx: RequestContext, unitId: number): AsyncGenerator<string> {
  const root = await getOrgUnit(ctx, unitId);
  const readable = ctx.viewer.scope(Permission.MEMBERS_READ);
  // Any member row in the subtree the viewer may read: the unit's own scope, or cells below it.
  const reaches = readable === 'ALL' || readable.some((p) => p.startsWith(root.path) || root.path.startsWith(p));
  if (!reaches) throw forbidden('You may not export members: aggregate roles get statistics only');
  const scope = scopeSql(ctx.viewer.scope(Permission.MEMBERS_READ), 't.unit_path');
  yield csvRows([['id', ...MEMBER_COLUMNS, 'status']]);
  for await (const rows of batches(ctx, (afterId) => ({
    text: `select t.*, u.code as cell_code from member t join org_unit u on u.id = t.unit_id
            where ${inSubtreeSql('t.unit_path', '?')} and ${scope.sql} and t.id > ? order by t.id limit ${BATCH}`,
    params: [root.path, root.path, ...scope.params, afterId],
  }))) {
    yield csvRows(rows.map((r) => {
      const personal = ctx.viewer.can(Permission.MEMBERS_PERSONAL, String(r.unit_path));
      const value = (column: string): string => {
        if (PERSONAL.has(column) && !personal) return '';
        if (column === 'cellCode') return String(r.cell_code ?? '');
        const snake = column.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
        return dateText(r[snake]);
      };
      return [toGlobalId('Member', Number(r.id)), ...MEMBER_COLUMNS.map(value), String(r.status)];
    }));
  }
}
