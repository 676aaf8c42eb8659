/**
 * A statistics table as both exports print it: the CSV with the stable English keys of rows and
 * columns, the workbook with their Vietnamese labels and number formats. One function per table
 * turns a section's view into this shape, so the two files cannot drift apart.
 */

/** The tables `GET /export/statistics.csv?table=` knows. */
export enum StatisticsTable {
  UNITS = 'UNITS',
  MEMBERS = 'MEMBERS',
  ADMISSIONS = 'ADMISSIONS',
  POSITIONS = 'POSITIONS',
  MEETINGS = 'MEETINGS',
  THEMATIC_MATRIX = 'THEMATIC_MATRIX',
  INDICATORS = 'INDICATORS',
  EVALUATIONS = 'EVALUATIONS',
  OVERSIGHT = 'OVERSIGHT',
  INSPECTIONS = 'INSPECTIONS',
}

/** One row per child unit, or per month, quarter or year of the period (the calendar grains of StatisticsGrain). */
export enum StatisticsBreakdown {
  CHILD_UNIT = 'CHILD_UNIT',
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

/**
 * How a figure is written in the workbook: count (#,##0), number (decimals kept), share (0–1 as
 * 0.00%), percent (a percentage already, 0.00), year (no separator), text and boolean (via the
 * column's labels). The CSV writes every value as it is.
 */
export type CellFormat = 'count' | 'number' | 'share' | 'percent' | 'year' | 'text' | 'boolean';

export type CellValue = number | string | boolean | null;

export interface TableColumn {
  /** Stable English key: the CSV header. */
  readonly key: string;
  /** Vietnamese header of the workbook. */
  readonly header: string;
  readonly format: CellFormat;
  /** Vietnamese names of a text or boolean column's values, for the workbook. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface TableRow {
  /** Stable English key, unique in the table (e.g. KIND.CELL, FEMALE). */
  readonly key: string;
  /** Vietnamese name, as the reports print it. */
  readonly label: string;
  /** Figures by column key; a column the row does not have is absent (not null). */
  readonly cells: Readonly<Record<string, CellValue>>;
  /** A format other than the column's for some cells (a share in a column of counts). */
  readonly formats?: Readonly<Record<string, CellFormat>>;
  /** Vietnamese heading of the group the row opens or continues (the workbook prints it once). */
  readonly section?: string;
}

export interface StatTable {
  /** Vietnamese header of the label column. */
  readonly labelHeader: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

export const count = (key: string, header: string): TableColumn => ({ key, header, format: 'count' });
export const shareColumn = (key: string, header: string): TableColumn => ({ key, header, format: 'share' });

/** The column of key–value tables (admissions, evaluations …): one figure per row. */
const VALUE = 'value';
const valueColumn: TableColumn = { key: VALUE, header: 'Số liệu', format: 'count' };

/** A key–value row; `format` when the figure is not a count. */
export const valueRow = (key: string, label: string, value: CellValue, format?: CellFormat): TableRow => ({
  key,
  label,
  cells: { [VALUE]: value },
  ...(format ? { formats: { [VALUE]: format } } : {}),
});

/** Rows under one Vietnamese heading. */
export const inSection = (section: string, rows: readonly TableRow[]): TableRow[] => rows.map((row) => ({ ...row, section }));

/** A key–value table: one figure per row, rows in groups. */
export const valueTable = (...groups: ReadonlyArray<readonly TableRow[]>): StatTable => ({ labelHeader: 'Nội dung', columns: [valueColumn], rows: groups.flat() });

/** Two tables as one: the first's label header, the union of the columns, the rows one after the other. */
export function concatTables(first: StatTable, second: StatTable): StatTable {
  const seen = new Set(first.columns.map((c) => c.key));
  return { labelHeader: first.labelHeader, columns: [...first.columns, ...second.columns.filter((c) => !seen.has(c.key))], rows: [...first.rows, ...second.rows] };
}
