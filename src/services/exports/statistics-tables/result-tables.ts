import { IndicatorUnit } from '../../statistics/indicator-catalogue';
import type { IndicatorValue } from '../../statistics/indicators';
import { GRADE_SUBJECT_LABELS, RATING_LABELS } from '../../statistics/labels';
import type { EvaluationStatisticsView } from '../../statistics/sections/evaluations';
import type { InspectionStatisticsView, KeyCount } from '../../statistics/sections/inspections';
import type { OversightStatisticsView } from '../../statistics/sections/oversight';
import { MEETING_RATINGS } from '../../../entities/evaluation-enums';
import {
  ASSIGNEE_LABELS,
  DISCIPLINE_LABELS,
  DISCIPLINE_TARGET_LABELS,
  FINDING_LABELS,
  INSPECTION_ORIGIN_LABELS,
  INSPECTION_STATE_LABELS,
} from './export-labels';
import { count, inSection, valueRow, valueTable, type StatTable, type TableRow } from './table';

/** Each indicator: actual, its parts, the percentage, the target in force, the gap and whether it is met. */
export function indicatorsTable(list: readonly IndicatorValue[]): StatTable {
  return {
    labelHeader: 'Tên chỉ tiêu',
    columns: [
      { key: 'unit', header: 'Đơn vị tính', format: 'text', labels: { [IndicatorUnit.COUNT]: 'Số lượng', [IndicatorUnit.SHARE]: 'Tỷ lệ' } },
      { key: 'actual', header: 'Thực hiện', format: 'count' },
      count('numerator', 'Tử số'),
      count('denominator', 'Mẫu số'),
      { key: 'percent', header: 'Tỷ lệ (%)', format: 'percent' },
      { key: 'target', header: 'Chỉ tiêu', format: 'count' },
      { key: 'source', header: 'Nguồn chỉ tiêu', format: 'text', labels: { SET: 'Cấp ủy đề ra', DEFAULT: 'Theo quy định' } },
      { key: 'gap', header: 'Chênh lệch', format: 'count' },
      { key: 'met', header: 'Kết quả', format: 'boolean', labels: { true: 'Đạt', false: 'Chưa đạt' } },
    ],
    rows: list.map((i) => ({
      key: i.indicator,
      label: i.label,
      cells: { unit: i.unit, actual: i.value, numerator: i.numerator, denominator: i.denominator, percent: i.percent, target: i.target?.value ?? null, source: i.target?.source ?? null, gap: i.gap, met: i.met },
      // A share's actual, target and gap are 0–1: the workbook shows them as percentages.
      ...(i.unit === IndicatorUnit.SHARE ? { formats: { actual: 'share', target: 'share', gap: 'share' } as const } : {}),
    })),
  };
}

/** Meeting ratings and their appraisal, cells' ratings for the period, annual grades and four-good results. */
export function evaluationsTable(view: EvaluationStatisticsView): StatTable {
  return valueTable(
    inSection('Chất lượng sinh hoạt chi bộ (số cuộc)', [
      ...view.meetingRatings.map((r) => valueRow(`MEETING_RATING.${r.rating}`, r.label, r.count)),
      valueRow('EVALUATED', 'Số cuộc đã đánh giá (tự chấm, đã gửi)', view.evaluatedMeetings),
      valueRow('APPRAISED', 'Số cuộc đã được thẩm định', view.appraisedMeetings),
      valueRow('AWAITING_APPRAISAL', 'Số cuộc chờ thẩm định', view.awaitingAppraisal),
      valueRow('DRAFT', 'Số cuộc đang chấm điểm (chưa gửi)', view.draftEvaluations),
      valueRow('HELD_WITHOUT_EVALUATION', 'Số cuộc chưa chấm điểm', view.heldWithoutEvaluation),
    ]),
    // Every rating listed, empty unless the period is a month, quarter or year: the columns stay the same.
    inSection('Xếp loại chất lượng sinh hoạt của chi bộ trong kỳ', MEETING_RATINGS.map((rating) => valueRow(`CELL_RATING.${rating}`, RATING_LABELS[rating], view.cellRatings?.find((r) => r.rating === rating)?.count ?? null))),
    inSection('Đánh giá, xếp loại hằng năm', view.grades.map((g) => valueRow(`GRADE.${g.subjectKind}.${g.level}`, `${GRADE_SUBJECT_LABELS[g.subjectKind]}: ${g.label}`, g.count))),
    inSection('Chi bộ, đảng bộ cơ sở "bốn tốt"', [
      valueRow('FOUR_GOOD_ASSESSED', 'Số tổ chức được đánh giá', view.fourGoodAssessed),
      valueRow('FOUR_GOOD_ACHIEVED', 'Đạt "bốn tốt"', view.fourGoodAchieved),
    ]),
  );
}

/** Inspection and supervision coverage of the cells, supervisors' visits, weak-cell flags. */
export function oversightTable(view: OversightStatisticsView): StatTable {
  return valueTable(
    inSection('Kiểm tra, giám sát chi bộ', [
      valueRow('CELLS', 'Số chi bộ', view.cells),
      valueRow('INSPECTED_CELLS', 'Chi bộ được kiểm tra', view.inspectedCells),
      valueRow('SUPERVISED_CELLS', 'Chi bộ được giám sát (dự sinh hoạt theo phân công)', view.supervisedCells),
      valueRow('COVERED_CELLS', 'Chi bộ được kiểm tra hoặc giám sát', view.coveredCells),
      valueRow('COVERAGE_RATE', 'Tỷ lệ chi bộ được kiểm tra, giám sát', view.coverageRate, 'share'),
      valueRow('MEETS_REQUIREMENT', 'Kiểm tra, giám sát 100% chi bộ', view.meetsRequirement, 'boolean'),
    ]),
    inSection('Dự sinh hoạt theo phân công', view.supervisionVisits.map((v) => valueRow(`SUPERVISION_VISITS.${v.kind}`, ASSIGNEE_LABELS[v.kind], v.count))),
    inSection('Chi bộ yếu kém', [valueRow('WEAK_CELL_FLAGS', 'Lượt chi bộ được xác định yếu kém', view.weakCellFlags)]),
  );
}

/** key → Vietnamese name, the key itself where none is known. */
const named = (prefix: string, list: readonly KeyCount[], labels: Readonly<Record<string, string>>): TableRow[] =>
  list.map((k) => valueRow(`${prefix}.${k.key}`, labels[k.key] ?? k.key, k.count));

/** Inspections by state and origin, targets, findings by kind and subject, remediation, discipline. */
export function inspectionsTable(view: InspectionStatisticsView, subjectNames: ReadonlyMap<string, string> = new Map()): StatTable {
  const fix = view.remediation;
  return valueTable(
    [valueRow('FROM_YEAR', 'Từ năm', view.fromYear, 'year'), valueRow('TO_YEAR', 'Đến năm', view.toYear, 'year'), valueRow('CONDUCTED', 'Số cuộc kiểm tra', view.conducted)],
    inSection('Theo trạng thái', named('STATE', view.byState, INSPECTION_STATE_LABELS)),
    inSection('Theo nguồn', named('ORIGIN', view.byOrigin, INSPECTION_ORIGIN_LABELS)),
    inSection('Đối tượng kiểm tra', [
      valueRow('ORGANISATION_TARGETS', 'Tổ chức đảng được kiểm tra', view.organisationTargets),
      valueRow('MEMBER_TARGETS', 'Đảng viên được kiểm tra', view.memberTargets),
    ]),
    inSection('Kết quả kiểm tra', named('FINDING_KIND', view.findingsByKind, FINDING_LABELS)),
    inSection('Theo nội dung kiểm tra', named('FINDING_SUBJECT', view.findingsBySubject, Object.fromEntries(subjectNames))),
    inSection('Khắc phục sau kiểm tra', [
      valueRow('REMEDIATION.ON_TIME', 'Khắc phục đúng hạn', fix.onTime),
      valueRow('REMEDIATION.LATE', 'Khắc phục sau hạn', fix.late),
      valueRow('REMEDIATION.OVERDUE', 'Quá hạn chưa khắc phục', fix.overdue),
      valueRow('REMEDIATION.PENDING', 'Chưa đến hạn', fix.pending),
    ]),
    inSection('Thi hành kỷ luật', view.discipline.map((d) => valueRow(`DISCIPLINE.${d.targetKind}.${d.kind}`, `${DISCIPLINE_TARGET_LABELS[d.targetKind]}: ${DISCIPLINE_LABELS[d.kind]}`, d.count))),
  );
}
