import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell whose text begins with =, +, -, @,
 * a tab or a carriage return is run as a formula by Excel and LibreOffice when the file is opened.
 * Such text gets a leading single quote, which spreadsheets show as text and a reader still reads.
 * Numbers are not text and keep their sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An exported file imported back: the quote added above comes off again, so a round trip changes nothing. */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A CSV cell: empty for nothing, true/false, numbers as written, text neutralised. */
export type CsvCell = string | number | boolean | null | undefined;

const cellText = (value: CsvCell): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutraliseFormula(value);
  return String(value);
};

/** Rows as CSV text, every export's one way of writing cells. */
export function csvRows(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(rows.map((row) => row.map(cellText)));
}
