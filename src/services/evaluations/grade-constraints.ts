import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnnualGrade } from '../../entities/annual-grade';
import { GradeLevel, GradeSubjectKind, MeetingRating } from '../../entities/evaluation-enums';
import { isCellKind, type OrgUnitKind } from '../../entities/org-unit-enums';
import { lockGroups } from '../../db/advisory-lock';
import { conflict } from '../../errors/app-error';
import { gradingRulesFor } from './grading-rules-service';
import { cellYearRatings } from './period-ratings';

/** The unit above a path: '/1/2/3/' → '/1/2/'. */
const parentPath = (path: string): string => path.replace(/[0-9]+\/$/, '');

/** The group a grade counts in for the cap: one kind and year, units sharing a parent. */
const gradeGroupKey = (g: Pick<AnnualGrade, 'provinceId' | 'year' | 'subjectKind' | 'unitPath'>): string =>
  `annual-grade-group:${g.provinceId}:${g.year}:${g.subjectKind}:${parentPath(g.unitPath)}`;

/**
 * Serialises the decisions of a group (decisions.md §39): taken before the first write, so that
 * the cap, counted after this batch's writes, also counts every decision committed before it.
 * Without it two decisions each raising one grade to EXCELLENT both passed a 20% cap.
 */
export function lockGradeGroups(em: EntityManager, grades: ReadonlyArray<Pick<AnnualGrade, 'provinceId' | 'year' | 'subjectKind' | 'unitPath'>>): Promise<void> {
  return lockGroups(em, grades.map(gradeGroupKey));
}

/**
 * The configured constraints, checked on the state the decisions leave behind (inside their
 * transaction, so a breach rolls every decision of the batch back). A group is the grades of one
 * kind and year whose units share a parent: the cells of a committee, the members of its cells.
 */
export async function checkGradeConstraints(em: EntityManager, decided: readonly AnnualGrade[], unitKinds: ReadonlyMap<number, OrgUnitKind>): Promise<void> {
  const groups = new Map<string, AnnualGrade>();
  for (const g of decided) groups.set(gradeGroupKey(g), g);
  for (const g of groups.values()) {
    const rules = await gradingRulesFor(em, g.provinceId);
    const cap = rules.excellentMaxShareOfGood;
    if (cap === null || cap === undefined) continue;
    const parent = parentPath(g.unitPath);
    const rows = await em.getConnection().execute<Array<{ excellent: number; good: number }>>(
      `select count(*) filter (where decided_level = 'EXCELLENT')::int as excellent, count(*) filter (where decided_level = 'GOOD')::int as good
         from annual_grade
        where year = ? and subject_kind = ? and state <> 'PROPOSED' and unit_path like ? and regexp_replace(unit_path, '[0-9]+/$', '') = ?`,
      [g.year, g.subjectKind, `${parent}%`, parent],
      'all',
      em.getTransactionContext(),
    );
    const { excellent, good } = rows[0];
    const share = excellent + good === 0 ? 0 : excellent / (excellent + good);
    if (share > cap + 1e-9) {
      throw conflict(
        `The decisions break the constraint EXCELLENT_SHARE_OF_GOOD: ${excellent} of ${excellent + good} graded good or better would be excellent (${(share * 100).toFixed(2)}%), above the province's cap of ${(cap * 100).toFixed(2)}%`,
        { constraint: 'EXCELLENT_SHARE_OF_GOOD', limit: cap, actual: Math.round(share * 10000) / 10000, field: 'input.decisions' },
      );
    }
  }
  const excellentCells = decided.filter((g) => g.subjectKind === GradeSubjectKind.ORGANISATION && g.decidedLevel === GradeLevel.EXCELLENT && isCellKind(unitKinds.get(g.unitId) as OrgUnitKind));
  for (const g of excellentCells) {
    if (!(await gradingRulesFor(em, g.provinceId)).excellentRequiresNoWeakMonth) continue;
    const months = (await cellYearRatings(em, [g.unitId], g.year)).get(g.unitId)?.months ?? [];
    const weak = months.filter((m) => m.rating === MeetingRating.WEAK).map((m) => m.month);
    if (weak.length > 0) {
      throw conflict(`The decision breaks the constraint EXCELLENT_REQUIRES_NO_WEAK_MONTH: the cell's meetings were rated weak in month ${weak.join(', ')} of ${g.year}`, {
        constraint: 'EXCELLENT_REQUIRES_NO_WEAK_MONTH',
        months: weak,
        field: 'input.decisions',
        gradeId: g.id,
      });
    }
  }
}
