import { parse } from 'csv-parse/sync';
import { restoreFormulaText } from '../exports/formula-guard';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';

/** One problem of an import: its row as a spreadsheet numbers it (the header is row 1) and its column. */
export interface ImportProblem {
  readonly row: number;
  readonly column: string | null;
  readonly reason: string;
}

export interface CsvRow {
  /** Spreadsheet row number: the header is 1, the first data row 2. */
  readonly row: number;
  readonly values: Readonly<Record<string, string>>;
}

export const MAX_IMPORT_ROWS = 5000;

/** A rejected import: nothing was written; every problem found is listed (BAD_USER_INPUT). */
export function importRejected(problems: readonly ImportProblem[]): AppError {
  const shown = problems.slice(0, 1000);
  return new AppError(ErrorCode.BAD_USER_INPUT, `Invalid input.csv: ${problems.length} problem(s); nothing was imported`, {
    field: 'input.csv',
    reason: `${problems.length} problem(s); nothing was imported`,
    problems: shown,
    problemCount: problems.length,
  });
}

/**
 * Refuses a file before any row is applied when its header is wrong or it has more rows than the
 * cap: neither can be fixed by applying rows, and a file over the cap must cost no more than its parse.
 */
export function refuseBeforeApplying(rows: readonly CsvRow[], problems: readonly ImportProblem[]): void {
  if (rows.length > MAX_IMPORT_ROWS || problems.some((p) => p.row === 1)) throw importRejected(problems);
}

/** Columns an export adds (global id, status) that an import reads past, so an exported file imports back. */
const EXPORT_ONLY = ['id', 'status'];

/**
 * Parses CSV text with a header row. Unknown and missing required columns are problems of row 1;
 * a UTF-8 byte-order mark (Excel's) is ignored; values are trimmed, empty means absent, and the
 * quote an export puts before formula-like text (formula-guard.ts) is taken off.
 */
export function readCsv(text: string, columns: readonly string[], required: readonly string[]): { rows: CsvRow[]; problems: ImportProblem[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ row: line, column: null, reason: `not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ row: 1, column: null, reason: 'the file is empty: a header row is required' }] };
  const problems: ImportProblem[] = [];
  header.forEach((name) => {
    if (!columns.includes(name) && !EXPORT_ONLY.includes(name)) problems.push({ row: 1, column: name, reason: `unknown column; the columns are ${columns.join(', ')}` });
  });
  for (const name of required) if (!header.includes(name)) problems.push({ row: 1, column: name, reason: 'required column is missing' });
  if (data.length === 0) problems.push({ row: 2, column: null, reason: 'the file has no data rows' });
  if (data.length > MAX_IMPORT_ROWS) problems.push({ row: MAX_IMPORT_ROWS + 2, column: null, reason: `at most ${MAX_IMPORT_ROWS} rows per file` });
  const rows = data.map((record, i) => {
    const values: Record<string, string> = {};
    header.forEach((name, c) => {
      if (record[c] !== undefined && record[c] !== '' && !EXPORT_ONLY.includes(name)) values[name] = restoreFormulaText(record[c]);
    });
    if (record.length > header.length) problems.push({ row: i + 2, column: null, reason: `has ${record.length} values for ${header.length} columns` });
    for (const name of required) if (header.includes(name) && values[name] === undefined) problems.push({ row: i + 2, column: name, reason: 'must not be empty' });
    return { row: i + 2, values };
  });
  return { rows, problems };
}

/** A value that must be one of an enum's names. */
export function enumValue<T extends string>(row: CsvRow, column: string, allowed: readonly T[], problems: ImportProblem[]): T | null {
  const value = row.values[column];
  if (value === undefined) return null;
  if (!(allowed as readonly string[]).includes(value)) {
    problems.push({ row: row.row, column, reason: `must be one of ${allowed.join(', ')}` });
    return null;
  }
  return value as T;
}

/** Maps a service error's field (input.name) to the CSV column, through renames (input.unitId → cellCode). */
export function problemOf(row: CsvRow, error: AppError, renames: Readonly<Record<string, string>> = {}): ImportProblem {
  const field = typeof error.details.field === 'string' ? error.details.field.replace(/^input\./, '') : null;
  const column = field === null ? null : (renames[field] ?? field);
  return { row: row.row, column, reason: typeof error.details.reason === 'string' ? error.details.reason : error.message };
}

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}
