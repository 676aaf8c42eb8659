/**
 * Demo evaluations (domain.md §4, issue 4): meeting-quality evaluations for the meetings seeded by
 * demo-meetings-seed.ts, and the annual grading and four-good results of the last complete year
 * of those meetings. Runs right after seedDemoMeetings, in its transaction.
 *
 * Set-based like the meetings seed: temporary tables filled by INSERT … SELECT, every per-row
 * choice a hash of ids and dates (hashtext, never random()); the few per-cell and per-committee
 * choices come from the seeded PRNG of demo-random.ts. Totals and ratings are computed by
 * src/services/evaluations/scoring.ts from the score rows, as the service does.
 *
 * What it writes:
 * - for held regular and thematic meetings: an evaluation scored per criterion against the
 *   criteria set in force on the meeting date, with the cell's vote (cast by members present,
 *   more than half for). Cells differ: most score mostly good or fair, a few dip to weak in some
 *   months, one is weak all along; attendance under the province's threshold, late meetings and
 *   draft minutes cost points on the matching criteria. Evaluations of a quarter are appraised by
 *   the superior committee a week to a month after the quarter (some adjusted, with a comment per
 *   adjusted criterion), so the latest months await appraisal; a few are drafts, some meetings
 *   have none. Each evaluation has its steps (CREATED, SUBMITTED, APPRAISED) with snapshots
 *   shaped like the service's;
 * - annual grades of that year for every cell, every member (except those exempt from meetings
 *   all year) and each committee's secretary, derived from the meetings' ratings, attendance and
 *   tasks; the province's grading rules hold (excellent at most the configured share of those
 *   graded good or better per group, no excellent cell with a weak month). Mostly published, one
 *   committee's decisions not yet published, a few members' grades still proposed;
 * - the four-good assessment of that year for every cell and grassroots committee.
 *
 * No literal question marks in the SQL below: the execute function binds `?` placeholders.
 */
import { MeetingRating } from '../entities/evaluation-enums';
import { appraisedTotal, periodRating, ratingOf, selfTotal, type ScoreLine } from '../services/evaluations/scoring';
import { int, mulberry32, type Rng } from './demo-random';

export type Execute = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface DemoEvaluationsSummary {
  evaluations: number;
  scores: number;
  steps: number;
  gradedYear: number;
  grades: number;
  fourGood: number;
}

/** org_unit.code of the demo province (Lai Châu) in demo-seed.ts. */
const DEMO_PROVINCE_CODE = '12';

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
/** A deterministic number in [0, mod) from a text key (abs of a bigint: hashtext may return INT_MIN). */
const hash = (key: string, mod: number): string => `(abs(hashtext(${key})::bigint) % ${mod})::int`;
/** Dates in hash keys through to_char, so the keys do not depend on DateStyle. */
const day = (expr: string): string => `to_char((${expr})::timestamp, 'YYYY-MM-DD')`;
/** Today at midnight in Vietnam: nothing seeded happens later (the meetings seed caps the same way). */
const CAP = `((?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh')`;

const COMMITTEE_KINDS = ['COMMUNE_COMMITTEE', 'WARD_COMMITTEE', 'SPECIAL_ZONE_COMMITTEE', 'GRASSROOTS_COMMITTEE', 'BLOC_COMMITTEE'];
/** Units the four-good model assesses besides cells (four-good.ts). */
const FOUR_GOOD_COMMITTEE_KINDS = ['GRASSROOTS_COMMITTEE', 'COMMUNE_COMMITTEE', 'WARD_COMMITTEE', 'SPECIAL_ZONE_COMMITTEE'];
const sqlList = (items: readonly string[]): string => `(${items.map(quote).join(', ')})`;

/**
 * How a cell's meetings go. base: usual quality (share of the maximum); dips: per mille of
 * meetings that go badly, to dip (+0, +0.07 or +0.14).
 */
type Profile = 'STRONG' | 'SOLID' | 'UNEVEN' | 'WEAK';
const PROFILES: Record<Profile, { base: readonly [number, number]; dips: number; dip: number; adjustPercent: number }> = {
  STRONG: { base: [0.925, 0.965], dips: 30, dip: 0.8, adjustPercent: 15 },
  SOLID: { base: [0.84, 0.88], dips: 60, dip: 0.68, adjustPercent: 25 },
  UNEVEN: { base: [0.76, 0.8], dips: 260, dip: 0.45, adjustPercent: 45 },
  WEAK: { base: [0.52, 0.55], dips: 500, dip: 0.36, adjustPercent: 60 },
};

/** Why an appraiser lowered a criterion, by criterion code of the sample set (others: the fallback). */
const LOWERED_BECAUSE: ReadonlyArray<readonly [string, string]> = [
  ['PREP_AGENDA', 'Nội dung, chương trình sinh hoạt chưa được chi ủy chuẩn bị kỹ trước kỳ họp, còn chung chung.'],
  ['PREP_NOTICE', 'Thông báo thời gian, địa điểm, tài liệu sinh hoạt đến đảng viên chưa đúng hạn.'],
  ['HELD_ON_TIME', 'Tỷ lệ đảng viên dự sinh hoạt chưa đạt yêu cầu; bắt đầu sinh hoạt muộn so với thông báo.'],
  ['PROCEDURE', 'Chưa thực hiện đầy đủ trình tự sinh hoạt theo hướng dẫn; thời lượng sinh hoạt ngắn.'],
  ['DEMOCRACY', 'Ít ý kiến thảo luận; tự phê bình và phê bình chưa thẳng thắn.'],
  ['IDEOLOGY', 'Chưa nắm bắt, trao đổi tình hình tư tưởng của đảng viên và quần chúng trên địa bàn.'],
  ['REVIEW', 'Đánh giá kết quả tháng trước còn chung chung, chưa chỉ rõ hạn chế và nguyên nhân.'],
  ['RESOLUTION', 'Nghị quyết chưa cụ thể, chưa rõ người, rõ việc, rõ thời hạn hoàn thành.'],
  ['FOLLOW_UP', 'Chưa kiểm tra, đôn đốc việc thực hiện nhiệm vụ được giao ở kỳ sinh hoạt trước.'],
  ['MINUTES', 'Biên bản ghi chưa đầy đủ diễn biến sinh hoạt, thiếu chữ ký của chủ trì hoặc thư ký.'],
];
const LOWERED_FALLBACK = 'Điều chỉnh theo kết quả thẩm định hồ sơ, biên bản sinh hoạt.';
const RAISED_BECAUSE = 'Hồ sơ, biên bản cho thấy chi bộ thực hiện tốt hơn mức tự chấm; điều chỉnh tăng điểm.';

const TEMP_TABLES = ['demo_ev_cell', 'demo_ev_meeting', 'demo_ev_score', 'demo_ev_lines', 'demo_ev_decider', 'demo_ev_cellyear', 'demo_ev_grade'] as const;

/**
 * The last calendar year whose twelve months all have demo meetings: the meetings run for 24
 * months up to the month before today's, so it is always the year before today's (in January,
 * the December just ended closes it).
 */
const lastCompleteYear = (today: string): number => Number(today.slice(0, 4)) - 1;

function numberArray(values: ReadonlyArray<number | null>): string {
  return `{${values.map((v) => (v === null ? 'NULL' : String(v))).join(',')}}`;
}
function textArrayLiteral(values: ReadonlyArray<string | null>): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v}"`)).join(',')}}`;
}

/** Fills evaluations, grades and four-good results for the demo province; after seedDemoMeetings. */
export async function seedDemoEvaluations(execute: Execute, today: string): Promise<DemoEvaluationsSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new Error(`seedDemoEvaluations: today must be YYYY-MM-DD, got "${today}"`);
  const [province] = await execute(`select id from org_unit where kind = 'PROVINCE' and code = ?`, [DEMO_PROVINCE_CODE]);
  if (province === undefined) throw new Error('seedDemoEvaluations: the demo province is missing; run seedDemo first');
  const provinceId = Number(province.id);
  const [existing] = await execute(
    `select (select count(*) from meeting_evaluation where province_id = ?)::int + (select count(*) from annual_grade where province_id = ?)::int
            + (select count(*) from four_good_assessment where province_id = ?)::int as n`,
    [provinceId, provinceId, provinceId],
  );
  if (Number(existing?.n) !== 0) throw new Error('seedDemoEvaluations: the demo province already has evaluations');
  const [meetingRules] = await execute(
    'select attendance_threshold from meeting_rules where province_id = ? or province_id is null order by province_id nulls last limit 1',
    [provinceId],
  );
  const attendanceThreshold = Number(meetingRules?.attendance_threshold ?? 0.85);
  const [gradingRules] = await execute(
    'select excellent_max_share_of_good, excellent_requires_no_weak_month from grading_rules where province_id = ? or province_id is null order by province_id nulls last limit 1',
    [provinceId],
  );
  // No rules at all: the migration's defaults.
  const cap = gradingRules === undefined ? 0.2 : gradingRules.excellent_max_share_of_good === null ? null : Number(gradingRules.excellent_max_share_of_good);
  const noWeakMonth = gradingRules === undefined ? true : Boolean(gradingRules.excellent_requires_no_weak_month);
  const year = lastCompleteYear(today);
  const rng = mulberry32(20261204);

  for (const table of TEMP_TABLES) await execute(`drop table if exists pg_temp.${table}`);
  const analyze = (table: (typeof TEMP_TABLES)[number]): Promise<unknown> => execute(`analyze ${table}`);

  // --- cells and how their meetings go: ranked by their attendance and regularity over the two
  // years (with some luck), the lowest few uneven or weak, one in seven solid, the rest strong.
  const cellRows = await execute(
    `select c.id, c.path, coalesce(a.present::float8 / nullif(a.expected, 0), 1) as rate, coalesce(r.months, 0)::int as months
       from org_unit c
       left join (
         select m.unit_id, count(*) filter (where a.status = 'PRESENT') as present,
                count(*) filter (where a.status in ('PRESENT', 'ABSENT_EXCUSED', 'ABSENT_UNEXCUSED')) as expected
           from meeting m join meeting_attendance a on a.meeting_id = m.id
          where m.province_id = ? and m.status = 'HELD' group by m.unit_id
       ) a on a.unit_id = c.id
       left join (
         select unit_id, count(distinct date_trunc('month', held_on::timestamp)) as months from meeting
          where province_id = ? and status = 'HELD' and kind = 'REGULAR' group by unit_id
       ) r on r.unit_id = c.id
      where c.province_id = ? and c.kind in ('CELL', 'GRASSROOTS_CELL') and c.status = 'ACTIVE'
      order by c.path`,
    [provinceId, provinceId, provinceId],
  );
  const maxMonths = Math.max(1, ...cellRows.map((c) => Number(c.months)));
  const ranked = cellRows
    .map((c) => ({ id: Number(c.id), score: Number(c.rate) + 0.5 * (Number(c.months) / maxMonths) + rng() * 0.06 }))
    .sort((a, b) => a.score - b.score || a.id - b.id);
  const n = ranked.length;
  const weakCount = n >= 10 ? 1 : 0;
  const unevenCount = Math.round(n * 0.09);
  const solidCount = Math.round(n * 0.14);
  const profileOf = (rank: number): Profile =>
    rank < weakCount ? 'WEAK' : rank < weakCount + unevenCount ? 'UNEVEN' : rank < weakCount + unevenCount + solidCount ? 'SOLID' : 'STRONG';
  const between = (r: Rng, [lo, hi]: readonly [number, number]): number => Math.round((lo + (hi - lo) * r()) * 1000) / 1000;
  const cells = ranked.map((c, rank) => {
    const profile = profileOf(rank);
    const p = PROFILES[profile];
    return [c.id, profile, between(rng, p.base), p.dips, p.dip, p.adjustPercent] as const;
  });
  await execute(
    `create temp table demo_ev_cell (id int primary key, path text, parent_id int, profile text, base numeric, dips int, dip numeric, adjust_percent int, decider_id int)`,
  );
  if (cells.length > 0) {
    await execute(
      `insert into demo_ev_cell (id, profile, base, dips, dip, adjust_percent) values ${cells.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      cells.flatMap((c) => [...c]),
    );
  }
  // Who decides a unit's grades: the nearest committee above it (a commune's Đảng ủy, a
  // grassroots committee, a bloc committee), else the province.
  const deciderOf = (path: string): string =>
    `coalesce((select a.id from org_unit a where ${path} like a.path || '%' and a.path <> ${path} and a.kind in ${sqlList(COMMITTEE_KINDS)}
                order by a.depth desc limit 1), ${provinceId})`;
  await execute(`update demo_ev_cell c set path = u.path, parent_id = u.parent_id, decider_id = ${deciderOf('u.path')} from org_unit u where u.id = c.id`);
  await analyze('demo_ev_cell');

  // --- the meetings evaluated, with what decides their evaluation.
  const recentStart = `(date_trunc('month', ?::date::timestamp) - interval '1 month')::date`;
  await execute(
    `create temp table demo_ev_meeting as
     with mt as (
       select m.id as meeting_id, m.province_id, m.unit_id, m.unit_path, m.kind, m.held_on, m.held_at, m.minutes_status, m.off_plan_reason,
              c.profile, c.base, c.dips, c.dip, c.adjust_percent, c.path as cell_path,
              n.present, n.expected, n.recorded,
              ${hash(`'ev-' || m.unit_id || '-' || m.kind || '-' || ${day('m.held_on')}`, 1000000)} as h,
              ${hash(`'ev-dip-' || m.unit_id || '-' || m.kind || '-' || ${day('m.held_on')}`, 1000)} as h_dip,
              ${hash(`'ev-votes-' || m.unit_id || '-' || m.kind || '-' || ${day('m.held_on')}`, 1000000)} as h_votes,
              -- The superior appraises a cell's quarter at once.
              ${hash(`'ev-quarter-' || m.unit_id || '-' || ${day(`date_trunc('quarter', m.held_on::timestamp)`)}`, 1000)} as h_quarter
         from meeting m
         join demo_ev_cell c on c.id = m.unit_id
         cross join lateral (
           select count(*) filter (where a.status = 'PRESENT')::int as present,
                  count(*) filter (where a.status in ('PRESENT', 'ABSENT_EXCUSED', 'ABSENT_UNEXCUSED'))::int as expected,
                  count(*) filter (where a.status not in ('NOT_RECORDED', 'EXEMPT'))::int as recorded
             from meeting_attendance a where a.meeting_id = m.id
         ) n
        where m.province_id = ? and m.status = 'HELD' and m.kind in ('REGULAR', 'THEMATIC') and m.held_on is not null
     ),
     -- The demo secretary's cell (namcuoi.secretary): its latest regular meeting with members
     -- present is always submitted and awaiting appraisal, for binhlu.organizer to appraise.
     demo_pending as (
       select distinct on (mt.unit_id) mt.meeting_id from mt
        where mt.kind = 'REGULAR' and mt.present > 0 and mt.unit_id in (select home_unit_id from account where username = 'namcuoi.secretary')
        order by mt.unit_id, mt.held_on desc
     ),
     fated as (
       select mt.*, s.set_id, s.good_min, s.fair_min, s.average_min,
              mt.meeting_id in (select meeting_id from demo_pending) as demo_pending,
              case
                when mt.meeting_id in (select meeting_id from demo_pending) then 'SUBMIT'
                -- Attendance not recorded yet: nobody can vote; a draft at most.
                when mt.present = 0 then case when mt.held_on >= ${recentStart} and mt.h % 100 < 50 then 'DRAFT' else 'NONE' end
                when mt.held_on >= ${recentStart} then
                  case when mt.minutes_status = 'DRAFT' then case when mt.h % 100 < 45 then 'DRAFT' when mt.h % 100 < 65 then 'NONE' else 'SUBMIT' end
                       else case when mt.h % 100 < 5 then 'NONE' when mt.h % 100 < 10 then 'DRAFT' else 'SUBMIT' end end
                when mt.held_on >= ${recentStart} - interval '1 month' then case when mt.h % 100 < 3 then 'NONE' when mt.h % 100 < 5 then 'DRAFT' else 'SUBMIT' end
                else case when mt.h % 100 < case when mt.profile = 'WEAK' then 12 else 3 end then 'NONE' else 'SUBMIT' end
              end as fate,
              case when mt.h_dip < mt.dips then mt.dip + (mt.h_dip % 3) * 0.07
                   else mt.base + ((mt.h / 100) % 7 - 3) * 0.01 end as q,
              ((date_trunc('quarter', mt.held_on::timestamp) + interval '3 months')::date + 7 + mt.h_quarter % 22 + time '09:00'
                + make_interval(hours => (mt.h_quarter / 22) % 7)) at time zone 'Asia/Ho_Chi_Minh' as appraise_at,
              least(mt.held_at + make_interval(hours => 2 + (mt.h / 10000) % 3) + case when (mt.h / 10000) % 4 = 0 then interval '1 day' else interval '0' end, ${CAP}) as created_at
         from mt
         -- The set in force on the meeting date, as setInForce picks it: the province's latest, else the default's.
         cross join lateral (
           select cs.id as set_id, cs.good_min, cs.fair_min, cs.average_min from criteria_set cs
            where (cs.province_id = mt.province_id or cs.province_id is null) and cs.effective_from <= mt.held_on
            order by cs.province_id nulls last, cs.effective_from desc limit 1
         ) s
     ),
     voted as (
       select f.*,
              case when f.present >= 5 and f.h_votes % 100 < case when f.q < 0.6 then 35 else 8 end then 1 + case when f.q < 0.6 and f.h_votes % 3 = 0 then 1 else 0 end else 0 end as against_raw,
              case when f.present >= 6 and (f.h_votes / 100) % 100 < 6 then 1 else 0 end as abstain_raw,
              case when f.present >= 4 and (f.h_votes / 10000) % 100 < 10 then 1 else 0 end as not_voting_raw
         from fated f
     )
     select v.meeting_id, v.province_id, v.unit_id, v.unit_path, v.cell_path, v.kind, v.held_on, v.held_at, v.minutes_status, v.off_plan_reason,
            v.profile, v.adjust_percent, v.present, v.expected, v.recorded, v.h, v.set_id, v.good_min, v.fair_min, v.average_min, v.q, v.fate,
            case v.fate when 'DRAFT' then 'DRAFT' when 'SUBMIT' then case when v.appraise_at < ${CAP} and not v.demo_pending then 'APPRAISED' else 'SELF_ASSESSED' end end as state,
            -- Votes are taken at the meeting: drafts of meetings with attendance have them more often than not.
            case when v.fate = 'SUBMIT' or (v.fate = 'DRAFT' and v.recorded > 0 and v.h % 10 < 6) then true else false end as has_votes,
            case when (v.present - v.against_raw - v.abstain_raw - v.not_voting_raw) * 2 > v.present then v.against_raw else 0 end as votes_against,
            case when (v.present - v.against_raw - v.abstain_raw - v.not_voting_raw) * 2 > v.present then v.abstain_raw else 0 end as votes_abstain,
            case when (v.present - v.against_raw - v.abstain_raw - v.not_voting_raw) * 2 > v.present then v.present - v.against_raw - v.abstain_raw - v.not_voting_raw
                 else v.present end as votes_for,
            -- A draft without votes is still being scored: only its first criteria so far.
            case when v.fate = 'DRAFT' and not (v.recorded > 0 and v.h % 10 < 6) then 4 + (v.h / 100) % 5 end as scored_criteria,
            v.created_at,
            case when v.fate = 'SUBMIT' then least(v.created_at + make_interval(days => (v.h / 1000) % 3, hours => 1), ${CAP}) end as submitted_at,
            v.appraise_at,
            null::numeric as self_total, null::text as self_rating, null::numeric as appraised_total, null::text as appraised_rating,
            null::text as self_note, null::text as appraisal_comment, null::int as submitted_by_id, null::int as appraised_by_id
       from voted v`,
    [provinceId, today, today, today, today, today, today],
  );
  await execute(`update demo_ev_meeting set appraise_at = null where state is distinct from 'APPRAISED'`);
  await execute('alter table demo_ev_meeting add primary key (meeting_id)');
  // Who submitted (the cell's secretary, where the secretary has an account) and who appraised
  // (the closest organizer above the cell, who is not a member of it).
  await execute(
    `update demo_ev_meeting e set
       submitted_by_id = case when e.state in ('SELF_ASSESSED', 'APPRAISED') then (
         select a.id from account a join member_position p on p.member_id = a.member_id
          where p.unit_id = e.unit_id and p.position in ('SECRETARY', 'DEPUTY_SECRETARY') and p.started_on <= e.held_on and (p.ended_on is null or p.ended_on >= e.held_on)
          order by p.position = 'SECRETARY' desc, a.id limit 1) end,
       appraised_by_id = case when e.state = 'APPRAISED' then (
         select ra.account_id from role_assignment ra left join account a on a.id = ra.account_id left join member mb on mb.id = a.member_id
          where ra.role = 'ORGANIZER' and ra.revoked_at is null and ra.unit_path is not null
            and e.cell_path like ra.unit_path || '%' and e.cell_path <> ra.unit_path and (mb.id is null or mb.unit_id <> e.unit_id)
          order by length(ra.unit_path) desc, ra.account_id limit 1) end`,
  );
  await analyze('demo_ev_meeting');

  // --- scores per criterion: the meeting's quality with some spread, less where the facts say so.
  const lowered = `(values ${LOWERED_BECAUSE.map(([code, text]) => `(${quote(code)}, ${quote(text)})`).join(', ')}) as lb(code, text)`;
  await execute(
    `create temp table demo_ev_score as
     select e.meeting_id, cr.id as criterion_id, cr.code, cr.max_points,
            greatest(0, least(cr.max_points, round(2 * cr.max_points * (e.q + x.noise + x.penalty)) / 2))::numeric(6,2) as self_points,
            null::numeric(6,2) as appraised_points, null::text as appraisal_comment
       from demo_ev_meeting e
       join (select c.*, row_number() over (partition by c.set_id order by c.sort_order, c.id) as ordinal from criterion c) cr on cr.set_id = e.set_id
       cross join lateral (
         select ((${hash(`'ev-score-' || e.meeting_id || '-' || cr.code`, 9)}) - 4) * 0.025 as noise,
                case
                  when cr.code = 'HELD_ON_TIME' then
                    case when e.expected > 0 and e.present::numeric / e.expected < ${attendanceThreshold} then -0.3 else 0 end
                    + case when e.off_plan_reason is not null then -0.1 else 0 end
                  when cr.code = 'MINUTES' and e.minutes_status = 'DRAFT' then -0.15
                  else 0
                end as penalty
       ) x
      where e.fate <> 'NONE' and (e.scored_criteria is null or cr.ordinal <= e.scored_criteria)`,
  );
  await execute('alter table demo_ev_score add primary key (meeting_id, criterion_id)');
  // The appraisal adjusts one or two criteria of some evaluations (more of weaker cells), mostly
  // down, now and then up; a comment for each.
  await execute(
    `update demo_ev_score s set appraised_points = a.points, appraisal_comment = a.comment
       from (
         select s2.meeting_id, s2.criterion_id,
                case when up then least(s2.max_points, s2.self_points + 0.5 * (1 + k.h % 2))
                     else greatest(0, s2.self_points - 0.5 * (1 + k.h % 4 + case when e.profile in ('UNEVEN', 'WEAK') then 1 else 0 end)) end as points,
                case when up then ${quote(RAISED_BECAUSE)} else coalesce(lb.text, ${quote(LOWERED_FALLBACK)}) end as comment
           from demo_ev_score s2
           join demo_ev_meeting e on e.meeting_id = s2.meeting_id
           cross join lateral (
             select ${hash(`'ev-adjust-' || e.meeting_id`, 10000)} as h_eval,
                    ${hash(`'ev-adjust-' || e.meeting_id || '-' || s2.criterion_id`, 1000000)} as h
           ) k
           cross join lateral (select (k.h / 10) % 10 = 0 and s2.self_points < s2.max_points or s2.self_points = 0 as up) d
           left join ${lowered} on lb.code = s2.code
          where e.state = 'APPRAISED' and k.h_eval % 100 < e.adjust_percent
            -- The criteria with the lowest hashes of the evaluation: one, or two for some.
            and (select count(*) from demo_ev_score s3
                  where s3.meeting_id = s2.meeting_id
                    and ${hash(`'ev-adjust-' || s3.meeting_id || '-' || s3.criterion_id`, 1000000)} < k.h) < 1 + (k.h_eval / 100) % 2
       ) a
      where s.meeting_id = a.meeting_id and s.criterion_id = a.criterion_id`,
  );
  await analyze('demo_ev_score');

  // --- totals and ratings: scoring.ts, from the score rows, exactly as the service derives them.
  const evaluated = await execute(
    `select meeting_id, state, good_min, fair_min, average_min from demo_ev_meeting where fate <> 'NONE' order by meeting_id`,
  );
  const scoreRows = await execute('select meeting_id, criterion_id, self_points, appraised_points from demo_ev_score order by meeting_id, criterion_id');
  const linesOf = new Map<number, ScoreLine[]>();
  for (const r of scoreRows) {
    const id = Number(r.meeting_id);
    const lines = linesOf.get(id) ?? [];
    lines.push({ criterionId: Number(r.criterion_id), selfPoints: Number(r.self_points), appraisedPoints: r.appraised_points === null ? null : Number(r.appraised_points) });
    linesOf.set(id, lines);
  }
  const ids: number[] = [];
  const selfTotals: number[] = [];
  const selfRatings: string[] = [];
  const appraisedTotals: Array<number | null> = [];
  const appraisedRatings: Array<string | null> = [];
  for (const e of evaluated) {
    const id = Number(e.meeting_id);
    const lines = linesOf.get(id) ?? [];
    const thresholds = { goodMin: Number(e.good_min), fairMin: Number(e.fair_min), averageMin: Number(e.average_min) };
    const own = selfTotal(lines);
    const appraised = e.state === 'APPRAISED' ? appraisedTotal(lines) : null;
    ids.push(id);
    selfTotals.push(own);
    selfRatings.push(ratingOf(own, thresholds));
    appraisedTotals.push(appraised);
    appraisedRatings.push(appraised === null ? null : ratingOf(appraised, thresholds));
  }
  if (ids.length > 0) {
    await execute(
      `update demo_ev_meeting e set self_total = v.self_total, self_rating = v.self_rating, appraised_total = v.appraised_total, appraised_rating = v.appraised_rating
         from unnest(?::int[], ?::numeric[], ?::text[], ?::numeric[], ?::text[]) as v(meeting_id, self_total, self_rating, appraised_total, appraised_rating)
        where e.meeting_id = v.meeting_id`,
      [numberArray(ids), numberArray(selfTotals), textArrayLiteral(selfRatings), numberArray(appraisedTotals), textArrayLiteral(appraisedRatings)],
    );
  }
  // Notes: the cell's own on a bad meeting or with its vote; the appraiser's overall comment.
  await execute(
    `update demo_ev_meeting e set
       self_note = case
         when e.self_rating in ('AVERAGE', 'WEAK') then 'Chi bộ thẳng thắn nhận thiếu sót: chuẩn bị nội dung chưa kỹ, tỷ lệ đảng viên dự chưa cao; chi ủy đề ra biện pháp khắc phục ở kỳ sinh hoạt sau.'
         when e.has_votes and e.h % 10 = 0 then 'Chi bộ biểu quyết thông qua kết quả tự chấm điểm: ' || e.votes_for || '/' || e.present || ' đảng viên có mặt tán thành.'
       end,
       appraisal_comment = case
         when e.state <> 'APPRAISED' then null
         when e.appraised_rating = 'WEAK' then 'Chất lượng sinh hoạt chưa đạt yêu cầu. Đề nghị chi ủy kiểm điểm, rút kinh nghiệm; Đảng ủy cử đồng chí cấp ủy viên dự, chỉ đạo kỳ sinh hoạt sau.'
         when adj.n > 0 then 'Điều chỉnh điểm ' || adj.n || ' tiêu chí theo biên bản và hồ sơ sinh hoạt; đề nghị chi bộ rút kinh nghiệm.'
         when (e.h / 10) % 2 = 0 then 'Thống nhất với kết quả tự chấm điểm của chi bộ.'
       end
       from (select meeting_id, count(*) filter (where appraised_points is not null)::int as n from demo_ev_score group by meeting_id) adj
      where adj.meeting_id = e.meeting_id`,
  );

  // --- the evaluations, their scores and their steps (snapshots as snapshotOf builds them: the
  // score lines in criterion order, before and after the appraisal).
  await execute(
    `create temp table demo_ev_lines as
     select meeting_id,
            jsonb_agg(jsonb_build_object('criterionId', criterion_id, 'selfPoints', self_points::float8, 'appraisedPoints', null) order by criterion_id) as before_appraisal,
            jsonb_agg(jsonb_build_object('criterionId', criterion_id, 'selfPoints', self_points::float8, 'appraisedPoints', appraised_points::float8) order by criterion_id) as after_appraisal
       from demo_ev_score group by meeting_id`,
  );
  await execute('alter table demo_ev_lines add primary key (meeting_id)');
  const snapshot = (state: string, appraised: boolean): string =>
    `jsonb_build_object('state', ${quote(state)}, 'scores', coalesce(${appraised ? 'l.after_appraisal' : 'l.before_appraisal'}, '[]'::jsonb),
                        'selfTotal', e.self_total::float8, 'selfRating', e.self_rating,
                        'appraisedTotal', ${appraised ? 'e.appraised_total::float8' : 'null'}, 'appraisedRating', ${appraised ? 'e.appraised_rating' : 'null'},
                        'votes', case when e.has_votes then jsonb_build_object('for', e.votes_for, 'against', e.votes_against, 'abstain', e.votes_abstain) end,
                        'note', e.self_note, 'appraisalComment', ${appraised ? 'e.appraisal_comment' : 'null'})`;
  const [written] = await execute(
    `with ins as (
       insert into meeting_evaluation (province_id, unit_id, unit_path, meeting_id, meeting_kind, held_on, criteria_set_id, state,
                                       self_total, self_rating, appraised_total, appraised_rating, votes_for, votes_against, votes_abstain, self_note,
                                       submitted_at, submitted_by_id, appraised_at, appraised_by_id, appraisal_comment, version, created_at, updated_at)
       select e.province_id, e.unit_id, e.unit_path, e.meeting_id, e.kind, e.held_on, e.set_id, e.state,
              e.self_total, e.self_rating, e.appraised_total, e.appraised_rating,
              case when e.has_votes then e.votes_for end, case when e.has_votes then e.votes_against end, case when e.has_votes then e.votes_abstain end,
              e.self_note, e.submitted_at, e.submitted_by_id, e.appraise_at, e.appraised_by_id, e.appraisal_comment,
              -- The service's versions: created with scores 2, submitted 3, appraised 4.
              case e.state when 'DRAFT' then 2 when 'SELF_ASSESSED' then 3 else 4 end,
              e.created_at, coalesce(e.appraise_at, e.submitted_at, e.created_at)
         from demo_ev_meeting e where e.fate <> 'NONE'
        order by e.held_on, e.unit_id, e.kind
       returning id, meeting_id
     ),
     scores as (
       insert into meeting_evaluation_score (evaluation_id, criterion_id, self_points, appraised_points, appraisal_comment)
       select ins.id, s.criterion_id, s.self_points, s.appraised_points, s.appraisal_comment
         from ins join demo_ev_score s on s.meeting_id = ins.meeting_id
        order by ins.id, s.criterion_id
       returning 1
     ),
     steps as (
       insert into meeting_evaluation_step (evaluation_id, action, from_state, to_state, reason, snapshot, account_id, at)
       select ins.id, st.action, st.from_state, st.to_state, null, st.snapshot, st.account_id, st.at
         from ins
         join demo_ev_meeting e on e.meeting_id = ins.meeting_id
         left join demo_ev_lines l on l.meeting_id = ins.meeting_id
         cross join lateral (
           values (1, 'CREATED', null, 'DRAFT', ${snapshot('DRAFT', false)}, e.submitted_by_id, e.created_at),
                  (2, 'SUBMITTED', 'DRAFT', 'SELF_ASSESSED', ${snapshot('SELF_ASSESSED', false)}, e.submitted_by_id, e.submitted_at),
                  (3, 'APPRAISED', 'SELF_ASSESSED', 'APPRAISED', ${snapshot('APPRAISED', true)}, e.appraised_by_id, e.appraise_at)
         ) as st(ordinal, action, from_state, to_state, snapshot, account_id, at)
        where st.ordinal = 1 or (st.ordinal = 2 and e.state in ('SELF_ASSESSED', 'APPRAISED')) or (st.ordinal = 3 and e.state = 'APPRAISED')
        order by ins.id, st.ordinal
       returning 1
     )
     select (select count(*) from ins)::int as evaluations, (select count(*) from scores)::int as scores, (select count(*) from steps)::int as steps`,
  );

  // --- the year's ratings of each cell, as period-ratings.ts computes them (regular meetings,
  // submitted, appraised totals where appraised; shares of the latest set's thresholds).
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  await execute(
    `create temp table demo_ev_cellyear as
     with ev as (
       select e.unit_id, extract(month from e.held_on)::int as month, e.held_on, e.id,
              coalesce(e.appraised_total, e.self_total) / mx.max_total as share,
              s.good_min / mx.max_total as good_share, s.fair_min / mx.max_total as fair_share, s.average_min / mx.max_total as average_share
         from meeting_evaluation e
         join criteria_set s on s.id = e.criteria_set_id
         cross join lateral (select sum(c.max_points) as max_total from criterion c where c.set_id = s.id) mx
        where e.province_id = ? and e.meeting_kind = 'REGULAR' and e.state <> 'DRAFT' and e.held_on between ?::date and ?::date
     ),
     months as (
       select unit_id, month, avg(share) as share,
              (array_agg(fair_share order by held_on desc, id desc))[1] as fair_share,
              (array_agg(average_share order by held_on desc, id desc))[1] as average_share
         from ev group by unit_id, month
     ),
     yr as (
       select unit_id, avg(share) as share,
              (array_agg(good_share order by held_on desc, id desc))[1] as good_share,
              (array_agg(fair_share order by held_on desc, id desc))[1] as fair_share,
              (array_agg(average_share order by held_on desc, id desc))[1] as average_share
         from ev group by unit_id
     )
     select c.id, c.path, c.parent_id, c.profile, c.decider_id, coalesce(yr.share, 0) as share,
            case when yr.share is null then null
                 when yr.share + 1e-9 >= yr.good_share then 'GOOD' when yr.share + 1e-9 >= yr.fair_share then 'FAIR'
                 when yr.share + 1e-9 >= yr.average_share then 'AVERAGE' else 'WEAK' end as year_rating,
            (select count(*) from months mo where mo.unit_id = c.id and mo.share + 1e-9 < mo.average_share)::int as weak_months,
            (select count(*) from months mo where mo.unit_id = c.id and mo.share + 1e-9 < mo.fair_share)::int as below_fair_months,
            (select count(distinct date_trunc('month', m.held_on::timestamp)) from meeting m
              where m.unit_id = c.id and m.status = 'HELD' and m.kind = 'REGULAR' and m.held_on between ?::date and ?::date)::int as regular_months
       from demo_ev_cell c left join yr on yr.unit_id = c.id`,
    [provinceId, from, to, from, to],
  );
  await analyze('demo_ev_cellyear');

  // --- who decides, under which decision, when: a number and a date per committee from the
  // PRNG; the smallest committee has decided but not yet published.
  await execute(
    `create temp table demo_ev_decider as
     select u.id, u.kind, u.path, count(c.id)::int as cells, null::text as org_ref, null::text as member_ref, null::text as head_ref, null::text as four_good_ref,
            null::timestamptz as decided_at, null::timestamptz as published_at,
            (select ra.account_id from role_assignment ra where ra.role = 'ORGANIZER' and ra.revoked_at is null and ra.unit_path is not null and u.path like ra.unit_path || '%'
              order by length(ra.unit_path) desc, ra.account_id limit 1) as account_id
       from org_unit u left join demo_ev_cell c on c.decider_id = u.id
      where u.id = ? or (u.province_id = ? and u.kind in ${sqlList(COMMITTEE_KINDS)} and u.status = 'ACTIVE')
      group by u.id, u.kind, u.path`,
    [provinceId, provinceId],
  );
  const deciders = await execute('select id, kind, cells from demo_ev_decider order by path');
  const decidedBase = Date.UTC(year, 11, 18);
  const capMs = Date.parse(`${today}T00:00:00+07:00`);
  const lateCandidates = deciders.filter((d) => Number(d.cells) > 0 && Number(d.id) !== provinceId);
  const fewest = Math.min(...lateCandidates.map((d) => Number(d.cells)));
  const smallest = lateCandidates.filter((d) => Number(d.cells) === fewest);
  const late = smallest.length > 0 ? Number(smallest[int(rng, 0, smallest.length - 1)]?.id) : null;
  const used = new Set<number>();
  const number = (): number => {
    for (;;) {
      const value = int(rng, 10, 95);
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };
  for (const d of deciders) {
    const id = Number(d.id);
    const suffix = id === provinceId ? 'QĐ/TU' : d.kind === 'BLOC_COMMITTEE' ? 'QĐ/ĐUK' : 'QĐ/ĐU';
    const first = number();
    // Decided between 18 December and mid-January at 14:00, published a few days later.
    const decidedAt = Math.min(decidedBase + int(rng, 0, 27) * 86_400_000 + 7 * 3_600_000, capMs - 3_600_000);
    const publishedAt = id === late ? null : Math.min(decidedAt + int(rng, 2, 8) * 86_400_000 - 4 * 3_600_000, capMs - 1_800_000);
    await execute(
      `update demo_ev_decider set org_ref = ?, member_ref = ?, head_ref = ?, four_good_ref = ?, decided_at = ?::timestamptz, published_at = ?::timestamptz where id = ?`,
      [`${first}-${suffix}`, `${first + 1}-${suffix}`, `${first}-${suffix}`, `${first + 2}-${suffix}`, new Date(decidedAt).toISOString(),
        publishedAt === null ? null : new Date(publishedAt).toISOString(), id],
    );
  }
  await analyze('demo_ev_decider');

  // --- grades: organisations (cells), members and committee heads, with the level each earned
  // ("base"), what was proposed, and the state.
  const capSql = cap === null ? 'null::numeric' : String(cap);
  await execute(
    `create temp table demo_ev_grade as
     with cell_grades as (
       select 'ORGANISATION'::text as subject_kind, cy.id as unit_id, cy.path as unit_path, null::int as member_id, cy.parent_id as group_id, cy.decider_id,
              case
                when cy.year_rating is null then 'COMPLETED'
                when cy.year_rating = 'WEAK' or cy.weak_months >= 4 then 'NOT_COMPLETED'
                when cy.weak_months >= 1 or cy.year_rating = 'AVERAGE' or cy.regular_months <= 9 then 'COMPLETED'
                when cy.year_rating = 'GOOD' and cy.below_fair_months = 0 and cy.regular_months = 12 then 'EXCELLENT'
                else 'GOOD'
              end as base,
              cy.share as merit, ${hash(`'grade-cell-' || cy.id`, 100)} as h, false as pending,
              case when cy.weak_months >= 1 then 'Có ' || cy.weak_months || ' tháng chất lượng sinh hoạt xếp loại yếu.'
                   when cy.regular_months <= 9 then 'Không duy trì sinh hoạt thường kỳ đủ 12 tháng.' end as reason,
              (select a.id from account a join member_position p on p.member_id = a.member_id
                where p.unit_id = cy.id and p.position = 'SECRETARY' and p.started_on <= ?::date and (p.ended_on is null or p.ended_on >= ?::date)
                order by a.id limit 1) as proposer_id
         from demo_ev_cellyear cy
     ),
     member_facts as (
       select mb.id, mb.unit_id, mb.unit_path, c.parent_id, c.decider_id, c.profile, cy.year_rating,
              coalesce(a.present, 0) as present, coalesce(a.excused, 0) as excused, coalesce(a.unexcused, 0) as unexcused,
              coalesce(a.exempt, 0) as exempt, coalesce(a.total, 0) as total,
              coalesce(t.overdue, 0) as overdue,
              exists (select 1 from member_position p where p.member_id = mb.id and p.started_on <= ?::date and (p.ended_on is null or p.ended_on >= ?::date)
                        and p.position in ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER', 'STANDING_COMMITTEE_MEMBER')) as office,
              exists (select 1 from member_position p where p.member_id = mb.id and p.unit_id = mb.unit_id and p.position = 'SECRETARY'
                        and p.started_on <= ?::date and (p.ended_on is null or p.ended_on >= ?::date)) as secretary,
              ${hash(`'grade-member-' || mb.id`, 1000)} as h
         from member mb
         join demo_ev_cell c on c.id = mb.unit_id
         left join demo_ev_cellyear cy on cy.id = c.id
         left join lateral (
           select count(*) filter (where a.status = 'PRESENT') as present, count(*) filter (where a.status = 'ABSENT_EXCUSED') as excused,
                  count(*) filter (where a.status = 'ABSENT_UNEXCUSED') as unexcused, count(*) filter (where a.status = 'EXEMPT') as exempt, count(*) as total
             from meeting_attendance a join meeting m on m.id = a.meeting_id
            where a.member_id = mb.id and m.held_on between ?::date and ?::date
         ) a on true
         left join lateral (
           select count(*) as overdue from meeting_task t join meeting m on m.id = t.meeting_id
            where t.owner_id = mb.id and m.held_on between ?::date and ?::date and t.status <> 'DONE' and t.deadline <= ?::date
         ) t on true
        where mb.admission_date <= ?::date and mb.status in ('OFFICIAL', 'PROBATIONARY')
          -- Exempt from party work and meetings all year (miễn sinh hoạt): not graded.
          and not (coalesce(a.total, 0) > 0 and a.exempt = a.total)
     ),
     member_grades as (
       select 'MEMBER'::text, f.unit_id, f.unit_path, f.id, f.parent_id, f.decider_id,
              case
                when f.unexcused >= 3 and f.present < 0.6 * (f.present + f.excused + f.unexcused) then 'NOT_COMPLETED'
                when f.h < 6 then 'NOT_COMPLETED'
                when f.present < 0.75 * (f.present + f.excused + f.unexcused) or f.unexcused >= 2 or f.overdue > 0 or f.h % 100 < 4 then 'COMPLETED'
                when f.year_rating = 'WEAK' and (f.secretary or f.h % 100 < 35) then 'COMPLETED'
                when f.present >= 0.95 * (f.present + f.excused + f.unexcused) and f.unexcused = 0 and f.year_rating in ('GOOD', 'FAIR')
                     and (f.office and f.h % 100 < 70 or f.h % 100 < 12) then 'EXCELLENT'
                else 'GOOD'
              end,
              (case when f.office then 1 else 0 end) + f.present::numeric / greatest(1, f.present + f.excused + f.unexcused) + (f.h % 100) / 1000.0,
              f.h % 100,
              -- A few grades wait for a missing paper; never a demo account's own (it shows published).
              (${hash(`'grade-pending-' || f.id`, 100)}) < 2 and not exists (select 1 from account a where a.member_id = f.id),
              case when f.h < 6 then 'Bị thi hành kỷ luật khiển trách trong năm.'
                   when f.unexcused >= 2 then 'Vắng sinh hoạt không có lý do ' || f.unexcused || ' kỳ.'
                   when f.present < 0.75 * (f.present + f.excused + f.unexcused) then 'Vắng sinh hoạt nhiều kỳ (' || (f.excused + f.unexcused) || '/' || (f.present + f.excused + f.unexcused) || ').'
                   when f.overdue > 0 then 'Chưa hoàn thành nhiệm vụ được chi bộ phân công đúng hạn.'
                   when f.year_rating = 'WEAK' then 'Chi bộ yếu kém; đảng viên chưa phát huy vai trò trong sinh hoạt chi bộ.' end,
              coalesce((select a.id from account a where a.member_id = f.id order by a.id limit 1),
                       (select a.id from account a join member_position p on p.member_id = a.member_id
                         where p.unit_id = f.unit_id and p.position = 'SECRETARY' and p.started_on <= ?::date and (p.ended_on is null or p.ended_on >= ?::date)
                         order by a.id limit 1))
         from member_facts f
     ),
     head_grades as (
       -- The secretary of each committee in office at the year's end (graded by the committee above).
       select distinct on (u.id) 'COMMITTEE_HEAD'::text, u.id, u.path, p.member_id, u.parent_id,
              ${deciderOf('u.path')},
              case when (select count(*) filter (where cy.year_rating = 'GOOD')::numeric / nullif(count(*), 0) from demo_ev_cellyear cy where cy.path like u.path || '%') >= 0.8
                   then 'EXCELLENT' else 'GOOD' end,
              (select avg(cy.share) from demo_ev_cellyear cy where cy.path like u.path || '%'),
              ${hash(`'grade-head-' || u.id`, 100)}, false, null::text,
              (select ra.account_id from role_assignment ra where ra.role = 'ORGANIZER' and ra.revoked_at is null and ra.unit_id = u.id order by ra.account_id limit 1)
         from org_unit u
         join member_position p on p.unit_id = u.id and p.position = 'SECRETARY' and p.started_on <= ?::date and (p.ended_on is null or p.ended_on >= ?::date)
        where u.province_id = ? and u.kind in ${sqlList(COMMITTEE_KINDS)} and u.status = 'ACTIVE'
        order by u.id, p.started_on desc, p.member_id
     ),
     graded as (
       select * from cell_grades
       union all select * from member_grades
       union all select * from head_grades
     )
     select g.subject_kind, g.unit_id, g.unit_path, g.member_id, g.group_id, g.decider_id, g.base, g.merit, g.h, g.reason, g.proposer_id,
            -- Some propose themselves a level higher than they get; the rest propose what they earned.
            case when g.base = 'COMPLETED' and g.h % 100 < 25 then 'GOOD' when g.base = 'NOT_COMPLETED' and g.h % 100 < 50 then 'COMPLETED' else g.base end as proposed_level,
            case when g.pending then 'PROPOSED' when d.published_at is null then 'DECIDED' else 'PUBLISHED' end as state,
            null::text as decided_level
       from graded g join demo_ev_decider d on d.id = g.decider_id`,
    [to, from, to, from, to, from, from, to, from, to, to, to, to, from, to, from, provinceId],
  );
  // The province's cap per group (the grades of one kind whose units share a parent, decided or
  // published): the best excellent candidates keep it, the others are decided good.
  await execute(
    `update demo_ev_grade g set decided_level = case when g.base = 'EXCELLENT' and r.rank > r.allowed then 'GOOD' else g.base end
       from (
         select x.subject_kind, x.unit_id, coalesce(x.member_id, 0) as member_id,
                row_number() over (partition by x.subject_kind, x.group_id order by x.base = 'EXCELLENT' desc, x.merit desc nulls last, x.h, x.unit_id, x.member_id) as rank,
                coalesce(floor(${capSql} * count(*) filter (where x.base in ('EXCELLENT', 'GOOD')) over (partition by x.subject_kind, x.group_id) + 1e-9), 1e9) as allowed
           from demo_ev_grade x where x.state <> 'PROPOSED'
       ) r
      where g.subject_kind = r.subject_kind and g.unit_id = r.unit_id and coalesce(g.member_id, 0) = r.member_id`,
  );
  const capText = cap === null ? '' : `${Math.round(cap * 100)}%`;
  const [graded] = await execute(
    `with ins as (
       insert into annual_grade (province_id, year, subject_kind, unit_id, unit_path, member_id, state, proposed_level, proposal_note, proposed_by_id, proposed_at,
                                 decided_level, decision_ref, decision_note, decided_by_id, decided_at, published_at, published_by_id, version, created_at, updated_at)
       select ?, ?, g.subject_kind, g.unit_id, g.unit_path, g.member_id, g.state, g.proposed_level,
              case when g.state = 'PROPOSED' then case when u.cell_type = 'RESIDENTIAL' then 'Chờ đảng viên bổ sung bản tự kiểm điểm.'
                                                     else 'Chờ ý kiến nhận xét của chi ủy nơi cư trú.' end end,
              g.proposer_id, p.at,
              g.decided_level,
              case when g.state <> 'PROPOSED' then case g.subject_kind when 'MEMBER' then d.member_ref when 'COMMITTEE_HEAD' then d.head_ref else d.org_ref end end,
              case
                when g.state = 'PROPOSED' then null
                when g.proposed_level = 'EXCELLENT' and g.decided_level = 'GOOD'
                  then ${quote(`Đề xuất hoàn thành xuất sắc nhiệm vụ; số được xếp loại hoàn thành xuất sắc không vượt quá ${capText} số hoàn thành tốt nhiệm vụ trở lên.`)}
                when g.proposed_level <> g.decided_level or g.decided_level in ('COMPLETED', 'NOT_COMPLETED')
                  then coalesce(g.reason, 'Còn hạn chế trong thực hiện nhiệm vụ được giao.')
              end,
              case when g.state <> 'PROPOSED' then d.account_id end,
              case when g.state <> 'PROPOSED' then d.decided_at end,
              case when g.state = 'PUBLISHED' then d.published_at end,
              case when g.state = 'PUBLISHED' then d.account_id end,
              case g.state when 'PROPOSED' then 1 when 'DECIDED' then 2 else 3 end,
              p.at, coalesce(case when g.state = 'PUBLISHED' then d.published_at end, case when g.state <> 'PROPOSED' then d.decided_at end, p.at)
         from demo_ev_grade g
         join org_unit u on u.id = g.unit_id
         join demo_ev_decider d on d.id = g.decider_id
         -- Self-assessments and proposals in the first half of December.
         cross join lateral (select least((make_date(?, 12, 1 + g.h % 15) + time '08:00' + make_interval(mins => (g.h * 7) % 480)) at time zone 'Asia/Ho_Chi_Minh',
                                          d.decided_at - interval '2 days', ${CAP}) as at) p
        order by g.subject_kind desc, g.unit_path, g.member_id
       returning 1
     )
     select count(*)::int as n from ins`,
    [provinceId, year, year, today],
  );

  // --- four-good results of the year: cells, and grassroots and commune committees.
  const [fourGood] = await execute(
    `with units as (
       select u.id, u.path, u.kind, u.kind in ('CELL', 'GRASSROOTS_CELL') as is_cell from org_unit u
        where u.province_id = ? and u.status = 'ACTIVE' and (u.id in (select id from demo_ev_cell) or u.kind in ${sqlList(FOUR_GOOD_COMMITTEE_KINDS)})
     ),
     facts as (
       select un.id, un.path, un.is_cell, ${deciderOf('un.path')} as decider_id,
              ${hash(`'four-good-' || un.id`, 100)} as h,
              (select count(*) filter (where cy.year_rating = 'GOOD')::numeric / nullif(count(*), 0) from demo_ev_cellyear cy where cy.path like un.path || '%') as good_meetings,
              (select count(*) filter (where cy.year_rating = 'WEAK') from demo_ev_cellyear cy where cy.path like un.path || '%') as weak_cells,
              (select count(*) filter (where coalesce(g.decided_level, g.proposed_level) in ('EXCELLENT', 'GOOD'))::numeric / nullif(count(*), 0)
                 from annual_grade g where g.year = ? and g.subject_kind = 'ORGANISATION' and g.unit_path like un.path || '%') as good_cells,
              (select count(*) filter (where coalesce(g.decided_level, g.proposed_level) in ('EXCELLENT', 'GOOD'))::numeric / nullif(count(*), 0)
                 from annual_grade g where g.year = ? and g.subject_kind = 'MEMBER' and g.unit_path like un.path || '%') as good_members,
              (select count(*) from annual_grade g where g.year = ? and g.subject_kind = 'MEMBER' and g.unit_path like un.path || '%'
                  and coalesce(g.decided_level, g.proposed_level) = 'NOT_COMPLETED') as failed_members
         from units un
     ),
     judged as (
       select f.*,
              case when f.is_cell then f.good_cells = 1 else f.good_cells >= 0.8 end as political_task,
              case when f.is_cell then f.good_meetings = 1 else f.good_meetings >= 0.66 and f.weak_cells = 0 end as meeting_quality,
              f.h >= 5 as unity_discipline,
              case when f.is_cell then f.failed_members = 0 and f.good_members >= 0.8 else f.good_members >= 0.85 end as cadres_members
         from facts f
     ),
     ins as (
       insert into four_good_assessment (province_id, unit_id, unit_path, year, political_task, meeting_quality, unity_discipline, cadres_members,
                                         note, decision_ref, assessed_by_id, version, created_at, updated_at)
       select ?, j.id, j.path, ?, coalesce(j.political_task, false), coalesce(j.meeting_quality, false), coalesce(j.unity_discipline, false), coalesce(j.cadres_members, false),
              case when coalesce(j.political_task and j.meeting_quality and j.unity_discipline and j.cadres_members, false) then null
                   else 'Chưa đạt: ' || array_to_string(array_remove(array[
                          case when not coalesce(j.political_task, false) then 'lãnh đạo thực hiện nhiệm vụ chính trị' end,
                          case when not coalesce(j.meeting_quality, false) then 'chất lượng sinh hoạt' end,
                          case when not coalesce(j.unity_discipline, false) then 'đoàn kết, kỷ luật' end,
                          case when not coalesce(j.cadres_members, false) then 'cán bộ, đảng viên' end], null), '; ') || '.' end,
              case when coalesce(j.political_task and j.meeting_quality and j.unity_discipline and j.cadres_members, false) then d.four_good_ref end,
              d.account_id, 1, least(d.decided_at + interval '1 day', ${CAP}), least(d.decided_at + interval '1 day', ${CAP})
         from judged j join demo_ev_decider d on d.id = j.decider_id
        order by j.path
       returning 1
     )
     select count(*)::int as n from ins`,
    [provinceId, year, year, year, provinceId, year, today, today],
  );

  await checkGradeRules(execute, provinceId, year, cap, noWeakMonth);
  for (const table of TEMP_TABLES) await execute(`drop table if exists pg_temp.${table}`);
  return {
    evaluations: Number(written?.evaluations ?? 0),
    scores: Number(written?.scores ?? 0),
    steps: Number(written?.steps ?? 0),
    gradedYear: year,
    grades: Number(graded?.n ?? 0),
    fourGood: Number(fourGood?.n ?? 0),
  };
}

/**
 * The seeded decisions must pass the checks decideAnnualGrades would make (grade-constraints.ts):
 * the share of excellent per group, and no excellent cell with a month rated weak (by periodRating).
 */
async function checkGradeRules(execute: Execute, provinceId: number, year: number, cap: number | null, noWeakMonth: boolean): Promise<void> {
  if (cap !== null) {
    const breaches = await execute(
      `select subject_kind, regexp_replace(unit_path, '[0-9]+/$', '') as parent,
              count(*) filter (where decided_level = 'EXCELLENT')::int as excellent, count(*) filter (where decided_level = 'GOOD')::int as good
         from annual_grade where province_id = ? and year = ? and state <> 'PROPOSED'
        group by 1, 2
       having count(*) filter (where decided_level = 'EXCELLENT') > ? * count(*) filter (where decided_level in ('EXCELLENT', 'GOOD')) + 1e-9`,
      [provinceId, year, cap],
    );
    if (breaches.length > 0) throw new Error(`seedDemoEvaluations: excellent share above the cap in ${JSON.stringify(breaches)}`);
  }
  if (!noWeakMonth) return;
  const rows = await execute(
    `select e.unit_id, extract(month from e.held_on)::int as month, coalesce(e.appraised_total, e.self_total) as total,
            mx.max_total, s.good_min, s.fair_min, s.average_min
       from annual_grade g
       join org_unit u on u.id = g.unit_id and u.kind in ('CELL', 'GRASSROOTS_CELL')
       join meeting_evaluation e on e.unit_id = g.unit_id and e.meeting_kind = 'REGULAR' and e.state <> 'DRAFT' and e.held_on between ?::date and ?::date
       join criteria_set s on s.id = e.criteria_set_id
       cross join lateral (select sum(c.max_points) as max_total from criterion c where c.set_id = s.id) mx
      where g.province_id = ? and g.year = ? and g.subject_kind = 'ORGANISATION' and g.decided_level = 'EXCELLENT'
      order by e.unit_id, e.held_on, e.id`,
    [`${year}-01-01`, `${year}-12-31`, provinceId, year],
  );
  const byMonth = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${String(r.unit_id)}-${String(r.month)}`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), r]);
  }
  for (const [key, monthRows] of byMonth) {
    const latest = monthRows[monthRows.length - 1];
    if (latest === undefined) continue;
    const result = periodRating(
      monthRows.map((r) => ({ total: Number(r.total), maxTotal: Number(r.max_total) })),
      { goodMin: Number(latest.good_min), fairMin: Number(latest.fair_min), averageMin: Number(latest.average_min), maxTotal: Number(latest.max_total) },
    );
    if (result?.rating === MeetingRating.WEAK) throw new Error(`seedDemoEvaluations: an excellent cell has a weak month (${key})`);
  }
}
