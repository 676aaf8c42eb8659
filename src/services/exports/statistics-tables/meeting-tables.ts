import { MEETING_KIND_LABELS } from '../../statistics/labels';
import type { ComplianceFigures, MeetingStatisticsView } from '../../statistics/sections/meetings';
import type { ThematicMatrixView } from '../../statistics/sections/thematic-matrix';
import { COMPLIANCE_LABELS, NOT_A_CELL, TOTAL_LABEL } from './export-labels';
import { concatTables, count, inSection, shareColumn, valueRow, valueTable, type StatTable } from './table';

/** camelCase view field → UPPER_SNAKE row key. */
const upperSnake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

const RATES = new Set<keyof ComplianceFigures>(['attendanceRate', 'regularRate', 'inWindowRate', 'thematicRate']);

/** Meetings by kind: held, attendance, duration. */
export function meetingKindsTable(view: MeetingStatisticsView): StatTable {
  return {
    labelHeader: 'Loại sinh hoạt',
    columns: [
      count('held', 'Số cuộc'),
      count('present', 'Lượt đảng viên dự'),
      count('expected', 'Lượt đảng viên phải dự'),
      shareColumn('attendanceRate', 'Tỷ lệ dự'),
      { key: 'averageDurationMinutes', header: 'Thời gian bình quân (phút)', format: 'number' },
    ],
    rows: view.byKind.map((k) => ({
      key: `KIND.${k.kind}`,
      label: MEETING_KIND_LABELS[k.kind],
      cells: { held: k.held, present: k.present, expected: k.expected, attendanceRate: k.attendanceRate, averageDurationMinutes: k.averageDurationMinutes },
    })),
  };
}

/** The cells, regular meetings per cell and the compliance figures, one per row. */
export function meetingComplianceTable(view: MeetingStatisticsView): StatTable {
  const fields = Object.keys(COMPLIANCE_LABELS) as Array<keyof typeof COMPLIANCE_LABELS>;
  return valueTable(
    inSection('Chi bộ', [
      valueRow('CELLS', 'Số chi bộ', view.cells),
      valueRow('REGULAR_HELD', 'Số cuộc sinh hoạt thường kỳ', view.regularHeld),
      valueRow('REGULAR_PER_CELL', 'Sinh hoạt thường kỳ bình quân mỗi chi bộ (cuộc)', view.regularPerCell, 'number'),
    ]),
    inSection('Thực hiện chế độ sinh hoạt', fields.map((f) => valueRow(`COMPLIANCE.${upperSnake(f)}`, COMPLIANCE_LABELS[f], view.compliance[f], RATES.has(f) ? 'share' : undefined))),
  );
}

/** The MEETINGS table: the kinds, then the compliance figures (one CSV; two blocks in the workbook). */
export const meetingsTable = (view: MeetingStatisticsView): StatTable => concatTables(meetingKindsTable(view), meetingComplianceTable(view));

/**
 * Topics × cell types with the row totals and the totals row, as the district report prints it.
 * The totals row counts meetings, so it may be less than the sum of the rows (a meeting on two topics).
 */
export function thematicMatrixTable(view: ThematicMatrixView): StatTable {
  const columnKey = (cellType: string | null): string => cellType ?? NOT_A_CELL;
  const cellsOf = (list: ThematicMatrixView['columnTotals'], rowTotal: number): Record<string, number> => ({
    ...Object.fromEntries(list.map((c) => [columnKey(c.cellType), c.count])),
    total: rowTotal,
  });
  return {
    labelHeader: 'Chủ đề sinh hoạt chuyên đề',
    columns: [...view.columnTotals.map((c) => count(columnKey(c.cellType), c.label)), count('total', TOTAL_LABEL)],
    rows: [
      ...view.rows.map((r) => ({ key: r.topic?.code ?? 'NO_TOPIC', label: r.topic?.name ?? 'Không ghi chủ đề', cells: cellsOf(r.byCellType, r.total) })),
      { key: 'TOTAL', label: `${TOTAL_LABEL} (số cuộc)`, cells: cellsOf(view.columnTotals, view.total) },
    ],
  };
}
