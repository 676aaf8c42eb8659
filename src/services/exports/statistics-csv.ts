import type { RequestContext } from '../../request-context';
import type { StatisticsSubject } from '../statistics/statistics-subject';
import { csvRows } from './formula-guard';
import { breakdownHead, breakdownParts, flatten } from './statistics-breakdown';
import { statisticsTable, type StatisticsBreakdown, type StatisticsTable, type TableOptions } from './statistics-tables';

export interface StatisticsCsvRequest extends TableOptions {
  readonly table: StatisticsTable;
  readonly breakdown: StatisticsBreakdown | null;
}


/**
 * One statistics table as CSV: a row per row of the table (key, label, figures), or with a
 * breakdown a row per child unit or period with the table's figures flattened into columns.
 * Headers are stable English keys; labels are the reports' Vietnamese.
 */
export async function statisticsCsv(ctx: RequestContext, s: StatisticsSubject, request: StatisticsCsvRequest): Promise<string> {
  if (request.breakdown === null) {
    const table = await statisticsTable(ctx, s, request.table, request);
    const keys = table.columns.map((c) => c.key);
    return csvRows([['key', 'label', ...keys], ...table.rows.map((row) => [row.key, row.label, ...keys.map((k) => row.cells[k])])]);
  }
  const parts = await breakdownParts(ctx, s, request.breakdown);
  // Every part at once, so the rollup reads of all of them go out as one batch.
  const tables = await Promise.all(parts.map((p) => statisticsTable(ctx, p.subject, request.table, request)));
  const flat = flatten(tables);
  const head = breakdownHead(request.breakdown).map((c) => c.key);
  const figures = flat.columns.map((c) => c.key);
  return csvRows([
    [...head, ...figures],
    ...parts.map((p, i) => [...head.map((k) => p.head[k]), ...figures.map((k) => flat.rows[i][k])]),
  ]);
}
