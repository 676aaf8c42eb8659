import type { Request } from 'express';
import { AppError, badInput } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { RequestContext } from '../request-context';
import { statisticsCsv, type StatisticsCsvRequest } from '../services/exports/statistics-csv';
import { statisticsFileName } from '../services/exports/statistics-file-name';
import { StatisticsBreakdown, StatisticsTable } from '../services/exports/statistics-tables';
import { statisticsWorkbook } from '../services/exports/statistics-workbook';
import { fromGlobalId } from '../services/global-id';
import { MemberDimension } from '../services/statistics/labels';
import type { StatisticsPeriodInput } from '../services/statistics/period';
import { statisticsSubject, type StatisticsSubject } from '../services/statistics/statistics-subject';

/** A whole file to send (statistics are small: a province's workbook is a few hundred rows). */
export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly body: string | Buffer;
}

type Query = Request['query'];

/** One value of a parameter: absent or empty is null; given twice is a bad input (which one would count?). */
function param(query: Query, name: string): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw badInput(name, 'must be given once');
  return value;
}

function integer(query: Query, name: string): number | null {
  const value = param(query, name);
  if (value === null) return null;
  if (!/^-?[0-9]{1,9}$/.test(value)) throw badInput(name, 'must be a whole number');
  return Number(value);
}

function oneOf<T extends string>(query: Query, name: string, values: readonly T[]): T | null {
  const value = param(query, name);
  if (value !== null && !(values as readonly string[]).includes(value)) throw badInput(name, `must be one of ${values.join(', ')}`);
  return value as T | null;
}

/**
 * The subject of the query parameters, checked like the `statistics` query: unit in scope
 * (NOT_FOUND), STATISTICS_READ over it (FORBIDDEN), then the period. Period errors name the query
 * parameter (year, from, to …) instead of the GraphQL input's `period.year`; a year given with a
 * range names the range's first parameter.
 */
async function subjectOf(ctx: RequestContext, query: Query): Promise<StatisticsSubject> {
  const unit = param(query, 'unitId');
  const unitId = unit === null ? null : fromGlobalId(unit, 'OrgUnit', 'unitId');
  const period: StatisticsPeriodInput = { year: integer(query, 'year'), quarter: integer(query, 'quarter'), month: integer(query, 'month'), from: param(query, 'from'), to: param(query, 'to') };
  const asOf = param(query, 'asOf');
  try {
    return await statisticsSubject(ctx, unitId, period, asOf);
  } catch (error) {
    const field = error instanceof AppError && error.code === ErrorCode.BAD_USER_INPUT ? error.details.field : undefined;
    if (field === undefined || !field.startsWith('period')) throw error;
    const parameter = field === 'period' ? (period.from !== null ? 'from' : 'to') : field.slice('period.'.length);
    throw badInput(parameter, error instanceof AppError ? String(error.details.reason) : 'is not valid');
  }
}

/** table, dimension (MEMBERS only, and required there) and breakdown: unknown values are BAD_USER_INPUT on their parameter. */
function csvRequest(query: Query): StatisticsCsvRequest {
  const tables = Object.values(StatisticsTable);
  const table = oneOf(query, 'table', tables);
  if (table === null) throw badInput('table', `is required: one of ${tables.join(', ')}`);
  const dimensions = Object.values(MemberDimension);
  const dimension = oneOf(query, 'dimension', dimensions);
  if (table === StatisticsTable.MEMBERS && dimension === null) throw badInput('dimension', `is required with table=MEMBERS: one of ${dimensions.join(', ')}`);
  if (table !== StatisticsTable.MEMBERS && dimension !== null) throw badInput('dimension', 'is only for table=MEMBERS');
  return { table, dimension, breakdown: oneOf(query, 'breakdown', Object.values(StatisticsBreakdown)) };
}

/** GET /export/statistics.csv: one table, optionally broken down by child unit or period. */
export async function statisticsCsvFile(ctx: RequestContext, query: Query): Promise<ExportFile> {
  // Parameters first, as GraphQL validates enums and integers before it runs anything.
  const request = csvRequest(query);
  const s = await subjectOf(ctx, query);
  const body = `\ufeff${await statisticsCsv(ctx, s, request)}`;
  return { name: statisticsFileName(s.unit, s.period, 'csv', request.table), type: 'text/csv; charset=utf-8', body };
}

/** GET /export/statistics.xlsx: the district report's workbook. */
export async function statisticsXlsxFile(ctx: RequestContext, query: Query): Promise<ExportFile> {
  const s = await subjectOf(ctx, query);
  return {
    name: statisticsFileName(s.unit, s.period, 'xlsx'),
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await statisticsWorkbook(ctx, s),
  };
}
