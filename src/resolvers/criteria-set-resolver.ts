import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Criterion } from '../entities/criterion';
import type { GradingRules } from '../entities/grading-rules';
import type { RequestContext } from '../request-context';
import { createCriteriaSet, criteriaSetInForce, criteriaSetsOf, type CriteriaSetWithCriteria } from '../services/evaluations/criteria-sets';
import { gradingRulesOf, updateGradingRules } from '../services/evaluations/grading-rules-service';
import { toGlobalId } from '../services/global-id';
import { CreateCriteriaSetInput, GradingRulesInput } from '../schema/inputs/evaluation-inputs';
import { CriteriaSetType, CriterionType, GradingRulesType } from '../schema/types/criteria-set-types';
import { LocalDate } from '../schema/scalars';
import { requiredId } from './ids';

/** The GraphQL shape of a set: its own fields beside its criteria. */
type CriteriaSetView = CriteriaSetWithCriteria['set'] & { readonly criteria: readonly Criterion[]; readonly maxTotal: number };

const view = (s: CriteriaSetWithCriteria): CriteriaSetView => ({ ...s.set, criteria: s.criteria, maxTotal: s.maxTotal });

@Resolver(() => CriteriaSetType)
export class CriteriaSetResolver {
  @Query(() => [CriteriaSetType], { description: "A province's scoring criteria sets, newest first, then the shared sample (bộ tiêu chí chấm điểm)." })
  async criteriaSets(@Arg('provinceId', () => ID, { description: 'The province.' }) provinceId: string, @Ctx() ctx: RequestContext): Promise<CriteriaSetView[]> {
    return (await criteriaSetsOf(ctx, requiredId(provinceId, 'OrgUnit', 'provinceId'))).map(view);
  }

  @Query(() => CriteriaSetType, { nullable: true, description: 'The criteria set in force for a province on a date; null when none is.' })
  async criteriaSetInForce(
    @Arg('provinceId', () => ID, { description: 'The province.' }) provinceId: string,
    @Arg('on', () => LocalDate, { description: 'The date (a meeting date).' }) on: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CriteriaSetView | null> {
    const found = await criteriaSetInForce(ctx, requiredId(provinceId, 'OrgUnit', 'provinceId'), on);
    return found ? view(found) : null;
  }

  @Mutation(() => CriteriaSetType, { description: "Adds a version of a province's scoring regulation, in force from its date (ban hành bộ tiêu chí)." })
  async createCriteriaSet(@Arg('input', () => CreateCriteriaSetInput, { description: 'The set.' }) input: CreateCriteriaSetInput, @Ctx() ctx: RequestContext): Promise<CriteriaSetView> {
    return view(await createCriteriaSet(ctx, { ...input, provinceId: requiredId(input.provinceId, 'OrgUnit', 'input.provinceId') }));
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() set: CriteriaSetView): string {
    return toGlobalId('CriteriaSet', set.id);
  }

  @FieldResolver(() => [CriterionType], { description: 'The criteria, in order (tiêu chí).' })
  criteria(@Root() set: CriteriaSetView): readonly Criterion[] {
    return set.criteria;
  }

  @FieldResolver(() => Float, { description: 'Maximum total: the sum of the criteria maxima (tổng điểm tối đa).' })
  maxTotal(@Root() set: CriteriaSetView): number {
    return set.maxTotal;
  }
}

@Resolver(() => CriterionType)
export class CriterionResolver {
  @FieldResolver(() => ID, { description: 'Global, opaque id: name it when scoring.' })
  id(@Root() criterion: Criterion): string {
    return toGlobalId('Criterion', criterion.id);
  }
}

@Resolver(() => GradingRulesType)
export class GradingRulesResolver {
  @Query(() => GradingRulesType, { description: "A province's grading constraints, or the default when it has none (quy định xếp loại)." })
  gradingRules(@Arg('provinceId', () => ID, { description: 'The province.' }) provinceId: string, @Ctx() ctx: RequestContext): Promise<GradingRules> {
    return gradingRulesOf(ctx, requiredId(provinceId, 'OrgUnit', 'provinceId'));
  }

  @Mutation(() => GradingRulesType, { description: "Sets a province's grading constraints." })
  updateGradingRules(@Arg('input', () => GradingRulesInput, { description: 'The rules.' }) input: GradingRulesInput, @Ctx() ctx: RequestContext): Promise<GradingRules> {
    return updateGradingRules(ctx, { ...input, provinceId: requiredId(input.provinceId, 'OrgUnit', 'input.provinceId') });
  }
}
