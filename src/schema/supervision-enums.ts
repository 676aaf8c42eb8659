import { registerEnumType } from 'type-graphql';
import { AssigneeKind, FrequencyPer } from '../entities/supervision-enums';

/** Supervision enums with English and Vietnamese descriptions; imported by the supervision types. */
registerEnumType(AssigneeKind, {
  name: 'AssigneeKind',
  description: 'Who the assignee is to the assigning committee (người được phân công).',
  valuesConfig: {
    EXECUTIVE_COMMITTEE: { description: 'Member of the executive committee (ủy viên ban chấp hành).' },
    STANDING_COMMITTEE: { description: 'Member of the standing committee (ủy viên ban thường vụ).' },
    STAFF: { description: "Staff of the committee's advisory boards (cán bộ các ban tham mưu, giúp việc)." },
  },
});

registerEnumType(FrequencyPer, {
  name: 'FrequencyPer',
  description: 'The period a required number of attendances is counted over (định kỳ).',
  valuesConfig: {
    QUARTER: { description: 'Per quarter (mỗi quý).' },
    YEAR: { description: 'Per year (mỗi năm).' },
  },
});
