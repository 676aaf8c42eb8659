import { registerEnumType } from 'type-graphql';
import { Indicator, IndicatorUnit, INDICATORS } from '../services/statistics/indicator-catalogue';
import { MEMBER_DIMENSION_LABELS, MemberDimension } from '../services/statistics/labels';
import { StatisticsGrain } from '../services/statistics/period';
import { CountedFrom, TargetSource } from '../services/statistics/statistics-enums';

/** Enums of the statistics (issue #7). Imported once by build-schema. */
registerEnumType(MemberDimension, {
  name: 'MemberDimension',
  description: 'What members are counted by (tiêu chí thống kê đảng viên).',
  valuesConfig: Object.fromEntries(Object.values(MemberDimension).map((d) => [d, { description: `${MEMBER_DIMENSION_LABELS[d]}.` }])),
});

registerEnumType(StatisticsGrain, {
  name: 'StatisticsGrain',
  description: 'The calendar grain of a period, and of a breakdown by period (kỳ báo cáo).',
  valuesConfig: {
    YEAR: { description: 'A calendar year (năm).' },
    QUARTER: { description: 'A quarter (quý).' },
    MONTH: { description: 'A month (tháng).' },
    RANGE: { description: 'Any other range of days (khoảng thời gian); not a grain to break down by.' },
  },
});

registerEnumType(Indicator, {
  name: 'Indicator',
  description: 'An indicator with an actual value, a target and the gap (chỉ tiêu, domain.md §7).',
  valuesConfig: Object.fromEntries(Object.values(Indicator).map((i) => [i, { description: `${INDICATORS[i].label}.` }])),
});

registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  description: 'Whether an indicator is a count or a share.',
  valuesConfig: {
    COUNT: { description: 'A count, against a planned count (kết nạp 134 / kế hoạch 129).' },
    SHARE: { description: 'A share of a whole, 0–1 (tỷ lệ).' },
  },
});

registerEnumType(TargetSource, {
  name: 'TargetSource',
  description: 'Where a target comes from.',
  valuesConfig: {
    SET: { description: 'Set by a committee for the year (chỉ tiêu do cấp ủy đề ra): the unit or the nearest committee above it.' },
    DEFAULT: { description: "Follows from the rules when no committee set one: 90% good or better, the province's attendance threshold, 100% oversight coverage." },
  },
});

registerEnumType(CountedFrom, {
  name: 'CountedFrom',
  description: 'Where the figures of an answer were read.',
  valuesConfig: {
    ROLLUPS: { description: 'The rollups kept by the writes (tổng hợp sẵn).' },
    BASE_TABLES: { description: 'Recounted from the base tables: stock figures asked as of a day before the rollups keep their history.' },
  },
});
