import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AnnualGrade } from '../entities/annual-grade';
import type { FourGoodAssessment } from '../entities/four-good-assessment';
import type { Member } from '../entities/member';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { decideAnnualGrades, proposeAnnualGrade, publishAnnualGrades } from '../services/evaluations/annual-grade-commands';
import { getAnnualGrade, gradesOfMember, gradesOfUnit, listAnnualGrades, type AnnualGradeFilter } from '../services/evaluations/annual-grade-queries';
import { assessFourGood, fourGoodOf, isFourGood } from '../services/evaluations/four-good';
import { gradeInputs, type GradeInputsView } from '../services/evaluations/grade-inputs';
import { toGlobalId } from '../services/global-id';
import { findMember } from '../services/members/member-queries';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { AnnualGradeFilterInput, AssessFourGoodInput, DecideAnnualGradesInput, ProposeAnnualGradeInput, PublishAnnualGradesInput } from '../schema/inputs/evaluation-inputs';
import { AnnualGradeConnection, AnnualGradeType, FourGoodAssessmentType, GradeInputsType } from '../schema/types/annual-grade-types';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { optionalId, requiredId } from './ids';

async function gradeFilter(ctx: RequestContext, input: AnnualGradeFilterInput | null | undefined): Promise<AnnualGradeFilter> {
  const subtreeId = optionalId(input?.subtreeOf, 'OrgUnit', 'filter.subtreeOf');
  const subtree = subtreeId === null ? null : await getOrgUnit(ctx, subtreeId);
  return { year: input?.year, subjectKinds: input?.subjectKinds, states: input?.states, levels: input?.levels, subtreeOfPath: subtree?.path };
}

@Resolver(() => AnnualGradeType)
export class AnnualGradeResolver {
  @Query(() => AnnualGradeType, { description: 'An annual grade by id; NOT_FOUND when missing or not yours to see.' })
  annualGrade(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: RequestContext): Promise<AnnualGrade> {
    return getAnnualGrade(ctx, requiredId(id, 'AnnualGrade', 'id'));
  }

  @Query(() => AnnualGradeConnection, { description: 'Annual grades you may see: all states where you read grades, published ones of your cell, and your own (kết quả xếp loại).' })
  async annualGrades(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AnnualGradeFilterInput, { nullable: true, description: 'Which grades.' }) filter?: AnnualGradeFilterInput,
  ): Promise<ConnectionValue<AnnualGrade>> {
    return toConnection(await listAnnualGrades(ctx, await gradeFilter(ctx, filter), page));
  }

  @Mutation(() => AnnualGradeType, { description: 'Self-assesses or proposes an annual grade; revisable with its version until decided (tự đánh giá, đề xuất xếp loại).' })
  proposeAnnualGrade(@Arg('input', () => ProposeAnnualGradeInput, { description: 'The proposal.' }) input: ProposeAnnualGradeInput, @Ctx() ctx: RequestContext): Promise<AnnualGrade> {
    return proposeAnnualGrade(ctx, {
      ...input,
      unitId: optionalId(input.unitId, 'OrgUnit', 'input.unitId'),
      memberId: optionalId(input.memberId, 'Member', 'input.memberId'),
    });
  }

  @Mutation(() => [AnnualGradeType], { description: "The committee's decision on one or many grades; a breach of the province's constraints rejects them all (quyết định xếp loại)." })
  decideAnnualGrades(@Arg('input', () => DecideAnnualGradesInput, { description: 'The decision.' }) input: DecideAnnualGradesInput, @Ctx() ctx: RequestContext): Promise<AnnualGrade[]> {
    return decideAnnualGrades(ctx, {
      decisionRef: input.decisionRef,
      decisions: input.decisions.map((d, i) => ({ ...d, id: requiredId(d.id, 'AnnualGrade', `input.decisions.${i}.id`) })),
    });
  }

  @Mutation(() => [AnnualGradeType], { description: 'Publishes decided grades to the organisation; final afterwards (công khai kết quả).' })
  publishAnnualGrades(@Arg('input', () => PublishAnnualGradesInput, { description: 'The grades.' }) input: PublishAnnualGradesInput, @Ctx() ctx: RequestContext): Promise<AnnualGrade[]> {
    return publishAnnualGrades(ctx, { grades: input.grades.map((g, i) => ({ id: requiredId(g.id, 'AnnualGrade', `input.grades.${i}.id`), version: g.version })) });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() grade: AnnualGrade): string {
    return toGlobalId('AnnualGrade', grade.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: "The organisation graded, the member's cell, or the committee the head leads." })
  unit(@Root() grade: AnnualGrade, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, grade.unitId);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member or head graded; null for an organisation or when you may not read the member.' })
  member(@Root() grade: AnnualGrade, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return grade.memberId ? findMember(ctx, grade.memberId) : null;
  }

  @FieldResolver(() => GradeInputsType, { description: 'What the decision weighs: monthly meeting ratings, or attendance and tasks.' })
  inputs(@Root() grade: AnnualGrade, @Ctx() ctx: RequestContext): Promise<GradeInputsView> {
    return gradeInputs(ctx, grade);
  }
}

@Resolver(() => FourGoodAssessmentType)
export class FourGoodAssessmentResolver {
  @Mutation(() => FourGoodAssessmentType, { description: 'Records, or with its version changes, a unit\'s four-good assessment for a year (đánh giá bốn tốt).' })
  assessFourGood(@Arg('input', () => AssessFourGoodInput, { description: 'The assessment.' }) input: AssessFourGoodInput, @Ctx() ctx: RequestContext): Promise<FourGoodAssessment> {
    return assessFourGood(ctx, { ...input, unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() assessment: FourGoodAssessment): string {
    return toGlobalId('FourGoodAssessment', assessment.id);
  }

  @FieldResolver(() => Boolean, { description: 'All four criteria met: a four-good unit (đạt bốn tốt).' })
  fourGood(@Root() assessment: FourGoodAssessment): boolean {
    return isFourGood(assessment);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit assessed.' })
  unit(@Root() assessment: FourGoodAssessment, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, assessment.unitId);
  }
}

/** The evaluation side of a unit and a member: their history of grades and assessments. */
@Resolver(() => OrgUnitType)
export class OrgUnitEvaluationsResolver {
  @FieldResolver(() => AnnualGradeConnection, { description: "The organisation's own annual grades you may see, newest year first (lịch sử xếp loại)." })
  async annualGrades(@Root() unit: OrgUnit, @Args(() => PageArgsInput) page: PageArgsInput, @Ctx() ctx: RequestContext): Promise<ConnectionValue<AnnualGrade>> {
    return toConnection(await gradesOfUnit(ctx, unit.id, {}, page));
  }

  @FieldResolver(() => [FourGoodAssessmentType], { description: 'Four-good assessments of the unit, newest first.' })
  fourGoodAssessments(@Root() unit: OrgUnit, @Ctx() ctx: RequestContext): Promise<FourGoodAssessment[]> {
    return fourGoodOf(ctx, unit.id);
  }
}

@Resolver(() => MemberType)
export class MemberGradesResolver {
  @FieldResolver(() => AnnualGradeConnection, { description: "The member's annual grades you may see (as member or head), newest year first." })
  async annualGrades(@Root() member: Member, @Args(() => PageArgsInput) page: PageArgsInput, @Ctx() ctx: RequestContext, @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number): Promise<ConnectionValue<AnnualGrade>> {
    return toConnection(await gradesOfMember(ctx, member.id, { year }, page));
  }
}
