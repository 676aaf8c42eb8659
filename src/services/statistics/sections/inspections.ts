import { DisciplineKind, FindingKind, InspectionOrigin, InspectionState, MEMBER_DISCIPLINES, ORGANISATION_DISCIPLINES } from '../../../entities/inspection-enums';
import type { RequestContext } from '../../../request-context';
import { addDays, todayInVietnam } from '../../calendar';
import { rows, total, type StatisticsSubject } from '../statistics-subject';

export interface KeyCount {
  readonly key: string;
  readonly count: number;
}

/**
 * Inspections run by the committees of the subtree in the years the period touches, their
 * findings, the remediation due in the period, and discipline decided in it. Counts only.
 */
export interface InspectionStatisticsView {
  readonly fromYear: number;
  readonly toYear: number;
  readonly conducted: number;
  readonly byState: readonly KeyCount[];
  readonly byOrigin: readonly KeyCount[];
  readonly organisationTargets: number;
  readonly memberTargets: number;
  readonly findingsByKind: readonly KeyCount[];
  readonly findingsBySubject: readonly KeyCount[];
  readonly remediation: { readonly onTime: number; readonly late: number; readonly overdue: number; readonly pending: number };
  readonly discipline: ReadonlyArray<{ readonly targetKind: 'ORGANISATION' | 'MEMBER'; readonly kind: DisciplineKind; readonly count: number }>;
}

export async function inspectionStatistics(ctx: RequestContext, s: StatisticsSubject): Promise<InspectionStatisticsView> {
  const today = todayInVietnam();
  const yesterday = addDays(today, -1);
  const past = { to: s.period.to < yesterday ? s.period.to : yesterday };
  const ahead = { from: s.period.from > today ? s.period.from : today };
  const [inspections, targets, findings, remediation, overdue, pending, discipline] = await Promise.all([
    rows(ctx, s, 'INSPECTIONS'),
    rows(ctx, s, 'INSPECTION_TARGETS'),
    rows(ctx, s, 'FINDINGS'),
    rows(ctx, s, 'REMEDIATION'),
    // Open actions by deadline: before today they are overdue, from today on still pending.
    past.to < s.period.from ? Promise.resolve([]) : rows(ctx, s, 'REMEDIATION', past),
    ahead.from > s.period.to ? Promise.resolve([]) : rows(ctx, s, 'REMEDIATION', ahead),
    rows(ctx, s, 'DISCIPLINE'),
  ]);
  const subjects = [...new Set(findings.map((r) => r.k2))].sort();
  return {
    fromYear: Number(s.period.from.slice(0, 4)),
    toYear: Number(s.period.to.slice(0, 4)),
    conducted: total(inspections),
    byState: Object.values(InspectionState).map((key) => ({ key, count: total(inspections, (r) => r.k1 === key) })),
    byOrigin: Object.values(InspectionOrigin).map((key) => ({ key, count: total(inspections, (r) => r.k2 === key) })),
    organisationTargets: total(targets, (r) => r.k1 === 'ORGANISATION'),
    memberTargets: total(targets, (r) => r.k1 === 'MEMBER'),
    findingsByKind: Object.values(FindingKind).map((key) => ({ key, count: total(findings, (r) => r.k1 === key) })),
    findingsBySubject: subjects.map((key) => ({ key, count: total(findings, (r) => r.k2 === key) })),
    remediation: {
      onTime: total(remediation, (r) => r.k2 === 'ON_TIME'),
      late: total(remediation, (r) => r.k2 === 'LATE'),
      overdue: total(overdue, (r) => r.k1 === 'OPEN'),
      pending: total(pending, (r) => r.k1 === 'OPEN'),
    },
    discipline: [
      ...ORGANISATION_DISCIPLINES.map((kind) => ({ targetKind: 'ORGANISATION' as const, kind, count: total(discipline, (r) => r.k1 === 'ORGANISATION' && r.k2 === kind) })),
      ...MEMBER_DISCIPLINES.map((kind) => ({ targetKind: 'MEMBER' as const, kind, count: total(discipline, (r) => r.k1 === 'MEMBER' && r.k2 === kind) })),
    ],
  };
}
