import { MEMBER_DIMENSION_LABELS, UNIT_KIND_LABELS, type MemberDimension } from '../../statistics/labels';
import type { AdmissionStatisticsView } from '../../statistics/sections/admissions';
import type { MemberStatisticsView } from '../../statistics/sections/members';
import type { PositionCount } from '../../statistics/sections/positions';
import type { UnitStatisticsView } from '../../statistics/sections/units';
import { EXIT_LABELS, NOT_A_CELL, POSITION_LABELS } from './export-labels';
import { count, inSection, shareColumn, valueRow, valueTable, type StatTable } from './table';

/** Organisations by kind, then cells by type, each group with its total. */
export function unitsTable(view: UnitStatisticsView): StatTable {
  return {
    labelHeader: 'Tổ chức đảng',
    columns: [count('count', 'Số lượng')],
    rows: [
      ...inSection('Theo loại tổ chức', [
        ...view.byKind.map((k) => ({ key: `KIND.${k.kind}`, label: k.label, cells: { count: k.count } })),
        { key: 'TOTAL', label: 'Tổng số tổ chức đảng', cells: { count: view.total } },
      ]),
      ...inSection('Chi bộ theo loại hình', [
        ...view.byCellType.map((c) => ({ key: `CELL_TYPE.${c.cellType}`, label: c.label, cells: { count: c.count } })),
        { key: 'CELLS', label: 'Tổng số chi bộ', cells: { count: view.cells } },
      ]),
    ],
  };
}

/** Members by one dimension: exactly the rows of `members { by(dimension) }`. */
export function membersTable(view: MemberStatisticsView, dimension: MemberDimension): StatTable {
  return {
    labelHeader: MEMBER_DIMENSION_LABELS[dimension],
    columns: [count('count', 'Số đảng viên'), shareColumn('share', 'Tỷ lệ')],
    rows: view.by(dimension).map((d) => ({ key: d.key, label: d.label, cells: { count: d.count, share: d.share } })),
  };
}

/** Admissions, rural admissions, by cell type, recognitions, exits and the admission rate. */
export function admissionsTable(view: AdmissionStatisticsView): StatTable {
  return valueTable(
    [valueRow('ADMITTED', 'Kết nạp đảng viên mới', view.admitted), valueRow('RURAL', 'Trong đó: kết nạp ở nông thôn (thôn, bản)', view.rural)],
    inSection('Kết nạp theo loại hình chi bộ', view.byCellType.map((c) => valueRow(`CELL_TYPE.${c.cellType ?? NOT_A_CELL}`, c.label, c.count))),
    inSection('Chuyển đảng viên chính thức', [valueRow('RECOGNISED_OFFICIAL', 'Công nhận đảng viên chính thức', view.recognisedOfficial)]),
    inSection('Ra khỏi Đảng', view.exits.map((e) => valueRow(`EXIT.${e.kind}`, EXIT_LABELS[e.kind as keyof typeof EXIT_LABELS] ?? e.kind, e.count))),
    inSection('Tỷ lệ kết nạp', [
      valueRow('MEMBERS_AT_START', 'Đảng viên đầu kỳ', view.membersAtStart),
      valueRow('ADMISSION_RATE', 'Tỷ lệ kết nạp so với đảng viên đầu kỳ', view.admissionRate, 'share'),
    ]),
  );
}

/** Positions held, by post and kind of unit (only those held). */
export function positionsTable(list: readonly PositionCount[]): StatTable {
  return {
    labelHeader: 'Chức vụ',
    columns: [count('count', 'Số lượng')],
    rows: list.map((p) => ({ key: `${p.position}.${p.unitKind}`, label: `${POSITION_LABELS[p.position]} (${UNIT_KIND_LABELS[p.unitKind]})`, cells: { count: p.count } })),
  };
}
