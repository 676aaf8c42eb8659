import { Migration } from '@mikro-orm/migrations';

/**
 * Member lifecycle as dated events (issue #6): an append-only event log, membership periods (the
 * one source of truth for "member of this cell on this date"), exemption periods and transfers in
 * flight. `member.status`, `unit_id`, `unit_path`, `province_id` and `official_date` become caches
 * the event service keeps in the same transaction. Existing members are backfilled: an ADMITTED
 * event and an official membership of their cell from the admission date, and a RECOGNISED_OFFICIAL
 * event where they have an official date. Periods are half-open: a member is in a period on
 * `started_on <= d < ended_on`; `ended_on` is the day of the event that ended it. As on the
 * meeting tables, `province_id` (the distribution key) carries no foreign key: bulk onboarding
 * pays a trigger per key and row.
 */
export class Migration20261124000005_member_lifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table member drop constraint member_status_check`);
    this.addSql(`alter table member add constraint member_status_check check (status in ('PROBATIONARY','OFFICIAL','REMOVED','EXPELLED','DECEASED'))`);

    this.addSql(`
create table member_transfer (
  id serial primary key,
  member_id int not null references member(id),
  kind text not null check (kind in ('OFFICIAL','TEMPORARY')),
  state text not null default 'SENT' check (state in ('SENT','RECEIVED','CANCELLED')),
  from_province_id int not null references org_unit(id),
  from_unit_id int not null references org_unit(id),
  from_unit_path text not null,
  to_province_id int not null references org_unit(id),
  to_unit_id int not null references org_unit(id),
  to_unit_path text not null,
  sent_on date not null,
  sent_decision_ref text not null,
  temporary_to date null,
  received_on date null,
  received_decision_ref text null,
  cancelled_on date null,
  cancel_reason text null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (from_unit_id <> to_unit_id),
  check (kind = 'TEMPORARY' or temporary_to is null),
  check (temporary_to is null or temporary_to >= sent_on),
  check (state <> 'RECEIVED' or received_on >= sent_on),
  check (state <> 'CANCELLED' or (cancelled_on >= sent_on and cancel_reason is not null))
)`);
    // At most one transfer in flight per member: the second send is a CONFLICT even under a race.
    this.addSql(`create unique index member_transfer_in_flight_uq on member_transfer (member_id) where state = 'SENT'`);
    this.addSql(`create index member_transfer_from_path_idx on member_transfer (from_unit_path text_pattern_ops, state)`);
    this.addSql(`create index member_transfer_to_path_idx on member_transfer (to_unit_path text_pattern_ops, state)`);

    this.addSql(`
create table member_event (
  id serial primary key,
  province_id int not null,
  member_id int not null references member(id),
  unit_id int not null references org_unit(id),
  unit_path text not null,
  kind text not null check (kind in ('ADMITTED','RECOGNISED_OFFICIAL','PROBATION_EXTENDED','PROBATION_FAILED','TRANSFER_SENT','TRANSFER_RECEIVED',
    'TRANSFER_CANCELLED','TEMPORARY_ENDED','EXEMPTED','EXEMPTION_ENDED','REMOVED','EXPELLED','DIED')),
  occurred_on date not null,
  decision_ref text null,
  details jsonb not null default '{}',
  transfer_id int null references member_transfer(id),
  author_id int null references account(id),
  created_at timestamptz not null default now()
)`);
    this.addSql(`create index member_event_member_idx on member_event (member_id, occurred_on, id)`);
    // History is never overwritten: the log refuses updates and deletes whoever asks.
    this.addSql(`
create function member_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'member_event is append-only';
end
$$`);
    this.addSql(`create trigger member_event_append_only before update or delete on member_event for each row execute function member_event_append_only()`);

    this.addSql(`
create table membership (
  id serial primary key,
  province_id int not null,
  member_id int not null references member(id),
  unit_id int not null references org_unit(id),
  unit_path text not null,
  kind text not null check (kind in ('OFFICIAL','TEMPORARY')),
  started_on date not null,
  ended_on date null,
  started_by_event_id int not null references member_event(id),
  ended_by_event_id int null references member_event(id),
  check (ended_on is null or ended_on >= started_on)
)`);
    this.addSql(`create unique index membership_open_uq on membership (member_id, kind) where ended_on is null`);
    this.addSql(`create index membership_unit_idx on membership (unit_id, started_on)`);
    this.addSql(`create index membership_member_idx on membership (member_id, started_on)`);

    this.addSql(`
create table member_exemption (
  id serial primary key,
  province_id int not null,
  member_id int not null references member(id),
  started_on date not null,
  ended_on date null,
  reason text not null check (length(reason) between 1 and 1000),
  started_by_event_id int not null references member_event(id),
  ended_by_event_id int null references member_event(id),
  check (ended_on is null or ended_on >= started_on)
)`);
    this.addSql(`create index member_exemption_member_idx on member_exemption (member_id, started_on)`);

    // Backfill, frozen here as it ran: the seeds use src/db/onboarding-history.ts, which may evolve.
    this.addSql(`
with admitted as (
  insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, details)
  select province_id, id, unit_id, unit_path, 'ADMITTED', admission_date, '{"source":"BACKFILL"}' from member order by id
  returning id, member_id, occurred_on
)
insert into membership (province_id, member_id, unit_id, unit_path, kind, started_on, started_by_event_id)
select m.province_id, m.id, m.unit_id, m.unit_path, 'OFFICIAL', a.occurred_on, a.id from admitted a join member m on m.id = a.member_id`);
    this.addSql(`
insert into member_event (province_id, member_id, unit_id, unit_path, kind, occurred_on, details)
select province_id, id, unit_id, unit_path, 'RECOGNISED_OFFICIAL', official_date, '{"source":"BACKFILL"}' from member where official_date is not null order by id`);
  }
}
