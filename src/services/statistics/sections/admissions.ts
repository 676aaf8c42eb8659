import { CellType } from '../../../entities/org-unit-enums';
import type { RequestContext } from '../../../request-context';
import { cellTypeLabel } from '../labels';
import { rows, share, total, type StatisticsSubject } from '../statistics-subject';
import { membersAtStart } from './members';

/** Lifecycle flows of the period: admissions (kết nạp), recognitions as official, exits. */
export interface AdmissionStatisticsView {
  readonly admitted: number;
  /** Admitted into residential cells outside wards (thôn, bản: kết nạp ở nông thôn). */
  readonly rural: number;
  readonly byCellType: ReadonlyArray<{ readonly cellType: CellType | null; readonly label: string; readonly count: number }>;
  readonly recognisedOfficial: number;
  readonly exits: ReadonlyArray<{ readonly kind: string; readonly count: number }>;
  /** Members on the day before the period. */
  readonly membersAtStart: number;
  /** admitted ÷ members at the start. */
  readonly admissionRate: number | null;
}

export const EXIT_KINDS = ['REMOVED', 'PROBATION_FAILED', 'EXPELLED', 'DIED'] as const;

export async function admissionStatistics(ctx: RequestContext, s: StatisticsSubject): Promise<AdmissionStatisticsView> {
  const [admissions, recognitions, exits, start] = await Promise.all([
    rows(ctx, s, 'ADMISSIONS'),
    rows(ctx, s, 'RECOGNITIONS'),
    rows(ctx, s, 'EXITS'),
    membersAtStart(ctx, s),
  ]);
  const admitted = total(admissions);
  return {
    admitted,
    rural: total(admissions, (r) => r.k2 === 'RURAL'),
    byCellType: [...Object.values(CellType), null].map((cellType) => ({ cellType, label: cellTypeLabel(cellType), count: total(admissions, (r) => r.k1 === (cellType ?? '')) })),
    recognisedOfficial: total(recognitions),
    exits: EXIT_KINDS.map((kind) => ({ kind, count: total(exits, (r) => r.k1 === kind) })),
    membersAtStart: start.total,
    admissionRate: share(admitted, start.total),
  };
}
