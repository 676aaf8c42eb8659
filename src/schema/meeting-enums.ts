import { registerEnumType } from 'type-graphql';
import { AmendedField, AttendanceStatus, MeetingFormat, MeetingKind, MeetingStatus, MinutesStatus, TaskStatus, ThematicPlanStatus } from '../entities/meeting-enums';
import { ShortfallReason } from '../services/meetings/compliance';

/** Meeting enums with English and Vietnamese descriptions. Imported once by build-schema. */
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'Kind of meeting (hình thức sinh hoạt).',
  valuesConfig: {
    REGULAR: { description: 'Regular monthly cell meeting (sinh hoạt chi bộ thường kỳ).' },
    THEMATIC: { description: 'Thematic meeting, at least once a quarter (sinh hoạt chuyên đề).' },
    EXTRAORDINARY: { description: 'Extraordinary meeting (sinh hoạt bất thường).' },
    CELL_COMMITTEE: { description: 'Cell committee meeting, held before the cell meeting (sinh hoạt chi ủy).' },
    PARTY_COMMITTEE: { description: 'Party committee meeting (sinh hoạt cấp ủy).' },
    PARTY_GROUP: { description: 'Party-group meeting in a large cell (sinh hoạt tổ đảng).' },
  },
});
registerEnumType(MeetingFormat, {
  name: 'MeetingFormat',
  description: 'In person or online (trực tiếp / trực tuyến).',
  valuesConfig: { IN_PERSON: { description: 'In person (trực tiếp).' }, ONLINE: { description: 'Online, with a link (trực tuyến).' } },
});
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Where a meeting stands (trạng thái buổi sinh hoạt).',
  valuesConfig: {
    PLANNED: { description: 'Planned, not yet held (đã lên lịch).' },
    HELD: { description: 'Held and recorded (đã tổ chức).' },
    CANCELLED: { description: 'Cancelled, with a reason; kept (đã hủy).' },
  },
});
registerEnumType(MinutesStatus, {
  name: 'MinutesStatus',
  description: 'Lifecycle of the minutes (trạng thái biên bản).',
  valuesConfig: {
    DRAFT: { description: 'Draft, still editable (dự thảo).' },
    FINALISED: { description: 'Finalised and signed by chair and minutes-taker; changed only by amendment (đã hoàn thiện).' },
  },
});
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'Attendance of one member (tình hình dự họp).',
  valuesConfig: {
    NOT_RECORDED: { description: 'On the roster, not yet recorded (chưa ghi nhận).' },
    PRESENT: { description: 'Present (có mặt).' },
    ABSENT_EXCUSED: { description: 'Absent with a reason (vắng có lý do).' },
    ABSENT_UNEXCUSED: { description: 'Absent without a reason (vắng không lý do).' },
    EXEMPT: { description: 'Exempt from meetings; not counted in the rate (miễn sinh hoạt).' },
  },
});
registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: 'Progress of a task (tiến độ nhiệm vụ).',
  valuesConfig: { OPEN: { description: 'Not started (chưa thực hiện).' }, IN_PROGRESS: { description: 'In progress (đang thực hiện).' }, DONE: { description: 'Done (đã hoàn thành).' } },
});
registerEnumType(AmendedField, {
  name: 'AmendedField',
  description: 'What an amendment corrects.',
  valuesConfig: { MINUTES: { description: 'The minutes (biên bản).' }, RESOLUTION: { description: 'The resolution or conclusion (nghị quyết, kết luận).' } },
});
registerEnumType(ThematicPlanStatus, {
  name: 'ThematicPlanStatus',
  description: 'Where an annual thematic plan stands (kế hoạch sinh hoạt chuyên đề).',
  valuesConfig: { DRAFT: { description: 'Draft (dự thảo).' }, SUBMITTED: { description: 'Submitted to the superior committee (đã báo cáo cấp trên).' } },
});
registerEnumType(ShortfallReason, {
  name: 'ShortfallReason',
  description: 'Why a cell fell short of the meeting rules in a month or quarter (lý do chưa đạt).',
  valuesConfig: {
    NO_REGULAR_MEETING: { description: 'No regular meeting held in the month (yet, for the current month).' },
    OUTSIDE_WINDOW: { description: 'Held, but neither on the rule day nor within the fallback window.' },
    ATTENDANCE_NOT_RECORDED: { description: 'Held, but attendance is missing for some members.' },
    LOW_ATTENDANCE: { description: 'Attendance below the province threshold (85% by default).' },
    NO_THEMATIC_MEETING: { description: 'Fewer thematic meetings in the quarter than the rules ask (yet, for the current quarter).' },
  },
});
