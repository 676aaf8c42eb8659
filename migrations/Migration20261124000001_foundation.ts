import { Migration } from '@mikro-orm/migrations';

/**
 * The foundation: the organisation tree (one table for every level, with a
 * materialized path), members, accounts, API keys, role assignments, refresh
 * tokens, login throttling and the audit log.
 */
export class Migration20261124000001_foundation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table org_unit (
  id serial primary key,
  province_id int not null,
  parent_id int null references org_unit(id),
  path text not null,
  depth int not null check (depth >= 0),
  kind text not null check (kind in ('PROVINCE','COMMUNE_COMMITTEE','WARD_COMMITTEE','SPECIAL_ZONE_COMMITTEE','BLOC_COMMITTEE','GRASSROOTS_COMMITTEE','GRASSROOTS_CELL','PARTIAL_COMMITTEE','CELL','PARTY_GROUP')),
  cell_type text null check (cell_type in ('RESIDENTIAL','ADMINISTRATIVE_AGENCY','PUBLIC_SERVICE','ARMED_FORCES','ENTERPRISE')),
  status text not null default 'ACTIVE' check (status in ('ACTIVE','DISSOLVED')),
  name text not null check (length(name) between 1 and 200),
  name_search text not null,
  name_sort_key text not null collate "C",
  code text null,
  founded_on date null,
  dissolved_on date null,
  successor_id int null references org_unit(id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`);
    this.addSql(`alter table org_unit add constraint org_unit_province_fk foreign key (province_id) references org_unit(id) deferrable initially deferred`);
    this.addSql(`create unique index org_unit_path_uq on org_unit (path text_pattern_ops)`);
    this.addSql(`create index org_unit_parent_idx on org_unit (parent_id, name_sort_key, id)`);
    this.addSql(`create index org_unit_province_kind_idx on org_unit (province_id, kind)`);

    this.addSql(`
create table member (
  id serial primary key,
  province_id int not null references org_unit(id),
  unit_id int not null references org_unit(id),
  unit_path text not null,
  full_name text not null check (length(full_name) between 1 and 200),
  name_search text not null,
  name_sort_key text not null collate "C",
  gender text not null check (gender in ('MALE','FEMALE')),
  birth_date date null,
  ethnicity text not null,
  religion text null,
  general_education text null check (general_education in ('PRIMARY','LOWER_SECONDARY','UPPER_SECONDARY')),
  professional_qualification text null check (professional_qualification in ('DOCTORATE','MASTER','BACHELOR','COLLEGE','INTERMEDIATE','ELEMENTARY','NONE')),
  political_theory text null check (political_theory in ('ADVANCED','INTERMEDIATE','ELEMENTARY','NONE')),
  party_card_number text null,
  admission_date date not null,
  official_date date null,
  status text not null check (status in ('PROBATIONARY','OFFICIAL')),
  citizen_id text null,
  phone text null,
  address text null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (official_date is null or official_date >= admission_date)
)`);
    this.addSql(`create unique index member_party_card_uq on member (party_card_number) where party_card_number is not null`);
    this.addSql(`create index member_unit_idx on member (unit_id, name_sort_key, id)`);
    this.addSql(`create index member_unit_path_idx on member (unit_path text_pattern_ops)`);
    this.addSql(`create index member_province_idx on member (province_id)`);

    this.addSql(`
create table member_position (
  id serial primary key,
  province_id int not null references org_unit(id),
  member_id int not null references member(id),
  unit_id int not null references org_unit(id),
  unit_path text not null,
  position text not null check (position in ('SECRETARY','DEPUTY_SECRETARY','COMMITTEE_MEMBER','STANDING_COMMITTEE_MEMBER','INSPECTION_COMMISSION_MEMBER','VILLAGE_HEAD','FRONT_WORK_COMMITTEE_HEAD','AGENCY_HEAD')),
  started_on date not null,
  ended_on date null,
  created_at timestamptz not null default now(),
  check (ended_on is null or ended_on >= started_on)
)`);
    this.addSql(`create index member_position_member_idx on member_position (member_id)`);
    this.addSql(`create index member_position_unit_idx on member_position (unit_id)`);

    this.addSql(`
create table account (
  id serial primary key,
  kind text not null check (kind in ('PERSON','SERVICE')),
  username text null,
  password_hash text null,
  display_name text not null,
  member_id int null references member(id),
  home_unit_id int null references org_unit(id),
  home_unit_path text null,
  active boolean not null default true,
  last_login_at timestamptz null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`);
    this.addSql(`create index account_home_unit_path_idx on account (home_unit_path text_pattern_ops)`);
    this.addSql(`create unique index account_username_uq on account (lower(username)) where username is not null`);

    this.addSql(`
create table api_key (
  id serial primary key,
  account_id int not null references account(id),
  prefix text not null unique,
  secret_hash text not null,
  label text not null,
  created_by_id int null references account(id),
  created_at timestamptz not null default now(),
  last_used_at timestamptz null,
  revoked_at timestamptz null
)`);

    this.addSql(`
create table role_assignment (
  id serial primary key,
  account_id int not null references account(id),
  role text not null check (role in ('ADMIN','ORGANIZER','INSPECTOR','MEMBER','ANALYST')),
  unit_id int null references org_unit(id),
  unit_path text null,
  province_id int null references org_unit(id),
  granted_by_id int null references account(id),
  granted_at timestamptz not null default now(),
  revoked_at timestamptz null,
  revoked_by_id int null references account(id)
)`);
    this.addSql(`create index role_assignment_account_idx on role_assignment (account_id) where revoked_at is null`);
    this.addSql(`create index role_assignment_unit_path_idx on role_assignment (unit_path text_pattern_ops)`);

    this.addSql(`
create table refresh_token (
  id serial primary key,
  account_id int not null references account(id),
  token_hash text not null unique,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz null
)`);

    this.addSql(`
create table login_throttle (
  username text primary key,
  failures int not null default 0,
  last_failure_at timestamptz not null
)`);

    this.addSql(`
create table audit_entry (
  id bigserial primary key,
  at timestamptz not null default now(),
  account_id int null references account(id),
  request_id text null,
  operation text not null,
  target_type text not null,
  target_id text null,
  province_id int null,
  unit_path text null,
  before jsonb null,
  after jsonb null
)`);
    this.addSql(`create index audit_entry_unit_path_idx on audit_entry (unit_path text_pattern_ops)`);
  }
}
