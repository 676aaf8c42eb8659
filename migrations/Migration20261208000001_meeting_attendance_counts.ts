import { Migration } from '@mikro-orm/migrations';

/**
 * Each meeting carries the counts of its attendance lines (roster, present, exempt, not recorded),
 * so that meeting compliance reads one meeting row per cell and month instead of its ~20 lines
 * (decision 36; issue #14 item 4). The counts are kept by statement triggers on
 * meeting_attendance, in the writing transaction, whoever writes (the meeting commands, the seeds,
 * the bench's bulk loads, a repair by hand): each statement adds what it inserted and subtracts
 * what it deleted, as one `count = count + delta` per meeting, which concurrent writers of the same
 * meeting apply one after the other on the row lock. Existing meetings are counted here.
 */
export class Migration20261208000001_meeting_attendance_counts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table meeting
  add column attendance_roster int not null default 0,
  add column attendance_present int not null default 0,
  add column attendance_exempt int not null default 0,
  add column attendance_not_recorded int not null default 0`);
    this.addSql(`
update meeting m
   set attendance_roster = x.roster, attendance_present = x.present, attendance_exempt = x.exempt, attendance_not_recorded = x.not_recorded
  from (select meeting_id, count(*)::int as roster, count(*) filter (where status = 'PRESENT')::int as present,
               count(*) filter (where status = 'EXEMPT')::int as exempt, count(*) filter (where status = 'NOT_RECORDED')::int as not_recorded
          from meeting_attendance group by meeting_id) x
 where m.id = x.meeting_id`);
    // One function for the three triggers; a transition table exists only for its own events, so
    // the changed rows are named per event and the statement is run dynamically.
    this.addSql(`
create function meeting_attendance_count() returns trigger language plpgsql as $$
declare
  changed text := case tg_op
    when 'INSERT' then 'select meeting_id, status, 1 as sign from meeting_attendance_new'
    when 'DELETE' then 'select meeting_id, status, -1 as sign from meeting_attendance_old'
    else 'select meeting_id, status, 1 as sign from meeting_attendance_new union all select meeting_id, status, -1 from meeting_attendance_old'
  end;
begin
  execute 'with changed as (' || changed || '),
  delta as (
    select meeting_id, sum(sign)::int as roster, coalesce(sum(sign) filter (where status = ''PRESENT''), 0)::int as present,
           coalesce(sum(sign) filter (where status = ''EXEMPT''), 0)::int as exempt,
           coalesce(sum(sign) filter (where status = ''NOT_RECORDED''), 0)::int as not_recorded
      from changed group by meeting_id
  )
  update meeting m
     set attendance_roster = m.attendance_roster + d.roster, attendance_present = m.attendance_present + d.present,
         attendance_exempt = m.attendance_exempt + d.exempt, attendance_not_recorded = m.attendance_not_recorded + d.not_recorded
    from delta d
   where m.id = d.meeting_id and (d.roster, d.present, d.exempt, d.not_recorded) <> (0, 0, 0, 0)';
  return null;
end $$`);
    this.addSql(`create trigger meeting_attendance_count_insert after insert on meeting_attendance referencing new table as meeting_attendance_new for each statement execute function meeting_attendance_count()`);
    this.addSql(`create trigger meeting_attendance_count_update after update on meeting_attendance referencing old table as meeting_attendance_old new table as meeting_attendance_new for each statement execute function meeting_attendance_count()`);
    this.addSql(`create trigger meeting_attendance_count_delete after delete on meeting_attendance referencing old table as meeting_attendance_old for each statement execute function meeting_attendance_count()`);
  }

  override async down(): Promise<void> {
    this.addSql('drop trigger meeting_attendance_count_insert on meeting_attendance');
    this.addSql('drop trigger meeting_attendance_count_update on meeting_attendance');
    this.addSql('drop trigger meeting_attendance_count_delete on meeting_attendance');
    this.addSql('drop function meeting_attendance_count()');
    this.addSql('alter table meeting drop column attendance_roster, drop column attendance_present, drop column attendance_exempt, drop column attendance_not_recorded');
  }
}
