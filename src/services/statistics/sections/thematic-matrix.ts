import { CellType } from '../../../entities/org-unit-enums';
import type { RequestContext } from '../../../request-context';
import { cellTypeLabel } from '../labels';
import { rows, total, type StatisticsSubject } from '../statistics-subject';

export interface TopicRef {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

export interface CellTypeCount {
  /** null: meetings of units that are not cells. */
  readonly cellType: CellType | null;
  readonly label: string;
  readonly count: number;
}

export interface ThematicMatrixRow {
  /** null: thematic meetings recorded without a topic. */
  readonly topic: TopicRef | null;
  readonly byCellType: readonly CellTypeCount[];
  readonly total: number;
}

/**
 * Held thematic meetings by topic × cell type (the district report's table). A meeting on two
 * topics is in two rows, so the column totals count meetings and the rows may add up to more.
 */
export interface ThematicMatrixView {
  readonly rows: readonly ThematicMatrixRow[];
  readonly columnTotals: readonly CellTypeCount[];
  readonly total: number;
}

/** The province's topics (the shared ones and its own), and any others that were used: one statement for every key of a request. */
async function topicsFor(ctx: RequestContext, provinceId: number | null, used: readonly number[]): Promise<TopicRef[]> {
  type TopicRow = TopicRef & { province_id: number | null; active: boolean };
  return ctx.loaders
    .keyed<string, TopicRef[]>('statTopics', async (keys) => {
      const wanted = keys.map((key) => JSON.parse(key) as [number | null, number[]]);
      const all = await ctx.em.getConnection().execute<TopicRow[]>(
        `select id, code, name, province_id, active from thematic_topic
          where province_id is null or province_id = any(?::int[]) or id = any(?::int[])
          order by province_id nulls first, sort_order, id`,
        [`{${wanted.map(([p]) => p ?? 0).join(',')}}`, `{${wanted.flatMap(([, ids]) => ids).join(',')}}`],
        'all',
      );
      return wanted.map(([province, ids]) =>
        all.filter((t) => (t.active && (t.province_id === null || t.province_id === province)) || ids.includes(t.id)).map(({ id, code, name }) => ({ id, code, name })),
      );
    })
    .load(JSON.stringify([provinceId, [...used].sort((a, b) => a - b)]));
}

export async function thematicMatrix(ctx: RequestContext, s: StatisticsSubject): Promise<ThematicMatrixView> {
  const [topicRows, held] = await Promise.all([rows(ctx, s, 'THEMATIC_TOPICS'), rows(ctx, s, 'MEETINGS_HELD')]);
  const thematic = held.filter((r) => r.k1 === 'THEMATIC');
  const untyped = total(thematic, (r) => r.k2 === '') > 0;
  const columns: (CellType | null)[] = [...Object.values(CellType), ...(untyped ? [null] : [])];
  const counts = (list: typeof held, topic: string | null): CellTypeCount[] =>
    columns.map((cellType) => ({ cellType, label: cellTypeLabel(cellType), count: total(list, (r) => (topic === null || r.k1 === topic) && r.k2 === (cellType ?? '')) }));
  const used = [...new Set(topicRows.filter((r) => r.k1 !== '').map((r) => Number(r.k1)))];
  const topics = await topicsFor(ctx, s.unit?.provinceId ?? null, used);
  const matrixRows: ThematicMatrixRow[] = topics.map((topic) => {
    const byCellType = counts(topicRows, String(topic.id));
    return { topic, byCellType, total: byCellType.reduce((sum, c) => sum + c.count, 0) };
  });
  if (total(topicRows, (r) => r.k1 === '') > 0) {
    const byCellType = counts(topicRows, '');
    matrixRows.push({ topic: null, byCellType, total: byCellType.reduce((sum, c) => sum + c.count, 0) });
  }
  const columnTotals = counts(thematic, null);
  return { rows: matrixRows, columnTotals, total: total(thematic) };
}
