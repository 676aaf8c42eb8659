/**
 * What the rollups hold. A family is the part of a unit's contribution recomputed together when
 * one of its base tables changes (the migration's triggers mark unit × family); a metric is a kind
 * of row, with two keys and up to five summable values (n, a, b, c, d).
 */
export enum StatFamily {
  TREE = 'TREE',
  MEMBERS = 'MEMBERS',
  POSITIONS = 'POSITIONS',
  MEETINGS = 'MEETINGS',
  COMPLIANCE = 'COMPLIANCE',
  EVALUATIONS = 'EVALUATIONS',
  GRADES = 'GRADES',
  OVERSIGHT = 'OVERSIGHT',
  INSPECTIONS = 'INSPECTIONS',
}

/** Same list and order as the migration's stat_families(). */
export const STAT_FAMILIES: readonly StatFamily[] = Object.values(StatFamily);

/**
 * How a metric's rows are read for a period [from, to] and a date asOf:
 * - STOCK: a value on a day (members, units, positions). Row day = infinity holds the value after
 *   every change; other rows are the changes on their day since the horizon. As of D: the
 *   infinity row minus the changes after D.
 * - FLOW: events on their day (admissions, meetings), summed over the period.
 * - ANNUAL: facts of a calendar year, dated 1 January (grades, inspections of the year), summed
 *   over the years the period touches.
 */
export type MetricTiming = 'STOCK' | 'FLOW' | 'ANNUAL';

export const METRICS = {
  // TREE: the unit itself, counted at its ancestors only (k1 kind, k2 cell type).
  UNITS: 'STOCK',
  // MEMBERS: official memberships (k1 dimension, k2 value), events at the unit, residential cells' size flag.
  MEMBERS: 'STOCK',
  ADMISSIONS: 'FLOW',
  RECOGNITIONS: 'FLOW',
  EXITS: 'FLOW',
  // MEMBERS and POSITIONS: flags of a cell (k1 flag, k2 cell type).
  CELL_FLAGS: 'STOCK',
  // POSITIONS: positions held (k1 position, k2 unit kind).
  POSITIONS: 'STOCK',
  // MEETINGS: held meetings (k1 kind, k2 cell type; n meetings, a present, b expected, c minutes, d with a duration) and their topics.
  MEETINGS_HELD: 'FLOW',
  THEMATIC_TOPICS: 'FLOW',
  // COMPLIANCE: a cell's month and quarter slots, dated the first day (k1 outcome, k2 cell type).
  COMPLIANCE: 'FLOW',
  // EVALUATIONS: meeting ratings by the meeting's day, cells' ratings by period start, meetings left unscored.
  MEETING_RATINGS: 'FLOW',
  CELL_RATINGS: 'FLOW',
  EVALUATION_GAPS: 'FLOW',
  // GRADES: annual grades (k1 subject kind, k2 level) and four-good results.
  GRADES: 'ANNUAL',
  FOUR_GOOD: 'ANNUAL',
  // OVERSIGHT: a cell inspected, supervised, covered in a year or quarter (k1 what, k2 grain), visits, weak-cell flags.
  OVERSIGHT: 'FLOW',
  SUPERVISION_VISITS: 'FLOW',
  WEAK_FLAGS: 'FLOW',
  // INSPECTIONS: run by the unit (by year), remediation by deadline, discipline of the unit by day.
  INSPECTIONS: 'ANNUAL',
  INSPECTION_TARGETS: 'ANNUAL',
  FINDINGS: 'ANNUAL',
  REMEDIATION: 'FLOW',
  DISCIPLINE: 'FLOW',
} as const satisfies Record<string, MetricTiming>;

export type Metric = keyof typeof METRICS;

export const metricsTimed = (timing: MetricTiming): Metric[] => (Object.keys(METRICS) as Metric[]).filter((m) => METRICS[m] === timing);

/** Kinds of unit whose subtree sums are kept in stat_fact; cells and party groups are summed from their own rows. */
export const CELL_LEVEL_KINDS = ['CELL', 'GRASSROOTS_CELL', 'PARTY_GROUP'] as const;

/** The national sums are stat_fact rows of this unit id. */
export const NATION = 0;

/** A residential cell counts towards "cells with at least N members" (domain.md §7: 95% of village cells with 4–5). */
export const VILLAGE_CELL_MIN_MEMBERS = 5;
