import type { RequestContext } from '../../request-context';
import { toGlobalId } from '../global-id';
import { MemberDimension } from '../statistics/labels';
import { StatisticsGrain, type StatisticsPeriod } from '../statistics/period';
import { admissionStatistics } from '../statistics/sections/admissions';
import { meetingStatistics } from '../statistics/sections/meetings';
import { memberStatistics } from '../statistics/sections/members';
import { oversightStatistics } from '../statistics/sections/oversight';
import { unitStatistics } from '../statistics/sections/units';
import type { StatisticsSubject } from '../statistics/statistics-subject';
import { breakdownParts } from './statistics-breakdown';
import { count, StatisticsBreakdown, statisticsTable, StatisticsTable, type StatTable } from './statistics-tables';
import { headlineTable, type Headline } from './statistics-tables/headline-table';
import { meetingComplianceTable, meetingKindsTable } from './statistics-tables/meeting-tables';
import { membersTable } from './statistics-tables/tree-tables';
import { writeWorkbook, type SheetSpec } from './xlsx-writer';

const ROMAN = ['I', 'II', 'III', 'IV'];
const dmy = (day: string): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** The period as the reports head it: Năm 2026, Quý I năm 2026, Tháng 3 năm 2026, or from–to. */
export function periodLabel(period: StatisticsPeriod): string {
  const year = period.from.slice(0, 4);
  const month = Number(period.from.slice(5, 7));
  switch (period.grain) {
    case StatisticsGrain.YEAR:
      return `Năm ${year}`;
    case StatisticsGrain.QUARTER:
      return `Quý ${ROMAN[(month - 1) / 3]} năm ${year}`;
    case StatisticsGrain.MONTH:
      return `Tháng ${month} năm ${year}`;
    default:
      return `Từ ngày ${dmy(period.from)} đến ngày ${dmy(period.to)}`;
  }
}

/** A unit's headline figures; `key` defaults to the unit's global id. */
async function headline(ctx: RequestContext, s: StatisticsSubject, label: string, key = s.unit ? toGlobalId('OrgUnit', s.unit.id) : 'NATION'): Promise<Headline> {
  const [members, units, admissions, meetings, oversight] = await Promise.all([
    memberStatistics(ctx, s),
    unitStatistics(ctx, s),
    admissionStatistics(ctx, s),
    meetingStatistics(ctx, s),
    oversightStatistics(ctx, s),
  ]);
  return { key, label, code: s.unit?.code ?? null, members, units, admissions, meetings, oversight };
}

/**
 * The district report's tables for a unit (or the nation) and a period, one sheet each, with
 * Vietnamese headers; every figure comes from the same section services as the `statistics` query.
 */
export async function statisticsWorkbook(ctx: RequestContext, s: StatisticsSubject): Promise<Buffer> {
  const parts = await breakdownParts(ctx, s, StatisticsBreakdown.CHILD_UNIT);
  const name = s.unit?.name ?? 'Toàn quốc';
  const table = (t: StatisticsTable): Promise<StatTable> => statisticsTable(ctx, s, t, { dimension: null });
  // Everything at once: the rollup reads of every section and child go out in one batch.
  const [units, members, admissions, meetings, matrix, indicators, evaluations, oversight, inspections, whole, children] = await Promise.all([
    table(StatisticsTable.UNITS),
    memberStatistics(ctx, s),
    table(StatisticsTable.ADMISSIONS),
    meetingStatistics(ctx, s),
    table(StatisticsTable.THEMATIC_MATRIX),
    table(StatisticsTable.INDICATORS),
    table(StatisticsTable.EVALUATIONS),
    table(StatisticsTable.OVERSIGHT),
    table(StatisticsTable.INSPECTIONS),
    headline(ctx, s, s.unit === null ? 'Toàn quốc' : `Toàn ${name}`, 'TOTAL'),
    Promise.all(parts.map((p) => headline(ctx, p.subject, p.subject.unit?.name ?? ''))),
  ]);
  const totalMembers: StatTable = {
    labelHeader: 'Nội dung',
    columns: [count('count', 'Số đảng viên')],
    rows: [{ key: 'TOTAL', label: 'Tổng số đảng viên', cells: { count: members.total } }],
  };
  const sheets: SheetSpec[] = [
    { name: 'Tổ chức đảng', blocks: [{ table: units }] },
    { name: 'Đảng viên', blocks: [{ table: totalMembers }, ...Object.values(MemberDimension).map((d) => ({ table: membersTable(members, d) }))] },
    { name: 'Kết nạp', blocks: [{ table: admissions }] },
    { name: 'Sinh hoạt', blocks: [{ title: 'Sinh hoạt theo loại', table: meetingKindsTable(meetings) }, { title: 'Chế độ sinh hoạt', table: meetingComplianceTable(meetings) }] },
    { name: 'Chuyên đề', blocks: [{ title: 'Sinh hoạt chuyên đề theo chủ đề và loại hình chi bộ', table: matrix }] },
    { name: 'Chỉ tiêu', blocks: [{ table: indicators }] },
    { name: 'Đánh giá', blocks: [{ table: evaluations }] },
    { name: 'Kiểm tra, giám sát', blocks: [{ table: oversight }, { title: 'Công tác kiểm tra', table: inspections }] },
    { name: 'Theo đơn vị', blocks: [{ title: 'Số liệu chủ yếu theo đơn vị trực thuộc', table: headlineTable(children, whole) }] },
  ];
  return writeWorkbook(`${name} — ${periodLabel(s.period)}`, `Tổ chức đảng và đảng viên tính đến ngày ${dmy(s.asOf)}.`, sheets);
}
