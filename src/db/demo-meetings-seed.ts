/**
 * Demo meetings: two years of cell meetings for the demo province seeded by demo-seed.ts, with
 * realistic gaps so that compliance has something to show (domain.md §3, issue 3).
 *
 * Set-based: a handful of INSERT … SELECT statements over generate_series, staged through
 * temporary tables, so the whole seed takes a fraction of a second. Deterministic: every choice
 * is a hash of ids and dates (hashtext), never random(), so a run gives the same rows for the
 * same `today` (relative to the sequences).
 *
 * What it writes, for every cell (CELL, GRASSROOTS_CELL) and every month from 24 months before
 * `today` up to the month before it:
 * - a REGULAR meeting, mostly on the planned day (the rule day, Lai Châu: the 3rd, moved off
 *   holidays as the calendar does), some on another day of the window with a reason, a few
 *   later than the window; ~4% of cell-months have none, a few cells miss often;
 * - a THEMATIC meeting per quarter with a topic (a third on Hồ Chí Minh's thought), none in
 *   ~10% of cell-quarters;
 * - attendance for every member of the cell on the meeting date (its membership periods),
 *   mostly present, with excused and unexcused absences that vary by cell (some meetings fall
 *   under the 85% threshold), members who work away, and a few elderly members exempt;
 * - minutes and resolutions, finalised for most meetings; the latest still draft for some, and
 *   a few of those with attendance not yet recorded;
 * - tasks assigned at the last three regular meetings of about half the cells, most done and
 *   reported at the next meeting, some open, some overdue; a submitted thematic plan for the
 *   current year for the Nậm Cười cell and a handful of others (its topics are the ones the
 *   cell's thematic meetings take); guests from the commune committee at some thematic meetings.
 *
 * No literal question marks in the SQL below: the execute function binds `?` placeholders.
 */

export type Execute = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface DemoMeetingsSummary {
  meetings: number;
  attendance: number;
  tasks: number;
}

/** org_unit.code of the demo province (Lai Châu) in demo-seed.ts. */
const DEMO_PROVINCE_CODE = '12';

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const textArray = (items: readonly string[]): string => `array[${items.map(quote).join(', ')}]::text[]`;

/** A deterministic number in [0, mod) from a text key (abs of a bigint: hashtext may return INT_MIN). */
const hash = (key: string, mod: number): string => `(abs(hashtext(${key})::bigint) % ${mod})::int`;
/** Dates in hash keys through to_char, so the keys do not depend on DateStyle. */
const day = (expr: string): string => `to_char((${expr})::timestamp, 'YYYY-MM-DD')`;

/** The thematic topics a cell of each type picks from: 12 slots each, a third Hồ Chí Minh (Phong Thổ 2023: 179 of 563). */
const TOPICS_BY_CELL_TYPE: Record<string, readonly string[]> = {
  RESIDENTIAL: ['HO_CHI_MINH', 'NEW_RURAL', 'HO_CHI_MINH', 'HELPING_HOUSEHOLDS', 'DIRECTIVES', 'HO_CHI_MINH', 'NEW_RURAL', 'LEGAL_EDUCATION', 'HO_CHI_MINH', 'HELPING_HOUSEHOLDS', 'MEMBER_SOURCES', 'DEGRADATION'],
  PUBLIC_SERVICE: ['HO_CHI_MINH', 'PROFESSIONAL_WORK', 'HO_CHI_MINH', 'COMPETENCE', 'DEGRADATION', 'HO_CHI_MINH', 'PROFESSIONAL_WORK', 'ANTI_CORRUPTION', 'HO_CHI_MINH', 'COMPETENCE', 'LEADERSHIP_METHODS', 'MEMBER_SOURCES'],
  ADMINISTRATIVE_AGENCY: ['HO_CHI_MINH', 'ANTI_CORRUPTION', 'HO_CHI_MINH', 'PARTY_BUILDING', 'DIRECTIVES', 'HO_CHI_MINH', 'ANTI_CORRUPTION', 'COMPETENCE', 'HO_CHI_MINH', 'PARTY_BUILDING', 'LEADERSHIP_METHODS', 'PROFESSIONAL_WORK'],
  ARMED_FORCES: ['HO_CHI_MINH', 'DEGRADATION', 'HO_CHI_MINH', 'PARTY_BUILDING', 'LEGAL_EDUCATION', 'HO_CHI_MINH', 'DEGRADATION', 'DIRECTIVES', 'HO_CHI_MINH', 'PARTY_BUILDING', 'COMPETENCE', 'OTHER'],
  ENTERPRISE: ['HO_CHI_MINH', 'PROFESSIONAL_WORK', 'HO_CHI_MINH', 'ANTI_CORRUPTION', 'COMPETENCE', 'HO_CHI_MINH', 'PROFESSIONAL_WORK', 'PARTY_BUILDING', 'HO_CHI_MINH', 'HELPING_HOUSEHOLDS', 'MEMBER_SOURCES', 'OTHER'],
};

/** The title a cell gives a thematic meeting (and its plan item) on each topic. */
const TOPIC_TITLES: ReadonlyArray<readonly [string, string]> = [
  ['HO_CHI_MINH', 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý thức trách nhiệm, nêu gương của người đảng viên'],
  ['COMPETENCE', 'Nâng cao trình độ lý luận chính trị, chuyên môn, nghiệp vụ của đảng viên'],
  ['DEGRADATION', 'Nhận diện và đấu tranh phòng chống biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa" trong nội bộ'],
  ['PARTY_BUILDING', 'Nâng cao năng lực lãnh đạo, sức chiến đấu của chi bộ'],
  ['NEW_RURAL', 'Chi bộ lãnh đạo xây dựng nông thôn mới, giữ gìn vệ sinh môi trường khu dân cư'],
  ['ANTI_CORRUPTION', 'Phòng chống tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị'],
  ['DIRECTIVES', 'Quán triệt, triển khai thực hiện nghị quyết, chỉ thị của cấp trên'],
  ['HELPING_HOUSEHOLDS', 'Giúp đỡ đảng viên, hộ gia đình có hoàn cảnh khó khăn, giảm nghèo bền vững'],
  ['PROFESSIONAL_WORK', 'Chi bộ lãnh đạo thực hiện nhiệm vụ chuyên môn của đơn vị'],
  ['LEGAL_EDUCATION', 'Tuyên truyền, giáo dục pháp luật cho đảng viên và nhân dân'],
  ['LEADERSHIP_METHODS', 'Đổi mới phương thức lãnh đạo, nâng cao chất lượng sinh hoạt chi bộ'],
  ['MEMBER_SOURCES', 'Tạo nguồn, bồi dưỡng quần chúng ưu tú để kết nạp vào Đảng'],
  ['OTHER', 'Chuyên đề theo đặc thù của chi bộ: giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn'],
];

/** The topic code a cell picks for the quarter starting on quarterStart (shared by meetings and plans, so plans match what was held). */
function topicPick(cellId: string, cellType: string, quarterStart: string): string {
  const arms = Object.entries(TOPICS_BY_CELL_TYPE)
    .map(([type, codes]) => `when ${quote(type)} then ${textArray(codes)}`)
    .join(' ');
  // A slot per year from the hash, then 5 slots on per quarter (5 is prime to 12): the four
  // quarters of a year take four different slots, so a year is never four times the same topic.
  const yearly = hash(`'topic-' || ${cellId} || '-' || to_char((${quarterStart})::timestamp, 'YYYY')`, 12);
  const quarterIndex = `((extract(month from ${quarterStart})::int - 1) / 3)`;
  return `(case ${cellType} ${arms} else ${textArray(TOPICS_BY_CELL_TYPE.RESIDENTIAL ?? [])} end)[1 + (${yearly} + 5 * ${quarterIndex}) % 12]`;
}

/** The month's focus in a resolution (Lai Châu's farming year and the Party's calendar). */
const SEASONAL_FOCUS = [
  'chuẩn bị đón Tết Nguyên đán, bảo đảm an ninh trật tự, phòng chống rét đậm, rét hại cho gia súc',
  'tổ chức đón Tết vui tươi, lành mạnh, an toàn; phòng chống cháy rừng',
  'ra quân sản xuất vụ xuân, phòng chống cháy rừng',
  'chăm sóc lúa, ngô vụ xuân, phòng chống dịch bệnh cho gia súc, gia cầm',
  'chuẩn bị giống, vật tư cho vụ mùa, phòng chống thiên tai',
  'gieo cấy vụ mùa, phòng chống mưa đá, lốc xoáy',
  'phòng chống mưa lũ, sạt lở đất, bảo đảm an toàn cho nhân dân',
  'phòng chống mưa lũ, sạt lở đất; vận động học sinh chuẩn bị năm học mới',
  'khai giảng năm học mới, vận động học sinh ra lớp đầy đủ',
  'thu hoạch vụ mùa, trồng cây vụ đông',
  'tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư, chuẩn bị kiểm điểm cuối năm',
  'kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên cuối năm',
];

const FOCUS_BY_CELL_TYPE: ReadonlyArray<readonly [string, string]> = [
  ['RESIDENTIAL', 'phát triển kinh tế hộ gia đình, giữ gìn an ninh trật tự thôn, bản'],
  ['PUBLIC_SERVICE', 'nâng cao chất lượng chuyên môn, phục vụ nhân dân'],
  ['ADMINISTRATIVE_AGENCY', 'cải cách hành chính, giải quyết công việc đúng hạn'],
  ['ARMED_FORCES', 'sẵn sàng chiến đấu, giữ vững an ninh trật tự trên địa bàn'],
  ['ENTERPRISE', 'hoàn thành kế hoạch sản xuất, kinh doanh, bảo đảm việc làm cho người lao động'],
];

const REGULAR_EXTRA_AGENDA = [
  'Thông tin thời sự, phổ biến văn bản mới của cấp trên',
  'Kiểm điểm việc thực hiện nhiệm vụ được phân công của đảng viên',
  'Thu, nộp đảng phí',
  'Sinh hoạt tư tưởng, tiếp nhận ý kiến của đảng viên',
  'Báo cáo công tác kiểm tra, giám sát của chi bộ',
  'Bàn công tác phát triển đảng viên',
];

const TASKS_RESIDENTIAL = [
  'Vận động các hộ gia đình dọn dẹp vệ sinh đường bản, ngõ xóm',
  'Đôn đốc các hộ hoàn thành nộp quỹ phòng chống thiên tai',
  'Nắm tình hình, giúp đỡ hộ nghèo chuẩn bị giống cho vụ sản xuất',
  'Tuyên truyền bà con không nghe, không theo tà đạo, không di cư tự do',
  'Phối hợp với trưởng bản rà soát hộ nghèo, hộ cận nghèo',
  'Vận động thanh niên trong bản tham gia khám tuyển nghĩa vụ quân sự',
];
const TASKS_OTHER = [
  'Hoàn thành báo cáo chuyên môn quý trình thủ trưởng đơn vị',
  'Rà soát, cập nhật hồ sơ đảng viên của chi bộ',
  'Chuẩn bị nội dung sinh hoạt chuyên đề quý tới',
  'Theo dõi, bồi dưỡng quần chúng ưu tú trong đơn vị',
  'Đôn đốc đảng viên nộp đảng phí đầy đủ, đúng hạn',
  'Tổng hợp ý kiến đóng góp của đảng viên gửi cấp ủy cấp trên',
];

const TEMP_TABLES = ['demo_mtg_cell', 'demo_mtg_month', 'demo_mtg_member', 'demo_mtg_slot', 'demo_mtg_meeting', 'demo_mtg_att'] as const;

/** Fills two years of meetings for the demo province; runs right after seedDemo, in its transaction. */
export async function seedDemoMeetings(execute: Execute, today: string): Promise<DemoMeetingsSummary> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) throw new Error(`seedDemoMeetings: today must be YYYY-MM-DD, got "${today}"`);
  const [province] = await execute(`select id from org_unit where kind = 'PROVINCE' and code = ?`, [DEMO_PROVINCE_CODE]);
  if (province === undefined) throw new Error('seedDemoMeetings: the demo province is missing; run seedDemo first');
  const provinceId = Number(province.id);
  const [existing] = await execute('select count(*)::int as n from meeting where province_id = ?', [provinceId]);
  if (Number(existing?.n) !== 0) throw new Error('seedDemoMeetings: the demo province already has meetings');
  const [rules] = await execute(
    'select regular_day, window_first_day, window_last_day from meeting_rules where province_id = ? or province_id is null order by province_id nulls last limit 1',
    [provinceId],
  );
  if (rules === undefined) throw new Error('seedDemoMeetings: no meeting rules (the meetings migration seeds a default)');
  const ruleDay = Number(rules.regular_day);
  const windowFirst = Number(rules.window_first_day);
  const windowLast = Number(rules.window_last_day);
  for (const value of [ruleDay, windowFirst, windowLast]) {
    if (!Number.isInteger(value)) throw new Error('seedDemoMeetings: unexpected meeting rules');
  }

  for (const table of TEMP_TABLES) await execute(`drop table if exists pg_temp.${table}`);
  // Temporary tables have no statistics until analysed: without them the planner guesses
  // thousands of rows, costs the laterals in millions and spends seconds compiling them (JIT).
  const analyze = (table: (typeof TEMP_TABLES)[number]): Promise<unknown> => execute(`analyze ${table}`);

  // Habits are handed out by rank of a hash, so the share of cells that have them is exact even
  // in a province of 36 cells: ~8% miss regular meetings often, ~10% thematic ones, ~14% attend
  // poorly, ~8% hold their summer meetings online; half the residential cells have a member away.
  const share = (rank: string, fraction: number): string => `${rank} <= greatest(1, round(count(*) over () * ${fraction}))`;
  const rankBy = (key: string): string => `row_number() over (order by ${hash(key, 1000000)}, c.id)`;
  await execute(
    `create temp table demo_mtg_cell as
     with cells as (
       select c.id, c.province_id, c.path, coalesce(c.cell_type, 'RESIDENTIAL') as cell_type, c.parent_id, c.name
         from org_unit c
        where c.province_id = ? and c.kind in ('CELL', 'GRASSROOTS_CELL') and c.status = 'ACTIVE'
     ),
     -- Cells with a thematic plan this year: the demo secretary's (Nậm Cười) and a handful of others.
     planning as (
       select id from cells where id in (select home_unit_id from account where username = 'namcuoi.secretary')
       union
       select id from (select id from cells order by ${hash(`'plan-' || id`, 1000000)}, id limit 5) x
     )
     select c.id, c.province_id, c.path, c.cell_type, c.parent_id,
            c.id in (select id from planning) as has_plan,
            ${share(rankBy(`'regular-' || c.id`), 0.08)} as skips_regular,
            -- A cell that plans its thematic meetings holds them.
            ${share(`row_number() over (order by c.id in (select id from planning), ${hash(`'thematic-' || c.id`, 1000000)}, c.id)`, 0.1)} as skips_thematic,
            ${share(rankBy(`'attendance-' || c.id`), 0.14)} as attends_poorly,
            ${share(rankBy(`'online-' || c.id`), 0.08)} as meets_online,
            ${hash(`'absence-' || c.id`, 1000)} as absence_habit,
            ${hash(`'away-' || c.id`, 100)} < 50 as has_member_away,
            ${hash(`'tasks-' || c.id`, 100)} as task_habit,
            case when c.cell_type = 'RESIDENTIAL' then 'Nhà văn hóa ' else 'Phòng họp ' end || regexp_replace(c.name, '^Chi bộ ', '') as place
       from cells c`,
    [provinceId],
  );
  await analyze('demo_mtg_cell');

  // --- months: 24 months before today's month up to the month before it, with the planned day
  // (the rule day; on a holiday the first free day of the window, forward first, as the calendar does).
  await execute(
    `create temp table demo_mtg_month as
     select x.first_day, (x.first_day + interval '1 month - 1 day')::date as last_day,
            make_date(x.y, x.m, ${windowFirst}) as window_start, make_date(x.y, x.m, ${windowLast}) as window_end,
            coalesce((
              select make_date(x.y, x.m, d) from generate_series(${windowFirst}, ${windowLast}) d
               where not exists (select 1 from holiday h where h.day = make_date(x.y, x.m, d) and (h.province_id is null or h.province_id = ?))
               order by case when d >= ${ruleDay} then d - ${ruleDay} else 100 + ${ruleDay} - d end
               limit 1
            ), make_date(x.y, x.m, ${ruleDay})) as planned_on
       from (
         select g::date as first_day, extract(year from g)::int as y, extract(month from g)::int as m
           from generate_series(date_trunc('month', ?::date::timestamp) - interval '24 months',
                                date_trunc('month', ?::date::timestamp) - interval '1 month', interval '1 month') g
       ) x`,
    [provinceId, today, today],
  );
  await analyze('demo_mtg_month');

  // --- members: their official periods in the cells (the memberships the API's rosters read:
  // in the cell on `since <= d < until_day`), who works away (absent often), who is exempt
  // (elderly, miễn sinh hoạt: the exemptions demo-lifecycle-seed.ts recorded).
  await execute(
    `create temp table demo_mtg_member as
     select m.id, ms.unit_id as cell_id, ms.started_on as since, coalesce(ms.ended_on, date 'infinity') as until_day, m.full_name,
            c.cell_type = 'RESIDENTIAL' and c.has_member_away
              and row_number() over (partition by ms.unit_id order by ${hash(`'away-' || m.id`, 1000000)}, m.id) = 1 as away,
            exists (select 1 from member_exemption e where e.member_id = m.id) as exempt
       from membership ms join member m on m.id = ms.member_id join demo_mtg_cell c on c.id = ms.unit_id
      where ms.kind = 'OFFICIAL'`,
  );
  await execute('create index on demo_mtg_member (cell_id, since)');
  await analyze('demo_mtg_member');

  // --- meeting slots: a regular meeting per cell-month, a thematic one per cell-quarter, minus the gaps.
  await execute(
    `create temp table demo_mtg_slot as
     select c.id as cell_id, 'REGULAR' as kind, mo.first_day as month_start, d.held_on, d.off_plan_reason,
            (d.held_on + time '08:00') at time zone 'Asia/Ho_Chi_Minh' as held_at, null::text as topic_code
       from demo_mtg_cell c
       cross join demo_mtg_month mo
       cross join lateral (
         select ${hash(`'skip-' || c.id || '-' || ${day('mo.first_day')}`, 1000)} as skip,
                ${hash(`'day-' || c.id || '-' || ${day('mo.first_day')}`, 100)} as pick,
                ${hash(`'late-day-' || c.id || '-' || ${day('mo.first_day')}`, 8)} as late_by,
                (mo.window_end - mo.window_start) as width
       ) h
       cross join lateral (
         select o.other_day,
                exists (select 1 from holiday hd where hd.day = o.other_day and (hd.province_id is null or hd.province_id = c.province_id)) as other_is_holiday
           from (select mo.window_start + (h.pick % greatest(h.width, 1))
                        + case when mo.window_start + (h.pick % greatest(h.width, 1)) >= mo.planned_on then 1 else 0 end as other_day) o
       ) w
       cross join lateral (
         select case
                  when h.pick < 86 or w.other_is_holiday or h.width < 1 then mo.planned_on
                  when h.pick < 98 then w.other_day
                  else mo.window_end + 1 + h.late_by
                end as held_on,
                case
                  when h.pick < 86 or w.other_is_holiday or h.width < 1 then null
                  when h.pick < 98 then 'Trùng lịch công tác'
                  when c.cell_type = 'RESIDENTIAL' then 'Mưa lũ, sạt lở đường vào bản, lùi lịch sinh hoạt'
                  else 'Cấp ủy chi bộ tham gia tập huấn của cấp trên, lùi lịch sinh hoạt'
                end as off_plan_reason
       ) d
      where h.skip >= case when c.skips_regular then 250 else 22 end
     union all
     select c.id, 'THEMATIC', q.quarter_start, t.held_on, null,
            (t.held_on + time '14:00') at time zone 'Asia/Ho_Chi_Minh',
            ${topicPick('c.id', 'c.cell_type', 'q.quarter_start')}
       from demo_mtg_cell c
       cross join (select distinct date_trunc('quarter', first_day::timestamp)::date as quarter_start from demo_mtg_month) q
       cross join lateral (
         select (q.quarter_start + make_interval(months => ${hash(`'thematic-month-' || c.id || '-' || ${day('q.quarter_start')}`, 3)}))::date
                + 14 + ${hash(`'thematic-day-' || c.id || '-' || ${day('q.quarter_start')}`, 14)} as held_on,
                ${hash(`'thematic-skip-' || c.id || '-' || ${day('q.quarter_start')}`, 100)} as skip
       ) t
      where date_trunc('month', t.held_on::timestamp)::date between (select min(first_day) from demo_mtg_month) and (select max(first_day) from demo_mtg_month)
        and t.skip >= case when c.skips_thematic then 40 else 6 end`,
  );
  await analyze('demo_mtg_slot');

  // --- meetings with their chair (the secretary), minutes-taker, format and minutes state.
  const lastMonth = '(select max(first_day) from demo_mtg_month)';
  await execute(
    `create temp table demo_mtg_meeting as
     select s.*, c.province_id, c.path, c.cell_type, c.place as cell_place, c.parent_id,
            ${hash(`'m-' || s.cell_id || '-' || s.kind || '-' || ${day('s.held_on')}`, 1000)} as h,
            ch.member_id as chair_id, null::int as taker_id,
            s.kind = 'REGULAR' and c.meets_online and extract(month from s.held_on) in (7, 8) as online,
            (s.held_on >= ${lastMonth} and ${hash(`'draft-' || s.cell_id || '-' || s.kind || '-' || ${day('s.held_on')}`, 100)} < 35)
              or ${hash(`'late-' || s.cell_id || '-' || s.kind || '-' || ${day('s.held_on')}`, 1000)} < 8 as draft,
            s.held_on >= ${lastMonth} and ${hash(`'unrecorded-' || s.cell_id || '-' || s.kind || '-' || ${day('s.held_on')}`, 100)} < 25 as unrecorded
       from demo_mtg_slot s
       join demo_mtg_cell c on c.id = s.cell_id
       -- The chair: the secretary in office that day, else the deputy in office, else the current secretary.
       left join (
         select distinct on (s2.cell_id, s2.kind, s2.held_on) s2.cell_id, s2.kind, s2.held_on, p.member_id
           from demo_mtg_slot s2
           join member_position p on p.unit_id = s2.cell_id and p.position in ('SECRETARY', 'DEPUTY_SECRETARY')
           join demo_mtg_member mb on mb.id = p.member_id and mb.cell_id = s2.cell_id and mb.since <= s2.held_on and s2.held_on < mb.until_day
           cross join lateral (
             select case when p.started_on <= s2.held_on and (p.ended_on is null or p.ended_on >= s2.held_on)
                           then case when p.position = 'SECRETARY' then 1 else 2 end
                         when p.position = 'SECRETARY' and p.ended_on is null then 3 end as rank
           ) r
          where r.rank is not null
          order by s2.cell_id, s2.kind, s2.held_on, r.rank, p.started_on desc, p.member_id
       ) ch on ch.cell_id = s.cell_id and ch.kind = s.kind and ch.held_on = s.held_on`,
  );
  // No secretary or deputy at all: the longest-standing member chairs.
  await execute(
    `update demo_mtg_meeting m set chair_id = (
       select mb.id from demo_mtg_member mb where mb.cell_id = m.cell_id and mb.since <= m.held_on and m.held_on < mb.until_day and not mb.exempt
        order by mb.since, mb.id limit 1)
      where m.chair_id is null`,
  );
  // The minutes-taker: mostly the same member of the cell, never the chair, never one who works away.
  await execute(
    `update demo_mtg_meeting m set taker_id = (
       select mb.id from demo_mtg_member mb
        where mb.cell_id = m.cell_id and mb.since <= m.held_on and m.held_on < mb.until_day and mb.id <> m.chair_id and not mb.away and not mb.exempt
        order by ${hash(`'taker-' || mb.id`, 1000000)}, mb.id limit 1)`,
  );
  // A draft is not yet finalised; attendance not recorded only where the minutes are a draft.
  await execute('update demo_mtg_meeting set unrecorded = false where unrecorded and not draft');
  await execute('create index on demo_mtg_meeting (cell_id, kind, held_on)');
  await analyze('demo_mtg_meeting');

  // --- attendance: the roster on the meeting date (members admitted by then), one line each.
  await execute(
    `create temp table demo_mtg_att as
     select m.cell_id, m.kind, m.held_on, mb.id as member_id,
            case
              when mb.exempt then 'EXEMPT'
              when m.unrecorded then 'NOT_RECORDED'
              when mb.id = m.chair_id or mb.id = m.taker_id then 'PRESENT'
              when a.roll < a.absence then case when a.excused < 72 then 'ABSENT_EXCUSED' else 'ABSENT_UNEXCUSED' end
              else 'PRESENT'
            end as status,
            case
              when mb.exempt then 'Miễn sinh hoạt (tuổi cao, sức yếu)'
              when m.unrecorded or mb.id = m.chair_id or mb.id = m.taker_id or a.roll >= a.absence or a.excused >= 72 then null
              when mb.away then 'Đi làm ăn xa'
              when m.cell_type = 'RESIDENTIAL' then (array['Đi làm ăn xa', 'Ốm', 'Công tác'])[case when a.why < 45 then 1 when a.why < 85 then 2 else 3 end]
              else (array['Công tác', 'Ốm'])[case when a.why < 60 then 1 else 2 end]
            end as reason
       from demo_mtg_meeting m
       join demo_mtg_cell c on c.id = m.cell_id
       join demo_mtg_member mb on mb.cell_id = m.cell_id and mb.since <= m.held_on and m.held_on < mb.until_day
       cross join lateral (
         select ${hash(`'roll-' || mb.id || '-' || m.kind || '-' || ${day('m.held_on')}`, 1000)} as roll,
                ${hash(`'excused-' || mb.id || '-' || m.kind || '-' || ${day('m.held_on')}`, 100)} as excused,
                ${hash(`'why-' || mb.id || '-' || m.kind || '-' || ${day('m.held_on')}`, 100)} as why,
                -- Absences per thousand: members working away miss most meetings; most cells
                -- lose one member in twenty or so, a few cells one in eight.
                case when mb.away then 450
                     when c.attends_poorly then 100 + c.absence_habit % 60
                     else 15 + c.absence_habit % 40 end as absence
       ) a`,
  );
  await execute('create index on demo_mtg_att (cell_id, kind, held_on)');
  await analyze('demo_mtg_att');

  // --- the meetings themselves.
  const monthText = (expr: string): string => `to_char(${expr}, 'MM/YYYY')`;
  const seasonal = textArray(SEASONAL_FOCUS);
  const focusCase = `case m.cell_type ${FOCUS_BY_CELL_TYPE.map(([type, text]) => `when ${quote(type)} then ${quote(text)}`).join(' ')} else ${quote(FOCUS_BY_CELL_TYPE[0]?.[1] ?? '')} end`;
  const extras = textArray(REGULAR_EXTRA_AGENDA);
  const titles = `(values ${TOPIC_TITLES.map(([code, title]) => `(${quote(code)}, ${quote(title)})`).join(', ')}) as tt(code, title)`;
  const attendanceSentence = `case when n.recorded = 0 then 'Danh sách điểm danh đang được tổng hợp.'
       else 'Đảng viên có mặt ' || n.present || '/' || n.expected || ' đồng chí'
            || case when n.excused + n.unexcused > 0 then ', vắng ' || (n.excused + n.unexcused) || ' đồng chí ('
                 || n.excused || ' có lý do, ' || n.unexcused || ' không có lý do)' else '' end
            || case when n.exempt > 0 then '; ' || n.exempt || ' đồng chí được miễn sinh hoạt' else '' end || '.' end`;
  const [inserted] = await execute(
    `with ins as (
       insert into meeting (province_id, unit_id, unit_path, kind, format, status, scheduled_at, held_at, held_on, place, online_link,
                            chair_id, minutes_taker_id, agenda, content, duration_minutes, minutes, resolution,
                            minutes_status, minutes_finalised_at, minutes_finalised_by_id, off_plan_reason, created_at, updated_at)
       select m.province_id, m.cell_id, m.path, m.kind,
              case when m.online then 'ONLINE' else 'IN_PERSON' end, 'HELD', m.held_at, m.held_at, m.held_on,
              case when m.online then null else m.cell_place end,
              case when m.online then 'https://meet.example.org/chibo-' || m.cell_id || '-' || to_char(m.held_on, 'YYYYMMDD') end,
              m.chair_id, m.taker_id,
              case when m.kind = 'REGULAR' then
                jsonb_build_array('Đánh giá kết quả thực hiện nhiệm vụ tháng ' || ${monthText(`(m.held_on - interval '1 month')`)},
                                  'Triển khai nhiệm vụ trọng tâm tháng ' || ${monthText('m.held_on')})
                || case when m.h % 3 >= 1 then jsonb_build_array((${extras})[1 + m.h % 6]) else '[]'::jsonb end
                || case when m.h % 3 = 2 then jsonb_build_array((${extras})[1 + (m.h + 1) % 6]) else '[]'::jsonb end
              else
                jsonb_build_array('Báo cáo chuyên đề: ' || tt.title,
                                  'Thảo luận, liên hệ với thực tiễn của chi bộ và của bản thân đảng viên',
                                  'Kết luận, đề ra giải pháp thực hiện')
                || case when m.h % 2 = 0 then jsonb_build_array('Đảng viên đăng ký việc làm cụ thể để thực hiện chuyên đề') else '[]'::jsonb end
              end,
              case when m.kind = 'THEMATIC' then 'Báo cáo chuyên đề: ' || tt.title end,
              90 + m.h % 61,
              case when m.kind = 'REGULAR' then
                'Biên bản sinh hoạt chi bộ thường kỳ tháng ' || ${monthText('m.held_on')} || '. Thời gian: 08 giờ 00 ngày ' || to_char(m.held_on, 'DD/MM/YYYY')
                || ', ' || coalesce('tại ' || case when m.online then null else m.cell_place end, 'họp trực tuyến') || '. Chủ trì: đồng chí ' || chair.full_name
                || '; thư ký: đồng chí ' || taker.full_name || '. ' || ${attendanceSentence}
                || ' Chi bộ nghe báo cáo kết quả thực hiện nhiệm vụ tháng ' || ${monthText(`(m.held_on - interval '1 month')`)}
                || ', thảo luận và thống nhất phương hướng, nhiệm vụ tháng ' || ${monthText('m.held_on')} || '. Các ý kiến tập trung vào công tác '
                || (${seasonal})[extract(month from m.held_on)::int] || '.'
              else
                'Biên bản sinh hoạt chuyên đề quý ' || (array['I', 'II', 'III', 'IV'])[extract(quarter from m.held_on)::int] || '/' || extract(year from m.held_on)
                || ': "' || tt.title || '". Thời gian: 14 giờ 00 ngày ' || to_char(m.held_on, 'DD/MM/YYYY') || ', tại ' || m.cell_place
                || '. Chủ trì: đồng chí ' || chair.full_name || '; thư ký: đồng chí ' || taker.full_name || '. ' || ${attendanceSentence}
                || ' Đồng chí chủ trì trình bày báo cáo chuyên đề; các đảng viên thảo luận, liên hệ với thực tiễn của chi bộ và của bản thân.'
              end,
              case when m.kind = 'REGULAR' then
                'Nghị quyết chi bộ tháng ' || ${monthText('m.held_on')} || ': 1. Tiếp tục lãnh đạo ' || ${focusCase}
                || '. 2. Tập trung ' || (${seasonal})[extract(month from m.held_on)::int]
                || '. 3. Đảng viên thực hiện tốt nhiệm vụ được phân công, nộp đảng phí đầy đủ, đúng hạn.'
              else
                'Kết luận: mỗi đảng viên đăng ký ít nhất một việc làm cụ thể để thực hiện chuyên đề "' || tt.title
                || '"; chi ủy theo dõi, đánh giá kết quả tại các kỳ sinh hoạt thường kỳ.'
              end,
              case when m.draft then 'DRAFT' else 'FINALISED' end,
              case when not m.draft then least(m.held_at + make_interval(days => 1 + m.h % 4, hours => 2),
                                               (?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh') end,
              case when not m.draft then (select a.id from account a where a.member_id = m.chair_id order by a.id limit 1) end,
              m.off_plan_reason,
              m.held_at - interval '7 days',
              case when m.draft then m.held_at + interval '3 hours'
                   else least(m.held_at + make_interval(days => 1 + m.h % 4, hours => 2), (?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh') end
         from demo_mtg_meeting m
         join member chair on chair.id = m.chair_id
         join member taker on taker.id = m.taker_id
         left join ${titles} on tt.code = m.topic_code
         join (
           select a.cell_id, a.kind, a.held_on,
                  count(*) filter (where a.status = 'PRESENT') as present,
                  count(*) filter (where a.status <> 'EXEMPT') as expected,
                  count(*) filter (where a.status = 'ABSENT_EXCUSED') as excused,
                  count(*) filter (where a.status = 'ABSENT_UNEXCUSED') as unexcused,
                  count(*) filter (where a.status = 'EXEMPT') as exempt,
                  count(*) filter (where a.status <> 'NOT_RECORDED' and a.status <> 'EXEMPT') as recorded
             from demo_mtg_att a group by a.cell_id, a.kind, a.held_on
         ) n on n.cell_id = m.cell_id and n.kind = m.kind and n.held_on = m.held_on
        order by m.held_on, m.cell_id, m.kind
       returning id, unit_id, kind, held_on
     ),
     topics as (
       insert into meeting_topic (meeting_id, topic_id)
       select ins.id, t.id from ins
         join demo_mtg_meeting m on m.cell_id = ins.unit_id and m.kind = ins.kind and m.held_on = ins.held_on
         join thematic_topic t on t.province_id is null and t.code = m.topic_code
       returning 1
     ),
     attendance as (
       insert into meeting_attendance (meeting_id, member_id, province_id, unit_path, status, reason)
       select ins.id, a.member_id, m.province_id, m.path, a.status, a.reason from ins
         join demo_mtg_meeting m on m.cell_id = ins.unit_id and m.kind = ins.kind and m.held_on = ins.held_on
         join demo_mtg_att a on a.cell_id = m.cell_id and a.kind = m.kind and a.held_on = m.held_on
        order by ins.id, a.member_id
       returning 1
     )
     select (select count(*) from ins)::int as meetings, (select count(*) from topics)::int as topics,
            (select count(*) from attendance)::int as attendance`,
    [today, today],
  );
  const [planned] = await execute(`select count(*)::int as meetings, count(*) filter (where kind = 'THEMATIC')::int as thematic from demo_mtg_meeting`);
  // A meeting without a chair or minutes-taker would have been dropped by the joins above.
  if (Number(inserted?.meetings) !== Number(planned?.meetings)) throw new Error('seedDemoMeetings: a meeting lacks its chair or minutes-taker');
  if (Number(inserted?.topics) !== Number(planned?.thematic)) throw new Error('seedDemoMeetings: a thematic meeting lacks its topic');

  // --- guests: a commune committee leader at some thematic meetings of the commune's cells.
  await execute(
    `insert into meeting_guest (meeting_id, full_name, position, unit_id)
     select mt.id, g.full_name, g.title, g.unit_id
       from meeting mt
       join demo_mtg_cell c on c.id = mt.unit_id
       cross join lateral (
         select mb.full_name, p.unit_id,
                case p.position when 'SECRETARY' then 'Bí thư Đảng ủy xã' when 'DEPUTY_SECRETARY' then 'Phó Bí thư Đảng ủy xã'
                     when 'STANDING_COMMITTEE_MEMBER' then 'Ủy viên Ban Thường vụ Đảng ủy xã' else 'Đảng ủy viên' end as title
           from member_position p join member mb on mb.id = p.member_id
          where p.unit_id = c.parent_id and p.position in ('SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_COMMITTEE_MEMBER')
            and p.started_on <= mt.held_on and (p.ended_on is null or p.ended_on >= mt.held_on)
          order by ${hash(`'guest-' || mt.id || '-' || p.member_id`, 1000)}, p.member_id limit 1
       ) g
      where mt.province_id = ? and mt.kind = 'THEMATIC' and ${hash(`'guest-' || mt.unit_id || '-' || ${day('mt.held_on')}`, 100)} < 40`,
    [provinceId],
  );

  // --- tasks at the last three regular meetings of about half the cells, reported at the next meeting.
  const [tasks] = await execute(
    `with source as (
       select mt.id as meeting_id, mt.unit_id, mt.unit_path, mt.province_id, mt.held_on, mt.held_at, c.cell_type, n as ordinal,
              ${hash(`'task-' || mt.id || '-' || n`, 1000)} as h, ${hash(`'task-kind-' || mt.id`, 6)} as first_kind
         from meeting mt
         join demo_mtg_cell c on c.id = mt.unit_id
         cross join generate_series(1, 2) n
        where mt.province_id = ? and mt.kind = 'REGULAR'
          and (c.task_habit < 55 or c.id in (select home_unit_id from account where username = 'namcuoi.member'))
          and mt.held_on >= (select max(first_day) from demo_mtg_month) - interval '2 months'
          and (n = 1 or ${hash(`'task-count-' || mt.id`, 2)} = 1)
     ),
     decided as (
       select s.*,
              (select mb.id from demo_mtg_member mb where mb.cell_id = s.unit_id and mb.since <= s.held_on and s.held_on < mb.until_day and not mb.exempt and not mb.away
                -- The demo member (namcuoi.member) takes the first task of each meeting: "my tasks" shows something.
                order by s.ordinal = 1 and mb.id in (select member_id from account where username = 'namcuoi.member') desc,
                         ${hash(`'owner-' || s.meeting_id || '-' || s.ordinal || '-' || mb.id`, 1000000)}, mb.id limit 1) as owner_id,
              -- Two tasks of a meeting are never the same task (kinds 3 apart).
              case when s.cell_type = 'RESIDENTIAL' then (${textArray(TASKS_RESIDENTIAL)})[1 + (s.first_kind + 3 * s.ordinal) % 6]
                   else (${textArray(TASKS_OTHER)})[1 + (s.first_kind + 3 * s.ordinal) % 6] end as description,
              s.held_on + 20 + s.h % 61 as deadline,
              nx.id as next_meeting_id, nx.held_at as next_held_at
         from source s
         left join lateral (
           select nx.id, nx.held_at from meeting nx where nx.unit_id = s.unit_id and nx.kind = 'REGULAR' and nx.status = 'HELD' and nx.held_on > s.held_on
            order by nx.held_on limit 1
         ) nx on true
     ),
     -- Past the deadline most tasks are done, some still in progress (overdue); before it, open or under way.
     -- Progress is reported at the next regular meeting, else outside a meeting.
     reported as (
       select d.*, r.status,
              case when r.status = 'OPEN' then null
                   when d.next_meeting_id is not null then d.next_held_at
                   when r.status = 'DONE' then least((d.deadline + time '10:00') at time zone 'Asia/Ho_Chi_Minh', (?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh')
                   else least(d.held_at + interval '10 days', (?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh')
              end as reported_at
         from decided d
         cross join lateral (
           select case when d.deadline < ?::date then case when d.h % 20 < 17 then 'DONE' else 'IN_PROGRESS' end
                       else case when d.h % 10 < 6 then 'OPEN' else 'IN_PROGRESS' end end as status
         ) r
        where d.owner_id is not null
     ),
     ins as (
       insert into meeting_task (province_id, unit_path, meeting_id, owner_id, description, deadline, status, version, created_at, updated_at)
       select r.province_id, r.unit_path, r.meeting_id, r.owner_id, r.description, r.deadline, r.status,
              case when r.reported_at is null then 1 else 2 end, r.held_at + interval '2 hours', coalesce(r.reported_at, r.held_at + interval '2 hours')
         from reported r
        order by r.held_on, r.unit_id, r.ordinal
       returning id, meeting_id, description
     ),
     reports as (
       insert into task_report (task_id, meeting_id, report, status, created_at)
       select ins.id, case when r.reported_at = r.next_held_at then r.next_meeting_id end,
              case when r.status = 'DONE' then 'Đã hoàn thành: ' || lower(left(r.description, 1)) || substr(r.description, 2) || '.'
                   else 'Đang thực hiện, dự kiến hoàn thành trong tháng tới.' end,
              r.status, r.reported_at
         from ins join reported r on r.meeting_id = ins.meeting_id and r.description = ins.description
        where r.reported_at is not null
        order by ins.id
       returning 1
     )
     select (select count(*) from ins)::int as tasks, (select count(*) from reports)::int as reports`,
    [provinceId, today, today, today],
  );

  // --- thematic plans of the current year, submitted, for the Nậm Cười cell and a handful of others;
  // each quarter's item is the topic the cell's thematic meeting takes (what was planned is what was held).
  await execute(
    `with chosen as (
       select c.id, c.province_id, c.path, c.cell_type, extract(year from ?::date)::int as year from demo_mtg_cell c where c.has_plan
     ),
     plans as (
       insert into thematic_plan (province_id, unit_id, unit_path, year, status, submitted_at, version, created_at, updated_at)
       select ch.province_id, ch.id, ch.path, ch.year, 'SUBMITTED', s.at, 2, s.at - interval '5 days', s.at
         from chosen ch
         cross join lateral (select least((make_date(ch.year, 1, 10 + ${hash(`'plan-day-' || ch.id`, 10)}) + time '09:00') at time zone 'Asia/Ho_Chi_Minh',
                                          (?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh') as at) s
        order by ch.id
       returning id, unit_id, year
     )
     insert into thematic_plan_item (plan_id, quarter, topic_id, title)
     select p.id, q, t.id, tt.title
       from plans p
       join chosen ch on ch.id = p.unit_id
       cross join generate_series(1, 4) q
       cross join lateral (select ${topicPick('ch.id', 'ch.cell_type', 'make_date(p.year, 3 * q - 2, 1)')} as code) pick
       join thematic_topic t on t.province_id is null and t.code = pick.code
       join ${titles} on tt.code = pick.code
      order by p.id, q`,
    [today, today],
  );

  for (const table of TEMP_TABLES) await execute(`drop table if exists pg_temp.${table}`);
  return { meetings: Number(inserted?.meetings ?? 0), attendance: Number(inserted?.attendance ?? 0), tasks: Number(tasks?.tasks ?? 0) };
}
