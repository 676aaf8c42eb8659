/** The planned regular-meeting date of each month, from a province's rules and holidays (pure). */
export interface CalendarRules {
  readonly regularDay: number;
  readonly windowFirstDay: number;
  readonly windowLastDay: number;
}

export interface PlannedMonth {
  readonly month: number;
  /** YYYY-MM-DD, or null when every day of the window is a holiday. */
  readonly plannedOn: string | null;
  /** True when the rule day is a holiday and the date moved within the window. */
  readonly moved: boolean;
  readonly windowStart: string;
  readonly windowEnd: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

/**
 * The rule day (Lai Châu: the 3rd) unless it is a holiday; then the first day of the window
 * (the first week) that is not a holiday, looking forward from the rule day first.
 */
export function plannedMonth(year: number, month: number, rules: CalendarRules, holidays: ReadonlySet<string>): PlannedMonth {
  const windowStart = isoDate(year, month, rules.windowFirstDay);
  const windowEnd = isoDate(year, month, rules.windowLastDay);
  const ruleDay = isoDate(year, month, rules.regularDay);
  if (!holidays.has(ruleDay)) return { month, plannedOn: ruleDay, moved: false, windowStart, windowEnd };
  const candidates: number[] = [];
  for (let d = rules.regularDay + 1; d <= rules.windowLastDay; d += 1) candidates.push(d);
  for (let d = rules.regularDay - 1; d >= rules.windowFirstDay; d -= 1) candidates.push(d);
  const day = candidates.find((d) => !holidays.has(isoDate(year, month, d)));
  return { month, plannedOn: day === undefined ? null : isoDate(year, month, day), moved: true, windowStart, windowEnd };
}

export function plannedYear(year: number, rules: CalendarRules, holidays: ReadonlySet<string>): PlannedMonth[] {
  return Array.from({ length: 12 }, (_, i) => plannedMonth(year, i + 1, rules, holidays));
}

/** Vietnam has no daylight saving: local time is UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The Vietnam calendar date of an instant: 23:30 on 31 March in Hà Nội is still the first quarter. */
export function vietnamDateOf(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}
