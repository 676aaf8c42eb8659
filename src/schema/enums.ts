import { registerEnumType } from 'type-graphql';
import { Permission } from '../auth/permission';
import { Role } from '../auth/role';
import { ROLE_DESCRIPTIONS } from '../auth/role-permissions';
import { AccountKind } from '../entities/account';
import { Gender, GeneralEducation, MemberStatus, PoliticalTheory, PositionKind, ProfessionalQualification } from '../entities/member-enums';
import { CellType, OrgUnitKind, OrgUnitStatus } from '../entities/org-unit-enums';
import { ListOrderField, SortDirection } from '../services/sorting';

/** Every enum of the API, with English and Vietnamese descriptions. Imported once by build-schema. */
registerEnumType(OrgUnitKind, {
  name: 'OrgUnitKind',
  description: 'Level of a party organisation (cấp tổ chức đảng).',
  valuesConfig: {
    PROVINCE: { description: 'Provincial party committee, the tenant root (Đảng bộ tỉnh, thành phố).' },
    COMMUNE_COMMITTEE: { description: 'Commune party committee (Đảng bộ xã), usually the grassroots committee itself.' },
    WARD_COMMITTEE: { description: 'Ward party committee (Đảng bộ phường).' },
    SPECIAL_ZONE_COMMITTEE: { description: 'Special-zone party committee (Đảng bộ đặc khu).' },
    BLOC_COMMITTEE: { description: 'Non-territorial committee under the province: agencies and enterprises, military, police (Đảng bộ khối, Quân sự, Công an).' },
    GRASSROOTS_COMMITTEE: { description: 'Grassroots party committee, has cells (Đảng bộ cơ sở).' },
    GRASSROOTS_CELL: { description: 'Grassroots party cell, no sub-units (Chi bộ cơ sở).' },
    PARTIAL_COMMITTEE: { description: 'Partial committee between a grassroots committee and its cells (Đảng bộ bộ phận).' },
    CELL: { description: 'Party cell under a grassroots committee, the unit that holds meetings (Chi bộ trực thuộc).' },
    PARTY_GROUP: { description: 'Party group, a split of a large cell (Tổ đảng).' },
  },
});

registerEnumType(CellType, {
  name: 'CellType',
  description: 'Type of a cell as used in reports (loại hình chi bộ).',
  valuesConfig: {
    RESIDENTIAL: { description: 'Residential: village, hamlet, neighbourhood (địa bàn dân cư: thôn, bản, tổ dân phố).' },
    ADMINISTRATIVE_AGENCY: { description: 'Administrative agency (cơ quan hành chính).' },
    PUBLIC_SERVICE: { description: 'Public service unit: school, health (đơn vị sự nghiệp).' },
    ARMED_FORCES: { description: 'Armed forces: military, police (lực lượng vũ trang).' },
    ENTERPRISE: { description: 'Enterprise, state-owned or private (doanh nghiệp).' },
  },
});

registerEnumType(OrgUnitStatus, {
  name: 'OrgUnitStatus',
  description: 'Whether a unit is active or dissolved (đang hoạt động / đã giải thể).',
  valuesConfig: {
    ACTIVE: { description: 'Active (đang hoạt động).' },
    DISSOLVED: { description: 'Dissolved or merged; its history is kept (đã giải thể, sáp nhập).' },
  },
});

registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender (giới tính).',
  valuesConfig: { MALE: { description: 'Male (nam).' }, FEMALE: { description: 'Female (nữ).' } },
});

registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: 'Membership status, derived from the lifecycle events (tình trạng đảng viên).',
  valuesConfig: {
    PROBATIONARY: { description: 'Probationary member, normally 12 months (đảng viên dự bị).' },
    OFFICIAL: { description: 'Official member (đảng viên chính thức).' },
    REMOVED: { description: 'Removed from the party: struck off the roll, put out of the party, or not recognised at the end of probation (xóa tên, đưa ra khỏi Đảng).' },
    EXPELLED: { description: 'Expelled as discipline (khai trừ).' },
    DECEASED: { description: 'Deceased (từ trần).' },
  },
});

registerEnumType(GeneralEducation, {
  name: 'GeneralEducation',
  description: 'General education level (trình độ giáo dục phổ thông).',
  valuesConfig: {
    PRIMARY: { description: 'Primary (tiểu học).' },
    LOWER_SECONDARY: { description: 'Lower secondary (trung học cơ sở, THCS).' },
    UPPER_SECONDARY: { description: 'Upper secondary (trung học phổ thông, THPT).' },
  },
});

registerEnumType(ProfessionalQualification, {
  name: 'ProfessionalQualification',
  description: 'Professional qualification (trình độ chuyên môn).',
  valuesConfig: {
    DOCTORATE: { description: 'Doctorate (tiến sĩ).' },
    MASTER: { description: "Master's degree (thạc sĩ)." },
    BACHELOR: { description: 'University degree (đại học).' },
    COLLEGE: { description: 'College (cao đẳng).' },
    INTERMEDIATE: { description: 'Intermediate vocational (trung cấp).' },
    ELEMENTARY: { description: 'Elementary vocational (sơ cấp).' },
    NONE: { description: 'None (chưa qua đào tạo).' },
  },
});

registerEnumType(PoliticalTheory, {
  name: 'PoliticalTheory',
  description: 'Political theory level (trình độ lý luận chính trị).',
  valuesConfig: {
    ADVANCED: { description: 'Advanced or bachelor (cao cấp, cử nhân).' },
    INTERMEDIATE: { description: 'Intermediate (trung cấp).' },
    ELEMENTARY: { description: 'Elementary (sơ cấp).' },
    NONE: { description: 'None (chưa qua đào tạo).' },
  },
});

registerEnumType(PositionKind, {
  name: 'PositionKind',
  description: 'A position held in a unit, or a concurrent outside post the reports count (chức vụ).',
  valuesConfig: {
    SECRETARY: { description: 'Secretary (bí thư).' },
    DEPUTY_SECRETARY: { description: 'Deputy secretary (phó bí thư).' },
    COMMITTEE_MEMBER: { description: 'Committee member (chi ủy viên, cấp ủy viên).' },
    STANDING_COMMITTEE_MEMBER: { description: 'Standing committee member (ủy viên ban thường vụ).' },
    INSPECTION_COMMISSION_MEMBER: { description: 'Inspection commission member (ủy viên ủy ban kiểm tra).' },
    VILLAGE_HEAD: { description: 'Village or neighbourhood head (trưởng thôn, bản, tổ dân phố).' },
    FRONT_WORK_COMMITTEE_HEAD: { description: 'Head of the Fatherland Front work committee (trưởng ban công tác Mặt trận).' },
    AGENCY_HEAD: { description: 'Head of an agency or unit (thủ trưởng cơ quan, đơn vị).' },
  },
});

registerEnumType(Role, {
  name: 'Role',
  description: 'A role held at a unit, covering its whole subtree (vai trò).',
  valuesConfig: Object.fromEntries(Object.entries(ROLE_DESCRIPTIONS).map(([k, v]) => [k, { description: v }])),
});

registerEnumType(Permission, {
  name: 'Permission',
  description: 'Something a role lets its holder do in a subtree (quyền).',
  valuesConfig: {
    TREE_READ: { description: 'Read units of the tree (xem cây tổ chức).' },
    TREE_WRITE: { description: 'Create and change units (quản lý cây tổ chức).' },
    MEMBERS_READ: { description: 'Read member rows without personal data (xem danh sách đảng viên).' },
    MEMBERS_PERSONAL: { description: 'Read personal data: birth date, ID numbers, phone, address, religion (xem thông tin cá nhân).' },
    MEMBERS_WRITE: { description: 'Create and change member records (quản lý hồ sơ đảng viên).' },
    ACCOUNTS_MANAGE: { description: 'Create accounts and API keys, grant and revoke roles (quản lý tài khoản, phân quyền).' },
    MEETINGS_READ: { description: 'Read meetings with minutes, resolutions, attendance and tasks (xem sinh hoạt chi bộ).' },
    MEETINGS_WRITE: { description: 'Plan and record meetings, attendance, minutes, tasks, thematic plans (quản lý sinh hoạt chi bộ).' },
    MEETING_RULES_MANAGE: { description: "Set a province's meeting rules, holidays and thematic topics (quy định sinh hoạt)." },
    GRADES_READ: { description: 'Read every annual grade and four-good assessment, in any state (đánh giá, xếp loại).' },
    PUBLISHED_GRADES_READ: { description: 'Read published annual grades (công khai) and four-good results.' },
    EVALUATIONS_WRITE: { description: 'Prepare and submit meeting self-evaluations; propose annual grades (chi bộ tự chấm, đề xuất).' },
    EVALUATIONS_APPRAISE: { description: 'Appraise meeting evaluations, decide and publish grades, assess four-good: for units strictly below where held (thẩm định, quyết định).' },
    EVALUATION_RULES_MANAGE: { description: "Set a province's scoring criteria and grading constraints (bộ tiêu chí, quy định xếp loại)." },
    STATISTICS_READ: { description: 'Counts and ratios, no row about a person (xem số liệu thống kê).' },
    TARGETS_MANAGE: { description: "Set a committee's targets for its indicators per year (đặt chỉ tiêu)." },
    AUDIT_READ: { description: 'Read the audit log of the subtree and verify its chain (xem nhật ký kiểm toán).' },
    INSPECTIONS_READ: { description: 'Read inspections with their content: findings, remediation, team (xem nội dung kiểm tra).' },
    INSPECTIONS_WRITE: { description: 'Run inspections: programme, targets, findings, conclusions, remediation, discipline (tiến hành kiểm tra).' },
    INSPECTION_CONCLUSIONS_READ: { description: 'Read published conclusions of inspections of the own unit (xem kết luận kiểm tra đã thông báo).' },
    SUPERVISION_MANAGE: { description: 'Assign supervisors to cells below the committee, set the frequency rules, flag weak cells (phân công dự, theo dõi sinh hoạt).' },
    SUPERVISION_READ: { description: 'Read supervisory assignments, their compliance and weak cells of the subtree (xem kết quả phân công dự sinh hoạt).' },
    EVALUATIONS_APPRAISE_ASSIGNED: { description: "Appraise the assigned cell's meeting evaluations: only through a running supervisory assignment (thẩm định theo phân công)." },
  },
});

registerEnumType(AccountKind, {
  name: 'AccountKind',
  description: 'A person who logs in, or a service account of an integration (tài khoản người dùng / tài khoản dịch vụ).',
  valuesConfig: {
    PERSON: { description: 'A person, logs in with username and password.' },
    SERVICE: { description: 'An integration, authenticates with API keys.' },
  },
});

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction (thứ tự sắp xếp).',
  valuesConfig: { ASC: { description: 'Ascending (tăng dần).' }, DESC: { description: 'Descending (giảm dần).' } },
});

registerEnumType(ListOrderField, {
  name: 'ListOrderField',
  description: 'What a list is sorted by.',
  valuesConfig: {
    NAME: { description: 'Name, in Vietnamese alphabetical order (theo tên, thứ tự chữ cái tiếng Việt).' },
    CREATED_AT: { description: 'When the record was created (theo thời điểm tạo).' },
  },
});
