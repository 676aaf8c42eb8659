import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Meeting } from '../entities/meeting';
import { TaskStatus } from '../entities/meeting-enums';
import { MeetingTask } from '../entities/meeting-task';
import type { Member } from '../entities/member';
import type { TaskReport } from '../entities/task-report';
import type { RequestContext } from '../request-context';
import { todayInVietnam } from '../services/calendar';
import { toGlobalId } from '../services/global-id';
import { reportsOf } from '../services/meetings/meeting-parts';
import { loadMeeting } from '../services/meetings/meeting-queries';
import { assignTask, reportTask } from '../services/meetings/task-commands';
import { findMember } from '../services/members/member-queries';
import { AssignTaskInput, ReportTaskInput } from '../schema/inputs/meeting-inputs';
import { MeetingTaskType, MeetingType, TaskReportType } from '../schema/types/meeting-types';
import { MemberType } from '../schema/types/member-type';
import { optionalId, requiredId } from './ids';

@Resolver(() => MeetingTaskType)
export class MeetingTaskResolver {
  @Query(() => [MeetingTaskType], { description: "The caller's own tasks across meetings, open ones first (nhiệm vụ của tôi)." })
  async myTasks(@Ctx() ctx: RequestContext): Promise<MeetingTask[]> {
    if (ctx.viewer.memberId === null) return [];
    const tasks = await ctx.em.find(MeetingTask, { owner: ctx.viewer.memberId }, { orderBy: { deadline: 'asc', id: 'asc' } });
    return tasks.sort((a, b) => Number(a.status === TaskStatus.DONE) - Number(b.status === TaskStatus.DONE));
  }

  @Mutation(() => MeetingTaskType, { description: 'Assigns a task at a meeting to a member of the cell (giao nhiệm vụ).' })
  assignTask(@Arg('input', () => AssignTaskInput, { description: 'The task.' }) input: AssignTaskInput, @Ctx() ctx: RequestContext): Promise<MeetingTask> {
    return assignTask(ctx, { ...input, meetingId: requiredId(input.meetingId, 'Meeting', 'input.meetingId'), ownerId: requiredId(input.ownerId, 'Member', 'input.ownerId') });
  }

  @Mutation(() => MeetingTaskType, { description: 'Reports progress on a task; by its owner or the cell (báo cáo nhiệm vụ).' })
  reportTask(@Arg('input', () => ReportTaskInput, { description: 'The report.' }) input: ReportTaskInput, @Ctx() ctx: RequestContext): Promise<MeetingTask> {
    return reportTask(ctx, { ...input, taskId: requiredId(input.taskId, 'MeetingTask', 'input.taskId'), meetingId: optionalId(input.meetingId, 'Meeting', 'input.meetingId') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() task: MeetingTask): string {
    return toGlobalId('MeetingTask', task.id);
  }

  @FieldResolver(() => Boolean, { description: 'Past its deadline and not done (quá hạn).' })
  overdue(@Root() task: MeetingTask): boolean {
    return task.status !== TaskStatus.DONE && task.deadline !== null && task.deadline !== undefined && task.deadline < todayInVietnam();
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'The member who owns it.' })
  owner(@Root() task: MeetingTask, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return findMember(ctx, task.owner.id);
  }

  @FieldResolver(() => MeetingType, { nullable: true, description: 'The meeting that assigned it.' })
  meeting(@Root() task: MeetingTask, @Ctx() ctx: RequestContext): Promise<Meeting | null> {
    return loadMeeting(ctx, task.meeting.id);
  }

  @FieldResolver(() => [TaskReportType], { description: 'Reports on it, oldest first.' })
  reports(@Root() task: MeetingTask, @Ctx() ctx: RequestContext): Promise<TaskReport[]> {
    return reportsOf(ctx, task);
  }
}
