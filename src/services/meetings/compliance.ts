import { Permission } from '../../auth/permission';
import type { OrgUnit } from '../../entities/org-unit';
import { badInput, forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { validYear } from '../validate';
import { todayInVietnam } from '../calendar';
import { type PageWindow, resolveWindow } from '../pagination';
import { complianceFacts, periodMonths, type CellShortfall, type CompliancePeriod, type ComplianceFacts, type ComplianceSummary, type ShortfallReason } from './compliance-slots';

export { ShortfallReason, type CellShortfall, type CompliancePeriod, type ComplianceSummary, type SlotShortfall } from './compliance-slots';

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

function factsOf(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): Promise<ComplianceFacts> {
  const { months, quarters } = checkCompliance(ctx, unit, period);
  return complianceFacts(ctx, unit, period, months, quarters);
}

/** Counts and rates over every cell × month and cell × quarter of the subtree. */
export async function complianceSummary(ctx: RequestContext, unit: OrgUnit, period: CompliancePeriod): Promise<ComplianceSummary> {
  return (await factsOf(ctx, unit, period)).summary;
}

/** Cells that fell short (optionally for given reasons), in Vietnamese name order, one page. */
export async function complianceShortfalls(
  ctx: RequestContext,
  unit: OrgUnit,
  period: CompliancePeriod,
  reasons: readonly ShortfallReason[] | null,
  window: PageWindow,
): Promise<{ cells: CellShortfall[]; offset: number; hasNextPage: boolean; total: number }> {
  const { shortfalls } = await factsOf(ctx, unit, period);
  let short = shortfalls;
  if (reasons?.length) {
    const wanted = new Set(reasons);
    short = [];
    for (const cell of shortfalls) {
      const slots = cell.slots.filter((s) => s.reasons.some((r) => wanted.has(r)));
      if (slots.length > 0) short.push({ cellId: cell.cellId, slots });
    }
  }
  const resolved = resolveWindow(window, short.length);
  const page = short.slice(resolved.offset, resolved.offset + resolved.limit);
  // A first page of size 0 has always answered a total of 0 (the count came from the page's rows); kept (decision 36).
  const total = window.kind === 'forward' && resolved.offset === 0 && resolved.limit === 0 ? 0 : short.length;
  return { cells: page, offset: resolved.offset, hasNextPage: resolved.offset + page.length < total, total };
}
