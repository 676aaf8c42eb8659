import { Account } from '../../entities/account';
import { Meeting } from '../../entities/meeting';
import { MeetingStatus, TaskStatus } from '../../entities/meeting-enums';
import { MeetingTask } from '../../entities/meeting-task';
import { Member } from '../../entities/member';
import { TaskReport } from '../../entities/task-report';
import { badInput, forbidden, notFound, staleVersion } from '../../errors/app-error';
import { Permission } from '../../auth/permission';
import { scopeFilter, scopeOrOwn } from '../../auth/scope-sql';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { requiredText, validDate } from '../validate';
import { checkMayWrite } from './meeting-commands';
import { getMeeting } from './meeting-queries';
import { vietnamDateOf } from './meeting-calendar';
import { frozenRoster, rosterOn } from './roster';

export interface AssignTaskInput {
  readonly meetingId: number;
  readonly ownerId: number;
  readonly description: string;
  readonly deadline?: string | null;
}

/** A task assigned at a meeting to a member of the cell. */
export async function assignTask(ctx: RequestContext, input: AssignTaskInput): Promise<MeetingTask> {
  const meeting = await getMeeting(ctx, input.meetingId);
  checkMayWrite(ctx, meeting.unitPath);
  if (meeting.status === MeetingStatus.CANCELLED) throw badInput('input.meetingId', 'the meeting was cancelled');
  const description = requiredText(input.description, 'input.description', 2000);
  const deadline = input.deadline ? validDate(input.deadline, 'input.deadline') : null;
  const held = await frozenRoster(ctx.em, meeting.id);
  const members = held.length > 0 ? held : await rosterOn(ctx.em, meeting.unit.id, meeting.heldOn ?? vietnamDateOf(meeting.scheduledAt));
  if (!members.includes(input.ownerId)) throw badInput('input.ownerId', 'the task owner must be a member of the cell');
  return ctx.em.transactional(async (em) => {
    // Checked again under a share lock on the meeting (decisions.md §39): a cancellation running
    // now waits for this task, or this task waits for it and sees the meeting cancelled.
    const [locked] = await em.getConnection().execute<Array<{ status: MeetingStatus }>>('select status from meeting where id = ? for share', [meeting.id], 'all', em.getTransactionContext());
    if (locked.status === MeetingStatus.CANCELLED) throw badInput('input.meetingId', 'the meeting was cancelled');
    const task = em.create(MeetingTask, {
      provinceId: meeting.provinceId,
      unitPath: meeting.unitPath,
      meeting: em.getReference(Meeting, meeting.id),
      owner: em.getReference(Member, input.ownerId),
      description,
      deadline,
    });
    await em.flush();
    audit(ctx, em, 'assignTask', { type: 'MeetingTask', id: task.id, provinceId: meeting.provinceId, unitPath: meeting.unitPath }, null, { meetingId: meeting.id, ownerId: input.ownerId, description, deadline });
    return task;
  });
}

export async function findTask(ctx: RequestContext, id: number): Promise<MeetingTask | null> {
  const own = ctx.viewer.memberId === null ? null : { owner: ctx.viewer.memberId };
  return ctx.em.findOne(MeetingTask, { id, ...scopeOrOwn(scopeFilter(ctx.viewer.scope(Permission.MEETINGS_READ), 'unitPath'), own) });
}

export interface ReportTaskInput {
  readonly taskId: number;
  readonly version: number;
  readonly report: string;
  readonly status: TaskStatus;
  /** The later meeting at which the member reported, if any. */
  readonly meetingId?: number | null;
}

/** The owner or a writer of the cell's meetings reports progress; every report is kept. */
export async function reportTask(ctx: RequestContext, input: ReportTaskInput): Promise<MeetingTask> {
  const task = await findTask(ctx, input.taskId);
  if (!task) throw notFound('Task');
  const isOwner = ctx.viewer.memberId !== null && ctx.viewer.memberId === task.owner.id;
  if (!isOwner && !ctx.viewer.can(Permission.MEETINGS_WRITE, task.unitPath)) throw forbidden('Only the owner or the cell may report on this task');
  if (task.version !== input.version) throw staleVersion(input.version, task.version);
  const report = requiredText(input.report, 'input.report', 2000);
  let meetingId: number | null = null;
  if (input.meetingId !== undefined && input.meetingId !== null) {
    const meeting = await getMeeting(ctx, input.meetingId);
    if (meeting.unitPath !== task.unitPath) throw badInput('input.meetingId', 'must be a meeting of the same cell');
    meetingId = meeting.id;
  }
  return ctx.em.transactional(async (em) => {
    const managed = await em.findOneOrFail(MeetingTask, task.id);
    const before = { status: managed.status, version: managed.version };
    managed.status = input.status;
    managed.updatedAt = new Date();
    em.create(TaskReport, {
      task: managed,
      meeting: meetingId === null ? null : em.getReference(Meeting, meetingId),
      report,
      status: input.status,
      author: ctx.viewer.accountId ? em.getReference(Account, ctx.viewer.accountId) : null,
    });
    await em.flush();
    audit(ctx, em, 'reportTask', { type: 'MeetingTask', id: task.id, provinceId: task.provinceId, unitPath: task.unitPath }, before, { status: managed.status, report, version: managed.version });
    return managed;
  });
}
