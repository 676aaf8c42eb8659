import { parse } from 'csv-parse/sync';
import { restoreFormulaText } from '../exports/formula-guard';
import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';
import { textProblem } from '../text-hygiene';
import { refuseMisdecodedText } from './file-encoding';

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
 * The separator of a file: `;` when its header line has more semicolons than commas outside quotes
 * (Excel writes `;` under a Vietnamese or European locale, where `,` is the decimal mark), else `,`.
 */
export function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas += 1;
    else if (!quoted && c === ';') semicolons += 1;
  }
  return semicolons > commas ? ';' : ',';
}

const isEmptyRecord = (record: readonly string[]): boolean => record.every((value) => value === '');

/**
 * Parses CSV text with a header row, `,`- or `;`-separated (separatorOf). Text a client decoded
 * wrongly is refused first (file-encoding.ts). Unknown and missing required columns are problems
 * of row 1; a UTF-8 byte-order mark (Excel's) is ignored, and so are trailing rows with no value
 * (Excel keeps `,,,` lines after deleted rows); values are trimmed, empty means absent, and the
 * quote an export puts before formula-like text (formula-guard.ts) is taken off. Every problem of
 * a row is listed, not only its first: each value goes through the shared text check
 * (text-hygiene.ts: controls, bidi and zero-width characters) and each required column is checked.
 */
export function readCsv(text: string, columns: readonly string[], required: readonly string[]): { rows: CsvRow[]; problems: ImportProblem[] } {
  refuseMisdecodedText(text, 'input.csv');
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: separatorOf(text.replace(/^\ufeff/, '')), skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ row: line, column: null, reason: `not valid CSV: ${(error as Error).message}` }] };
  }
  while (records.length > 1 && isEmptyRecord(records[records.length - 1])) records.pop();
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
      if (record[c] === undefined || record[c] === '' || EXPORT_ONLY.includes(name)) return;
      const value = restoreFormulaText(record[c]);
      // Every cell of a file is a single-line value (names, codes, dates, an address).
      const problem = textProblem(value, 'singleLine');
      if (problem) problems.push({ row: i + 2, column: name, reason: problem });
      else values[name] = value;
    });
    if (record.length > header.length) problems.push({ row: i + 2, column: null, reason: `has ${record.length} values for ${header.length} columns` });
    for (const name of required) {
      if (header.includes(name) && values[name] === undefined && !problems.some((p) => p.row === i + 2 && p.column === name)) {
        problems.push({ row: i + 2, column: name, reason: 'must not be empty' });
      }
    }
    return { row: i + 2, values };
  });
  if (header.length === 1 && columns.length > 1 && /[\t|]/.test(header[0])) {
    problems.push({ row: 1, column: null, reason: 'the values are not separated by "," or ";": save the file as CSV (comma- or semicolon-separated)' });
  }
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

/** A check of one column's value, as the services check that input field (throws AppError naming it). */
export type FieldCheck = (value: string, field: string) => unknown;

/**
 * Runs each column's check on its own, so that a row lists every bad value it has, not only the
 * first its service would stop at. Checks that relate fields or rows stay in the services.
 */
export function fieldProblems(row: CsvRow, checks: Readonly<Record<string, FieldCheck>>, renames: Readonly<Record<string, string>> = {}): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const [column, check] of Object.entries(checks)) {
    const value = row.values[column];
    if (value === undefined) continue;
    try {
      check(value, `input.${column}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(problemOf(row, error, renames));
    }
  }
  return problems;
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
