import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { OrgUnit } from '../entities/org-unit';
import type { RequestContext } from '../request-context';
import { checkCompliance, complianceShortfalls, complianceSummary, ShortfallReason, type CellShortfall, type CompliancePeriod, type ComplianceSummary } from '../services/meetings/compliance';
import { encodeCursor, pageWindow } from '../services/pagination';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, type ConnectionValue } from '../schema/connection';
import { CompliancePeriodInput } from '../schema/inputs/meeting-inputs';
import { CellShortfallConnection, CellShortfallType, ComplianceSummaryType, MeetingComplianceType } from '../schema/types/meeting-types';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { requiredId } from './ids';

interface ComplianceValue extends CompliancePeriod {
  readonly unit: OrgUnit;
}

@Resolver(() => MeetingComplianceType)
export class ComplianceResolver {
  @Query(() => MeetingComplianceType, {
    description: 'Meeting compliance of a unit you oversee for a year, quarter or month: counts, rates, and the cells that fell short (kết quả thực hiện chế độ sinh hoạt). Aggregate roles see it too.',
  })
  async meetingCompliance(
    @Arg('unitId', () => ID, { description: 'The unit whose subtree is measured.' }) unitId: string,
    @Arg('period', () => CompliancePeriodInput, { description: 'The period.' }) period: CompliancePeriodInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ComplianceValue> {
    const unit = await getOrgUnit(ctx, requiredId(unitId, 'OrgUnit', 'unitId'));
    // The period and the caller's right are checked here, so that errors come from the root field.
    checkCompliance(ctx, unit, period);
    return { unit, year: period.year, month: period.month ?? null, quarter: period.quarter ?? null };
  }

  @FieldResolver(() => OrgUnitType, { description: 'The unit measured.' })
  unit(@Root() value: ComplianceValue): OrgUnit {
    return value.unit;
  }

  @FieldResolver(() => ComplianceSummaryType, { description: 'Counts and rates over the subtree.' })
  summary(@Root() value: ComplianceValue, @Ctx() ctx: RequestContext): Promise<ComplianceSummary> {
    return complianceSummary(ctx, value.unit, value);
  }

  @FieldResolver(() => CellShortfallConnection, { description: 'Cells that fell short, in name order; filter by reason ("which cells have not met yet this month": NO_REGULAR_MEETING).' })
  async shortfalls(
    @Root() value: ComplianceValue,
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('reasons', () => [ShortfallReason], { nullable: true, description: 'Only cells with one of these reasons.' }) reasons?: ShortfallReason[],
  ): Promise<ConnectionValue<CellShortfall>> {
    const result = await complianceShortfalls(ctx, value.unit, value, reasons ?? null, pageWindow(page));
    const edges = result.cells.map((node, i) => ({ node, cursor: encodeCursor(result.offset + i) }));
    return {
      edges,
      nodes: result.cells,
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: result.offset > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
      totalCount: Promise.resolve(result.total),
    };
  }
}

@Resolver(() => CellShortfallType)
export class CellShortfallResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The cell.' })
  cell(@Root() value: CellShortfall, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, value.cellId);
  }
}
