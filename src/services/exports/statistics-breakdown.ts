import type { OrgUnit } from '../../entities/org-unit';
import { OrgUnitKind } from '../../entities/org-unit-enums';
import type { RequestContext } from '../../request-context';
import { toGlobalId } from '../global-id';
import { encodeCursor, MAX_PAGE_SIZE, type Page, type PageArgs } from '../pagination';
import { resolveAsOf, StatisticsGrain, subPeriods } from '../statistics/period';
import { deeper, type StatisticsSubject } from '../statistics/statistics-subject';
import { childrenOf, listOrgUnits } from '../tree/org-unit-queries';
import { StatisticsBreakdown, type CellValue, type StatTable, type TableColumn } from './statistics-tables';

/** One row of a breakdown: its subject and the columns that say which it is. */
export interface BreakdownPart {
  readonly subject: StatisticsSubject;
  readonly head: Readonly<Record<string, CellValue>>;
}

const UNIT_HEAD: readonly TableColumn[] = [
  { key: 'unitId', header: 'Mã định danh', format: 'text' },
  { key: 'code', header: 'Mã đơn vị', format: 'text' },
  { key: 'name', header: 'Đơn vị', format: 'text' },
];
const PERIOD_HEAD: readonly TableColumn[] = [
  { key: 'from', header: 'Từ ngày', format: 'text' },
  { key: 'to', header: 'Đến ngày', format: 'text' },
];

/** The columns naming each row of a breakdown, before the figures. */
export const breakdownHead = (b: StatisticsBreakdown): readonly TableColumn[] => (b === StatisticsBreakdown.CHILD_UNIT ? UNIT_HEAD : PERIOD_HEAD);

/** Every child unit the viewer may read (the provinces for the nation), in name order, as `Statistics.children` lists them. */
export async function childUnits(ctx: RequestContext, s: StatisticsSubject): Promise<OrgUnit[]> {
  const all: OrgUnit[] = [];
  for (let after: string | null = null; ; ) {
    const args: PageArgs = { first: MAX_PAGE_SIZE, after };
    const page: Page<OrgUnit> = s.unit === null ? await listOrgUnits(ctx, { kinds: [OrgUnitKind.PROVINCE] }, undefined, args) : await childrenOf(ctx, s.unit, {}, undefined, args);
    all.push(...page.nodes);
    if (!page.hasNextPage || page.nodes.length === 0) return all;
    after = encodeCursor(page.offset + page.nodes.length - 1);
  }
}

/** The subjects of a breakdown, one level down (deeper() refuses more than the statistics allow). */
export async function breakdownParts(ctx: RequestContext, s: StatisticsSubject, breakdown: StatisticsBreakdown, field = 'breakdown'): Promise<BreakdownPart[]> {
  if (breakdown === StatisticsBreakdown.CHILD_UNIT) {
    deeper(s, field, {});
    return (await childUnits(ctx, s)).map((unit) => ({
      subject: deeper(s, field, { unit }),
      head: { unitId: toGlobalId('OrgUnit', unit.id), code: unit.code ?? null, name: unit.name },
    }));
  }
  // Stocks as of each part's end, as `Statistics.periods` takes them.
  return subPeriods(s.period, StatisticsGrain[breakdown]).map((period) => ({
    subject: deeper(s, field, { period, asOf: resolveAsOf(null, period) }),
    head: { from: period.from, to: period.to },
  }));
}

/**
 * A breakdown's tables as one wide table: each figure of the table becomes a column
 * `<row key>.<column key>` (MALE.count, KIND.CELL.count). Columns are the union over the parts in
 * first-seen order, so a row one part lacks (a topic, a position held nowhere else) is empty there.
 */
export function flatten(tables: readonly StatTable[]): { columns: TableColumn[]; rows: Array<Record<string, CellValue>> } {
  const columns = new Map<string, TableColumn>();
  const rows = tables.map((table) => {
    const out: Record<string, CellValue> = {};
    for (const row of table.rows) {
      for (const column of table.columns) {
        if (!(column.key in row.cells)) continue;
        const key = `${row.key}.${column.key}`;
        if (!columns.has(key)) columns.set(key, { ...column, key, header: `${row.label}: ${column.header}`, format: row.formats?.[column.key] ?? column.format });
        out[key] = row.cells[column.key];
      }
    }
    return out;
  });
  return { columns: [...columns.values()], rows };
}
