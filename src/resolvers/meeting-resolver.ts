import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Meeting } from '../entities/meeting';
import type { OrgUnit } from '../entities/org-unit';
import type { Member } from '../entities/member';
import type { RequestContext } from '../request-context';
import { toGlobalId } from '../services/global-id';
import { cancelMeeting, createMeeting, updateMeeting, type MeetingFields } from '../services/meetings/meeting-commands';
import { attendanceLines, attendanceSummary, amendmentsOf, guestsOf, tasksOfMeeting, topicsOfMeeting, type AttendanceLineView, type AttendanceSummaryView } from '../services/meetings/meeting-parts';
import { getMeeting, listMeetings, type MeetingFilter } from '../services/meetings/meeting-queries';
import { amendMinutes, finaliseMinutes } from '../services/meetings/minutes-commands';
import { findMember } from '../services/members/member-queries';
import { findOrgUnit, getOrgUnit } from '../services/tree/org-unit-queries';
import { PageArgsInput, toConnection, type ConnectionValue } from '../schema/connection';
import { AmendMinutesInput, CreateMeetingInput, MeetingFieldsInput, MeetingFilterInput, UpdateMeetingInput } from '../schema/inputs/meeting-inputs';
import { AttendanceLineType, AttendanceSummaryType, MeetingConnection, MeetingGuestType, MeetingTaskType, MeetingType, MinutesAmendmentType, ThematicTopicType } from '../schema/types/meeting-types';
import { MemberType } from '../schema/types/member-type';
import { OrgUnitType } from '../schema/types/org-unit-type';
import type { MeetingGuest } from '../entities/meeting-guest';
import type { MinutesAmendment } from '../entities/minutes-amendment';
import type { MeetingTask } from '../entities/meeting-task';
import type { ThematicTopic } from '../entities/thematic-topic';
import { optionalId, requiredId } from './ids';

export async function meetingFilter(ctx: RequestContext, input: MeetingFilterInput | null | undefined): Promise<MeetingFilter> {
  const subtreeId = optionalId(input?.subtreeOf, 'OrgUnit', 'filter.subtreeOf');
  const subtree = subtreeId === null ? null : await getOrgUnit(ctx, subtreeId);
  return { kinds: input?.kinds, statuses: input?.statuses, from: input?.from, to: input?.to, subtreeOfPath: subtree?.path };
}

/** Global ids of the input into service ids, each error named by its field. */
function meetingFields(input: MeetingFieldsInput): MeetingFields {
  return {
    ...input,
    topicIds: input.topicIds?.map((id, i) => requiredId(id, 'ThematicTopic', `input.topicIds.${i}`)),
    chairId: input.chairId === undefined ? undefined : optionalId(input.chairId, 'Member', 'input.chairId'),
    minutesTakerId: input.minutesTakerId === undefined ? undefined : optionalId(input.minutesTakerId, 'Member', 'input.minutesTakerId'),
    guests: input.guests?.map((g, i) => ({ ...g, unitId: optionalId(g.unitId, 'OrgUnit', `input.guests.${i}.unitId`), accountId: optionalId(g.accountId, 'Account', `input.guests.${i}.accountId`) })),
    attendance: input.attendance?.map((a, i) => ({ ...a, memberId: requiredId(a.memberId, 'Member', `input.attendance.${i}.memberId`) })),
  };
}

@Resolver(() => MeetingType)
export class MeetingResolver {
  @Query(() => MeetingType, { description: 'A meeting by id; NOT_FOUND when missing or outside your scope (buổi sinh hoạt).' })
  meeting(@Arg('id', () => ID, { description: 'Global id of the meeting.' }) id: string, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return getMeeting(ctx, requiredId(id, 'Meeting', 'id'));
  }

  @Query(() => MeetingConnection, { description: 'Meetings you may read, newest first (danh sách buổi sinh hoạt).' })
  async meetings(
    @Args(() => PageArgsInput) page: PageArgsInput,
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => MeetingFilterInput, { nullable: true, description: 'Which meetings.' }) filter?: MeetingFilterInput,
  ): Promise<ConnectionValue<Meeting>> {
    return toConnection(await listMeetings(ctx, await meetingFilter(ctx, filter), page));
  }

  @Mutation(() => MeetingType, { description: 'Plans a meeting, or records one already held (tạo buổi sinh hoạt).' })
  createMeeting(@Arg('input', () => CreateMeetingInput, { description: 'The meeting.' }) input: CreateMeetingInput, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return createMeeting(ctx, { ...meetingFields(input), unitId: requiredId(input.unitId, 'OrgUnit', 'input.unitId'), kind: input.kind, format: input.format, scheduledAt: input.scheduledAt });
  }

  @Mutation(() => MeetingType, { description: 'Changes a meeting or records it as held; needs the version you read (cập nhật buổi sinh hoạt).' })
  updateMeeting(@Arg('input', () => UpdateMeetingInput, { description: 'The changes.' }) input: UpdateMeetingInput, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return updateMeeting(ctx, { ...meetingFields(input), id: requiredId(input.id, 'Meeting', 'input.id'), version: input.version });
  }

  @Mutation(() => MeetingType, { description: 'Cancels a planned meeting; it stays, with the reason (hủy buổi sinh hoạt).' })
  cancelMeeting(
    @Arg('id', () => ID, { description: 'The meeting.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Arg('reason', { description: 'Why.' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting> {
    return cancelMeeting(ctx, { id: requiredId(id, 'Meeting', 'id'), version, reason });
  }

  @Mutation(() => MeetingType, { description: 'Finalises the minutes, signed by chair and minutes-taker; afterwards only amendments change them (hoàn thiện biên bản).' })
  finaliseMinutes(@Arg('id', () => ID, { description: 'The meeting.' }) id: string, @Arg('version', () => Int, { description: 'The version you read.' }) version: number, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return finaliseMinutes(ctx, { id: requiredId(id, 'Meeting', 'id'), version });
  }

  @Mutation(() => MeetingType, { description: 'Corrects finalised minutes or resolution; the earlier text stays readable (đính chính biên bản).' })
  amendMinutes(@Arg('input', () => AmendMinutesInput, { description: 'The amendment.' }) input: AmendMinutesInput, @Ctx() ctx: RequestContext): Promise<Meeting> {
    return amendMinutes(ctx, { ...input, id: requiredId(input.id, 'Meeting', 'input.id') });
  }

  @FieldResolver(() => ID, { description: 'Global, opaque id.' })
  id(@Root() meeting: Meeting): string {
    return toGlobalId('Meeting', meeting.id);
  }

  @FieldResolver(() => OrgUnitType, { nullable: true, description: 'The unit that held it.' })
  unit(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<OrgUnit | null> {
    return findOrgUnit(ctx, meeting.unit.id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'Chair (chủ trì).' })
  chair(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return meeting.chair ? findMember(ctx, meeting.chair.id) : null;
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'Minutes-taker (thư ký).' })
  minutesTaker(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return meeting.minutesTaker ? findMember(ctx, meeting.minutesTaker.id) : null;
  }

  @FieldResolver(() => [ThematicTopicType], { description: 'Topics (chủ đề).' })
  topics(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<ThematicTopic[]> {
    return topicsOfMeeting(ctx, meeting);
  }

  @FieldResolver(() => [MeetingGuestType], { description: 'Guests (đại biểu dự).' })
  guests(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingGuest[]> {
    return guestsOf(ctx, meeting);
  }

  @FieldResolver(() => [AttendanceLineType], { description: 'The roster frozen when the meeting was held, with attendance (điểm danh).' })
  attendance(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<AttendanceLineView[]> {
    return attendanceLines(ctx, meeting);
  }

  @FieldResolver(() => AttendanceSummaryType, { nullable: true, description: 'Attendance counts and rate; null until held.' })
  attendanceSummary(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<AttendanceSummaryView | null> {
    return attendanceSummary(ctx, meeting);
  }

  @FieldResolver(() => [MinutesAmendmentType], { description: 'Amendments of the finalised minutes, oldest first (đính chính).' })
  amendments(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MinutesAmendment[]> {
    return amendmentsOf(ctx, meeting);
  }

  @FieldResolver(() => [MeetingTaskType], { description: 'Tasks assigned at this meeting (nhiệm vụ được giao).' })
  tasks(@Root() meeting: Meeting, @Ctx() ctx: RequestContext): Promise<MeetingTask[]> {
    return tasksOfMeeting(ctx, meeting);
  }
}

@Resolver(() => AttendanceLineType)
export class AttendanceLineResolver {
  @FieldResolver(() => MemberType, { nullable: true, description: 'The member.' })
  member(@Root() line: AttendanceLineView, @Ctx() ctx: RequestContext): Promise<Member | null> {
    return findMember(ctx, line.memberId);
  }
}
