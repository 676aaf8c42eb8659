import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { AnnualGrade } from '../../entities/annual-grade';
import { GradeLevel, GradeState, GradeSubjectKind } from '../../entities/evaluation-enums';
import { PositionKind } from '../../entities/member-enums';
import { OrgUnit } from '../../entities/org-unit';
import { OrgUnitKind } from '../../entities/org-unit-enums';
import { badInput, conflict, forbidden, staleVersion } from '../../errors/app-error';
import { uniqueOr } from '../../errors/unique-violation';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { todayInVietnam } from '../calendar';
import { getMember } from '../members/member-queries';
import { getOrgUnit } from '../tree/org-unit-queries';
import { optionalText, requiredText, validYear } from '../validate';
import { checkMayDecide } from './appraisal-rights';
import { getAnnualGrade } from './annual-grade-queries';
import { checkGradeConstraints, lockGradeGroups } from './grade-constraints';

export interface ProposeGradeInput {
  readonly subjectKind: GradeSubjectKind;
  /** The organisation graded, or the committee whose head is graded; absent for a member. */
  readonly unitId?: number | null;
  readonly memberId?: number | null;
  readonly year: number;
  readonly level: GradeLevel;
  readonly note?: string | null;
  /** The version you read, to revise a proposal already made. */
  readonly version?: number | null;
}

export function gradeSnapshot(g: AnnualGrade): Record<string, unknown> {
  return {
    year: g.year,
    subjectKind: g.subjectKind,
    unitId: g.unitId,
    memberId: g.memberId ?? null,
    state: g.state,
    proposedLevel: g.proposedLevel,
    proposalNote: g.proposalNote ?? null,
    decidedLevel: g.decidedLevel ?? null,
    decisionRef: g.decisionRef ?? null,
    decisionNote: g.decisionNote ?? null,
    version: g.version,
  };
}

const target = (g: AnnualGrade): { type: string; id: number; provinceId: number; unitPath: string } => ({ type: 'AnnualGrade', id: g.id, provinceId: g.provinceId, unitPath: g.unitPath });

/** Party groups are not graded; every other unit is an organisation (tổ chức đảng). */
function checkGradedUnit(unit: OrgUnit, field: string): void {
  if (unit.kind === OrgUnitKind.PARTY_GROUP) throw badInput(field, 'party groups are not graded');
}

async function isHead(em: EntityManager, memberId: number, unitId: number, year: number): Promise<boolean> {
  const rows = await em.getConnection().execute<{ n: number }[]>(
    `select count(*)::int as n from member_position where member_id = ? and unit_id = ? and position = ?
        and started_on <= ? and (ended_on is null or ended_on >= ?)`,
    [memberId, unitId, PositionKind.SECRETARY, `${year}-12-31`, `${year}-01-01`],
    'all',
  );
  return rows[0].n > 0;
}

/** Resolves who is graded: the unit the grade belongs to (for scope) and the member, if any. */
async function subjectOf(ctx: RequestContext, input: ProposeGradeInput, year: number): Promise<{ unit: { id: number; path: string; provinceId: number }; memberId: number | null }> {
  if (input.subjectKind === GradeSubjectKind.MEMBER) {
    if (input.memberId === null || input.memberId === undefined) throw badInput('input.memberId', 'is required to grade a member');
    if (input.unitId !== null && input.unitId !== undefined) throw badInput('input.unitId', "must be empty: a member is graded in their own cell");
    const member = await getMember(ctx, input.memberId);
    return { unit: { id: member.unit.id, path: member.unitPath, provinceId: member.provinceId }, memberId: member.id };
  }
  if (input.unitId === null || input.unitId === undefined) throw badInput('input.unitId', 'is required to grade an organisation or its head');
  const unit = await getOrgUnit(ctx, input.unitId);
  checkGradedUnit(unit, 'input.unitId');
  if (input.subjectKind === GradeSubjectKind.ORGANISATION) {
    if (input.memberId !== null && input.memberId !== undefined) throw badInput('input.memberId', 'must be empty when grading an organisation');
    return { unit, memberId: null };
  }
  if (input.memberId === null || input.memberId === undefined) throw badInput('input.memberId', "is required: the committee's head");
  const member = await getMember(ctx, input.memberId);
  if (!(await isHead(ctx.em, member.id, unit.id, year))) throw badInput('input.memberId', `was not the secretary of this unit in ${year}`);
  return { unit, memberId: member.id };
}

/**
 * A self-assessment or proposal (tự đánh giá, đề xuất xếp loại): by whoever prepares the unit's
 * evaluations (secretary, organizers), or by members for themselves. Revisable until decided.
 */
export async function proposeAnnualGrade(ctx: RequestContext, input: ProposeGradeInput): Promise<AnnualGrade> {
  const year = validYear(input.year, 'input.year');
  if (`${year}` > todayInVietnam().slice(0, 4)) throw badInput('input.year', 'a year not begun cannot be graded');
  const { unit, memberId } = await subjectOf(ctx, input, year);
  const own = memberId !== null && memberId === ctx.viewer.memberId && input.subjectKind === GradeSubjectKind.MEMBER;
  if (!own && !ctx.viewer.can(Permission.EVALUATIONS_WRITE, unit.path)) throw forbidden('You may not propose this grade');
  const note = optionalText(input.note, 'input.note', 5000);
  const existing = await ctx.em.findOne(AnnualGrade, { year, subjectKind: input.subjectKind, unitId: unit.id, memberId });
  const alreadyProposed = (gradeId: number): Error => conflict(`A grade for ${year} is already proposed: revise it with its version`, { field: 'input.version', gradeId });
  if (existing) {
    if (input.version === null || input.version === undefined) throw alreadyProposed(existing.id);
    if (existing.version !== input.version) throw staleVersion(input.version, existing.version);
    if (existing.state !== GradeState.PROPOSED) throw conflict(`The grade is already ${existing.state}`, { field: 'state' });
  }
  // Two first proposals racing past the check: the unique index annual_grade_subject_uq keeps one.
  const taken = async (): Promise<Error> => {
    const [row] = await ctx.em.getConnection().execute<Array<{ id: number }>>(
      'select id from annual_grade where year = ? and subject_kind = ? and unit_id = ? and coalesce(member_id, 0) = ?',
      [year, input.subjectKind, unit.id, memberId ?? 0],
      'all',
    );
    return alreadyProposed(row?.id ?? 0);
  };
  return uniqueOr(() => ctx.em.transactional(async (em) => {
    const grade = existing
      ? await em.findOneOrFail(AnnualGrade, existing.id)
      : em.create(AnnualGrade, { provinceId: unit.provinceId, year, subjectKind: input.subjectKind, unitId: unit.id, unitPath: unit.path, memberId, state: GradeState.PROPOSED, proposedLevel: input.level });
    const before = existing ? gradeSnapshot(grade) : null;
    grade.proposedLevel = input.level;
    grade.proposalNote = note;
    grade.proposedById = ctx.viewer.accountId;
    grade.proposedAt = new Date();
    await em.flush();
    audit(ctx, em, existing ? 'reviseAnnualGradeProposal' : 'proposeAnnualGrade', target(grade), before, gradeSnapshot(grade));
    return grade;
  }), taken);
}

export interface GradeDecision {
  readonly id: number;
  readonly version: number;
  readonly level: GradeLevel;
  readonly note?: string | null;
}

const MAX_BATCH = 500;

async function loadBatch(ctx: RequestContext, entries: readonly { id: number; version: number }[], field: string, allowed: readonly GradeState[]): Promise<AnnualGrade[]> {
  if (entries.length === 0) throw badInput(field, 'must name at least one grade');
  if (entries.length > MAX_BATCH) throw badInput(field, `must name at most ${MAX_BATCH} grades`);
  const seen = new Set<number>();
  const grades: AnnualGrade[] = [];
  for (const [i, entry] of entries.entries()) {
    if (seen.has(entry.id)) throw badInput(`${field}.${i}.id`, 'names a grade twice');
    seen.add(entry.id);
    const grade = await getAnnualGrade(ctx, entry.id, `${field}.${i}.id`);
    checkMayDecide(ctx, grade.unitPath);
    if (grade.memberId !== null && grade.memberId !== undefined && grade.memberId === ctx.viewer.memberId) throw forbidden('Nobody decides their own grade');
    if (grade.version !== entry.version) throw staleVersion(entry.version, grade.version);
    if (!allowed.includes(grade.state)) throw conflict(`Grade ${i + 1} is ${grade.state}`, { field: `${field}.${i}.id`, state: grade.state });
    grades.push(grade);
  }
  return grades;
}

/**
 * The committee's decision (quyết định xếp loại) on one or many grades at once, with its
 * reference. The province's constraints are checked on the result; any breach rejects the batch.
 */
export async function decideAnnualGrades(ctx: RequestContext, input: { decisionRef: string; decisions: readonly GradeDecision[] }): Promise<AnnualGrade[]> {
  const decisionRef = requiredText(input.decisionRef, 'input.decisionRef', 200);
  const notes = input.decisions.map((d, i) => optionalText(d.note, `input.decisions.${i}.note`, 5000));
  const found = await loadBatch(ctx, input.decisions, 'input.decisions', [GradeState.PROPOSED, GradeState.DECIDED]);
  const units = await ctx.em.find(OrgUnit, { id: { $in: [...new Set(found.map((g) => g.unitId))] } });
  const unitKinds = new Map(units.map((u) => [u.id, u.kind]));
  return ctx.em.transactional(async (em) => {
    await lockGradeGroups(em, found);
    const decided: AnnualGrade[] = [];
    const befores: Record<string, unknown>[] = [];
    for (const [i, grade] of found.entries()) {
      const managed = await em.findOneOrFail(AnnualGrade, grade.id);
      befores.push(gradeSnapshot(managed));
      managed.state = GradeState.DECIDED;
      managed.decidedLevel = input.decisions[i].level;
      managed.decisionRef = decisionRef;
      managed.decisionNote = notes[i];
      managed.decidedById = ctx.viewer.accountId;
      managed.decidedAt = new Date();
      decided.push(managed);
    }
    await em.flush();
    await checkGradeConstraints(em, decided, unitKinds);
    decided.forEach((g, i) => audit(ctx, em, 'decideAnnualGrade', target(g), befores[i], gradeSnapshot(g)));
    return decided;
  });
}

/** Publishes decided grades to the organisation (công khai): afterwards they do not change. */
export async function publishAnnualGrades(ctx: RequestContext, input: { grades: readonly { id: number; version: number }[] }): Promise<AnnualGrade[]> {
  const found = await loadBatch(ctx, input.grades, 'input.grades', [GradeState.DECIDED]);
  return ctx.em.transactional(async (em) => {
    const published: AnnualGrade[] = [];
    for (const grade of found) {
      const managed = await em.findOneOrFail(AnnualGrade, grade.id);
      managed.state = GradeState.PUBLISHED;
      managed.publishedAt = new Date();
      managed.publishedById = ctx.viewer.accountId;
      published.push(managed);
      audit(ctx, em, 'publishAnnualGrade', target(managed), { state: GradeState.DECIDED }, { state: GradeState.PUBLISHED });
    }
    await em.flush();
    return published;
  });
}
