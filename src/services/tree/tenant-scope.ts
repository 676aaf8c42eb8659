import type { EntityManager } from '@mikro-orm/postgresql';
import { relocateStatistics } from '../statistics/relocate';

/** A column that places a row in the tree (its scope), and the province column beside it. */
export interface ScopeColumns {
  readonly table: string;
  readonly path: string;
  readonly province: string | null;
}

/**
 * Every scope column of the tenant tables: moving a subtree rewrites them all in its transaction,
 * so every row stays visible exactly where its unit now is. A test lists the database's path
 * columns and fails on one that is neither here nor in HISTORICAL_PATH_COLUMNS.
 */
export const TENANT_SCOPE_COLUMNS: readonly ScopeColumns[] = [
  { table: 'member', path: 'unit_path', province: 'province_id' },
  { table: 'member_position', path: 'unit_path', province: 'province_id' },
  { table: 'role_assignment', path: 'unit_path', province: 'province_id' },
  { table: 'account', path: 'home_unit_path', province: null },
  { table: 'meeting', path: 'unit_path', province: 'province_id' },
  { table: 'meeting_attendance', path: 'unit_path', province: 'province_id' },
  { table: 'meeting_task', path: 'unit_path', province: 'province_id' },
  { table: 'thematic_plan', path: 'unit_path', province: 'province_id' },
  { table: 'meeting_evaluation', path: 'unit_path', province: 'province_id' },
  { table: 'annual_grade', path: 'unit_path', province: 'province_id' },
  { table: 'four_good_assessment', path: 'unit_path', province: 'province_id' },
  { table: 'membership', path: 'unit_path', province: 'province_id' },
  { table: 'member_transfer', path: 'from_unit_path', province: 'from_province_id' },
  { table: 'member_transfer', path: 'to_unit_path', province: 'to_province_id' },
  { table: 'inspection', path: 'inspecting_unit_path', province: 'province_id' },
  { table: 'inspection_target', path: 'unit_path', province: 'province_id' },
  { table: 'remediation_action', path: 'responsible_unit_path', province: 'province_id' },
  { table: 'discipline', path: 'unit_path', province: 'province_id' },
  { table: 'supervisory_assignment', path: 'unit_path', province: 'province_id' },
  { table: 'supervisory_assignment', path: 'committee_path', province: 'province_id' },
  { table: 'weak_cell_flag', path: 'unit_path', province: 'province_id' },
  { table: 'statistic_target', path: 'unit_path', province: 'province_id' },
  { table: 'stat_own', path: 'unit_path', province: 'province_id' },
];

/**
 * Province columns of rows that carry no path of their own and follow a parent row (an exemption
 * its member, a finding its inspection): a move across provinces rewrites them from the parent.
 */
export const FOLLOWING_PROVINCE_COLUMNS: ReadonlyArray<{ readonly table: string; readonly fk: string; readonly parent: string; readonly parentPath: string }> = [
  { table: 'member_exemption', fk: 'member_id', parent: 'member', parentPath: 'unit_path' },
  { table: 'inspection_finding', fk: 'inspection_id', parent: 'inspection', parentPath: 'inspecting_unit_path' },
  // A committee's subtree sums are keyed by the committee; the nation's (unit 0) stay.
  { table: 'stat_fact', fk: 'unit_id', parent: 'org_unit', parentPath: 'path' },
];

/**
 * Path columns that record where something was when it was written, and stay so: the unit
 * versions (the tree as it stood), the append-only member events (where the member was), and
 * the tamper-evident audit log (its hash covers the path). org_unit.path is rewritten apart.
 */
export const HISTORICAL_PATH_COLUMNS: readonly string[] = ['org_unit.path', 'org_unit_version.path', 'member_event.unit_path', 'audit_entry.unit_path'];

/**
 * Moves every row of a subtree from one path prefix to another (and province, across
 * provinces), the units themselves included, inside the caller's transaction.
 */
export async function rewriteSubtreeScope(em: EntityManager, oldPrefix: string, newPrefix: string, depthDelta: number, provinceId: number): Promise<void> {
  const run = (sql: string, params: unknown[]): Promise<unknown> => em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
  // Before the paths change: the rollups above the subtree are moved by its old place.
  await relocateStatistics(em, oldPrefix, newPrefix);
  await run('update org_unit set path = ? || substr(path, ?), depth = depth + ?, province_id = ?, updated_at = now() where path like ?', [newPrefix, oldPrefix.length + 1, depthDelta, provinceId, `${oldPrefix}%`]);
  for (const c of TENANT_SCOPE_COLUMNS) {
    const province = c.province ? `, ${c.province} = ?` : '';
    await run(
      `update ${c.table} set ${c.path} = ? || substr(${c.path}, ?)${province} where ${c.path} like ?`,
      c.province ? [newPrefix, oldPrefix.length + 1, provinceId, `${oldPrefix}%`] : [newPrefix, oldPrefix.length + 1, `${oldPrefix}%`],
    );
  }
  // After the parent rows: their paths are the new ones now.
  for (const c of FOLLOWING_PROVINCE_COLUMNS) {
    await run(
      `update ${c.table} t set province_id = p.province_id from ${c.parent} p where p.id = t.${c.fk} and p.${c.parentPath} like ? and t.province_id <> p.province_id`,
      [`${newPrefix}%`],
    );
  }
}
