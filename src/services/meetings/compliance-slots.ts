import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import type { OrgUnit } from '../../entities/org-unit';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql } from '../batched-page';
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

/** One month or one quarter of a cell, as the shortfalls page shows it. */
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
  /** The months with a reason in order, then the quarters with a reason in order. */
  readonly slots: SlotShortfall[];
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

/** A unit's compliance for a period: the counts, and every cell that fell short with its slots, in name order. */
export interface ComplianceFacts {
  readonly summary: ComplianceSummary;
  readonly shortfalls: CellShortfall[];
}

/** Months begun so far (and their quarters) of a valid period; the period was checked by checkCompliance. */
export function periodMonths(period: CompliancePeriod, today: string): { months: number[]; quarters: number[] } {
  let months = Array.from({ length: 12 }, (_, i) => i + 1);
  if (period.month !== undefined && period.month !== null) months = [period.month];
  else if (period.quarter !== undefined && period.quarter !== null) months = [1, 2, 3].map((i) => ((period.quarter as number) - 1) * 3 + i);
  // Months that have not begun are not due yet; the current month counts ("not met yet").
  months = months.filter((m) => isoDate(period.year, m, 1) <= today);
  return { months, quarters: [...new Set(months.map((m) => Math.floor((m - 1) / 3) + 1))] };
}

const lastDay = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * The facts of every cell × month and cell × quarter in one statement: per month the regular
 * meeting that counts (in the window first — a month without a planned day ranks one outside it,
 * whose window test is null, before one inside, as the judgement always did — then the earliest)
 * with its attendance counts from the meeting row (kept by triggers, decision 36), per quarter the
 * thematic meetings held. The subtree's held meetings of the period's quarters are read once, by
 * one range of meeting_unit_path_idx (a meeting's unit_path is its unit's current path: moves
 * rewrite it, src/services/tree/tenant-scope.ts), and joined to the measured cells by unit.
 * A cell's facts come as text, `month,day,window,present,expected,not recorded` per held month
 * (window 1, 0, or -1 for null) and `quarter,held` per quarter with a thematic meeting, each
 * joined by ';': split in Node at a third of the cost of parsing int arrays (decision 36).
 */
const FACTS_SQL = (scope: string): string => `
with cells as (
  select c.id, c.name_sort_key from org_unit c
   where ${inSubtreeSql('c.path', '?')} and c.kind in ('CELL', 'GRASSROOTS_CELL') and c.status = 'ACTIVE' and ${scope}
),
held as materialized (
  select mt.id, mt.unit_id, mt.kind, mt.held_on, extract(month from mt.held_on)::int as month,
         mt.attendance_present as present, mt.attendance_roster - mt.attendance_exempt as expected, mt.attendance_not_recorded as unrecorded
    from meeting mt join cells c on c.id = mt.unit_id
   where ${inSubtreeSql('mt.unit_path', '?')} and mt.held_on between ?::date and ?::date and mt.kind in ('REGULAR', 'THEMATIC') and mt.status = 'HELD'
),
months as (
  select * from unnest(string_to_array(?, ',')::int[], string_to_array(?, ',', '')::date[], string_to_array(?, ',')::date[], string_to_array(?, ',')::date[])
         as m(month, planned_on, window_start, window_end)
),
regular as (
  select distinct on (h.unit_id, h.month) h.unit_id, h.month, h.held_on,
         (h.held_on = m.planned_on or h.held_on between m.window_start and m.window_end) as in_window, h.present, h.expected, h.unrecorded
    from held h join months m on m.month = h.month
   where h.kind = 'REGULAR'
   order by h.unit_id, h.month, in_window desc, h.held_on, h.id
),
thematic as (
  select unit_id, (month + 2) / 3 as quarter, count(*)::int as held
    from held where kind = 'THEMATIC' and (month + 2) / 3 = any(string_to_array(?, ',')::int[])
   group by 1, 2
)
select c.id as cell_id, r.facts as regular, t.facts as thematic
  from cells c
  left join (
    select unit_id, string_agg(concat_ws(',', month, extract(day from held_on)::int, case when in_window then 1 when not in_window then 0 else -1 end,
                                         present, expected, unrecorded), ';' order by month) as facts
      from regular group by unit_id
  ) r on r.unit_id = c.id
  left join (select unit_id, string_agg(quarter || ',' || held, ';' order by quarter) as facts from thematic group by unit_id) t on t.unit_id = c.id
 order by c.name_sort_key, c.id`;

interface FactsRow {
  cell_id: number;
  regular: string | null;
  thematic: string | null;
}

/** `a,b,c;d,e,f` → [[a, b, c], [d, e, f]] keyed by the first number. */
function decode(facts: string | null): Map<number, number[]> {
  const byKey = new Map<number, number[]>();
  if (facts === null) return byKey;
  for (const part of facts.split(';')) {
    const values = part.split(',').map(Number);
    byKey.set(values[0], values);
  }
  return byKey;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** round(present / expected, 4), half away from zero, in integers: the figure numeric rounding gave. */
const rate4 = (present: number, expected: number): number => Math.floor((2 * present * 10000 + expected) / (2 * expected)) / 10000;

interface Rules {
  readonly year: number;
  /** The attendance threshold in ten-thousandths (numeric(5,4)): compared in integers, exactly. */
  readonly threshold: number;
  readonly thematicPerQuarter: number;
}

/** What the summary adds up over the cells. */
interface Totals {
  regularHeld: number;
  regularInWindow: number;
  lowAttendance: number;
  present: number;
  expected: number;
  thematicHeld: number;
}

/**
 * A cell's facts judged against the rules, as the statement before decision 36 judged them: the
 * slots with a reason (null when none), and the cell's part of the totals added to `totals`.
 */
function judge(row: FactsRow, months: readonly number[], quarters: readonly number[], rules: Rules, totals: Totals): SlotShortfall[] | null {
  const regular = decode(row.regular);
  const thematic = decode(row.thematic);
  const short: SlotShortfall[] = [];
  for (const month of months) {
    const f = regular.get(month);
    if (!f) {
      short.push({ month, quarter: null, heldOn: null, attendanceRate: null, thematicHeld: null, reasons: [ShortfallReason.NO_REGULAR_MEETING] });
      continue;
    }
    const [, day, window, present, expected, unrecorded] = f;
    totals.regularHeld += 1;
    if (window === 1) totals.regularInWindow += 1;
    totals.present += present;
    totals.expected += expected;
    const reasons: ShortfallReason[] = [];
    // Only a window test that is false flags the month (a null one does not).
    if (window === 0) reasons.push(ShortfallReason.OUTSIDE_WINDOW);
    if (unrecorded > 0) reasons.push(ShortfallReason.ATTENDANCE_NOT_RECORDED);
    if (expected > 0 && present * 10000 < rules.threshold * expected) {
      reasons.push(ShortfallReason.LOW_ATTENDANCE);
      totals.lowAttendance += 1;
    }
    if (reasons.length > 0) {
      short.push({ month, quarter: null, heldOn: `${rules.year}-${pad(month)}-${pad(day)}`, attendanceRate: expected > 0 ? rate4(present, expected) : null, thematicHeld: null, reasons });
    }
  }
  for (const quarter of quarters) {
    const held = thematic.get(quarter)?.[1] ?? 0;
    if (held >= rules.thematicPerQuarter) totals.thematicHeld += 1;
    else short.push({ month: null, quarter, heldOn: null, attendanceRate: null, thematicHeld: held, reasons: [ShortfallReason.NO_THEMATIC_MEETING] });
  }
  return short.length > 0 ? short : null;
}

async function loadFacts(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod, months: readonly number[], quarters: readonly number[]): Promise<ComplianceFacts> {
  const rules = await rulesFor(ctx.em, unit.provinceId);
  const holidays = await holidaySet(ctx.em, unit.provinceId, period.year);
  const plans = months.map((m) => plannedMonth(period.year, m, rules, holidays));
  const scope = scopeSql(ctx.viewer.scope(Permission.TREE_READ), 'c.path');
  const list = (values: readonly (string | number | null)[]): string => values.map((v) => (v === null ? '' : String(v))).join(',');
  const y = period.year;
  // The meetings read: the period's whole quarters (a month's slot comes with its quarter's thematic one); none when nothing is due.
  const from = quarters.length ? isoDate(y, (quarters[0] - 1) * 3 + 1, 1) : null;
  const to = quarters.length ? lastDay(y, quarters[quarters.length - 1] * 3) : null;
  const rows = await ctx.em.getConnection().execute<FactsRow[]>(
    FACTS_SQL(scope.sql),
    [
      unit.path, unit.path, ...scope.params,
      unit.path, unit.path, from, to,
      list(plans.map((p) => p.month)),
      list(plans.map((p) => p.plannedOn)),
      list(plans.map((p) => p.windowStart)),
      list(plans.map((p) => p.windowEnd)),
      list(quarters),
    ],
    'all',
  );
  const judged: Rules = { year: y, threshold: Math.round(rules.attendanceThreshold * 10000), thematicPerQuarter: rules.thematicPerQuarter };
  const totals: Totals = { regularHeld: 0, regularInWindow: 0, lowAttendance: 0, present: 0, expected: 0, thematicHeld: 0 };
  const shortfalls: CellShortfall[] = [];
  for (const row of rows) {
    const slots = judge(row, months, quarters, judged, totals);
    if (slots) shortfalls.push({ cellId: row.cell_id, slots });
  }
  const cells = rows.length;
  return {
    summary: {
      cells,
      months: months.length,
      regularExpected: cells * months.length,
      regularHeld: totals.regularHeld,
      regularInWindow: totals.regularInWindow,
      lowAttendance: totals.lowAttendance,
      // The sums' quotient in double precision, then four decimals, as the statement's float division gave.
      attendanceRate: totals.expected > 0 ? Math.round((totals.present / totals.expected) * 10000) / 10000 : null,
      thematicExpected: cells * quarters.length,
      thematicHeld: totals.thematicHeld,
      cellsFallingShort: shortfalls.length,
      attendanceThreshold: rules.attendanceThreshold,
    },
    shortfalls,
  };
}

/** Per request (keyed by its loaders), per unit and period: the summary and the shortfalls page share one computation. */
const perRequest = new WeakMap<object, Map<string, Promise<ComplianceFacts>>>();

/** A unit's compliance for a valid period (checkCompliance), computed once per request. */
export function complianceFacts(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod, months: readonly number[], quarters: readonly number[]): Promise<ComplianceFacts> {
  let memo = perRequest.get(ctx.loaders);
  if (!memo) {
    memo = new Map();
    perRequest.set(ctx.loaders, memo);
  }
  const key = `${unit.id}|${period.year}|${period.month ?? ''}|${period.quarter ?? ''}`;
  let facts = memo.get(key);
  if (!facts) {
    facts = loadFacts(ctx, unit, period, months, quarters);
    memo.set(key, facts);
  }
  return facts;
}
