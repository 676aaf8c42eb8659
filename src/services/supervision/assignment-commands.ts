import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { OrgUnitKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import type { OrgUnit } from '../../entities/org-unit';
import { AssigneeKind, FrequencyPer } from '../../entities/supervision-enums';
import { SupervisoryAssignment } from '../../entities/supervisory-assignment';
import { badInput, conflict, forbidden, notFound, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { findOrgUnit } from '../tree/org-unit-queries';
import { optionalText, validDate } from '../validate';
import { checkAttendances, frequencyOf, supervisionRulesFor } from './supervision-rules-service';

/** Units whose meetings a supervisor attends: cells (chi bộ) and grassroots cells (chi bộ cơ sở). */
export const SUPERVISED_KINDS: readonly OrgUnitKind[] = [OrgUnitKind.CELL, OrgUnitKind.GRASSROOTS_CELL];

export interface AssignSupervisorInput {
  readonly committeeId: number;
  readonly unitId: number;
  readonly accountId: number;
  readonly assigneeKind: AssigneeKind;
  readonly startsOn: string;
  readonly endsOn: string;
  /** Omitted: the province's rule for the assignee kind. */
  readonly requiredAttendances?: number | null;
  readonly per?: FrequencyPer | null;
  readonly decisionRef?: string | null;
  readonly note?: string | null;
}

const sql = <T>(em: EntityManager, text: string, params: unknown[]): Promise<T[]> => em.getConnection().execute<T[]>(text, params, 'all', em.getTransactionContext());

export function assignmentSnapshot(a: SupervisoryAssignment): Record<string, unknown> {
  return {
    committeeId: a.committeeId, unitId: a.unitId, accountId: a.accountId, assigneeKind: a.assigneeKind, startsOn: a.startsOn, endsOn: a.endsOn,
    requiredAttendances: a.requiredAttendances, per: a.per, decisionRef: a.decisionRef ?? null, note: a.note ?? null, version: a.version,
  };
}

/** The committee that assigns: visible (else NOT_FOUND), not a cell, and the caller holds SUPERVISION_MANAGE there (else FORBIDDEN). */
async function loadCommittee(ctx: RequestContext, id: number): Promise<OrgUnit> {
  const committee = await findOrgUnit(ctx, id);
  if (!committee) throw notFound('Org unit');
  if (SUPERVISED_KINDS.includes(committee.kind) || committee.kind === OrgUnitKind.PARTY_GROUP) throw badInput('input.committeeId', 'must be a committee (đảng ủy), not a cell');
  if (!ctx.viewer.can(Permission.SUPERVISION_MANAGE, committee.path)) throw forbidden('You may not assign supervisors for this committee');
  return committee;
}

/**
 * The cell: one the caller manages supervision of (else NOT_FOUND, as for a missing one), strictly
 * below the committee, active, of a kind that meets.
 */
async function loadCell(ctx: RequestContext, committee: OrgUnit, id: number): Promise<OrgUnit> {
  const cell = await findOrgUnit(ctx, id);
  if (!cell || !ctx.viewer.can(Permission.SUPERVISION_MANAGE, cell.path)) throw notFound('Org unit');
  if (!cell.path.startsWith(committee.path) || cell.path === committee.path) throw badInput('input.unitId', 'must be a cell below the committee');
  if (!SUPERVISED_KINDS.includes(cell.kind)) throw badInput('input.unitId', 'must be a cell (chi bộ)');
  if (cell.status !== OrgUnitStatus.ACTIVE) throw badInput('input.unitId', 'is dissolved');
  return cell;
}

/**
 * The assignee: an active person account homed in the committee's subtree (its members and board
 * staff); any other account answers NOT_FOUND, as a missing one does.
 */
async function loadAssignee(ctx: RequestContext, committee: OrgUnit, accountId: number): Promise<{ id: number; memberCellPath: string | null }> {
  const [row] = await sql<{ id: number; member_cell_path: string | null }>(
    ctx.em,
    `select a.id, m.unit_path as member_cell_path from account a left join member m on m.id = a.member_id
      where a.id = ? and a.active and a.kind = 'PERSON' and a.home_unit_path like ?`,
    [accountId, `${committee.path}%`],
  );
  if (!row) throw notFound('Account');
  return { id: row.id, memberCellPath: row.member_cell_path };
}

/** Assigns a person to attend, monitor and guide a cell's meetings (phân công dự, theo dõi, hướng dẫn sinh hoạt). */
export async function assignSupervisor(ctx: RequestContext, input: AssignSupervisorInput): Promise<SupervisoryAssignment> {
  const committee = await loadCommittee(ctx, input.committeeId);
  const cell = await loadCell(ctx, committee, input.unitId);
  const assignee = await loadAssignee(ctx, committee, input.accountId);
  const startsOn = validDate(input.startsOn, 'input.startsOn');
  const endsOn = validDate(input.endsOn, 'input.endsOn');
  if (endsOn < startsOn) throw badInput('input.endsOn', 'must not be before startsOn');
  const rules = await supervisionRulesFor(ctx.em, cell.provinceId);
  if (rules.forbidOwnCell && assignee.memberCellPath !== null && assignee.memberCellPath.startsWith(cell.path)) {
    throw badInput('input.accountId', "belongs to this cell: the province's rules forbid supervising one's own cell");
  }
  const byRule = frequencyOf(rules, input.assigneeKind);
  const required = input.requiredAttendances === undefined || input.requiredAttendances === null ? byRule.attendances : checkAttendances(input.requiredAttendances, 'input.requiredAttendances');
  const per = input.per ?? byRule.per;
  const decisionRef = optionalText(input.decisionRef, 'input.decisionRef', 200);
  const note = optionalText(input.note, 'input.note', 2000);
  return ctx.em.transactional(async (em) => {
    // Serialises assignments of one account: the overlap check below then sees every committed one
    // (the exclusion constraint supervisory_assignment_no_overlap holds it in the database too).
    await sql(em, 'select id from account where id = ? for update', [assignee.id]);
    const [overlap] = await sql<{ id: number }>(
      em,
      'select id from supervisory_assignment where account_id = ? and unit_id = ? and starts_on <= ? and ends_on >= ? limit 1',
      [assignee.id, cell.id, endsOn, startsOn],
    );
    if (overlap) throw conflict('This person is already assigned to this cell for an overlapping period', { field: 'input.startsOn', assignmentId: overlap.id });
    const assignment = em.create(SupervisoryAssignment, {
      provinceId: cell.provinceId, committeeId: committee.id, committeePath: committee.path, unitId: cell.id, unitPath: cell.path,
      accountId: assignee.id, assigneeKind: input.assigneeKind, startsOn, endsOn, requiredAttendances: required, per, decisionRef, note,
      createdById: ctx.viewer.accountId,
    });
    await em.flush();
    audit(ctx, em, 'assignSupervisor', { type: 'SupervisoryAssignment', id: assignment.id, provinceId: cell.provinceId, unitPath: cell.path }, null, assignmentSnapshot(assignment));
    return assignment;
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23P01') throw conflict('This person is already assigned to this cell for an overlapping period', { field: 'input.startsOn' });
    throw error;
  });
}

/** An assignment the caller manages: out of SUPERVISION_MANAGE scope answers like a missing one. */
async function loadManaged(ctx: RequestContext, id: number): Promise<SupervisoryAssignment> {
  const assignment = await ctx.em.findOne(SupervisoryAssignment, id);
  if (!assignment || !ctx.viewer.can(Permission.SUPERVISION_MANAGE, assignment.committeePath)) throw notFound('Supervisory assignment');
  return assignment;
}

/** Ends an assignment early (or on a corrected date): endsOn from its start up to its current end. Archived, never deleted. */
export async function endSupervisoryAssignment(ctx: RequestContext, input: { id: number; version: number; endsOn: string; reason?: string | null }): Promise<SupervisoryAssignment> {
  const found = await loadManaged(ctx, input.id);
  const endsOn = validDate(input.endsOn, 'input.endsOn');
  const reason = optionalText(input.reason, 'input.reason', 2000);
  if (endsOn < found.startsOn) throw badInput('input.endsOn', 'must not be before the assignment starts');
  if (endsOn > found.endsOn) throw badInput('input.endsOn', 'must not be after the current end: make a new assignment to extend it');
  return ctx.em.transactional(async (em) => {
    const [locked] = await sql<{ version: number }>(em, 'select version from supervisory_assignment where id = ? for update', [found.id]);
    if (locked.version !== input.version) throw staleVersion(input.version, locked.version);
    const assignment = await em.findOneOrFail(SupervisoryAssignment, found.id, { refresh: true });
    const before = assignmentSnapshot(assignment);
    assignment.endsOn = endsOn;
    await em.flush();
    audit(ctx, em, 'endSupervisoryAssignment', { type: 'SupervisoryAssignment', id: assignment.id, provinceId: assignment.provinceId, unitPath: assignment.unitPath }, before, { ...assignmentSnapshot(assignment), reason });
    return assignment;
  });
}
