import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Account } from '../entities/account';
import type { Meeting } from '../entities/meeting';
import type { OrgUnit } from '../entities/org-unit';
import type { SupervisionRules } from '../entities/supervision-rules';
import type { SupervisoryAssignment } from '../entities/supervisory-assignment';
import type { WeakCellFlag } from '../entities/weak-cell-flag';
import type { RequestContext } from '../request-context';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { AssignSupervisorInput, EndSupervisoryAssignmentInput, FlagWeakCellInput, SupervisionRulesInput, SupervisoryAssignmentFilterInput } from '../schema/inputs/supervision-inputs';
import { AccountType } from '../schema/types/account-types';
import { MeetingGuestType, MeetingType } from '../schema/types/meeting-types';
import type { MeetingGuest } from '../entities/meeting-guest';
import { OrgUnitType } from '../schema/types/org-unit-type';
import { SupervisionReportType, SupervisionRulesType, SupervisoryAssignmentConnection, SupervisoryAssignmentType, WeakCellFlagType, WeakCellType } from '../schema/types/supervision-types';
import { findAccount } from '../services/accounts/account-queries';
import { todayInVietnam } from '../services/calendar';
import { toGlobalId } from '../services/global-id';
import { getProvince } from '../services/meetings/meeting-rules-service';
import { assignSupervisor, endSupervisoryAssignment } from '../services/supervision/assignment-commands';
import { listAssignments, visitsOf } from '../services/supervision/assignment-queries';
import { supervisionReport, type SupervisionReport, type WeakCellSupervision } from '../services/supervision/supervision-report';
import { supervisionRulesFor, updateSupervisionRules } from '../services/supervision/supervision-rules-service';
import { flagWeakCell } from '../services/supervision/weak-cells';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { validDate } from '../services/validate';
import { optionalId, requiredId } from './ids';

/** Supervisory assignments (issue #5, phân công dự, theo dõi, hướng dẫn sinh hoạt chi bộ). */
@Resolver(() => SupervisoryAssignmentType)
export class SupervisoryAssignmentResolver {
  @Query(() => SupervisoryAssignmentConnection, { description: 'Supervisory assignments you may read (SUPERVISION_READ over the cell, or your own), latest first (danh sách phân công dự sinh hoạt).' })
  async supervisoryAssignments(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => SupervisoryAssignmentFilterInput, { nullable: true, description: 'Which assignments; every one you may read when omitted.' }) filter?: SupervisoryAssignmentFilterInput,
  ): Promise<ConnectionValue<SupervisoryAssignment>> {
    const unitId = optionalId(filter?.unitId, 'OrgUnit', 'filter.unitId');
    const unit = unitId === null ? null : await getOrgUnit(ctx, unitId);
    const activeOn = filter?.activeOn ? validDate(filter.activeOn, 'filter.activeOn') : null;
    return toConnection(await listAssignments(ctx, { unitPath: unit?.path, accountId: optionalId(filter?.accountId, 'Account', 'filter.accountId'), activeOn, mine: filter?.mine ?? false }, page));
  }

  @Mutation(() => SupervisoryAssignmentType, { description: 'Assigns a person to attend, monitor and guide a cell below the committee for a period (phân công dự, theo dõi, hướng dẫn sinh hoạt chi bộ).' })
  assignSupervisor(@Arg('input', () => AssignSupervisorInput, { description: 'The assignment.' }) input: AssignSupervisorInput, @Ctx() ctx: RequestContext): Promise<SupervisoryAssignment> {
    return assignSupervisor(ctx, {
      ...input,
      committeeId: requiredId(input.committeeId, 'OrgUnit', 'input.committeeId'),
      unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId'),
      accountId: requiredId(input.accountId, 'Account', 'input.accountId'),
    });
  }

  @Mutation(() => SupervisoryAssignmentType, { description: "Ends an assignment on a date, early or as corrected; needs its version (kết thúc phân công)." })
  endSupervisoryAssignment(@Arg('input', () => EndSupervisoryAssignmentInput, { description: 'The end.' }) input: EndSupervisoryAssignmentInput, @Ctx() ctx: RequestContext): Promise<SupervisoryAssignment> {
    return endSupervisoryAssignment(ctx, { ...input, id: requiredId(input.id, 'SupervisoryAssignment', 'input.id') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() a: SupervisoryAssignment): string {
    return toGlobalId('SupervisoryAssignment', a.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The assigning committee (cấp ủy phân công); null when outside your scope.' })
  committee(@Root() a: SupervisoryAssignment, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, a.committeeId);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The cell (chi bộ); null when outside your scope.' })
  unit(@Root() a: SupervisoryAssignment, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, a.unitId);
  }

  @FieldResolver(() => AccountType, { nullable: true, description: "The assignee's account; null unless you may see it (your own, or ACCOUNTS_MANAGE over its home unit)." })
  assignee(@Root() a: SupervisoryAssignment, @Ctx() ctx: RequestContext): Promise<Account | null> {
    return findAccount(ctx, a.accountId);
  }

  @FieldResolver(() => String, { description: 'Name of the assignee, as on the decision (họ tên người được phân công).' })
  async assigneeName(@Root() a: SupervisoryAssignment, @Ctx() ctx: RequestContext): Promise<string> {
    return ctx.loaders
      .keyed<number, string>('accountDisplayName', async (ids) => {
        const rows = await ctx.em.getConnection().execute<{ id: number; display_name: string }[]>('select id, display_name from account where id = any(?::int[])', [`{${ids.join(',')}}`], 'all');
        return ids.map((id) => rows.find((r) => r.id === id)?.display_name ?? '');
      })
      .load(a.accountId);
  }

  @FieldResolver(() => Boolean, { description: "Running today (Vietnam's date): only then does it give its holder the cell's meetings and appraisal (đang hiệu lực)." })
  active(@Root() a: SupervisoryAssignment): boolean {
    const today = todayInVietnam();
    return a.startsOn <= today && today <= a.endsOn;
  }

  @FieldResolver(() => [MeetingType], { description: "Meetings of the cell the holder attended within the assignment, recorded as guests with the holder's account (các buổi đã dự)." })
  visits(@Root() a: SupervisoryAssignment, @Ctx() ctx: RequestContext): Promise<Meeting[]> {
    return visitsOf(ctx, a);
  }
}

@Resolver(() => SupervisionRulesType)
export class SupervisionRulesResolver {
  @Query(() => SupervisionRulesType, { description: "A province's supervision frequency rules, or the default when it has none (quy định phân công dự sinh hoạt)." })
  async supervisionRules(@Arg('provinceId', () => ID, { description: 'The province.' }) provinceId: string, @Ctx() ctx: RequestContext): Promise<SupervisionRules> {
    const province = await getProvince(ctx, requiredId(provinceId, 'OrgUnit', 'provinceId'), 'provinceId');
    return supervisionRulesFor(ctx.em, province.id);
  }

  @Mutation(() => SupervisionRulesType, { description: "Sets a province's supervision frequency rules; needs the version read (ban hành quy định phân công dự sinh hoạt)." })
  updateSupervisionRules(@Arg('input', () => SupervisionRulesInput, { description: 'The rules.' }) input: SupervisionRulesInput, @Ctx() ctx: RequestContext): Promise<SupervisionRules> {
    return updateSupervisionRules(ctx, { ...input, provinceId: requiredId(input.provinceId, 'OrgUnit', 'input.provinceId') });
  }

  @FieldResolver(() => Boolean, { description: 'True when these are the default rules, the province having none of its own.' })
  isDefault(@Root() rules: SupervisionRules): boolean {
    return rules.provinceId === null || rules.provinceId === undefined;
  }
}

@Resolver(() => SupervisionReportType)
export class SupervisionReportResolver {
  @Query(() => SupervisionReportType, {
    description: "A committee's supervision report for a quarter (or the year when quarter is omitted), as sent upward: each assignment's required and actual attendances, the shortfalls, unattended cells and weak cells (báo cáo kết quả phân công dự sinh hoạt chi bộ).",
  })
  supervisionReport(
    @Arg('unitId', () => ID, { description: 'The committee (or any unit): assignments to cells of its subtree.' }) unitId: string,
    @Arg('year', () => Int, { description: 'Year (năm).' }) year: number,
    @Arg('quarter', () => Int, { nullable: true, description: 'Quarter 1–4; the whole year when omitted (quý).' }) quarter: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<SupervisionReport> {
    return supervisionReport(ctx, requiredId(unitId, 'OrgUnit', 'unitId'), year, quarter);
  }

  @Mutation(() => WeakCellFlagType, { description: 'A committee above the cell flags it as weak for a year or a quarter, with the reason (xác định chi bộ yếu kém).' })
  flagWeakCell(@Arg('input', () => FlagWeakCellInput, { description: 'The flag.' }) input: FlagWeakCellInput, @Ctx() ctx: RequestContext): Promise<WeakCellFlag> {
    return flagWeakCell(ctx, { ...input, unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId') });
  }

  @FieldResolver(() => OrgUnitType, { description: 'The committee reported on (cấp ủy báo cáo).' })
  committee(@Root() r: SupervisionReport): OrgUnit {
    return r.committee;
  }

  @FieldResolver()
  year(@Root() r: SupervisionReport): number {
    return r.period.year;
  }

  @FieldResolver()
  quarter(@Root() r: SupervisionReport): number | null {
    return r.period.quarter;
  }

  @FieldResolver()
  from(@Root() r: SupervisionReport): string {
    return r.period.from;
  }

  @FieldResolver()
  to(@Root() r: SupervisionReport): string {
    return r.period.to;
  }

  @FieldResolver()
  attendedCellCount(@Root() r: SupervisionReport): number {
    return r.attendedCellIds.length;
  }

  @FieldResolver(() => [OrgUnitType], { description: 'Cells nobody attended in the period (chi bộ chưa được dự).' })
  async unattendedCells(@Root() r: SupervisionReport, @Ctx() ctx: RequestContext): Promise<OrgUnit[]> {
    return (await Promise.all(r.unattendedCellIds.map((id) => findOrgUnit(ctx, id)))).filter((u): u is OrgUnit => u !== null);
  }

  @FieldResolver(() => [WeakCellType], { description: 'Weak cells no standing-committee member attended in the period (chi bộ yếu kém chưa được ủy viên ban thường vụ dự).' })
  weakCellsWithoutStandingCommitteeVisit(@Root() r: SupervisionReport): WeakCellSupervision[] {
    return r.weakCells.filter((w) => w.standingCommitteeVisits === 0);
  }

  @FieldResolver()
  shortfalls(@Root() r: SupervisionReport): object[] {
    return r.assignments.filter((a) => a.shortfall > 0);
  }
}

@Resolver(() => WeakCellType)
export class WeakCellResolver {
  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The cell (chi bộ).' })
  unit(@Root() w: WeakCellSupervision, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, w.unitId);
  }
}

@Resolver(() => MeetingGuestType)
export class MeetingGuestSupervisionResolver {
  @FieldResolver(() => Boolean, { description: 'True when the guest is recorded with the account of a supervisor assigned to the cell: the visit counts towards the assignment (người được phân công dự).' })
  assignedSupervisor(@Root() guest: MeetingGuest): boolean {
    return guest.account !== null && guest.account !== undefined;
  }
}
