import { argon2id, hash } from 'argon2';
import type { Client } from 'pg';
import { createAccount } from '../lib/accounts';
import { bulkLoadSettings, inTransaction, loadInBulk, vacuumAnalyze } from '../lib/bulk-load';
import { benchProvinceCode, foundationSizes, generateFoundation, type FoundationGeneration, type FoundationSizes } from './foundation';

/**
 * The meetings dataset: the foundation province (1 province, 100 communes, 2,000 cells, 60,000
 * members) plus 24 months of cell meetings, generated inside PostgreSQL with generate_series:
 *
 * - one REGULAR meeting per cell and month (~48,000), 5% of cell-months without one; most on
 *   the planned day (the 3rd), some elsewhere in the first week with a reason, a few later;
 * - one THEMATIC meeting per cell and quarter with a topic (about a third on Hồ Chí Minh's
 *   thought), 10% of cell-quarters without one;
 * - attendance for every member of the cell on the meeting date (by their membership periods) at
 *   each regular meeting (~1.4 million rows), ~90% present, the absence rate varying by cell so that some meetings
 *   fall under the 85% threshold; 1% of members exempt. Thematic meetings carry no attendance
 *   rows (compliance reads attendance of regular meetings only; the issue's 1.4 million are
 *   those);
 * - an ANALYST account at the province (bench.analyst), whom the meetings scenarios log in as.
 *
 * The SQL (meetingsSql, insertMeetings) serves any province of generated cells, members and
 * memberships: the statistics dataset reuses it with its own MeetingsShape.
 *
 * Deterministic like the foundation: every choice is a hash (hashtext) of ids and dates or a
 * fixed function of an ordinal, never random(). The months are the 24 before the current one
 * (Vietnam date), so the last full calendar year of the data is always last year.
 */

export interface MeetingsSizes {
  /** Months of meetings, ending with the month before the current one. */
  months: number;
  /** Cell-months without a regular meeting, per thousand. */
  regularMissingPerMille: number;
  /** Cell-quarters without a thematic meeting, per thousand. */
  thematicMissingPerMille: number;
}

export const meetingsSizes: MeetingsSizes = { months: 24, regularMissingPerMille: 50, thematicMissingPerMille: 100 };

/** ANALYST at the bench province: aggregates (compliance) over the whole province. */
export const benchAnalyst = { username: 'bench.analyst', password: 'bench-password' } as const;

export interface MeetingsGeneration extends MeetingFigures {
  foundation: FoundationGeneration;
  meetingSizes: MeetingsSizes;
  /** Wall time of the meetings transaction (meetings, topics, attendance, the analyst), ms. */
  meetingsMs: number;
  /** Of which: the attendance INSERT, ms. */
  attendanceMs: number;
  /** Wall time of VACUUM (ANALYZE) after the meetings, ms. */
  meetingsVacuumAnalyzeMs: number;
}

/** Today's date in Vietnam (UTC+7, no daylight saving), as the server counts "the current month". */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The last calendar year wholly inside the data: the scenarios measure it. */
export function lastFullYear(today: string = vietnamToday()): number {
  return Number(today.slice(0, 4)) - 1;
}

function checkSizes(sizes: MeetingsSizes): void {
  for (const [key, value] of Object.entries(sizes)) {
    // Interpolated into SQL text: plain non-negative integers only.
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`meetings size ${key} must be a non-negative integer, got ${String(value)}`);
  }
  if (sizes.months < 12) throw new Error('meetings size months must be at least 12 (the scenarios measure a full year)');
}

const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

const h = (key: string, mod: number): string => `(abs(hashtext(${key})::bigint) % ${mod})::int`;
const day = (expr: string): string => `to_char((${expr})::timestamp, 'YYYY-MM-DD')`;

/** Topics by slot (1 in 3 Hồ Chí Minh, as in Phong Thổ's 179 of 563). */
const topicSlots = [
  'HO_CHI_MINH', 'PARTY_BUILDING', 'NEW_RURAL', 'HO_CHI_MINH', 'DEGRADATION', 'COMPETENCE',
  'HO_CHI_MINH', 'ANTI_CORRUPTION', 'DIRECTIVES', 'HO_CHI_MINH', 'HELPING_HOUSEHOLDS', 'PROFESSIONAL_WORK',
];

/** Which province's cells meet, and the details in which datasets differ. */
export interface MeetingsShape {
  /** org_unit.code of the province whose active cells hold the meetings. */
  provinceCode: string;
  /** Thematic meetings with a second topic, per thousand (0: one topic each). */
  secondTopicPerMille: number;
  /** Attendance rows on thematic meetings too, not only on regular ones. */
  thematicAttendance: boolean;
  /** 1% of members (id % 100 = 7) EXEMPT on every roster (without exemption periods). */
  exemptOnePercent: boolean;
}

/** The meetings suite's: compliance reads attendance of regular meetings only (the issue's 1.4 million are those). */
export const benchMeetingsShape: MeetingsShape = { provinceCode: benchProvinceCode, secondTopicPerMille: 0, thematicAttendance: false, exemptOnePercent: true };

/** One generator statement, timed by name. */
export interface SqlStep {
  name: string;
  sql: string;
  /** Takes today's Vietnam date as $1. */
  today: boolean;
}

function checkShape(shape: MeetingsShape): void {
  // Interpolated into SQL text: a plain code and a per-mille integer only.
  if (!/^[A-Za-z0-9_-]{1,20}$/.test(shape.provinceCode)) throw new Error(`unsafe province code: ${shape.provinceCode}`);
  if (!Number.isSafeInteger(shape.secondTopicPerMille) || shape.secondTopicPerMille < 0 || shape.secondTopicPerMille > 1000) {
    throw new Error(`secondTopicPerMille must be an integer from 0 to 1000, got ${String(shape.secondTopicPerMille)}`);
  }
}

/**
 * The statements that add the meetings to a database holding the province's cells, members and
 * memberships, in order; run them in one transaction. `$1` is today's Vietnam date in each
 * statement that takes it.
 */
export function meetingsSql(sizes: MeetingsSizes, shape: MeetingsShape = benchMeetingsShape): SqlStep[] {
  checkSizes(sizes);
  checkShape(shape);
  const province = `(select id from org_unit where kind = 'PROVINCE' and code = '${shape.provinceCode}')`;
  const steps: SqlStep[] = [
    {
      name: 'months',
      today: true,
      sql: `
create temp table bench_month on commit drop as
select g::date as first_day, (g + interval '1 month - 1 day')::date as last_day, (g + interval '2 days')::date as planned_on
  from generate_series(date_trunc('month', $1::date::timestamp) - interval '${sizes.months} months',
                       date_trunc('month', $1::date::timestamp) - interval '1 month', interval '1 month') g`,
    },
    {
      // The active cells with their chair (first current member) and minutes-taker (second) and an absence habit.
      name: 'cells',
      today: false,
      sql: `
create temp table bench_cell on commit drop as
select c.id, c.province_id, c.path, c.name, m.ids[1] as chair_id, m.ids[2] as taker_id,
       -- Absences per thousand member-meetings: 40 to 159 by cell (mean ~100: ~90% present).
       40 + ${h(`'absence-' || c.id`, 120)} as absence
  from org_unit c
  join (select unit_id, array_agg(id order by id) as ids from member
         where province_id = ${province} and status in ('PROBATIONARY', 'OFFICIAL') group by unit_id) m on m.unit_id = c.id
 where c.province_id = ${province} and c.kind in ('CELL', 'GRASSROOTS_CELL') and c.status = 'ACTIVE'`,
    },
    {
      name: 'regular meetings',
      today: false,
      sql: `
insert into meeting (province_id, unit_id, unit_path, kind, format, status, scheduled_at, held_at, held_on, place,
                     chair_id, minutes_taker_id, agenda, duration_minutes, minutes, resolution, minutes_status,
                     minutes_finalised_at, off_plan_reason, created_at, updated_at)
select c.province_id, c.id, c.path, 'REGULAR', 'IN_PERSON', 'HELD', d.held_at, d.held_at, d.held_on, 'Hoi truong ' || c.name,
       c.chair_id, c.taker_id,
       jsonb_build_array('Đánh giá kết quả thực hiện nhiệm vụ tháng trước', 'Triển khai nhiệm vụ tháng ' || to_char(d.held_on, 'MM/YYYY')),
       90 + x.pick % 61,
       'Biên bản sinh hoạt chi bộ thường kỳ tháng ' || to_char(d.held_on, 'MM/YYYY'),
       'Nghị quyết chi bộ tháng ' || to_char(d.held_on, 'MM/YYYY'),
       'FINALISED', d.held_at + interval '2 days', d.reason, d.held_at - interval '7 days', d.held_at + interval '2 days'
  from bench_cell c
  cross join bench_month mo
  cross join lateral (select ${h(`'regular-' || c.id || '-' || ${day('mo.first_day')}`, 1000)} as skip,
                             ${h(`'day-' || c.id || '-' || ${day('mo.first_day')}`, 100)} as pick) x
  cross join lateral (
    select case when x.pick < 90 then mo.planned_on
                when x.pick < 98 then mo.first_day + case when x.pick % 6 < 2 then x.pick % 6 else x.pick % 6 + 1 end
                else mo.first_day + 7 + x.pick % 7 end as held_on,
           case when x.pick < 90 then null
                when x.pick < 98 then 'Trùng lịch công tác'
                else 'Lùi lịch do mưa lũ' end as reason
  ) r
  cross join lateral (select r.held_on, r.reason, (r.held_on + time '08:00') at time zone 'Asia/Ho_Chi_Minh' as held_at) d
 where x.skip >= ${sizes.regularMissingPerMille}
 order by mo.first_day, c.id`,
    },
    {
      name: 'thematic meetings',
      today: false,
      sql: `
insert into meeting (province_id, unit_id, unit_path, kind, format, status, scheduled_at, held_at, held_on, place,
                     chair_id, minutes_taker_id, agenda, content, duration_minutes, minutes, resolution, minutes_status,
                     minutes_finalised_at, created_at, updated_at)
select c.province_id, c.id, c.path, 'THEMATIC', 'IN_PERSON', 'HELD', d.held_at, d.held_at, t.held_on, 'Hoi truong ' || c.name,
       c.chair_id, c.taker_id,
       jsonb_build_array('Báo cáo chuyên đề', 'Thảo luận, liên hệ thực tiễn', 'Kết luận'),
       'Sinh hoạt chuyên đề quý ' || extract(quarter from t.held_on) || '/' || extract(year from t.held_on),
       90 + t.pick % 61, 'Biên bản sinh hoạt chuyên đề', 'Kết luận của chi bộ', 'FINALISED',
       d.held_at + interval '2 days', d.held_at - interval '7 days', d.held_at + interval '2 days'
  from bench_cell c
  cross join (select distinct date_trunc('quarter', first_day::timestamp)::date as quarter_start from bench_month) q
  cross join lateral (
    select ${h(`'thematic-' || c.id || '-' || ${day('q.quarter_start')}`, 1000)} as skip,
           ${h(`'thematic-day-' || c.id || '-' || ${day('q.quarter_start')}`, 1000)} as pick
  ) x
  cross join lateral (select (q.quarter_start + make_interval(months => x.pick % 3))::date + 14 + x.pick % 14 as held_on, x.pick) t
  cross join lateral (select (t.held_on + time '14:00') at time zone 'Asia/Ho_Chi_Minh' as held_at) d
 where x.skip >= ${sizes.thematicMissingPerMille}
   and t.held_on between (select min(first_day) from bench_month) and (select max(last_day) from bench_month)
 order by q.quarter_start, c.id`,
    },
    {
      name: 'topics',
      today: false,
      sql: `
insert into meeting_topic (meeting_id, topic_id)
select m.id, t.id
  from meeting m
  join thematic_topic t on t.province_id is null
   and t.code = (array[${topicSlots.map((code) => `'${code}'`).join(', ')}])[1 + ${h(`'topic-' || m.unit_id || '-' || ${day('m.held_on')}`, topicSlots.length)}]
 where m.kind = 'THEMATIC' and m.province_id = ${province}`,
    },
  ];
  if (shape.secondTopicPerMille > 0) {
    steps.push({
      // Another shared topic than the first: one of the n - 1 others, by the meeting's hash.
      name: 'second topics',
      today: false,
      sql: `
with shared as (
  select array_agg(id order by sort_order, id) as ids, count(*)::int as n from thematic_topic where province_id is null and active
)
insert into meeting_topic (meeting_id, topic_id)
select mt.meeting_id, s.ids[1 + (array_position(s.ids, mt.topic_id) + ${h(`'second-topic-' || mt.meeting_id`, 1000)} % (s.n - 1)) % s.n]
  from meeting_topic mt
  join meeting m on m.id = mt.meeting_id
  cross join shared s
 where m.kind = 'THEMATIC' and m.province_id = ${province} and s.n > 1
   and ${h(`'second-' || mt.meeting_id`, 1000)} < ${shape.secondTopicPerMille}
 order by mt.meeting_id`,
    });
  }
  const exempt = shape.exemptOnePercent ? `when ms.member_id % 100 = 7 then 'EXEMPT'` : '';
  const kinds = shape.thematicAttendance ? `('REGULAR', 'THEMATIC')` : `('REGULAR')`;
  steps.push({
    // The roster on the meeting date, as the product freezes it: the cell's members by their
    // membership periods (half-open; there are no temporary attachments in these datasets). The
    // chair and the minutes-taker are present.
    name: 'attendance',
    today: false,
    sql: `
insert into meeting_attendance (meeting_id, member_id, province_id, unit_path, status, reason)
select m.id, ms.member_id, m.province_id, m.unit_path, s.status,
       case when s.status = 'ABSENT_EXCUSED' then (array['Đi làm ăn xa', 'Ốm', 'Công tác'])[1 + x.roll % 3]
            when s.status = 'EXEMPT' then 'Miễn sinh hoạt' end
  from meeting m
  join bench_cell c on c.id = m.unit_id
  join membership ms on ms.unit_id = m.unit_id and ms.kind = 'OFFICIAL'
   and ms.started_on <= m.held_on and (ms.ended_on is null or ms.ended_on > m.held_on)
  cross join lateral (select ${h(`m.id || '-' || ms.member_id`, 1000)} as roll) x
  cross join lateral (
    select case ${exempt}
                when ms.member_id = m.chair_id or ms.member_id = m.minutes_taker_id or x.roll >= c.absence then 'PRESENT'
                when x.roll < c.absence * 2 / 3 then 'ABSENT_EXCUSED'
                else 'ABSENT_UNEXCUSED' end as status
  ) s
 where m.kind in ${kinds} and m.province_id = ${province} and m.status = 'HELD'
 order by m.id, ms.member_id`,
  });
  return steps;
}

export interface InsertedMeetings {
  /** Wall time of each statement, ms. */
  stepMs: Record<string, number>;
}

/**
 * Runs meetingsSql inside the caller's transaction, the three tables loaded in bulk (loadInBulk:
 * foreign keys checked and secondary indexes built once at the end; each meeting has five keys).
 */
export async function insertMeetings(client: Client, sizes: MeetingsSizes, shape: MeetingsShape, today: string): Promise<InsertedMeetings> {
  const stepMs: Record<string, number> = {};
  await loadInBulk(client, ['meeting', 'meeting_topic', 'meeting_attendance'], async () => {
    for (const step of meetingsSql(sizes, shape)) {
      const stepStart = performance.now();
      await client.query(step.sql, step.today ? [today] : []);
      stepMs[step.name] = performance.now() - stepStart;
    }
  });
  return { stepMs };
}

export interface MeetingFigures {
  meetings: number;
  regularMeetings: number;
  thematicMeetings: number;
  attendanceRows: number;
  firstMonth: string;
  lastMonth: string;
  /** Share of active cell-months without a regular meeting, e.g. '4.9%' (text: the runner prints numbers rounded to integers). */
  regularMissing: string;
  /** Share of cell-quarters without a thematic meeting, over the quarters wholly inside the data. */
  thematicMissing: string;
  /** Share of attendance lines PRESENT. */
  present: string;
}

/** What the generated meetings of the province add up to, for the report after generation. */
export async function meetingFigures(client: Client, sizes: MeetingsSizes, shape: MeetingsShape, today: string): Promise<MeetingFigures> {
  checkShape(shape);
  const figures = await client.query<Record<string, string>>(
    `with province as (select id from org_unit where kind = 'PROVINCE' and code = $3),
     full_quarter as (
       -- Quarters wholly inside the data (the range's ends cut two quarters short).
       select date_trunc('quarter', g) as start
         from generate_series(date_trunc('month', $1::date::timestamp) - make_interval(months => $2::int),
                              date_trunc('month', $1::date::timestamp) - interval '1 month', interval '1 month') g
        group by 1 having count(*) = 3
     ),
     province_meeting as (select m.* from meeting m where m.province_id = (select id from province))
     select (select count(*) from province_meeting) as meetings,
            (select count(*) from province_meeting where kind = 'REGULAR') as regular,
            (select count(*) from province_meeting where kind = 'THEMATIC') as thematic,
            (select count(*) from meeting_attendance where province_id = (select id from province)) as attendance,
            (select count(*) filter (where status = 'PRESENT') from meeting_attendance where province_id = (select id from province)) as present,
            (select count(*) from org_unit where province_id = (select id from province) and kind in ('CELL', 'GRASSROOTS_CELL') and status = 'ACTIVE') as cells,
            (select count(*) from full_quarter) as quarters,
            (select count(*) from province_meeting m join full_quarter q on date_trunc('quarter', m.held_on::timestamp) = q.start
              where m.kind = 'THEMATIC') as thematic_in_full_quarters,
            (select to_char(min(held_on), 'YYYY-MM') from province_meeting) as first_month,
            (select to_char(max(held_on), 'YYYY-MM') from province_meeting) as last_month`,
    [today, sizes.months, shape.provinceCode],
  );
  const row = figures.rows[0] ?? {};
  const regular = Number(row.regular);
  const attendance = Number(row.attendance);
  return {
    meetings: Number(row.meetings),
    regularMeetings: regular,
    thematicMeetings: Number(row.thematic),
    attendanceRows: attendance,
    firstMonth: String(row.first_month),
    lastMonth: String(row.last_month),
    regularMissing: percent(1 - regular / (Number(row.cells) * sizes.months)),
    thematicMissing: percent(1 - Number(row.thematic_in_full_quarters) / (Number(row.cells) * Number(row.quarters))),
    present: percent(Number(row.present) / attendance),
  };
}

/**
 * Fills an empty migrated database: the foundation dataset (its own transaction and VACUUM),
 * then the meetings and the analyst account in one transaction, then VACUUM (ANALYZE).
 */
export async function generateMeetings(client: Client, sizes: MeetingsSizes = meetingsSizes, fsizes: FoundationSizes = foundationSizes): Promise<MeetingsGeneration> {
  const today = vietnamToday();
  const foundation = await generateFoundation(client, fsizes);
  const passwordHash = await hash(benchAnalyst.password, { type: argon2id });

  const start = performance.now();
  const attendanceMs = await inTransaction(client, async () => {
    await bulkLoadSettings(client);
    const inserted = await insertMeetings(client, sizes, benchMeetingsShape, today);
    await createAccount(
      client,
      { username: benchAnalyst.username, displayName: 'Bench Analyst', role: 'ANALYST', unit: { kind: 'PROVINCE', code: benchProvinceCode } },
      passwordHash,
    );
    return inserted.stepMs.attendance ?? 0;
  });
  const meetingsMs = performance.now() - start;
  const meetingsVacuumAnalyzeMs = await vacuumAnalyze(client);

  const figures = await meetingFigures(client, sizes, benchMeetingsShape, today);
  return { foundation, meetingSizes: sizes, meetingsMs, attendanceMs, meetingsVacuumAnalyzeMs, ...figures };
}
