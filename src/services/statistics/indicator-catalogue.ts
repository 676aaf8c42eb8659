/** The indicators committees set targets for and reports compare (chỉ tiêu, domain.md §7). */
export enum Indicator {
  ADMISSIONS = 'ADMISSIONS',
  RURAL_ADMISSIONS = 'RURAL_ADMISSIONS',
  ADMISSION_RATE = 'ADMISSION_RATE',
  SECRETARY_ALSO_VILLAGE_HEAD = 'SECRETARY_ALSO_VILLAGE_HEAD',
  SECRETARY_ALSO_FRONT_HEAD = 'SECRETARY_ALSO_FRONT_HEAD',
  SECRETARY_ALSO_VILLAGE_OR_FRONT_HEAD = 'SECRETARY_ALSO_VILLAGE_OR_FRONT_HEAD',
  VILLAGE_HEADS_PARTY_MEMBERS = 'VILLAGE_HEADS_PARTY_MEMBERS',
  FRONT_HEADS_PARTY_MEMBERS = 'FRONT_HEADS_PARTY_MEMBERS',
  VILLAGE_CELLS_WITH_MIN_MEMBERS = 'VILLAGE_CELLS_WITH_MIN_MEMBERS',
  AGENCY_SECRETARIES_ALSO_HEADS = 'AGENCY_SECRETARIES_ALSO_HEADS',
  ORGANISATIONS_GOOD_OR_BETTER = 'ORGANISATIONS_GOOD_OR_BETTER',
  MEMBERS_GOOD_OR_BETTER = 'MEMBERS_GOOD_OR_BETTER',
  CELLS_RATED_GOOD = 'CELLS_RATED_GOOD',
  ATTENDANCE_RATE = 'ATTENDANCE_RATE',
  REGULAR_MEETING_RATE = 'REGULAR_MEETING_RATE',
  THEMATIC_MEETING_RATE = 'THEMATIC_MEETING_RATE',
  OVERSIGHT_COVERAGE = 'OVERSIGHT_COVERAGE',
}

/** A count against a planned count (admissions: 134 of 129), or a share of a whole (55.29% of villages). */
export enum IndicatorUnit {
  COUNT = 'COUNT',
  SHARE = 'SHARE',
}

export interface IndicatorDefinition {
  readonly unit: IndicatorUnit;
  /** Vietnamese name, as the reports print it. */
  readonly label: string;
}

export const INDICATORS: Readonly<Record<Indicator, IndicatorDefinition>> = {
  [Indicator.ADMISSIONS]: { unit: IndicatorUnit.COUNT, label: 'Kết nạp đảng viên mới' },
  [Indicator.RURAL_ADMISSIONS]: { unit: IndicatorUnit.COUNT, label: 'Kết nạp đảng viên ở nông thôn (thôn, bản)' },
  [Indicator.ADMISSION_RATE]: { unit: IndicatorUnit.SHARE, label: 'Tỷ lệ kết nạp so với tổng số đảng viên đầu kỳ' },
  [Indicator.SECRETARY_ALSO_VILLAGE_HEAD]: { unit: IndicatorUnit.SHARE, label: 'Bí thư chi bộ đồng thời là trưởng thôn, bản, tổ dân phố' },
  [Indicator.SECRETARY_ALSO_FRONT_HEAD]: { unit: IndicatorUnit.SHARE, label: 'Bí thư chi bộ đồng thời là trưởng ban công tác Mặt trận' },
  [Indicator.SECRETARY_ALSO_VILLAGE_OR_FRONT_HEAD]: { unit: IndicatorUnit.SHARE, label: 'Bí thư chi bộ đồng thời là trưởng thôn hoặc trưởng ban công tác Mặt trận' },
  [Indicator.VILLAGE_HEADS_PARTY_MEMBERS]: { unit: IndicatorUnit.SHARE, label: 'Trưởng thôn, bản, tổ dân phố là đảng viên' },
  [Indicator.FRONT_HEADS_PARTY_MEMBERS]: { unit: IndicatorUnit.SHARE, label: 'Trưởng ban công tác Mặt trận là đảng viên' },
  [Indicator.VILLAGE_CELLS_WITH_MIN_MEMBERS]: { unit: IndicatorUnit.SHARE, label: 'Chi bộ thôn, bản có từ 5 đảng viên trở lên' },
  [Indicator.AGENCY_SECRETARIES_ALSO_HEADS]: { unit: IndicatorUnit.SHARE, label: 'Bí thư chi bộ cơ quan, đơn vị đồng thời là thủ trưởng' },
  [Indicator.ORGANISATIONS_GOOD_OR_BETTER]: { unit: IndicatorUnit.SHARE, label: 'Tổ chức đảng hoàn thành tốt nhiệm vụ trở lên' },
  [Indicator.MEMBERS_GOOD_OR_BETTER]: { unit: IndicatorUnit.SHARE, label: 'Đảng viên hoàn thành tốt nhiệm vụ trở lên' },
  [Indicator.CELLS_RATED_GOOD]: { unit: IndicatorUnit.SHARE, label: 'Chi bộ có chất lượng sinh hoạt tốt' },
  [Indicator.ATTENDANCE_RATE]: { unit: IndicatorUnit.SHARE, label: 'Tỷ lệ đảng viên dự sinh hoạt thường kỳ' },
  [Indicator.REGULAR_MEETING_RATE]: { unit: IndicatorUnit.SHARE, label: 'Chi bộ sinh hoạt thường kỳ hằng tháng' },
  [Indicator.THEMATIC_MEETING_RATE]: { unit: IndicatorUnit.SHARE, label: 'Chi bộ sinh hoạt chuyên đề hằng quý' },
  [Indicator.OVERSIGHT_COVERAGE]: { unit: IndicatorUnit.SHARE, label: 'Chi bộ được kiểm tra, giám sát trong năm' },
};
