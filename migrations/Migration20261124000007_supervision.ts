import { Migration } from '@mikro-orm/migrations';

/**
 * Supervisory assignments (issue #5, domain.md §5, phân công dự, theo dõi, hướng dẫn sinh hoạt):
 * per-province frequency rules, the assignments of committee members and board staff to cells,
 * and the committees' weak-cell flags (chi bộ yếu kém). Supervisors' visits are meeting_guest
 * rows with an account_id, matched to assignments by account, cell and date.
 */
export class Migration20261124000007_supervision extends Migration {
  override async up(): Promise<void> {
    // Trusted since PostgreSQL 13, shipped with 15 and the embedded 18: the exclusion constraint below needs it.
    this.addSql('create extension if not exists btree_gist');
    this.addSql(`
create table supervision_rules (
  id serial primary key,
  province_id int null references org_unit(id),
  executive_attendances int not null check (executive_attendances between 1 and 60),
  executive_per text not null check (executive_per in ('QUARTER','YEAR')),
  standing_attendances int not null check (standing_attendances between 1 and 60),
  standing_per text not null check (standing_per in ('QUARTER','YEAR')),
  standing_weak_cells boolean not null,
  staff_attendances int not null check (staff_attendances between 1 and 60),
  staff_per text not null check (staff_per in ('QUARTER','YEAR')),
  forbid_own_cell boolean not null,
  version int not null default 1,
  updated_at timestamptz not null default now()
)`);
    this.addSql('create unique index supervision_rules_province_uq on supervision_rules (coalesce(province_id, 0))');
    // domain.md §5: executive-committee members one cell a quarter; standing-committee members one weak or difficult cell a quarter.
    this.addSql(`insert into supervision_rules (province_id, executive_attendances, executive_per, standing_attendances, standing_per, standing_weak_cells, staff_attendances, staff_per, forbid_own_cell)
      values (null, 1, 'QUARTER', 1, 'QUARTER', true, 1, 'QUARTER', false)`);

    this.addSql(`
create table supervisory_assignment (
  id serial primary key,
  province_id int not null,
  committee_id int not null references org_unit(id),
  committee_path text not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  account_id int not null references account(id),
  assignee_kind text not null check (assignee_kind in ('EXECUTIVE_COMMITTEE','STANDING_COMMITTEE','STAFF')),
  starts_on date not null,
  ends_on date not null,
  required_attendances int not null check (required_attendances > 0),
  per text not null check (per in ('QUARTER','YEAR')),
  decision_ref text null check (decision_ref is null or length(decision_ref) between 1 and 200),
  note text null,
  created_by_id int null references account(id),
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (ends_on >= starts_on),
  constraint supervisory_assignment_no_overlap exclude using gist (account_id with =, unit_id with =, daterange(starts_on, ends_on, '[]') with &&)
)`);
    this.addSql('create index supervisory_assignment_unit_path_idx on supervisory_assignment (unit_path text_pattern_ops)');
    this.addSql('create index supervisory_assignment_committee_path_idx on supervisory_assignment (committee_path text_pattern_ops)');
    this.addSql('create index supervisory_assignment_account_idx on supervisory_assignment (account_id, ends_on)');
    // Matching visits: guests by account.
    this.addSql('create index meeting_guest_account_idx on meeting_guest (account_id) where account_id is not null');

    this.addSql(`
create table weak_cell_flag (
  id serial primary key,
  province_id int not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  committee_id int not null references org_unit(id),
  year int not null check (year between 1930 and 2200),
  quarter int null check (quarter between 1 and 4),
  reason text not null check (length(reason) between 1 and 2000),
  decision_ref text null check (decision_ref is null or length(decision_ref) between 1 and 200),
  created_by_id int null references account(id),
  created_at timestamptz not null default now()
)`);
    this.addSql('create unique index weak_cell_flag_uq on weak_cell_flag (unit_id, year, coalesce(quarter, 0))');
    this.addSql('create index weak_cell_flag_unit_path_idx on weak_cell_flag (unit_path text_pattern_ops)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table weak_cell_flag');
    this.addSql('drop index meeting_guest_account_idx');
    this.addSql('drop table supervisory_assignment');
    this.addSql('drop table supervision_rules');
  }
}
