import { Migration } from '@mikro-orm/migrations';

/**
 * Positions (chức vụ) written through the API: each row gets a version, the decisions that started
 * and ended it, who recorded each, and when it last changed. `ended_on` is inclusive: a post is held
 * on day d when `started_on <= d and (ended_on is null or ended_on >= d)`. The database keeps one open
 * holder of each single-holder post per unit (bí thư, trưởng thôn, trưởng ban công tác Mặt trận,
 * thủ trưởng cơ quan) and one open row per member, unit and post; a race past the service's check
 * fails here. Rows are never deleted: ending a post keeps it as history.
 */
export class Migration20261203000001_member_positions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table member_position
  add column version int not null default 1,
  add column decision_ref text null check (decision_ref is null or length(decision_ref) between 1 and 100),
  add column end_decision_ref text null check (end_decision_ref is null or length(end_decision_ref) between 1 and 100),
  add column author_id int null references account(id),
  add column ended_by_id int null references account(id),
  add column updated_at timestamptz not null default now()`);
    this.addSql(`
create unique index member_position_single_holder_uq on member_position (unit_id, position)
  where ended_on is null and position in ('SECRETARY','VILLAGE_HEAD','FRONT_WORK_COMMITTEE_HEAD','AGENCY_HEAD')`);
    this.addSql(`create unique index member_position_open_uq on member_position (member_id, unit_id, position) where ended_on is null`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index member_position_open_uq');
    this.addSql('drop index member_position_single_holder_uq');
    this.addSql(`
alter table member_position
  drop column updated_at,
  drop column ended_by_id,
  drop column author_id,
  drop column end_decision_ref,
  drop column decision_ref,
  drop column version`);
  }
}
