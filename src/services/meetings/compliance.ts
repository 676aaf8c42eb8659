import { Permission } from '../../auth/permission';
import type { OrgUnit } from '../../entities/org-unit';
import { badInput, forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { validYear } from '../validate';
import { todayInVietnam } from '../calendar';
import { type PageWindow, resolveWindow } from '../pagination';
import { complianceSlots, periodMonths, ShortfallReason, type CompliancePeriod, type SlotShortfall } from './compliance-slots';

export { ShortfallReason, type CompliancePeriod, type SlotShortfall } from './compliance-slots';

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

export interface CellShortfall {
  readonly cellId: number;
  readonly slots: SlotShortfall[];
}

function checkPeriod(period: CompliancePeriod): { months: number[]; quarters: number[] } {
  validYear(period.year, 'period.year');
  if (period.month !== undefined && period.month !== null && period.quarter !== undefined && period.quarter !== null) {
    throw badInput('period.quarter', 'give a month or a quarter, not both');
  }
  if (period.month !== undefined && period.month !== null && (!Number.isInteger(period.month) || period.month < 1 || period.month > 12)) {
    throw badInput('period.month', 'must be 1 to 12');
  }
  if (period.quarter !== undefined && period.quarter !== null && (!Number.isInteger(period.quarter) || period.quarter < 1 || period.quarter > 4)) {
    throw badInput('period.quarter', 'must be 1 to 4');
  }
  return periodMonths(period, todayInVietnam());
}

/** The caller's right to see the unit's compliance, and a valid period: checked before any SQL. */
export function checkCompliance(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): { months: number[]; quarters: number[] } {
  if (!ctx.viewer.can(Permission.STATISTICS_READ, unit.path) && !ctx.viewer.can(Permission.MEETINGS_READ, unit.path)) {
    throw forbidden('You may not see meeting compliance here');
  }
  return checkPeriod(period);
}

function slotsOf(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): ReturnType<typeof complianceSlots> {
  const { months, quarters } = checkCompliance(ctx, unit, period);
  return complianceSlots(ctx, unit, period, months, quarters);
}

/** Counts and rates over every cell × month and cell × quarter of the subtree. */
export async function complianceSummary(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): Promise<ComplianceSummary> {
  const { cells, months, threshold } = await slotsOf(ctx, unit, period);
  const n = { regularExpected: 0, regularHeld: 0, regularInWindow: 0, lowAttendance: 0, present: 0, expected: 0, thematicExpected: 0, thematicHeld: 0, short: 0 };
  for (const cell of cells) {
    if (cell.short) n.short += 1;
    for (const s of cell.slots) {
      if (s.month === null) {
        n.thematicExpected += 1;
        if (s.held) n.thematicHeld += 1;
        continue;
      }
      n.regularExpected += 1;
      if (!s.held) continue;
      n.regularHeld += 1;
      if (s.inWindow) n.regularInWindow += 1;
      if (s.reasons.includes(ShortfallReason.LOW_ATTENDANCE)) n.lowAttendance += 1;
      n.present += s.present;
      n.expected += s.expected;
    }
  }
  return {
    cells: cells.length,
    months,
    regularExpected: n.regularExpected,
    regularHeld: n.regularHeld,
    regularInWindow: n.regularInWindow,
    lowAttendance: n.lowAttendance,
    // The sums' quotient in double precision, then four decimals, as the statement's float division gave.
    attendanceRate: n.expected > 0 ? Math.round((n.present / n.expected) * 10000) / 10000 : null,
    thematicExpected: n.thematicExpected,
    thematicHeld: n.thematicHeld,
    cellsFallingShort: n.short,
    attendanceThreshold: threshold,
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
  const { cells } = await slotsOf(ctx, unit, period);
  const wanted = reasons?.length ? new Set(reasons) : null;
  const short: CellShortfall[] = [];
  for (const cell of cells) {
    if (!cell.short) continue;
    const slots = cell.slots
      .filter((s) => (wanted ? s.reasons.some((r) => wanted.has(r)) : s.reasons.length > 0))
      .map(({ month, quarter, heldOn, attendanceRate, thematicHeld, reasons: why }) => ({ month, quarter, heldOn, attendanceRate, thematicHeld, reasons: why }));
    if (slots.length > 0) short.push({ cellId: cell.cellId, slots });
  }
  const resolved = resolveWindow(window, short.length);
  const page = short.slice(resolved.offset, resolved.offset + resolved.limit);
  // A first page of size 0 has always answered a total of 0 (the count came from the page's rows); kept (decision 36).
  const total = window.kind === 'forward' && resolved.offset === 0 && resolved.limit === 0 ? 0 : short.length;
  return { cells: page, offset: resolved.offset, hasNextPage: resolved.offset + page.length < total, total };
}
