import { AssigneeKind } from '../../../entities/supervision-enums';
import { DisciplineKind, FindingKind, InspectionOrigin, InspectionState } from '../../../entities/inspection-enums';
import { PositionKind } from '../../../entities/member-enums';
import type { EXIT_KINDS } from '../../statistics/sections/admissions';

/**
 * Vietnamese names of the rows the exports print beyond those the statistics already label
 * (labels.ts, indicator-catalogue.ts): the figures of each section, as the district reports word them.
 */
export const POSITION_LABELS: Readonly<Record<PositionKind, string>> = {
  [PositionKind.SECRETARY]: 'Bí thư',
  [PositionKind.DEPUTY_SECRETARY]: 'Phó bí thư',
  [PositionKind.COMMITTEE_MEMBER]: 'Chi ủy viên, cấp ủy viên',
  [PositionKind.STANDING_COMMITTEE_MEMBER]: 'Ủy viên ban thường vụ',
  [PositionKind.INSPECTION_COMMISSION_MEMBER]: 'Ủy viên ủy ban kiểm tra',
  [PositionKind.VILLAGE_HEAD]: 'Trưởng thôn, bản, tổ dân phố',
  [PositionKind.FRONT_WORK_COMMITTEE_HEAD]: 'Trưởng ban công tác Mặt trận',
  [PositionKind.AGENCY_HEAD]: 'Thủ trưởng cơ quan, đơn vị',
};

export const EXIT_LABELS: Readonly<Record<(typeof EXIT_KINDS)[number], string>> = {
  REMOVED: 'Xóa tên, đưa ra khỏi Đảng',
  PROBATION_FAILED: 'Đảng viên dự bị không được công nhận chính thức',
  EXPELLED: 'Khai trừ',
  DIED: 'Từ trần',
};

export const ASSIGNEE_LABELS: Readonly<Record<AssigneeKind, string>> = {
  [AssigneeKind.EXECUTIVE_COMMITTEE]: 'Ủy viên ban chấp hành',
  [AssigneeKind.STANDING_COMMITTEE]: 'Ủy viên ban thường vụ',
  [AssigneeKind.STAFF]: 'Cán bộ các ban tham mưu, giúp việc',
};

export const INSPECTION_STATE_LABELS: Readonly<Record<InspectionState, string>> = {
  [InspectionState.PLANNED]: 'Kế hoạch',
  [InspectionState.IN_PROGRESS]: 'Đang tiến hành',
  [InspectionState.CONCLUDED]: 'Đã kết luận',
  [InspectionState.CLOSED]: 'Kết thúc',
};

export const INSPECTION_ORIGIN_LABELS: Readonly<Record<InspectionOrigin, string>> = {
  [InspectionOrigin.PROGRAMME]: 'Theo chương trình',
  [InspectionOrigin.AD_HOC]: 'Đột xuất',
};

export const FINDING_LABELS: Readonly<Record<FindingKind, string>> = {
  [FindingKind.STRENGTH]: 'Ưu điểm',
  [FindingKind.SHORTCOMING]: 'Hạn chế, khuyết điểm',
  [FindingKind.VIOLATION]: 'Vi phạm',
};

export const DISCIPLINE_LABELS: Readonly<Record<DisciplineKind, string>> = {
  [DisciplineKind.REPRIMAND]: 'Khiển trách',
  [DisciplineKind.WARNING]: 'Cảnh cáo',
  [DisciplineKind.DISMISSAL]: 'Cách chức',
  [DisciplineKind.EXPULSION]: 'Khai trừ',
  [DisciplineKind.DISSOLUTION]: 'Giải tán',
};

export const DISCIPLINE_TARGET_LABELS = { ORGANISATION: 'Tổ chức đảng', MEMBER: 'Đảng viên' } as const;

/** The meetings' compliance figures, in the view's order. */
export const COMPLIANCE_LABELS = {
  dueMonths: 'Số tháng phải sinh hoạt',
  regularExpected: 'Lượt chi bộ phải sinh hoạt thường kỳ (chi bộ × tháng)',
  regularHeld: 'Lượt chi bộ đã sinh hoạt thường kỳ',
  regularInWindow: 'Trong đó: sinh hoạt đúng thời gian quy định',
  lowAttendance: 'Lượt sinh hoạt có tỷ lệ dự dưới mức quy định',
  attendanceNotRecorded: 'Lượt sinh hoạt chưa ghi danh sách dự',
  attendanceRate: 'Tỷ lệ đảng viên dự sinh hoạt thường kỳ',
  regularRate: 'Tỷ lệ chi bộ sinh hoạt thường kỳ hằng tháng',
  inWindowRate: 'Tỷ lệ sinh hoạt đúng thời gian quy định',
  thematicExpected: 'Lượt chi bộ phải sinh hoạt chuyên đề (chi bộ × quý)',
  thematicMet: 'Lượt chi bộ sinh hoạt chuyên đề đủ số lần',
  thematicRate: 'Tỷ lệ chi bộ sinh hoạt chuyên đề hằng quý',
} as const;

export const NOT_A_CELL = 'NOT_A_CELL';
export const TOTAL_LABEL = 'Tổng cộng';
