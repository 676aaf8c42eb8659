import { Migration } from '@mikro-orm/migrations';

/**
 * Statistics (issue #7): rollups kept current by the writes, and targets.
 *
 * - `stat_own`: what each unit contributes by itself (its members, meetings, positions …), one row
 *   per (metric, day, keys), recomputed from the base tables whenever the unit is marked dirty.
 * - `stat_fact`: the sums over each committee's and province's subtree (unit 0: the nation),
 *   changed only by the difference between a unit's old and new contribution.
 * - `stat_dirty`: append-only marks written by statement triggers on every base table, so that
 *   every writer (API, import, seeds, raw SQL) is counted alike; the refresher consumes them.
 * - `stat_state`: one row, the refresher's lock and the history horizon of stock figures.
 *
 * Stocks (members, units, positions) are stored as the value after every change (day = infinity)
 * plus the day-by-day changes since the horizon, so "as of D" is current − changes after D.
 * Flows (admissions, meetings …) are stored by day. stat_fact keeps every dated row twice, by day
 * (grain D) and by month (grain M, dated the 1st), so that a year is 12 rows per key, not 365.
 * See docs/decisions.md §21.
 */
export class Migration20261203000002_statistics extends Migration {
  override async up(): Promise<void> {
    const values = 'n bigint not null default 0, a bigint not null default 0, b bigint not null default 0, c bigint not null default 0, d bigint not null default 0';
    this.addSql(`
create table stat_own (
  unit_id int not null references org_unit(id),
  family text not null,
  metric text not null,
  day date not null,
  k1 text not null default '',
  k2 text not null default '',
  ${values},
  province_id int not null,
  unit_path text not null,
  primary key (unit_id, metric, day, k1, k2)
)`);
    this.addSql(`create index stat_own_unit_path_idx on stat_own (unit_path text_pattern_ops)`);
    this.addSql(`create index stat_own_family_idx on stat_own (unit_id, family)`);
    // No foreign key on unit_id: unit 0 is the nation.
    this.addSql(`
create table stat_fact (
  unit_id int not null,
  province_id int not null,
  metric text not null,
  grain char(1) not null check (grain in ('D', 'M')),
  day date not null,
  k1 text not null default '',
  k2 text not null default '',
  ${values},
  primary key (unit_id, metric, grain, day, k1, k2)
)`);
    // A unit's lifecycle events (admissions, exits) are read per unit by the contributions.
    this.addSql(`create index member_event_unit_idx on member_event (unit_id, occurred_on)`);
    this.addSql(`create table stat_dirty (id bigserial primary key, unit_id int not null, family text not null, marked_at timestamptz not null default now())`);
    this.addSql(`
create table stat_state (
  id int primary key check (id = 1),
  horizon date not null,
  refreshed_at timestamptz null,
  refreshed_units bigint not null default 0
)`);
    this.addSql(`insert into stat_state (id, horizon) values (1, make_date(extract(year from now() at time zone 'Asia/Ho_Chi_Minh')::int - 4, 1, 1))`);

    this.addSql(`create function stat_families() returns text[] language sql immutable as $$
      select array['TREE','MEMBERS','POSITIONS','MEETINGS','COMPLIANCE','EVALUATIONS','GRADES','OVERSIGHT','INSPECTIONS']
    $$`);
    // TG_ARGV[0] is a query over $rows (the statement's transition table) returning (unit id, family) pairs.
    this.addSql(`
create function stat_mark() returns trigger language plpgsql as $$
begin
  if TG_OP in ('INSERT', 'UPDATE') then
    execute 'insert into stat_dirty (unit_id, family) select distinct u, f from (' || replace(TG_ARGV[0], '$rows', 'stat_new_rows') || ') x(u, f) where u is not null';
  end if;
  if TG_OP in ('UPDATE', 'DELETE') then
    execute 'insert into stat_dirty (unit_id, family) select distinct u, f from (' || replace(TG_ARGV[0], '$rows', 'stat_old_rows') || ') x(u, f) where u is not null';
  end if;
  return null;
end
$$`);
    const self = (column: string, families: string): string => `select ${column}, f from $rows cross join unnest(array[${families}]) f`;
    // A party group's meetings count for its cell's supervision: mark the unit and its parent.
    const withParent = (unitColumn: string, families: string): string =>
      `select x.id, f from $rows r join org_unit u on u.id = r.${unitColumn} cross join lateral (values (u.id), (u.parent_id)) x(id) cross join unnest(array[${families}]) f`;
    const ofMeeting = (families: string, parent = false): string =>
      `select x.id, f from (select distinct meeting_id from $rows) r join meeting m on m.id = r.meeting_id join org_unit u on u.id = m.unit_id
        cross join lateral (values (u.id), (${parent ? 'u.parent_id' : 'null::int'})) x(id) cross join unnest(array[${families}]) f`;
    const ofInspection = `select i.inspecting_unit_id, 'INSPECTIONS' from (select distinct inspection_id from $rows) r join inspection i on i.id = r.inspection_id`;
    const marks: Record<string, string> = {
      // A changed unit changes what it and its subtree contribute (kind, cell type, dates, place).
      org_unit: `select d.id, f from $rows r join org_unit d on d.path ~>=~ r.path and d.path ~<~ (r.path || '~') cross join unnest(stat_families()) f`,
      member: self('unit_id', `'MEMBERS'`),
      membership: self('unit_id', `'MEMBERS'`),
      member_event: self('unit_id', `'MEMBERS'`),
      member_position: self('unit_id', `'POSITIONS'`),
      meeting: withParent('unit_id', `'MEETINGS','COMPLIANCE','EVALUATIONS','OVERSIGHT'`),
      meeting_attendance: ofMeeting(`'MEETINGS','COMPLIANCE'`),
      meeting_topic: ofMeeting(`'MEETINGS'`),
      meeting_guest: ofMeeting(`'OVERSIGHT'`, true),
      meeting_rules: `select c.id, 'COMPLIANCE' from $rows r join org_unit c on c.kind in ('CELL','GRASSROOTS_CELL') and (r.province_id is null or c.province_id = r.province_id)`,
      meeting_evaluation: self('unit_id', `'EVALUATIONS'`),
      annual_grade: self('unit_id', `'GRADES'`),
      four_good_assessment: self('unit_id', `'GRADES'`),
      supervisory_assignment: self('unit_id', `'OVERSIGHT'`),
      weak_cell_flag: self('unit_id', `'OVERSIGHT'`),
      inspection: `select inspecting_unit_id, 'INSPECTIONS' from $rows
        union all select x.id, 'OVERSIGHT' from $rows r join inspection_target t on t.inspection_id = r.id join org_unit u on u.id = t.unit_id
          cross join lateral (values (u.id), (u.parent_id)) x(id)`,
      inspection_target: `${ofInspection} union all ${withParent('unit_id', `'OVERSIGHT'`)}`,
      inspection_finding: ofInspection,
      remediation_action: ofInspection,
      discipline: self('unit_id', `'INSPECTIONS'`),
    };
    for (const [table, query] of Object.entries(marks)) {
      const arg = query.replace(/\s+/g, ' ').replace(/'/g, "''");
      this.addSql(`create trigger stat_mark_insert after insert on ${table} referencing new table as stat_new_rows for each statement execute function stat_mark('${arg}')`);
      this.addSql(`create trigger stat_mark_update after update on ${table} referencing old table as stat_old_rows new table as stat_new_rows for each statement execute function stat_mark('${arg}')`);
      this.addSql(`create trigger stat_mark_delete after delete on ${table} referencing old table as stat_old_rows for each statement execute function stat_mark('${arg}')`);
    }
    // Existing data: every unit is counted on the refresher's first run.
    this.addSql(`insert into stat_dirty (unit_id, family) select id, f from org_unit cross join unnest(stat_families()) f`);

    this.addSql(`
create table statistic_target (
  id serial primary key,
  province_id int not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  year int not null check (year between 2000 and 2100),
  indicator text not null,
  value numeric(14,4) null check (value is null or value >= 0),
  note text null check (note is null or length(note) between 1 and 1000),
  version int not null check (version >= 1),
  set_by_id int null references account(id),
  set_at timestamptz not null default now(),
  superseded_at timestamptz null
)`);
    // History is kept: a change supersedes the current row and adds the next version.
    this.addSql(`create unique index statistic_target_current_uq on statistic_target (unit_id, year, indicator) where superseded_at is null`);
    this.addSql(`create unique index statistic_target_version_uq on statistic_target (unit_id, year, indicator, version)`);
    this.addSql(`create index statistic_target_path_idx on statistic_target (unit_path text_pattern_ops, year)`);
  }
}
