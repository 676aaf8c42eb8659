import { registerEnumType } from 'type-graphql';
import { DisciplineKind, FindingKind, FindingSeverity, InspectionOrigin, InspectionState, RemediationStatus } from '../entities/inspection-enums';

/** Inspection enums with English and Vietnamese descriptions; imported by the inspection types. */
registerEnumType(InspectionOrigin, {
  name: 'InspectionOrigin',
  description: 'Where an inspection comes from (nguồn cuộc kiểm tra).',
  valuesConfig: {
    PROGRAMME: { description: 'In the annual programme (chương trình kiểm tra, giám sát hằng năm).' },
    AD_HOC: { description: 'Ad hoc (đột xuất).' },
  },
});

registerEnumType(InspectionState, {
  name: 'InspectionState',
  description: 'Where an inspection stands: planned → in progress → concluded → closed (trạng thái).',
  valuesConfig: {
    PLANNED: { description: 'Planned, not started (kế hoạch).' },
    IN_PROGRESS: { description: 'Being carried out; findings are recorded now (đang tiến hành).' },
    CONCLUDED: { description: 'Conclusions adopted (đã kết luận).' },
    CLOSED: { description: 'Closed: remediation verified or waived (kết thúc).' },
  },
});

registerEnumType(FindingKind, {
  name: 'FindingKind',
  description: 'Kind of finding (loại kết quả kiểm tra).',
  valuesConfig: {
    STRENGTH: { description: 'A strength (ưu điểm).' },
    SHORTCOMING: { description: 'A shortcoming (hạn chế, khuyết điểm).' },
    VIOLATION: { description: 'A violation (vi phạm).' },
  },
});

registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description: 'How serious a finding is (mức độ).',
  valuesConfig: {
    MINOR: { description: 'Minor (nhẹ).' },
    MODERATE: { description: 'Moderate (trung bình).' },
    SERIOUS: { description: 'Serious (nghiêm trọng).' },
  },
});

registerEnumType(RemediationStatus, {
  name: 'RemediationStatus',
  description: 'Where a remediation action stands (tình trạng khắc phục).',
  valuesConfig: {
    OPEN: { description: 'Not yet done (chưa khắc phục).' },
    DONE: { description: 'Done, as reported; awaiting verification (đã khắc phục).' },
    VERIFIED: { description: 'Verified by the inspecting body (đã kiểm tra việc khắc phục).' },
  },
});

registerEnumType(DisciplineKind, {
  name: 'DisciplineKind',
  description: 'Disciplinary measure under the Party Charter (hình thức kỷ luật): organisations REPRIMAND, WARNING, DISSOLUTION; members REPRIMAND, WARNING, DISMISSAL, EXPULSION.',
  valuesConfig: {
    REPRIMAND: { description: 'Reprimand (khiển trách).' },
    WARNING: { description: 'Warning (cảnh cáo).' },
    DISMISSAL: { description: 'Dismissal from a post, members only (cách chức).' },
    EXPULSION: { description: 'Expulsion, members only; ends the membership (khai trừ).' },
    DISSOLUTION: { description: 'Dissolution, organisations only (giải tán).' },
  },
});
