import type { Execute } from './demo-supervision-seed';

/**
 * Demo targets (chỉ tiêu, issue #7), after the other demo seeds, in their transaction: the
 * province's admission plan for last year and this year, and the Bình Lư commune's targets to
 * 2030 (domain.md §7) for both years, so that the demo's indicators show actual, target and gap.
 *
 * No literal question marks in the SQL below: the execute function binds `?` placeholders.
 */

const DEMO_PROVINCE_CODE = '12';

/** Bình Lư's resolution to 2030: shares 0–1 (domain.md §7). */
const BINH_LU_TARGETS: ReadonlyArray<[string, number]> = [
  ['ORGANISATIONS_GOOD_OR_BETTER', 0.9],
  ['MEMBERS_GOOD_OR_BETTER', 0.9],
  ['ADMISSION_RATE', 0.03],
  ['VILLAGE_CELLS_WITH_MIN_MEMBERS', 0.95],
  ['SECRETARY_ALSO_VILLAGE_OR_FRONT_HEAD', 0.7],
  ['VILLAGE_HEADS_PARTY_MEMBERS', 0.9],
  ['FRONT_HEADS_PARTY_MEMBERS', 0.8],
  ['AGENCY_SECRETARIES_ALSO_HEADS', 0.95],
];

export async function seedDemoTargets(execute: Execute, today: string): Promise<{ targets: number }> {
  const [province] = await execute(`select id, path from org_unit where kind = 'PROVINCE' and code = ?`, [DEMO_PROVINCE_CODE]);
  const [binhLu] = await execute(`select id, path from org_unit where kind = 'COMMUNE_COMMITTEE' and name like ? order by id limit 1`, ['%Bình Lư']);
  if (!province || !binhLu) return { targets: 0 };
  const year = Number(today.slice(0, 4));
  const rows: Array<[Record<string, unknown>, number, string, number, string]> = [];
  for (const y of [year - 1, year]) {
    rows.push([province, y, 'ADMISSIONS', 12, 'Kế hoạch kết nạp đảng viên của Tỉnh ủy']);
    for (const [indicator, value] of BINH_LU_TARGETS) rows.push([binhLu, y, indicator, value, 'Nghị quyết Đại hội Đảng bộ xã Bình Lư nhiệm kỳ 2025–2030']);
  }
  for (const [unit, y, indicator, value, note] of rows) {
    await execute(
      'insert into statistic_target (province_id, unit_id, unit_path, year, indicator, value, note, version) values (?, ?, ?, ?, ?, ?, ?, 1)',
      [province.id, unit.id, unit.path, y, indicator, value, note],
    );
  }
  return { targets: rows.length };
}
