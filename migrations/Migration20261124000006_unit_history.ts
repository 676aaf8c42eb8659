import { Migration } from '@mikro-orm/migrations';

/**
 * Units change, history stays (issue #6): every version of a unit (name, parent, path, status)
 * with the dates it was valid, so the tree can be read as it stood on any day; and the
 * successions of merged, split and dissolved units.
 */
export class Migration20261124000006_unit_history extends Migration {
  override async up(): Promise<void> {
    // Half-open validity: a version holds on `valid_from <= d < valid_to`. Paths here are as they
    // were then and are never rewritten; the live `org_unit.path` is the current one.
    this.addSql(`
create table org_unit_version (
  id serial primary key,
  unit_id int not null references org_unit(id),
  province_id int not null,
  parent_id int null references org_unit(id),
  path text not null,
  depth int not null,
  kind text not null,
  cell_type text null,
  name text not null,
  status text not null check (status in ('ACTIVE','DISSOLVED')),
  valid_from date not null,
  valid_to date null,
  change text not null check (change in ('EXISTING','CREATED','RENAMED','MOVED','MERGED','SPLIT','DISSOLVED','CORRECTED')),
  decision_ref text null,
  author_id int null references account(id),
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
)`);
    this.addSql(`create unique index org_unit_version_current_uq on org_unit_version (unit_id) where valid_to is null`);
    this.addSql(`create index org_unit_version_unit_idx on org_unit_version (unit_id, valid_from)`);
    this.addSql(`create index org_unit_version_path_idx on org_unit_version (path text_pattern_ops, valid_from)`);
    this.addSql(`
create table unit_succession (
  id serial primary key,
  predecessor_id int not null references org_unit(id),
  successor_id int not null references org_unit(id),
  kind text not null check (kind in ('MERGED_INTO','SPLIT_INTO')),
  occurred_on date not null,
  decision_ref text not null,
  created_at timestamptz not null default now(),
  check (predecessor_id <> successor_id)
)`);
    this.addSql(`create index unit_succession_predecessor_idx on unit_succession (predecessor_id)`);
    this.addSql(`create index unit_succession_successor_idx on unit_succession (successor_id)`);
    // Every unit has a version from its creation, however it is inserted (API, import, seeds, fixtures):
    // from its founding date, or always when that is unknown. createOrgUnit dates API creations today.
    this.addSql(`
create function org_unit_first_version() returns trigger language plpgsql as $$
begin
  insert into org_unit_version (unit_id, province_id, parent_id, path, depth, kind, cell_type, name, status, valid_from, change)
  values (new.id, new.province_id, new.parent_id, new.path, new.depth, new.kind, new.cell_type, new.name, new.status, coalesce(new.founded_on, date '1900-01-01'), 'CREATED');
  return null;
end
$$`);
    this.addSql(`create trigger org_unit_first_version after insert on org_unit for each row execute function org_unit_first_version()`);
    // Members of merged and split cells move to the successor with an event of their own.
    this.addSql(`alter table member_event drop constraint member_event_kind_check`);
    this.addSql(`alter table member_event add constraint member_event_kind_check check (kind in ('ADMITTED','RECOGNISED_OFFICIAL','PROBATION_EXTENDED',
      'PROBATION_FAILED','TRANSFER_SENT','TRANSFER_RECEIVED','TRANSFER_CANCELLED','TEMPORARY_ENDED','EXEMPTED','EXEMPTION_ENDED','REMOVED','EXPELLED','DIED','REORGANISED'))`);
    // Units that exist already: one version from their founding (or always, when unknown).
    this.addSql(`
insert into org_unit_version (unit_id, province_id, parent_id, path, depth, kind, cell_type, name, status, valid_from, valid_to, change)
select id, province_id, parent_id, path, depth, kind, cell_type, name, 'ACTIVE', coalesce(founded_on, date '1900-01-01'), dissolved_on, 'EXISTING' from org_unit`);
    this.addSql(`
insert into org_unit_version (unit_id, province_id, parent_id, path, depth, kind, cell_type, name, status, valid_from, change)
select id, province_id, parent_id, path, depth, kind, cell_type, name, 'DISSOLVED', dissolved_on, 'DISSOLVED' from org_unit where dissolved_on is not null`);
  }
}
