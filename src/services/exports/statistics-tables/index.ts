import type { RequestContext } from '../../../request-context';
import { indicatorValues } from '../../statistics/indicators';
import type { MemberDimension } from '../../statistics/labels';
import { admissionStatistics } from '../../statistics/sections/admissions';
import { evaluationStatistics } from '../../statistics/sections/evaluations';
import { inspectionStatistics } from '../../statistics/sections/inspections';
import { meetingStatistics } from '../../statistics/sections/meetings';
import { memberStatistics } from '../../statistics/sections/members';
import { oversightStatistics } from '../../statistics/sections/oversight';
import { positionStatistics } from '../../statistics/sections/positions';
import { thematicMatrix } from '../../statistics/sections/thematic-matrix';
import { unitStatistics } from '../../statistics/sections/units';
import type { StatisticsSubject } from '../../statistics/statistics-subject';
import { meetingsTable, thematicMatrixTable } from './meeting-tables';
import { evaluationsTable, indicatorsTable, inspectionsTable, oversightTable } from './result-tables';
import { StatisticsTable, type StatTable } from './table';
import { admissionsTable, membersTable, positionsTable, unitsTable } from './tree-tables';

/** What a table is asked with besides its subject: the member dimension, for MEMBERS. */
export interface TableOptions {
  readonly dimension: MemberDimension | null;
}

/**
 * Names of the inspection subjects (configurable per province) by code: the shared ones and the
 * province's own; one statement per request whatever the number of subjects asked.
 */
export function inspectionSubjectNames(ctx: RequestContext, provinceId: number | null): Promise<ReadonlyMap<string, string>> {
  return ctx.loaders
    .keyed<number, ReadonlyMap<string, string>>('inspectionSubjectNames', async (provinces) => {
      const rows = await ctx.em.getConnection().execute<Array<{ province_id: number | null; code: string; name: string }>>(
        'select province_id, code, name from inspection_subject where province_id is null or province_id = any(?::int[]) order by province_id nulls first',
        [`{${provinces.join(',')}}`],
        'all',
      );
      // The province's own name of a code wins over the shared one.
      return provinces.map((p) => new Map(rows.filter((r) => r.province_id === null || r.province_id === p).map((r) => [r.code, r.name])));
    })
    .load(provinceId ?? 0);
}

const TABLES: Readonly<Record<StatisticsTable, (ctx: RequestContext, s: StatisticsSubject, options: TableOptions) => Promise<StatTable>>> = {
  UNITS: async (ctx, s) => unitsTable(await unitStatistics(ctx, s)),
  MEMBERS: async (ctx, s, { dimension }) => {
    if (dimension === null) throw new Error('MEMBERS needs a dimension');
    return membersTable(await memberStatistics(ctx, s), dimension);
  },
  ADMISSIONS: async (ctx, s) => admissionsTable(await admissionStatistics(ctx, s)),
  POSITIONS: async (ctx, s) => positionsTable(await positionStatistics(ctx, s)),
  MEETINGS: async (ctx, s) => meetingsTable(await meetingStatistics(ctx, s)),
  THEMATIC_MATRIX: async (ctx, s) => thematicMatrixTable(await thematicMatrix(ctx, s)),
  INDICATORS: async (ctx, s) => indicatorsTable(await indicatorValues(ctx, s)),
  EVALUATIONS: async (ctx, s) => evaluationsTable(await evaluationStatistics(ctx, s)),
  OVERSIGHT: async (ctx, s) => oversightTable(await oversightStatistics(ctx, s)),
  INSPECTIONS: async (ctx, s) => {
    const [view, names] = await Promise.all([inspectionStatistics(ctx, s), inspectionSubjectNames(ctx, s.unit?.provinceId ?? null)]);
    return inspectionsTable(view, names);
  },
};

/** One table of a subject, read through the same section services as the `statistics` query. */
export function statisticsTable(ctx: RequestContext, s: StatisticsSubject, table: StatisticsTable, options: TableOptions): Promise<StatTable> {
  return TABLES[table](ctx, s, options);
}

export * from './table';
