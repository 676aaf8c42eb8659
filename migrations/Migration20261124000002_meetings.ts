import { Migration } from '@mikro-orm/migrations';

/**
 * Cell meetings (domain.md §3): per-province meeting rules and holidays, the thematic-topic
 * taxonomy, meetings with their roster, attendance, guests, minutes amendments and tasks,
 * and annual thematic plans.
 */
export class Migration20261124000002_meetings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table meeting_rules (
  id serial primary key,
  province_id int null references org_unit(id),
  regular_day int not null check (regular_day between 1 and 28),
  window_first_day int not null check (window_first_day between 1 and 28),
  window_last_day int not null check (window_last_day between 1 and 28),
  thematic_per_quarter int not null check (thematic_per_quarter between 0 and 12),
  attendance_threshold numeric(5,4) not null check (attendance_threshold > 0 and attendance_threshold <= 1),
  version int not null default 1,
  updated_at timestamptz not null default now(),
  check (window_first_day <= regular_day and regular_day <= window_last_day)
)`);
    this.addSql(`create unique index meeting_rules_province_uq on meeting_rules (coalesce(province_id, 0))`);
    // The default for provinces without rules of their own: Lai Châu's (the 3rd, else the first week), ≥ 1 thematic meeting a quarter, 85% attendance.
    this.addSql(`insert into meeting_rules (province_id, regular_day, window_first_day, window_last_day, thematic_per_quarter, attendance_threshold) values (null, 3, 1, 7, 1, 0.85)`);
    this.addSql(`
create table holiday (
  id serial primary key,
  province_id int null references org_unit(id),
  day date not null,
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
)`);
    this.addSql(`create unique index holiday_day_uq on holiday (coalesce(province_id, 0), day)`);

    this.addSql(`
create table thematic_topic (
  id serial primary key,
  province_id int null references org_unit(id),
  code text not null,
  name text not null check (length(name) between 1 and 300),
  sort_order int not null default 0,
  active boolean not null default true
)`);
    this.addSql(`create unique index thematic_topic_code_uq on thematic_topic (coalesce(province_id, 0), code)`);

    this.addSql(`
create table meeting (
  id serial primary key,
  province_id int not null references org_unit(id),
  unit_id int not null references org_unit(id),
  unit_path text not null,
  kind text not null check (kind in ('REGULAR','THEMATIC','EXTRAORDINARY','CELL_COMMITTEE','PARTY_COMMITTEE','PARTY_GROUP')),
  format text not null check (format in ('IN_PERSON','ONLINE')),
  status text not null check (status in ('PLANNED','HELD','CANCELLED')),
  scheduled_at timestamptz not null,
  held_at timestamptz null,
  held_on date null,
  place text null,
  online_link text null,
  chair_id int null references member(id),
  minutes_taker_id int null references member(id),
  agenda jsonb not null default '[]',
  content text null,
  duration_minutes int null check (duration_minutes between 1 and 1440),
  minutes text null,
  resolution text null,
  minutes_status text not null default 'DRAFT' check (minutes_status in ('DRAFT','FINALISED')),
  minutes_finalised_at timestamptz null,
  minutes_finalised_by_id int null references account(id),
  off_plan_reason text null,
  cancel_reason text null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'HELD' or (held_at is not null and held_on is not null)),
  check (status <> 'CANCELLED' or cancel_reason is not null)
)`);
    this.addSql(`create index meeting_unit_held_idx on meeting (unit_id, held_on)`);
    this.addSql(`create index meeting_unit_path_idx on meeting (unit_path text_pattern_ops, held_on)`);
    this.addSql(`create index meeting_province_held_idx on meeting (province_id, held_on)`);

    this.addSql(`
create table meeting_topic (
  meeting_id int not null references meeting(id),
  topic_id int not null references thematic_topic(id),
  primary key (meeting_id, topic_id)
)`);
    this.addSql(`
create table meeting_guest (
  id serial primary key,
  meeting_id int not null references meeting(id),
  full_name text not null check (length(full_name) between 1 and 200),
  position text null,
  unit_id int null references org_unit(id),
  account_id int null references account(id)
)`);
    this.addSql(`create index meeting_guest_meeting_idx on meeting_guest (meeting_id)`);

    this.addSql(`
create table meeting_attendance (
  meeting_id int not null references meeting(id),
  member_id int not null references member(id),
  province_id int not null,
  unit_path text not null,
  status text not null check (status in ('NOT_RECORDED','PRESENT','ABSENT_EXCUSED','ABSENT_UNEXCUSED','EXEMPT')),
  reason text null,
  primary key (meeting_id, member_id),
  check (status <> 'ABSENT_EXCUSED' or reason is not null)
)`);
    this.addSql(`create index meeting_attendance_member_idx on meeting_attendance (member_id)`);

    this.addSql(`
create table minutes_amendment (
  id serial primary key,
  meeting_id int not null references meeting(id),
  field text not null check (field in ('MINUTES','RESOLUTION')),
  previous_text text null,
  new_text text not null,
  reason text not null check (length(reason) between 1 and 1000),
  author_id int null references account(id),
  created_at timestamptz not null default now()
)`);
    this.addSql(`create index minutes_amendment_meeting_idx on minutes_amendment (meeting_id, id)`);

    this.addSql(`
create table meeting_task (
  id serial primary key,
  province_id int not null,
  unit_path text not null,
  meeting_id int not null references meeting(id),
  owner_id int not null references member(id),
  description text not null check (length(description) between 1 and 2000),
  deadline date null,
  status text not null default 'OPEN' check (status in ('OPEN','IN_PROGRESS','DONE')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
)`);
    this.addSql(`create index meeting_task_owner_idx on meeting_task (owner_id, deadline)`);
    this.addSql(`create index meeting_task_meeting_idx on meeting_task (meeting_id)`);
    this.addSql(`
create table task_report (
  id serial primary key,
  task_id int not null references meeting_task(id),
  meeting_id int null references meeting(id),
  report text not null check (length(report) between 1 and 2000),
  status text not null check (status in ('OPEN','IN_PROGRESS','DONE')),
  author_id int null references account(id),
  created_at timestamptz not null default now()
)`);
    this.addSql(`create index task_report_task_idx on task_report (task_id, id)`);

    this.addSql(`
create table thematic_plan (
  id serial primary key,
  province_id int not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  year int not null check (year between 2000 and 2100),
  status text not null default 'DRAFT' check (status in ('DRAFT','SUBMITTED')),
  submitted_at timestamptz null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, year)
)`);
    this.addSql(`
create table thematic_plan_item (
  id serial primary key,
  plan_id int not null references thematic_plan(id),
  quarter int not null check (quarter between 1 and 4),
  topic_id int not null references thematic_topic(id),
  title text not null check (length(title) between 1 and 300)
)`);
    this.addSql(`create index thematic_plan_item_plan_idx on thematic_plan_item (plan_id, quarter)`);

    // Public holidays of the current and next year, national (province_id null). Lunar dates (Tết,
    // Giỗ Tổ Hùng Vương) are converted; administrators maintain this table.
    const holidays: Array<[string, string]> = [
      ['2026-01-01', 'Tết Dương lịch'],
      ['2026-02-16', 'Tết Nguyên đán (29 tháng Chạp)'], ['2026-02-17', 'Tết Nguyên đán (mùng 1)'], ['2026-02-18', 'Tết Nguyên đán (mùng 2)'],
      ['2026-02-19', 'Tết Nguyên đán (mùng 3)'], ['2026-02-20', 'Tết Nguyên đán (mùng 4)'],
      ['2026-04-26', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'], ['2026-04-30', 'Ngày Giải phóng miền Nam'], ['2026-05-01', 'Ngày Quốc tế Lao động'],
      ['2026-09-01', 'Quốc khánh (nghỉ liền kề)'], ['2026-09-02', 'Quốc khánh'],
      ['2027-01-01', 'Tết Dương lịch'],
      ['2027-02-05', 'Tết Nguyên đán (30 tháng Chạp)'], ['2027-02-06', 'Tết Nguyên đán (mùng 1)'], ['2027-02-07', 'Tết Nguyên đán (mùng 2)'],
      ['2027-02-08', 'Tết Nguyên đán (mùng 3)'], ['2027-02-09', 'Tết Nguyên đán (mùng 4)'],
      ['2027-04-16', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'], ['2027-04-30', 'Ngày Giải phóng miền Nam'], ['2027-05-01', 'Ngày Quốc tế Lao động'],
      ['2027-09-02', 'Quốc khánh'], ['2027-09-03', 'Quốc khánh (nghỉ liền kề)'],
    ];
    for (const [day, name] of holidays) this.addSql(`insert into holiday (province_id, day, name) values (null, '${day}', '${name}')`);

    // The district report's categories (domain.md §3), shared by every province; provinces add their own.
    const topics: Array<[string, string]> = [
      ['HO_CHI_MINH', 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'],
      ['COMPETENCE', 'Nâng cao trình độ chính trị, chuyên môn của đảng viên'],
      ['DEGRADATION', 'Phòng chống suy thoái, "tự diễn biến", "tự chuyển hóa"'],
      ['PARTY_BUILDING', 'Xây dựng Đảng và hệ thống chính trị'],
      ['NEW_RURAL', 'Xây dựng nông thôn mới, khu dân cư'],
      ['ANTI_CORRUPTION', 'Phòng chống tham nhũng, lãng phí, tiêu cực'],
      ['DIRECTIVES', 'Thực hiện chỉ thị, nghị quyết của cấp trên và pháp luật'],
      ['HELPING_HOUSEHOLDS', 'Giúp đỡ đảng viên, hộ gia đình khó khăn'],
      ['PROFESSIONAL_WORK', 'Công tác chuyên môn của đơn vị'],
      ['LEGAL_EDUCATION', 'Giáo dục pháp luật'],
      ['LEADERSHIP_METHODS', 'Phương thức lãnh đạo của chi bộ'],
      ['MEMBER_SOURCES', 'Tạo nguồn phát triển đảng viên'],
      ['OTHER', 'Chuyên đề khác theo loại hình chi bộ'],
    ];
    topics.forEach(([code, name], i) => {
      this.addSql(`insert into thematic_topic (province_id, code, name, sort_order) values (null, '${code}', '${name.replace(/'/g, "''")}', ${i + 1})`);
    });
  }
}
