import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../request-context';
import { inspectionCoverage, type InspectionCoverage } from '../services/inspections/coverage';
import { getOrgUnit } from '../services/tree/org-unit-queries';
import { InspectionCoverageType } from '../schema/types/inspection-types';
import { requiredId } from './ids';

/** Counts of inspection coverage, for aggregate roles too. */
@Resolver(() => InspectionCoverageType)
export class InspectionCoverageResolver {
  @Query(() => InspectionCoverageType, { description: "A committee's inspection coverage for a year: cells inspected or supervised, inspections by state, findings, remediation (tỷ lệ kiểm tra, giám sát)." })
  async inspectionCoverage(
    @Arg('unitId', () => ID, { description: 'The committee.' }) unitId: string,
    @Arg('year', () => Int, { description: 'The year.' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<InspectionCoverage> {
    return inspectionCoverage(ctx, await getOrgUnit(ctx, requiredId(unitId, 'OrgUnit', 'unitId')), year);
  }
}
