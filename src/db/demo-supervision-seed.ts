/**
 * Demo supervisory assignments (domain.md §5, issue #5), after the meetings and evaluations seeds,
 * in their transaction. Set-based and deterministic (hashtext of ids, never random()):
 *
 * - for every commune, ward or special-zone committee of the demo province, two person accounts
 *   homed at the committee (the demo password, like every demo person): an executive-committee
 *   member (gs<committee id>.bch) and a standing-committee member (gs<committee id>.btv);
 * - the executive member is assigned to every cell of the committee's subtree for this year and
 *   last (1 a quarter, the default rule); the standing member to the committee's weakest cell
 *   (lowest average score of its evaluations; the first cell when none), same period;
 * - visits: the assignee as a guest (meeting_guest with account_id) of about two in three of the
 *   held regular meetings of an assigned cell within the assignment, so that some assignments fall
 *   short and some cells go unattended in a quarter;
 * - a weak-cell flag for that weakest cell, for the last complete quarter, set by its committee.
 *
 * No literal question marks in the SQL below: the execute function binds `?` placeholders.
 */
export type Execute = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface DemoSupervisionSummary {
  accounts: number;
  assignments: number;
  visits: number;
  weakFlags: number;
}

const DEMO_PROVINCE_CODE = '12';
const COMMITTEE_KINDS = `('COMMUNE_COMMITTEE', 'WARD_COMMITTEE', 'SPECIAL_ZONE_COMMITTEE')`;
const CELL_KINDS = `('CELL', 'GRASSROOTS_CELL')`;

export async function seedDemoSupervision(execute: Execute, today: string): Promise<DemoSupervisionSummary> {
  const [province] = await execute(`select id, path from org_unit where kind = 'PROVINCE' and code = ?`, [DEMO_PROVINCE_CODE]);
  if (!province) return { accounts: 0, assignments: 0, visits: 0, weakFlags: 0 };
  const year = Number(today.slice(0, 4));
  const from = `${year - 1}-01-01`;
  const to = `${year}-12-31`;
  const [hashRow] = await execute(`select password_hash from account where kind = 'PERSON' and password_hash is not null order by id limit 1`);
  const passwordHash = (hashRow?.password_hash as string | undefined) ?? null;

  const accounts = await execute(
    `insert into account (kind, username, password_hash, display_name, home_unit_id, home_unit_path)
     select 'PERSON', 'gs' || u.id || '.' || k.suffix, ?, k.title || ', ' || u.name, u.id, u.path
       from org_unit u
       cross join (values ('bch', 'Ủy viên Ban Chấp hành'), ('btv', 'Ủy viên Ban Thường vụ')) as k(suffix, title)
      where u.path like ? and u.kind in ${COMMITTEE_KINDS} and u.status = 'ACTIVE'
     returning id`,
    [passwordHash, `${province.path as string}%`],
  );

  // The weakest cell of each committee: lowest average share of its evaluations' totals.
  await execute(`create temporary table demo_weakest on commit drop as
    select distinct on (c.id) c.id as committee_id, cell.id as unit_id
      from org_unit c
      join org_unit cell on cell.path like c.path || '%' and cell.kind in ${CELL_KINDS} and cell.status = 'ACTIVE'
      left join meeting_evaluation e on e.unit_id = cell.id and e.state <> 'DRAFT'
     where c.path like ? and c.kind in ${COMMITTEE_KINDS} and c.status = 'ACTIVE'
     group by c.id, cell.id
     order by c.id, avg(coalesce(e.appraised_total, e.self_total)) asc nulls last, cell.id`, [`${province.path as string}%`]);

  const assignments = await execute(
    `insert into supervisory_assignment (province_id, committee_id, committee_path, unit_id, unit_path, account_id, assignee_kind, starts_on, ends_on, required_attendances, per, decision_ref)
     select c.province_id, c.id, c.path, cell.id, cell.path, a.id, 'EXECUTIVE_COMMITTEE', ?::date, ?::date, 1, 'QUARTER', 'Quyết định phân công ' || c.id || '-QĐ/ĐU'
       from org_unit c
       join account a on a.username = 'gs' || c.id || '.bch'
       join org_unit cell on cell.path like c.path || '%' and cell.kind in ${CELL_KINDS} and cell.status = 'ACTIVE'
      where c.path like ? and c.kind in ${COMMITTEE_KINDS}
     union all
     select c.province_id, c.id, c.path, cell.id, cell.path, a.id, 'STANDING_COMMITTEE', ?::date, ?::date, 1, 'QUARTER', 'Quyết định phân công ' || c.id || '-QĐ/ĐU'
       from demo_weakest w
       join org_unit c on c.id = w.committee_id
       join org_unit cell on cell.id = w.unit_id
       join account a on a.username = 'gs' || c.id || '.btv'
     returning id`,
    [from, to, `${province.path as string}%`, from, to],
  );

  const visits = await execute(
    `insert into meeting_guest (meeting_id, full_name, position, unit_id, account_id)
     select m.id, a.display_name, case sa.assignee_kind when 'STANDING_COMMITTEE' then 'Ủy viên Ban Thường vụ' else 'Ủy viên Ban Chấp hành' end, sa.committee_id, a.id
       from supervisory_assignment sa
       join account a on a.id = sa.account_id
       join meeting m on m.unit_id = sa.unit_id and m.status = 'HELD' and m.kind = 'REGULAR' and m.held_on between sa.starts_on and sa.ends_on
      where sa.province_id = ? and (abs(hashtext(m.id::text || ':' || a.id::text)::bigint) % 3) <> 0
     returning id`,
    [province.id],
  );

  // The last complete quarter before today.
  const month = Number(today.slice(5, 7));
  const quarter = Math.floor((month - 1) / 3);
  const [flagYear, flagQuarter] = quarter === 0 ? [year - 1, 4] : [year, quarter];
  const flags = await execute(
    `insert into weak_cell_flag (province_id, unit_id, unit_path, committee_id, year, quarter, reason, decision_ref)
     select cell.province_id, cell.id, cell.path, w.committee_id, ?, ?, 'Sinh hoạt chưa đều, chất lượng thấp, nội bộ chưa đoàn kết', 'Kết luận của Ban Thường vụ'
       from demo_weakest w join org_unit cell on cell.id = w.unit_id
     returning id`,
    [flagYear, flagQuarter],
  );
  return { accounts: accounts.length, assignments: assignments.length, visits: visits.length, weakFlags: flags.length };
}
