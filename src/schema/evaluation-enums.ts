import { registerEnumType } from 'type-graphql';
import { EvaluationAction, EvaluationState, GradeLevel, GradeState, GradeSubjectKind, MeetingRating } from '../entities/evaluation-enums';

/** Evaluation enums with English and Vietnamese descriptions. Imported once by build-schema. */
registerEnumType(MeetingRating, {
  name: 'MeetingRating',
  description: 'Meeting-quality rating from the score thresholds of the criteria set (xếp loại chất lượng sinh hoạt).',
  valuesConfig: {
    GOOD: { description: 'Good (Tốt).' },
    FAIR: { description: 'Fair (Khá).' },
    AVERAGE: { description: 'Average (Trung bình).' },
    WEAK: { description: 'Weak (Yếu, kém).' },
  },
});
registerEnumType(EvaluationState, {
  name: 'EvaluationState',
  description: 'Where a meeting evaluation stands (trạng thái chấm điểm).',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the cell (dự thảo).' },
    SELF_ASSESSED: { description: 'Adopted by the cell\'s vote and submitted to the superior committee (chi bộ tự chấm, đã gửi).' },
    APPRAISED: { description: 'Appraised by the superior committee (đã thẩm định).' },
  },
});
registerEnumType(EvaluationAction, {
  name: 'EvaluationAction',
  description: 'A step in a meeting evaluation\'s history.',
  valuesConfig: {
    CREATED: { description: 'Started (tạo).' },
    SCORES_SAVED: { description: 'Draft scores, votes or note saved (lưu).' },
    SUBMITTED: { description: 'Submitted to the superior committee (gửi cấp trên).' },
    APPRAISED: { description: 'Appraised (thẩm định).' },
    REOPENED: { description: 'Reopened, with a reason (mở lại).' },
  },
});
registerEnumType(GradeLevel, {
  name: 'GradeLevel',
  description: 'Annual grading level (mức xếp loại).',
  valuesConfig: {
    EXCELLENT: { description: 'Hoàn thành xuất sắc nhiệm vụ.' },
    GOOD: { description: 'Hoàn thành tốt nhiệm vụ.' },
    COMPLETED: { description: 'Hoàn thành nhiệm vụ.' },
    NOT_COMPLETED: { description: 'Không hoàn thành nhiệm vụ.' },
  },
});
registerEnumType(GradeSubjectKind, {
  name: 'GradeSubjectKind',
  description: 'Who is graded (đối tượng đánh giá, xếp loại).',
  valuesConfig: {
    ORGANISATION: { description: 'A party organisation: cell or committee (tổ chức đảng).' },
    MEMBER: { description: 'A party member (đảng viên).' },
    COMMITTEE_HEAD: { description: 'The head of a committee or cell (người đứng đầu, bí thư).' },
  },
});
registerEnumType(GradeState, {
  name: 'GradeState',
  description: 'Where an annual grade stands.',
  valuesConfig: {
    PROPOSED: { description: 'Self-assessed or proposed (tự đánh giá, đề xuất).' },
    DECIDED: { description: 'Decided by the committee (cấp ủy quyết định).' },
    PUBLISHED: { description: 'Published to the organisation; final (công khai).' },
  },
});
