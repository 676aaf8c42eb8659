import { MeetingKind } from '../../../entities/meeting-enums';
import type { AdmissionStatisticsView } from '../../statistics/sections/admissions';
import type { MeetingStatisticsView } from '../../statistics/sections/meetings';
import type { MemberStatisticsView } from '../../statistics/sections/members';
import type { OversightStatisticsView } from '../../statistics/sections/oversight';
import type { UnitStatisticsView } from '../../statistics/sections/units';
import { count, shareColumn, type CellValue, type StatTable } from './table';

/** The headline figures of one unit, from its sections. */
export interface Headline {
  readonly key: string;
  readonly label: string;
  readonly code: string | null;
  readonly members: MemberStatisticsView;
  readonly units: UnitStatisticsView;
  readonly admissions: AdmissionStatisticsView;
  readonly meetings: MeetingStatisticsView;
  readonly oversight: OversightStatisticsView;
}

const figures = (h: Headline): Record<string, CellValue> => ({
  code: h.code,
  members: h.members.total,
  cells: h.units.cells,
  admitted: h.admissions.admitted,
  regularHeld: h.meetings.regularHeld,
  // The regular meetings' attendance, as the ATTENDANCE_RATE indicator counts it.
  attendanceRate: h.meetings.byKind.find((k) => k.kind === MeetingKind.REGULAR)?.attendanceRate ?? null,
  coverageRate: h.oversight.coverageRate,
});

/** One row per child unit with the headline figures, then the unit itself (its own figures: rates are not sums). */
export function headlineTable(children: readonly Headline[], whole: Headline): StatTable {
  return {
    labelHeader: 'Đơn vị',
    columns: [
      { key: 'code', header: 'Mã đơn vị', format: 'text' },
      count('members', 'Số đảng viên'),
      count('cells', 'Số chi bộ'),
      count('admitted', 'Kết nạp đảng viên'),
      count('regularHeld', 'Sinh hoạt thường kỳ (cuộc)'),
      shareColumn('attendanceRate', 'Tỷ lệ dự sinh hoạt thường kỳ'),
      shareColumn('coverageRate', 'Tỷ lệ chi bộ được kiểm tra, giám sát'),
    ],
    rows: [...children.map((h) => ({ key: h.key, label: h.label, cells: figures(h) })), { key: whole.key, label: whole.label, cells: figures(whole) }],
  };
}
