import { Migration } from '@mikro-orm/migrations';

/**
 * Inspections (kiểm tra, issue #5, inspections half): a configurable list of subjects, the
 * inspection with its targets, findings, remediation actions and disciplinary outcomes. Scope: an
 * inspection belongs to its inspecting body (`inspecting_unit_path`); its targets carry their own
 * paths (the member's cell for a member), which decide who sees published conclusions and what
 * counts as a cell inspected. As on the other tenant tables, `province_id` carries no foreign key.
 * Member discipline is also a member event (DISCIPLINED; expulsion stays EXPELLED).
 */
export class Migration20261124000008_inspections extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table inspection_subject (
  id serial primary key,
  province_id int null,
  code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name text not null,
  sort int not null default 0
)`);
    this.addSql(`create unique index inspection_subject_code_uq on inspection_subject (coalesce(province_id, 0), code)`);
    // The national list, from domain.md §6; a province adds its own rows.
    this.addSql(`
insert into inspection_subject (province_id, code, name, sort) values
  (null, 'PRINCIPLES_AND_REGIME', 'Chấp hành nguyên tắc và chế độ sinh hoạt (compliance with principles and the meeting regime)', 1),
  (null, 'MEETING_QUALITY', 'Chất lượng sinh hoạt chi bộ (meeting quality)', 2),
  (null, 'RECORDS_AND_MINUTES', 'Sổ sách, biên bản sinh hoạt (meeting records and minutes)', 3),
  (null, 'CELL_RESOLUTIONS', 'Nghị quyết chi bộ (the cell''s resolutions)', 4),
  (null, 'MEMBER_NOTEBOOKS', 'Sổ tay đảng viên (members'' notebooks)', 5),
  (null, 'SUPERVISORS_PERFORMANCE', 'Thực hiện nhiệm vụ của cấp ủy viên được phân công (supervisors'' performance)', 6),
  (null, 'RESOLUTION_IMPLEMENTATION', 'Kết quả thực hiện nghị quyết (results of implementing resolutions)', 7)`);

    this.addSql(`
create table inspection (
  id serial primary key,
  province_id int not null,
  inspecting_unit_id int not null references org_unit(id),
  inspecting_unit_path text not null,
  origin text not null check (origin in ('PROGRAMME','AD_HOC')),
  year int not null,
  title text not null,
  subjects text[] not null,
  team jsonb not null default '[]',
  period_from date not null,
  period_to date not null,
  state text not null default 'PLANNED' check (state in ('PLANNED','IN_PROGRESS','CONCLUDED','CLOSED')),
  started_on date null,
  concluded_on date null,
  conclusions text null,
  recommendations text null,
  published_on date null,
  closed_on date null,
  close_waiver_reason text null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_to >= period_from),
  check (state in ('PLANNED','IN_PROGRESS') or (conclusions is not null and concluded_on is not null)),
  check (published_on is null or state in ('CONCLUDED','CLOSED'))
)`);
    this.addSql(`create index inspection_unit_path_idx on inspection (inspecting_unit_path text_pattern_ops, year)`);

    this.addSql(`
create table inspection_target (
  id serial primary key,
  inspection_id int not null references inspection(id),
  province_id int not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  member_id int null references member(id)
)`);
    this.addSql(`create unique index inspection_target_uq on inspection_target (inspection_id, unit_id, coalesce(member_id, 0))`);
    this.addSql(`create index inspection_target_path_idx on inspection_target (unit_path text_pattern_ops)`);

    this.addSql(`
create table inspection_finding (
  id serial primary key,
  inspection_id int not null references inspection(id),
  province_id int not null,
  kind text not null check (kind in ('STRENGTH','SHORTCOMING','VIOLATION')),
  severity text not null check (severity in ('MINOR','MODERATE','SERIOUS')),
  subject text not null,
  description text not null,
  records jsonb not null default '[]',
  author_id int null references account(id),
  created_at timestamptz not null default now()
)`);
    this.addSql(`create index inspection_finding_inspection_idx on inspection_finding (inspection_id)`);

    this.addSql(`
create table remediation_action (
  id serial primary key,
  inspection_id int not null references inspection(id),
  province_id int not null,
  responsible_unit_id int not null references org_unit(id),
  responsible_unit_path text not null,
  description text not null,
  deadline date not null,
  status text not null default 'OPEN' check (status in ('OPEN','DONE','VERIFIED')),
  done_on date null,
  done_note text null,
  verified_on date null,
  verification_note text null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status = 'OPEN' or done_on is not null),
  check (status <> 'VERIFIED' or verified_on is not null)
)`);
    this.addSql(`create index remediation_action_inspection_idx on remediation_action (inspection_id)`);
    this.addSql(`create index remediation_action_path_idx on remediation_action (responsible_unit_path text_pattern_ops, status, deadline)`);

    this.addSql(`
create table discipline (
  id serial primary key,
  inspection_id int not null references inspection(id),
  province_id int not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  member_id int null references member(id),
  kind text not null check (kind in ('REPRIMAND','WARNING','DISMISSAL','EXPULSION','DISSOLUTION')),
  decided_on date not null,
  decision_ref text not null,
  reason text not null,
  author_id int null references account(id),
  created_at timestamptz not null default now(),
  check ((member_id is null and kind in ('REPRIMAND','WARNING','DISSOLUTION')) or (member_id is not null and kind in ('REPRIMAND','WARNING','DISMISSAL','EXPULSION')))
)`);
    this.addSql(`create index discipline_unit_idx on discipline (unit_id, decided_on)`);
    this.addSql(`create index discipline_inspection_idx on discipline (inspection_id)`);
    this.addSql(`create index discipline_path_idx on discipline (unit_path text_pattern_ops)`);

    this.addSql(`alter table member_event drop constraint member_event_kind_check`);
    this.addSql(`alter table member_event add constraint member_event_kind_check check (kind in ('ADMITTED','RECOGNISED_OFFICIAL','PROBATION_EXTENDED',
      'PROBATION_FAILED','TRANSFER_SENT','TRANSFER_RECEIVED','TRANSFER_CANCELLED','TEMPORARY_ENDED','EXEMPTED','EXEMPTION_ENDED','REMOVED','EXPELLED','DIED','REORGANISED','DISCIPLINED'))`);
  }
}
