import { MeetingRating, GradeLevel, GradeSubjectKind } from '../../entities/evaluation-enums';
import { MeetingKind } from '../../entities/meeting-enums';
import { Gender, GeneralEducation, MemberStatus, PoliticalTheory, ProfessionalQualification } from '../../entities/member-enums';
import { CellType, OrgUnitKind } from '../../entities/org-unit-enums';

/**
 * The Vietnamese names the reports print for every key the statistics return: shown next to the
 * key in the API and used as the headers of the exported workbook.
 */
export const UNIT_KIND_LABELS: Readonly<Record<OrgUnitKind, string>> = {
  [OrgUnitKind.PROVINCE]: 'Đảng bộ tỉnh, thành phố',
  [OrgUnitKind.COMMUNE_COMMITTEE]: 'Đảng bộ xã',
  [OrgUnitKind.WARD_COMMITTEE]: 'Đảng bộ phường',
  [OrgUnitKind.SPECIAL_ZONE_COMMITTEE]: 'Đảng bộ đặc khu',
  [OrgUnitKind.BLOC_COMMITTEE]: 'Đảng bộ khối',
  [OrgUnitKind.GRASSROOTS_COMMITTEE]: 'Đảng bộ cơ sở',
  [OrgUnitKind.GRASSROOTS_CELL]: 'Chi bộ cơ sở',
  [OrgUnitKind.PARTIAL_COMMITTEE]: 'Đảng bộ bộ phận',
  [OrgUnitKind.CELL]: 'Chi bộ trực thuộc',
  [OrgUnitKind.PARTY_GROUP]: 'Tổ đảng',
};

export const CELL_TYPE_LABELS: Readonly<Record<CellType, string>> = {
  [CellType.RESIDENTIAL]: 'Địa bàn dân cư (thôn, bản, tổ dân phố)',
  [CellType.ADMINISTRATIVE_AGENCY]: 'Cơ quan hành chính',
  [CellType.PUBLIC_SERVICE]: 'Đơn vị sự nghiệp',
  [CellType.ARMED_FORCES]: 'Lực lượng vũ trang',
  [CellType.ENTERPRISE]: 'Doanh nghiệp',
};

/** A cell type's label; null stands for units that are not cells. */
export const cellTypeLabel = (cellType: CellType | null): string => (cellType === null ? 'Không phải chi bộ' : CELL_TYPE_LABELS[cellType]);

/** What members are counted by (domain.md §2). */
export enum MemberDimension {
  STATUS = 'STATUS',
  GENDER = 'GENDER',
  ETHNIC_MINORITY = 'ETHNIC_MINORITY',
  GENERAL_EDUCATION = 'GENERAL_EDUCATION',
  PROFESSIONAL_QUALIFICATION = 'PROFESSIONAL_QUALIFICATION',
  POLITICAL_THEORY = 'POLITICAL_THEORY',
  AGE_BAND = 'AGE_BAND',
}

/** The values of each member dimension, in report order, with their labels. */
export const MEMBER_VALUE_LABELS = {
  STATUS: { [MemberStatus.OFFICIAL]: 'Đảng viên chính thức', [MemberStatus.PROBATIONARY]: 'Đảng viên dự bị' },
  GENDER: { [Gender.MALE]: 'Nam', [Gender.FEMALE]: 'Nữ' },
  ETHNIC_MINORITY: { YES: 'Dân tộc thiểu số', NO: 'Dân tộc Kinh' },
  GENERAL_EDUCATION: { [GeneralEducation.PRIMARY]: 'Tiểu học', [GeneralEducation.LOWER_SECONDARY]: 'Trung học cơ sở', [GeneralEducation.UPPER_SECONDARY]: 'Trung học phổ thông', UNKNOWN: 'Chưa rõ' },
  PROFESSIONAL_QUALIFICATION: {
    [ProfessionalQualification.DOCTORATE]: 'Tiến sĩ',
    [ProfessionalQualification.MASTER]: 'Thạc sĩ',
    [ProfessionalQualification.BACHELOR]: 'Đại học',
    [ProfessionalQualification.COLLEGE]: 'Cao đẳng',
    [ProfessionalQualification.INTERMEDIATE]: 'Trung cấp',
    [ProfessionalQualification.ELEMENTARY]: 'Sơ cấp',
    [ProfessionalQualification.NONE]: 'Chưa qua đào tạo',
    UNKNOWN: 'Chưa rõ',
  },
  POLITICAL_THEORY: {
    [PoliticalTheory.ADVANCED]: 'Cao cấp, cử nhân',
    [PoliticalTheory.INTERMEDIATE]: 'Trung cấp',
    [PoliticalTheory.ELEMENTARY]: 'Sơ cấp',
    [PoliticalTheory.NONE]: 'Chưa qua đào tạo',
    UNKNOWN: 'Chưa rõ',
  },
  AGE_BAND: {
    UP_TO_30: 'Đến 30 tuổi',
    FROM_31_TO_40: 'Từ 31 đến 40 tuổi',
    FROM_41_TO_50: 'Từ 41 đến 50 tuổi',
    FROM_51_TO_60: 'Từ 51 đến 60 tuổi',
    FROM_61_TO_70: 'Từ 61 đến 70 tuổi',
    OVER_70: 'Trên 70 tuổi',
    UNKNOWN: 'Chưa rõ năm sinh',
  },
} as const satisfies Record<MemberDimension, Record<string, string>>;

export const MEMBER_DIMENSION_LABELS: Readonly<Record<MemberDimension, string>> = {
  STATUS: 'Loại đảng viên',
  GENDER: 'Giới tính',
  ETHNIC_MINORITY: 'Dân tộc',
  GENERAL_EDUCATION: 'Trình độ giáo dục phổ thông',
  PROFESSIONAL_QUALIFICATION: 'Trình độ chuyên môn',
  POLITICAL_THEORY: 'Trình độ lý luận chính trị',
  AGE_BAND: 'Độ tuổi',
};

export const MEETING_KIND_LABELS: Readonly<Record<MeetingKind, string>> = {
  [MeetingKind.REGULAR]: 'Sinh hoạt thường kỳ',
  [MeetingKind.THEMATIC]: 'Sinh hoạt chuyên đề',
  [MeetingKind.EXTRAORDINARY]: 'Sinh hoạt bất thường',
  [MeetingKind.CELL_COMMITTEE]: 'Sinh hoạt chi ủy',
  [MeetingKind.PARTY_COMMITTEE]: 'Sinh hoạt cấp ủy',
  [MeetingKind.PARTY_GROUP]: 'Sinh hoạt tổ đảng',
};

export const RATING_LABELS: Readonly<Record<MeetingRating, string>> = {
  [MeetingRating.GOOD]: 'Tốt',
  [MeetingRating.FAIR]: 'Khá',
  [MeetingRating.AVERAGE]: 'Trung bình',
  [MeetingRating.WEAK]: 'Yếu, kém',
};

export const GRADE_LABELS: Readonly<Record<GradeLevel, string>> = {
  [GradeLevel.EXCELLENT]: 'Hoàn thành xuất sắc nhiệm vụ',
  [GradeLevel.GOOD]: 'Hoàn thành tốt nhiệm vụ',
  [GradeLevel.COMPLETED]: 'Hoàn thành nhiệm vụ',
  [GradeLevel.NOT_COMPLETED]: 'Không hoàn thành nhiệm vụ',
};

export const GRADE_SUBJECT_LABELS: Readonly<Record<GradeSubjectKind, string>> = {
  [GradeSubjectKind.ORGANISATION]: 'Tổ chức đảng',
  [GradeSubjectKind.MEMBER]: 'Đảng viên',
  [GradeSubjectKind.COMMITTEE_HEAD]: 'Người đứng đầu cấp ủy',
};
