import { Permission } from '../../auth/permission';
import { Meeting } from '../../entities/meeting';
import { MeetingFormat, MeetingKind, MeetingStatus, MinutesStatus } from '../../entities/meeting-enums';
import { Member } from '../../entities/member';
import { OrgUnit } from '../../entities/org-unit';
import { badInput, conflict, forbidden, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { getOrgUnit } from '../tree/org-unit-queries';
import { optionalText, requiredText } from '../validate';
import { plannedMonth, vietnamDateOf } from './meeting-calendar';
import { checkAgenda, checkDuration, checkKindForUnit, checkOnlineLink } from './meeting-input-checks';
import { checkTopics, freezeRoster, recordAttendance, replaceGuests, replaceTopics, type AttendanceEntry, type GuestEntry } from './meeting-details';
import { getMeeting } from './meeting-queries';
import { frozenRoster, rosterOn } from './roster';
import { holidaySet, rulesFor } from './meeting-rules-service';

/** What a meeting record holds (domain.md §3); omitted fields of an update stay as they are. */
export interface MeetingFields {
  readonly format?: MeetingFormat | null;
  readonly scheduledAt?: Date | null;
  readonly place?: string | null;
  readonly onlineLink?: string | null;
  readonly agenda?: readonly string[] | null;
  readonly topicIds?: readonly number[] | null;
  readonly chairId?: number | null;
  readonly minutesTakerId?: number | null;
  readonly content?: string | null;
  readonly minutes?: string | null;
  readonly resolution?: string | null;
  readonly durationMinutes?: number | null;
  /** Setting it records the meeting as held (and freezes the roster). */
  readonly heldAt?: Date | null;
  readonly offPlanReason?: string | null;
  readonly guests?: readonly GuestEntry[] | null;
  readonly attendance?: readonly AttendanceEntry[] | null;
}

export interface CreateMeetingInput extends MeetingFields {
  readonly unitId: number;
  readonly kind: MeetingKind;
  readonly format: MeetingFormat;
  readonly scheduledAt: Date;
}

export interface UpdateMeetingInput extends MeetingFields {
  readonly id: number;
  readonly version: number;
}

export function meetingSnapshot(m: Meeting): Record<string, unknown> {
  return {
    kind: m.kind,
    status: m.status,
    format: m.format,
    scheduledAt: m.scheduledAt.toISOString(),
    heldAt: m.heldAt?.toISOString() ?? null,
    chairId: m.chair?.id ?? null,
    minutesTakerId: m.minutesTaker?.id ?? null,
    agenda: m.agenda,
    content: m.content ?? null,
    minutes: m.minutes ?? null,
    resolution: m.resolution ?? null,
    durationMinutes: m.durationMinutes ?? null,
    minutesStatus: m.minutesStatus,
    offPlanReason: m.offPlanReason ?? null,
    cancelReason: m.cancelReason ?? null,
    version: m.version,
  };
}

/** Who writes a unit's meetings: its secretary (derived role) and organizers at or above it. */
export function checkMayWrite(ctx: RequestContext, unitPath: string): void {
  if (!ctx.viewer.can(Permission.MEETINGS_WRITE, unitPath)) throw forbidden("You may not record this unit's meetings");
}

function checkPerson(memberId: number | null | undefined, roster: readonly number[], field: string, what: string): number | null {
  if (memberId === null || memberId === undefined) return null;
  if (!roster.includes(memberId)) throw badInput(field, `the ${what} must be a member of the cell on the meeting date`);
  return memberId;
}

/** Applies and checks fields on a managed meeting inside the transaction; shared by create and update. */
async function applyFields(ctx: RequestContext, meeting: Meeting, unit: OrgUnit, input: MeetingFields): Promise<void> {
  const em = ctx.em;
  if (meeting.status === MeetingStatus.CANCELLED) throw conflict('A cancelled meeting cannot be changed');
  const finalised = meeting.minutesStatus === MinutesStatus.FINALISED;
  const touchesRecord = ['content', 'minutes', 'resolution', 'agenda', 'topicIds', 'chairId', 'minutesTakerId', 'heldAt', 'durationMinutes', 'guests', 'attendance']
    .some((k) => input[k as keyof MeetingFields] !== undefined);
  if (finalised && touchesRecord) throw conflict('The minutes are finalised: correct them with amendMinutes', { field: 'minutesStatus' });

  if (input.format) meeting.format = input.format;
  if (input.format !== undefined || input.onlineLink !== undefined) meeting.onlineLink = checkOnlineLink(meeting.format, input.onlineLink === undefined ? meeting.onlineLink : input.onlineLink);
  if (input.scheduledAt) meeting.scheduledAt = input.scheduledAt;
  if (input.place !== undefined) meeting.place = optionalText(input.place, 'input.place', 300);
  if (input.agenda !== undefined) meeting.agenda = checkAgenda(input.agenda);
  if (input.content !== undefined) meeting.content = optionalText(input.content, 'input.content', 100000);
  if (input.minutes !== undefined) meeting.minutes = optionalText(input.minutes, 'input.minutes', 100000);
  if (input.resolution !== undefined) meeting.resolution = optionalText(input.resolution, 'input.resolution', 100000);
  if (input.durationMinutes !== undefined) meeting.durationMinutes = checkDuration(input.durationMinutes);
  if (input.offPlanReason !== undefined) meeting.offPlanReason = optionalText(input.offPlanReason, 'input.offPlanReason', 1000);

  if (input.heldAt) {
    if (input.heldAt.getTime() > Date.now()) throw badInput('input.heldAt', 'a meeting cannot be recorded as held in the future');
    meeting.heldAt = input.heldAt;
    meeting.heldOn = vietnamDateOf(input.heldAt);
    meeting.status = MeetingStatus.HELD;
  }

  const held = meeting.status === MeetingStatus.HELD;
  const onDate = meeting.heldOn ?? vietnamDateOf(meeting.scheduledAt);
  const wasFrozen = held && (await frozenRoster(em, meeting.id)).length > 0;
  const roster = wasFrozen ? await frozenRoster(em, meeting.id) : await rosterOn(em, unit.id, onDate);
  if (input.chairId !== undefined) {
    const id = checkPerson(input.chairId, roster, 'input.chairId', 'chair');
    meeting.chair = id === null ? null : em.getReference(Member, id);
  }
  if (input.minutesTakerId !== undefined) {
    const id = checkPerson(input.minutesTakerId, roster, 'input.minutesTakerId', 'minutes-taker');
    meeting.minutesTaker = id === null ? null : em.getReference(Member, id);
  }
  if (!held && input.attendance?.length) throw badInput('input.attendance', 'attendance is recorded once the meeting is held (set heldAt)');

  if (held && meeting.kind === MeetingKind.REGULAR && meeting.heldOn) {
    const [year, month] = meeting.heldOn.split('-').map(Number);
    const plan = plannedMonth(year, month, await rulesFor(em, meeting.provinceId), await holidaySet(em, meeting.provinceId, year));
    if (plan.plannedOn !== meeting.heldOn && !meeting.offPlanReason) {
      throw badInput('input.offPlanReason', `the regular meeting was planned for ${plan.plannedOn ?? 'no day'}: say why it was held on ${meeting.heldOn}`);
    }
  }

  await em.flush();
  if (input.topicIds !== undefined) await replaceTopics(em, meeting.id, await checkTopics(em, meeting.provinceId, input.topicIds ?? [], meeting.kind));
  if (input.guests !== undefined) await replaceGuests(em, meeting.id, unit.path, input.guests ?? []);
  if (held && !wasFrozen) await freezeRoster(em, meeting.id, meeting.provinceId, meeting.unitPath, roster, onDate);
  if (input.attendance?.length) await recordAttendance(em, meeting.id, roster, input.attendance);
}

async function checkThematicHasTopic(ctx: RequestContext, meeting: Meeting): Promise<void> {
  if (meeting.kind !== MeetingKind.THEMATIC) return;
  const rows = await ctx.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from meeting_topic where meeting_id = ?', [meeting.id], 'all', ctx.em.getTransactionContext());
  if (rows[0].n === 0) throw badInput('input.topicIds', 'a thematic meeting needs at least one topic');
}

export async function createMeeting(ctx: RequestContext, input: CreateMeetingInput): Promise<Meeting> {
  const unit = await getOrgUnit(ctx, input.unitId);
  checkMayWrite(ctx, unit.path);
  checkKindForUnit(input.kind, unit.kind);
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em };
    const meeting = em.create(Meeting, {
      provinceId: unit.provinceId,
      unit: em.getReference(OrgUnit, unit.id),
      unitPath: unit.path,
      kind: input.kind,
      format: input.format,
      status: MeetingStatus.PLANNED,
      scheduledAt: input.scheduledAt,
    });
    await em.flush();
    await applyFields(tx, meeting, unit, { ...input, topicIds: input.topicIds ?? [] });
    await checkThematicHasTopic(tx, meeting);
    audit(ctx, em, 'createMeeting', { type: 'Meeting', id: meeting.id, provinceId: unit.provinceId, unitPath: unit.path }, null, meetingSnapshot(meeting));
    return meeting;
  });
}

export async function updateMeeting(ctx: RequestContext, input: UpdateMeetingInput): Promise<Meeting> {
  const found = await getMeeting(ctx, input.id);
  checkMayWrite(ctx, found.unitPath);
  if (found.version !== input.version) throw staleVersion(input.version, found.version);
  const unit = await getOrgUnit(ctx, found.unit.id);
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em };
    const meeting = await em.findOneOrFail(Meeting, found.id);
    const before = meetingSnapshot(meeting);
    // Always write the row, so that the version is checked and bumped even when only attendance, guests or topics change.
    meeting.updatedAt = new Date();
    await applyFields(tx, meeting, unit, input);
    await checkThematicHasTopic(tx, meeting);
    audit(ctx, em, 'updateMeeting', { type: 'Meeting', id: meeting.id, provinceId: meeting.provinceId, unitPath: meeting.unitPath }, before, meetingSnapshot(meeting));
    return meeting;
  });
}

/** Nothing is deleted: a cancelled meeting stays, with its reason. */
export async function cancelMeeting(ctx: RequestContext, input: { id: number; version: number; reason: string }): Promise<Meeting> {
  const found = await getMeeting(ctx, input.id);
  checkMayWrite(ctx, found.unitPath);
  if (found.version !== input.version) throw staleVersion(input.version, found.version);
  const reason = requiredText(input.reason, 'input.reason', 1000);
  if (found.status === MeetingStatus.HELD) throw conflict('A held meeting cannot be cancelled');
  if (found.status === MeetingStatus.CANCELLED) throw conflict('The meeting is already cancelled');
  return ctx.em.transactional(async (em) => {
    const meeting = await em.findOneOrFail(Meeting, found.id);
    const before = meetingSnapshot(meeting);
    meeting.status = MeetingStatus.CANCELLED;
    meeting.cancelReason = reason;
    await em.flush();
    audit(ctx, em, 'cancelMeeting', { type: 'Meeting', id: meeting.id, provinceId: meeting.provinceId, unitPath: meeting.unitPath }, before, meetingSnapshot(meeting));
    return meeting;
  });
}
