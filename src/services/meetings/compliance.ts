import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import type { OrgUnit } from '../../entities/org-unit';
import { badInput, forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql } from '../batched-page';
import { validYear } from '../validate';
import { todayInVietnam } from '../calendar';
import { type PageWindow, resolveWindow } from '../pagination';
import { isoDate, plannedMonth } from './meeting-calendar';
import { holidaySet, rulesFor } from './meeting-rules-service';

/** Why a cell fell short in a month or a quarter. */
export enum ShortfallReason {
  NO_REGULAR_MEETING = 'NO_REGULAR_MEETING',
  OUTSIDE_WINDOW = 'OUTSIDE_WINDOW',
  ATTENDANCE_NOT_RECORDED = 'ATTENDANCE_NOT_RECORDED',
  LOW_ATTENDANCE = 'LOW_ATTENDANCE',
  NO_THEMATIC_MEETING = 'NO_THEMATIC_MEETING',
}

export interface CompliancePeriod {
  readonly year: number;
  readonly month?: number | null;
  readonly quarter?: number | null;
}

export interface ComplianceSummary {
  readonly cells: number;
  readonly months: number;
  readonly regularExpected: number;
  readonly regularHeld: number;
  readonly regularInWindow: number;
  readonly lowAttendance: number;
  readonly attendanceRate: number | null;
  readonly thematicExpected: number;
  readonly thematicHeld: number;
  readonly cellsFallingShort: number;
  readonly attendanceThreshold: number;
}

export interface SlotShortfall {
  readonly month: number | null;
  readonly quarter: number | null;
  readonly heldOn: string | null;
  readonly attendanceRate: number | null;
  readonly thematicHeld: number | null;
  readonly reasons: ShortfallReason[];
}

export interface CellShortfall {
  readonly cellId: number;
  readonly slots: SlotShortfall[];
}

interface Prepared {
  readonly sql: string;
  readonly params: unknown[];
  readonly summaryExtra: { months: number; threshold: number };
}

function checkPeriod(period: CompliancePeriod): { months: number[]; quarters: number[] } {
  validYear(period.year, 'period.year');
  if (period.month !== undefined && period.month !== null && period.quarter !== undefined && period.quarter !== null) {
    throw badInput('period.quarter', 'give a month or a quarter, not both');
  }
  let months = Array.from({ length: 12 }, (_, i) => i + 1);
  if (period.month !== undefined && period.month !== null) {
    if (!Number.isInteger(period.month) || period.month < 1 || period.month > 12) throw badInput('period.month', 'must be 1 to 12');
    months = [period.month];
  } else if (period.quarter !== undefined && period.quarter !== null) {
    if (!Number.isInteger(period.quarter) || period.quarter < 1 || period.quarter > 4) throw badInput('period.quarter', 'must be 1 to 4');
    months = [1, 2, 3].map((i) => (period.quarter as number - 1) * 3 + i);
  }
  // Months that have not begun are not due yet; the current month counts ("not met yet").
  const today = todayInVietnam();
  months = months.filter((m) => isoDate(period.year, m, 1) <= today);
  const quarters = [...new Set(months.map((m) => Math.floor((m - 1) / 3) + 1))];
  return { months, quarters };
}

const lastDay = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * One set-based statement over the subtree: every cell × month (regular meeting held? on the
 * rule day or in the window? attendance against the threshold) and every cell × quarter
 * (thematic meetings held against the per-quarter minimum), each slot with its reasons.
 */
/** The caller's right to see the unit's compliance, and a valid period: checked before any SQL. */
export function checkCompliance(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): { months: number[]; quarters: number[] } {
  if (!ctx.viewer.can(Permission.STATISTICS_READ, unit.path) && !ctx.viewer.can(Permission.MEETINGS_READ, unit.path)) {
    throw forbidden('You may not see meeting compliance here');
  }
  return checkPeriod(period);
}

async function prepare(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): Promise<Prepared> {
  const { months, quarters } = checkCompliance(ctx, unit, period);
  const rules = await rulesFor(ctx.em, unit.provinceId);
  const holidays = await holidaySet(ctx.em, unit.provinceId, period.year);
  const plans = months.map((m) => plannedMonth(period.year, m, rules, holidays));
  const scope = scopeSql(ctx.viewer.scope(Permission.TREE_READ), 'c.path');
  const list = (values: readonly (string | number | null)[]): string => values.map((v) => (v === null ? '' : String(v))).join(',');
  const sql = `
with cells as (
  select c.id, c.name_sort_key from org_unit c
   where ${inSubtreeSql('c.path', '?')} and c.kind in ('CELL', 'GRASSROOTS_CELL') and c.status = 'ACTIVE' and ${scope.sql}
),
months as (
  select * from unnest(string_to_array(?, ',')::int[], string_to_array(?, ',')::date[], string_to_array(?, ',')::date[],
                       string_to_array(?, ',', '')::date[], string_to_array(?, ',')::date[], string_to_array(?, ',')::date[])
         as m(month, first_day, last_day, planned_on, window_start, window_end)
),
quarters as (
  select q, make_date(?::int, (q - 1) * 3 + 1, 1) as first_day, (make_date(?::int, (q - 1) * 3 + 1, 1) + interval '3 months - 1 day')::date as last_day
    from unnest(string_to_array(?, ',')::int[]) as q
),
regular as (
  select c.id as cell_id, m.month, r.held_on, r.in_window, att.present, att.expected, att.unrecorded
    from cells c cross join months m
    left join lateral (
      select mt.id, mt.held_on, (mt.held_on = m.planned_on or mt.held_on between m.window_start and m.window_end) as in_window
        from meeting mt
       where mt.unit_id = c.id and mt.kind = 'REGULAR' and mt.status = 'HELD' and mt.held_on between m.first_day and m.last_day
       order by 3 desc, mt.held_on limit 1
    ) r on true
    left join lateral (
      select count(*) filter (where a.status = 'PRESENT') as present,
             count(*) filter (where a.status <> 'EXEMPT') as expected,
             count(*) filter (where a.status = 'NOT_RECORDED') as unrecorded
        from meeting_attendance a where a.meeting_id = r.id
    ) att on r.id is not null
),
thematic as (
  select c.id as cell_id, q.q,
         (select count(*) from meeting mt where mt.unit_id = c.id and mt.kind = 'THEMATIC' and mt.status = 'HELD'
             and mt.held_on between q.first_day and q.last_day)::int as held
    from cells c cross join quarters q
),
slots as (
  select r.cell_id, r.month, null::int as quarter, r.held_on, r.present, r.expected,
         case when r.expected > 0 then round(r.present::numeric / r.expected, 4) end as rate, null::int as thematic_held,
         array_remove(array[
           case when r.held_on is null then 'NO_REGULAR_MEETING' end,
           case when r.held_on is not null and not r.in_window then 'OUTSIDE_WINDOW' end,
           case when r.held_on is not null and r.unrecorded > 0 then 'ATTENDANCE_NOT_RECORDED' end,
           case when r.held_on is not null and r.expected > 0 and r.present::numeric / r.expected < ? then 'LOW_ATTENDANCE' end
         ], null) as reasons,
         r.held_on is not null as held, coalesce(r.in_window, false) as in_window
    from regular r
  union all
  select t.cell_id, null, t.q, null, null, null, null, t.held,
         case when t.held < ? then array['NO_THEMATIC_MEETING'] else array[]::text[] end, t.held >= ?, null
    from thematic t
)`;
  const params: unknown[] = [
    unit.path, unit.path, ...scope.params,
    list(plans.map((p) => p.month)),
    list(plans.map((p) => isoDate(period.year, p.month, 1))),
    list(plans.map((p) => lastDay(period.year, p.month))),
    list(plans.map((p) => p.plannedOn)),
    list(plans.map((p) => p.windowStart)),
    list(plans.map((p) => p.windowEnd)),
    period.year, period.year, list(quarters),
    rules.attendanceThreshold,
    rules.thematicPerQuarter, rules.thematicPerQuarter,
  ];
  return { sql, params, summaryExtra: { months: months.length, threshold: rules.attendanceThreshold } };
}

export async function complianceSummary(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): Promise<ComplianceSummary> {
  const p = await prepare(ctx, unit, period);
  const [row] = await ctx.em.getConnection().execute<Array<Record<string, string | number | null>>>(
    `${p.sql}
select (select count(*) from cells)::int as cells,
       count(*) filter (where month is not null)::int as regular_expected,
       count(*) filter (where month is not null and held)::int as regular_held,
       count(*) filter (where month is not null and in_window)::int as regular_in_window,
       count(*) filter (where 'LOW_ATTENDANCE' = any(reasons))::int as low_attendance,
       sum(present)::float / nullif(sum(expected), 0) as attendance_rate,
       count(*) filter (where quarter is not null)::int as thematic_expected,
       count(*) filter (where quarter is not null and held)::int as thematic_held,
       count(distinct cell_id) filter (where cardinality(reasons) > 0)::int as cells_short
  from slots`,
    p.params,
    'all',
  );
  return {
    cells: Number(row.cells),
    months: p.summaryExtra.months,
    regularExpected: Number(row.regular_expected),
    regularHeld: Number(row.regular_held),
    regularInWindow: Number(row.regular_in_window),
    lowAttendance: Number(row.low_attendance),
    attendanceRate: row.attendance_rate === null ? null : Math.round(Number(row.attendance_rate) * 10000) / 10000,
    thematicExpected: Number(row.thematic_expected),
    thematicHeld: Number(row.thematic_held),
    cellsFallingShort: Number(row.cells_short),
    attendanceThreshold: p.summaryExtra.threshold,
  };
}

/** Cells that fell short (optionally for given reasons), in Vietnamese name order, one page. */
export async function complianceShortfalls(
  ctx: RequestContext,
  unit: OrgUnit,
  period: CompliancePeriod,
  reasons: readonly ShortfallReason[] | null,
  window: PageWindow,
): Promise<{ cells: CellShortfall[]; offset: number; hasNextPage: boolean; total: number }> {
  const p = await prepare(ctx, unit, period);
  const filter = reasons?.length ? `reasons && string_to_array(?, ',')::text[]` : 'cardinality(reasons) > 0';
  const filterParams = reasons?.length ? [reasons.join(',')] : [];
  const grouped = `short as (
  select s.cell_id, c.name_sort_key,
         json_agg(json_build_object('month', s.month, 'quarter', s.quarter, 'heldOn', s.held_on, 'rate', s.rate,
                                    'thematicHeld', s.thematic_held, 'reasons', s.reasons) order by s.quarter nulls first, s.month) as slots
    from slots s join cells c on c.id = s.cell_id
   where ${filter}
   group by s.cell_id, c.name_sort_key
)`;
  type Row = { cell_id: number; slots: Array<Record<string, unknown>>; total: number };
  const pageSql = `${p.sql}, ${grouped} select cell_id, slots, (count(*) over ())::int as total from short order by name_sort_key, cell_id limit ? offset ?`;
  const fetch = (offset: number, limit: number): Promise<Row[]> =>
    ctx.em.getConnection().execute<Row[]>(pageSql, [...p.params, ...filterParams, limit, offset], 'all');
  let rows: Row[];
  let offset: number;
  let n: number;
  if (window.kind === 'forward') {
    // One statement: the page and, by a window count, the total.
    offset = window.offset;
    rows = await fetch(offset, window.limit);
    n = rows[0]?.total ?? (offset === 0 ? 0 : (await ctx.em.getConnection().execute<Array<{ n: number }>>(`${p.sql}, ${grouped} select count(*)::int as n from short`, [...p.params, ...filterParams], 'all'))[0].n);
  } else {
    [{ n }] = await ctx.em.getConnection().execute<Array<{ n: number }>>(`${p.sql}, ${grouped} select count(*)::int as n from short`, [...p.params, ...filterParams], 'all');
    const resolved = resolveWindow(window, n);
    offset = resolved.offset;
    rows = await fetch(offset, resolved.limit);
  }
  const cells = rows.map((r) => ({
    cellId: r.cell_id,
    slots: r.slots.map((s) => ({
      month: (s.month as number | null) ?? null,
      quarter: (s.quarter as number | null) ?? null,
      heldOn: (s.heldOn as string | null) ?? null,
      attendanceRate: s.rate === null || s.rate === undefined ? null : Number(s.rate),
      thematicHeld: (s.thematicHeld as number | null) ?? null,
      reasons: s.reasons as ShortfallReason[],
    })),
  }));
  return { cells, offset, hasNextPage: offset + cells.length < n, total: n };
}
