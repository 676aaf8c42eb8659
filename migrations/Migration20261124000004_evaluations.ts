import { Migration } from '@mikro-orm/migrations';

/**
 * Evaluations (domain.md §4): versioned per-province criteria sets, meeting-quality evaluations
 * scored per criterion with their self-assessment vote and superior appraisal, annual grading of
 * organisations, members and committee heads under configurable constraints, and the four-good model.
 */
export class Migration20261124000004_evaluations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create table criteria_set (
  id serial primary key,
  province_id int null references org_unit(id),
  code text not null check (length(code) between 1 and 100),
  title text not null check (length(title) between 1 and 300),
  effective_from date not null,
  is_sample boolean not null default false,
  good_min numeric(6,2) not null,
  fair_min numeric(6,2) not null,
  average_min numeric(6,2) not null,
  created_by_id int null references account(id),
  created_at timestamptz not null default now(),
  check (good_min > fair_min and fair_min > average_min and average_min >= 0)
)`);
    // One version per province and start date: the set in force on a day is the latest one started by then.
    this.addSql(`create unique index criteria_set_effective_uq on criteria_set (coalesce(province_id, 0), effective_from)`);
    this.addSql(`
create table criterion (
  id serial primary key,
  set_id int not null references criteria_set(id),
  group_name text not null check (length(group_name) between 1 and 300),
  code text not null check (length(code) between 1 and 50),
  name text not null check (length(name) between 1 and 500),
  max_points numeric(6,2) not null check (max_points > 0),
  sort_order int not null,
  unique (set_id, code)
)`);

    this.addSql(`
create table meeting_evaluation (
  id serial primary key,
  province_id int not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  meeting_id int not null references meeting(id),
  meeting_kind text not null,
  held_on date not null,
  criteria_set_id int not null references criteria_set(id),
  state text not null check (state in ('DRAFT','SELF_ASSESSED','APPRAISED')),
  self_total numeric(7,2) not null default 0,
  self_rating text not null check (self_rating in ('GOOD','FAIR','AVERAGE','WEAK')),
  appraised_total numeric(7,2) null,
  appraised_rating text null check (appraised_rating in ('GOOD','FAIR','AVERAGE','WEAK')),
  votes_for int null check (votes_for >= 0),
  votes_against int null check (votes_against >= 0),
  votes_abstain int null check (votes_abstain >= 0),
  self_note text null,
  submitted_at timestamptz null,
  submitted_by_id int null references account(id),
  appraised_at timestamptz null,
  appraised_by_id int null references account(id),
  appraisal_comment text null,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (state = 'DRAFT' or votes_for is not null),
  check ((state = 'APPRAISED') = (appraised_total is not null))
)`);
    // A second evaluation of the same meeting is a CONFLICT, enforced here too.
    this.addSql(`create unique index meeting_evaluation_meeting_uq on meeting_evaluation (meeting_id)`);
    this.addSql(`create index meeting_evaluation_path_idx on meeting_evaluation (unit_path text_pattern_ops, held_on)`);
    this.addSql(`create index meeting_evaluation_unit_idx on meeting_evaluation (unit_id, held_on)`);
    this.addSql(`
create table meeting_evaluation_score (
  evaluation_id int not null references meeting_evaluation(id),
  criterion_id int not null references criterion(id),
  self_points numeric(6,2) not null check (self_points >= 0),
  appraised_points numeric(6,2) null check (appraised_points >= 0),
  appraisal_comment text null,
  primary key (evaluation_id, criterion_id)
)`);
    // Every step of an evaluation, with the scores as they stood: reopening never loses an appraisal.
    this.addSql(`
create table meeting_evaluation_step (
  id serial primary key,
  evaluation_id int not null references meeting_evaluation(id),
  action text not null check (action in ('CREATED','SCORES_SAVED','SUBMITTED','APPRAISED','REOPENED')),
  from_state text null,
  to_state text not null,
  reason text null,
  snapshot jsonb not null,
  account_id int null references account(id),
  at timestamptz not null default now()
)`);
    this.addSql(`create index meeting_evaluation_step_idx on meeting_evaluation_step (evaluation_id, id)`);

    this.addSql(`
create table grading_rules (
  id serial primary key,
  province_id int null references org_unit(id),
  excellent_max_share_of_good numeric(5,4) null check (excellent_max_share_of_good > 0 and excellent_max_share_of_good <= 1),
  excellent_requires_no_weak_month boolean not null default true,
  version int not null default 1,
  updated_at timestamptz not null default now()
)`);
    this.addSql(`create unique index grading_rules_province_uq on grading_rules (coalesce(province_id, 0))`);
    // Configurable defaults, not fact: provinces set their own (excellent ≤ 20% of those graded good or better).
    this.addSql(`insert into grading_rules (province_id, excellent_max_share_of_good, excellent_requires_no_weak_month) values (null, 0.20, true)`);

    this.addSql(`
create table annual_grade (
  id serial primary key,
  province_id int not null,
  year int not null check (year between 2000 and 2100),
  subject_kind text not null check (subject_kind in ('ORGANISATION','MEMBER','COMMITTEE_HEAD')),
  unit_id int not null references org_unit(id),
  unit_path text not null,
  member_id int null references member(id),
  state text not null check (state in ('PROPOSED','DECIDED','PUBLISHED')),
  proposed_level text not null check (proposed_level in ('EXCELLENT','GOOD','COMPLETED','NOT_COMPLETED')),
  proposal_note text null,
  proposed_by_id int null references account(id),
  proposed_at timestamptz not null default now(),
  decided_level text null check (decided_level in ('EXCELLENT','GOOD','COMPLETED','NOT_COMPLETED')),
  decision_ref text null,
  decision_note text null,
  decided_by_id int null references account(id),
  decided_at timestamptz null,
  published_at timestamptz null,
  published_by_id int null references account(id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((subject_kind = 'ORGANISATION') = (member_id is null)),
  check ((state = 'PROPOSED') = (decided_level is null)),
  check ((state = 'PUBLISHED') = (published_at is not null))
)`);
    this.addSql(`create unique index annual_grade_subject_uq on annual_grade (year, subject_kind, unit_id, coalesce(member_id, 0))`);
    this.addSql(`create index annual_grade_path_idx on annual_grade (unit_path text_pattern_ops, year)`);
    this.addSql(`create index annual_grade_member_idx on annual_grade (member_id, year)`);

    this.addSql(`
create table four_good_assessment (
  id serial primary key,
  province_id int not null,
  unit_id int not null references org_unit(id),
  unit_path text not null,
  year int not null check (year between 2000 and 2100),
  political_task boolean not null,
  meeting_quality boolean not null,
  unity_discipline boolean not null,
  cadres_members boolean not null,
  note text null,
  decision_ref text null,
  assessed_by_id int null references account(id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, year)
)`);
    this.addSql(`create index four_good_path_idx on four_good_assessment (unit_path text_pattern_ops, year)`);

    this.seedSampleCriteria();
  }

  /**
   * A default criteria set for provinces without their own, clearly a sample: modelled on the shape
   * of Lai Châu's Regulation 14-QĐi/TU (100 points in four groups), not its text or figures.
   */
  private seedSampleCriteria(): void {
    this.addSql(`insert into criteria_set (province_id, code, title, effective_from, is_sample, good_min, fair_min, average_min)
      values (null, 'MẪU-01', 'Bộ tiêu chí mẫu chấm điểm chất lượng sinh hoạt chi bộ (SAMPLE: replace with the province''s own regulation)', '2020-01-01', true, 90, 70, 50)`);
    const criteria: Array<[string, string, string, number]> = [
      ['Chuẩn bị sinh hoạt', 'PREP_AGENDA', 'Chi ủy chuẩn bị nội dung, chương trình sinh hoạt trước kỳ họp', 10],
      ['Chuẩn bị sinh hoạt', 'PREP_NOTICE', 'Thông báo thời gian, địa điểm, tài liệu đến đảng viên đúng hạn', 10],
      ['Tổ chức sinh hoạt', 'HELD_ON_TIME', 'Sinh hoạt đúng thời gian quy định; tỷ lệ đảng viên dự đạt yêu cầu', 10],
      ['Tổ chức sinh hoạt', 'PROCEDURE', 'Thực hiện đúng trình tự, thủ tục; thời lượng hợp lý', 10],
      ['Tổ chức sinh hoạt', 'DEMOCRACY', 'Phát huy dân chủ, đảng viên tham gia ý kiến, tự phê bình và phê bình', 10],
      ['Tổ chức sinh hoạt', 'IDEOLOGY', 'Nắm bắt, trao đổi tình hình tư tưởng đảng viên và quần chúng', 10],
      ['Nội dung sinh hoạt', 'REVIEW', 'Đánh giá kết quả thực hiện nhiệm vụ tháng trước, chỉ rõ hạn chế và nguyên nhân', 10],
      ['Nội dung sinh hoạt', 'RESOLUTION', 'Ra nghị quyết, kết luận cụ thể, phân công nhiệm vụ rõ người, rõ việc', 10],
      ['Nội dung sinh hoạt', 'FOLLOW_UP', 'Kiểm tra, đôn đốc việc thực hiện nghị quyết và nhiệm vụ được giao', 10],
      ['Biên bản, hồ sơ', 'MINUTES', 'Biên bản ghi đầy đủ, chính xác; lưu trữ hồ sơ đúng quy định', 10],
    ];
    criteria.forEach(([group, code, name, max], i) => {
      this.addSql(`insert into criterion (set_id, group_name, code, name, max_points, sort_order)
        select id, '${group}', '${code}', '${name}', ${max}, ${i + 1} from criteria_set where province_id is null and code = 'MẪU-01'`);
    });
  }
}
