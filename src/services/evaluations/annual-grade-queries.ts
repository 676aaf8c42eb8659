import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import { AnnualGrade } from '../../entities/annual-grade';
import type { GradeLevel, GradeState, GradeSubjectKind } from '../../entities/evaluation-enums';
import { notFound } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { inSubtreeSql } from '../batched-page';
import { loadPage } from '../load-page';
import type { Page, PageArgs } from '../pagination';

/**
 * Who reads a grade, as SQL on `t`: every state where the viewer holds GRADES_READ; published
 * grades where PUBLISHED_GRADES_READ (members see their cell's, công khai); and the viewer's own grade.
 */
export function gradeReadSql(ctx: RequestContext): { sql: string; params: unknown[] } {
  const all = scopeSql(ctx.viewer.scope(Permission.GRADES_READ), 't.unit_path');
  const published = scopeSql(ctx.viewer.scope(Permission.PUBLISHED_GRADES_READ), 't.unit_path');
  const parts = [all.sql, `(t.state = 'PUBLISHED' and ${published.sql})`];
  const params: unknown[] = [...all.params, ...published.params];
  if (ctx.viewer.memberId !== null) {
    parts.push('t.member_id = ?');
    params.push(ctx.viewer.memberId);
  }
  return { sql: `(${parts.join(' or ')})`, params };
}

export async function findAnnualGrade(ctx: RequestContext, id: number): Promise<AnnualGrade | null> {
  const read = gradeReadSql(ctx);
  const rows = await ctx.em.getConnection().execute<Array<{ id: number }>>(`select t.id from annual_grade t where t.id = ? and ${read.sql}`, [id, ...read.params], 'all', ctx.em.getTransactionContext());
  return rows.length === 0 ? null : ctx.em.findOne(AnnualGrade, id);
}

export async function getAnnualGrade(ctx: RequestContext, id: number, field = 'id'): Promise<AnnualGrade> {
  const found = await findAnnualGrade(ctx, id);
  if (!found) throw notFound(`Annual grade (${field})`);
  return found;
}

export interface AnnualGradeFilter {
  readonly year?: number | null;
  readonly subjectKinds?: readonly GradeSubjectKind[] | null;
  readonly states?: readonly GradeState[] | null;
  readonly levels?: readonly GradeLevel[] | null;
  readonly subtreeOfPath?: string | null;
}

function gradesPage(ctx: RequestContext, name: string, keyCondition: string | null, key: number, filter: AnnualGradeFilter, args: PageArgs): Promise<Page<AnnualGrade>> {
  const read = gradeReadSql(ctx);
  const where = keyCondition ? [keyCondition, read.sql] : [read.sql];
  const params: unknown[] = [...read.params];
  const inList = (column: string, values: readonly unknown[] | null | undefined): void => {
    if (!values?.length) return;
    where.push(`${column} in (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  if (filter.year) {
    where.push('t.year = ?');
    params.push(filter.year);
  }
  inList('t.subject_kind', filter.subjectKinds);
  inList('t.state', filter.states);
  inList('coalesce(t.decided_level, t.proposed_level)', filter.levels);
  if (filter.subtreeOfPath) {
    where.push(inSubtreeSql('t.unit_path', '?'));
    params.push(filter.subtreeOfPath, filter.subtreeOfPath);
  }
  return loadPage(ctx, AnnualGrade, {
    shape: `${name}:${JSON.stringify(filter)}`,
    query: { from: 'annual_grade t', where, params, orderBy: 't.year desc, t.subject_kind, t.unit_path, t.member_id nulls first, t.id' },
    keyType: 'int',
    key,
  }, args);
}

/** Grades the viewer may read, newest year first; ordered by subject within a year. */
export function listAnnualGrades(ctx: RequestContext, filter: AnnualGradeFilter, args: PageArgs): Promise<Page<AnnualGrade>> {
  return gradesPage(ctx, 'annualGrades', null, 0, filter, args);
}

/** An organisation's own grades, batched over units. */
export function gradesOfUnit(ctx: RequestContext, unitId: number, filter: AnnualGradeFilter, args: PageArgs): Promise<Page<AnnualGrade>> {
  return gradesPage(ctx, 'unitGrades', "t.unit_id = k.key and t.subject_kind = 'ORGANISATION'", unitId, filter, args);
}

/** A member's grades (as member or head), batched over members. */
export function gradesOfMember(ctx: RequestContext, memberId: number, filter: AnnualGradeFilter, args: PageArgs): Promise<Page<AnnualGrade>> {
  return gradesPage(ctx, 'memberGrades', 't.member_id = k.key', memberId, filter, args);
}
