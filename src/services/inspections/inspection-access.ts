import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import type { Viewer } from '../../auth/viewer';
import type { Inspection } from '../../entities/inspection';
import { forbidden } from '../../errors/app-error';

/**
 * Who sees an inspection (confidentiality, issue #5):
 * - its content (team, findings, remediation, discipline): holders of INSPECTIONS_READ at the
 *   inspecting body or above it, and holders strictly above an inspected unit (a superior
 *   inspection commission overseeing the subtree);
 * - its header and conclusions, once published: holders of INSPECTION_CONCLUSIONS_READ over an
 *   inspected unit (the cell, its members, its committee), and an inspected member;
 * - anyone else: nothing (NOT_FOUND); aggregate roles read counts (coverage.ts).
 */

export type InspectionAccess = 'CONTENT' | 'CONCLUSIONS';

interface Sql {
  readonly sql: string;
  readonly params: unknown[];
}

/** `column` strictly below a scope path: the unit itself does not oversee its own inspection. */
function strictlyBelowSql(viewer: Viewer, permission: Permission, column: string): Sql {
  const scope = viewer.scope(permission);
  if (scope === 'ALL') return { sql: 'true', params: [] };
  if (scope.length === 0) return { sql: 'false', params: [] };
  return { sql: `(${scope.map(() => `(${column} like ? and ${column} <> ?)`).join(' or ')})`, params: scope.flatMap((p) => [`${p}%`, p]) };
}

/** Content readers, over the inspection table aliased `alias`. */
export function contentReadSql(viewer: Viewer, alias: string): Sql {
  const body = scopeSql(viewer.scope(Permission.INSPECTIONS_READ), `${alias}.inspecting_unit_path`);
  const above = strictlyBelowSql(viewer, Permission.INSPECTIONS_READ, 'ct.unit_path');
  return {
    sql: `(${body.sql} or exists (select 1 from inspection_target ct where ct.inspection_id = ${alias}.id and ${above.sql}))`,
    params: [...body.params, ...above.params],
  };
}

/** Every reader, content or published conclusions, over the inspection table aliased `alias`. */
export function inspectionReadSql(viewer: Viewer, alias: string): Sql {
  const content = contentReadSql(viewer, alias);
  const inspected = scopeSql(viewer.scope(Permission.INSPECTION_CONCLUSIONS_READ), 'pt.unit_path');
  const own = viewer.memberId === null ? { sql: 'false', params: [] as unknown[] } : { sql: 'pt.member_id = ?', params: [viewer.memberId] };
  return {
    sql: `(${content.sql} or (${alias}.published_on is not null and exists (select 1 from inspection_target pt where pt.inspection_id = ${alias}.id and (${inspected.sql} or ${own.sql}))))`,
    params: [...content.params, ...inspected.params, ...own.params],
  };
}

/** The same content rule in the application, given the inspection's target paths. */
export function readsContent(viewer: Viewer, inspection: Inspection, targetPaths: readonly string[]): boolean {
  return viewer.can(Permission.INSPECTIONS_READ, inspection.inspectingUnitPath) || targetPaths.some((p) => viewer.canFromAbove(Permission.INSPECTIONS_READ, p));
}

/** Writes belong to the inspecting body: FORBIDDEN for a reader who may not run it. */
export function checkWritable(viewer: Viewer, inspection: Inspection): void {
  if (!viewer.can(Permission.INSPECTIONS_WRITE, inspection.inspectingUnitPath)) throw forbidden('You may not run this inspection');
}
