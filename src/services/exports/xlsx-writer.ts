import { Workbook, type Worksheet } from 'exceljs';
import { neutraliseFormula } from './formula-guard';
import type { CellFormat, CellValue, StatTable, TableColumn } from './statistics-tables';

/** A table on a sheet, with an optional heading above it. */
export interface SheetBlock {
  readonly title?: string;
  readonly table: StatTable;
}

export interface SheetSpec {
  /** Excel allows 31 characters and none of : \ / ? * [ ]. */
  readonly name: string;
  readonly blocks: readonly SheetBlock[];
}

/** Number formats of the figures: numbers stay numbers, the format only shows them. */
const NUMBER_FORMATS: Partial<Record<CellFormat, string>> = {
  count: '#,##0',
  number: '#,##0.00',
  share: '0.00%',
  percent: '0.00',
  year: '0',
};

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;
const LABEL_WIDTH = { min: 28, max: 70 };
const FIGURE_WIDTH = { min: 12, max: 24 };

/** What a cell shows: text and booleans through the column's Vietnamese labels. */
function display(value: CellValue | undefined, format: CellFormat, column: TableColumn): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return column.labels?.[String(value)] ?? (value ? 'Có' : 'Không');
  if (typeof value === 'string') return column.labels?.[value] ?? neutraliseFormula(value);
  return format === 'text' ? String(value) : value;
}

function writeBlock(sheet: Worksheet, block: SheetBlock, widths: number[]): void {
  const { table } = block;
  if (block.title) sheet.addRow([neutraliseFormula(block.title)]).font = { bold: true, size: 12 };
  const header = sheet.addRow([table.labelHeader, ...table.columns.map((c) => c.header)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  let section: string | undefined;
  for (const row of table.rows) {
    if (row.section !== undefined && row.section !== section) sheet.addRow([neutraliseFormula(row.section)]).font = { bold: true, italic: true };
    section = row.section;
    const line = sheet.addRow([neutraliseFormula(row.label), ...table.columns.map((c) => display(row.cells[c.key], row.formats?.[c.key] ?? c.format, c))]);
    table.columns.forEach((column, i) => {
      const numFmt = NUMBER_FORMATS[row.formats?.[column.key] ?? column.format];
      if (numFmt && typeof row.cells[column.key] === 'number') line.getCell(i + 2).numFmt = numFmt;
    });
    if (row.key === 'TOTAL') line.font = { bold: true };
    widths[0] = Math.max(widths[0], row.label.length);
  }
  table.columns.forEach((c, i) => {
    widths[i + 1] = Math.max(widths[i + 1] ?? 0, Math.min(c.header.length, FIGURE_WIDTH.max));
  });
  widths[0] = Math.max(widths[0], table.labelHeader.length);
  sheet.addRow([]);
}

/**
 * The workbook of the district report: every sheet opens with the unit and the period, then its
 * tables with bold headers; column widths follow the labels, within bounds.
 */
export async function writeWorkbook(title: string, subtitle: string, sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'chibo';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow([neutraliseFormula(title)]).font = { bold: true, size: 14 };
    sheet.addRow([neutraliseFormula(subtitle)]).font = { italic: true };
    sheet.addRow([]);
    const widths: number[] = [0];
    for (const block of spec.blocks) writeBlock(sheet, block, widths);
    widths.forEach((w, i) => {
      const bounds = i === 0 ? LABEL_WIDTH : FIGURE_WIDTH;
      sheet.getColumn(i + 1).width = Math.min(bounds.max, Math.max(bounds.min, w + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
