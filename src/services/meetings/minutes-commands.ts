import { Account } from '../../entities/account';
import { Meeting } from '../../entities/meeting';
import { AmendedField, MeetingStatus, MinutesStatus } from '../../entities/meeting-enums';
import { MinutesAmendment } from '../../entities/minutes-amendment';
import { badInput, conflict, staleVersion } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { audit } from '../audit';
import { requiredText } from '../validate';
import { checkMayWrite, meetingSnapshot } from './meeting-commands';
import { getMeeting } from './meeting-queries';

/**
 * Draft → finalised: the chair and the minutes-taker are named and the minutes written;
 * from then on the minutes and the resolution change only by amendment.
 */
export async function finaliseMinutes(ctx: RequestContext, input: { id: number; version: number }): Promise<Meeting> {
  const found = await getMeeting(ctx, input.id);
  checkMayWrite(ctx, found.unitPath);
  if (found.version !== input.version) throw staleVersion(input.version, found.version);
  if (found.minutesStatus === MinutesStatus.FINALISED) throw conflict('The minutes are already finalised');
  if (found.status !== MeetingStatus.HELD) throw badInput('id', 'only the minutes of a held meeting can be finalised');
  if (!found.chair) throw badInput('chairId', 'the minutes need the chair who signs them');
  if (!found.minutesTaker) throw badInput('minutesTakerId', 'the minutes need the minutes-taker who signs them');
  if (!found.minutes) throw badInput('minutes', 'there are no minutes to finalise');
  return ctx.em.transactional(async (em) => {
    const meeting = await em.findOneOrFail(Meeting, found.id);
    const before = meetingSnapshot(meeting);
    meeting.minutesStatus = MinutesStatus.FINALISED;
    meeting.minutesFinalisedAt = new Date();
    meeting.minutesFinalisedBy = ctx.viewer.accountId ? em.getReference(Account, ctx.viewer.accountId) : null;
    await em.flush();
    audit(ctx, em, 'finaliseMinutes', { type: 'Meeting', id: meeting.id, provinceId: meeting.provinceId, unitPath: meeting.unitPath }, before, meetingSnapshot(meeting));
    return meeting;
  });
}

export interface AmendMinutesInput {
  readonly id: number;
  readonly version: number;
  readonly field: AmendedField;
  readonly text: string;
  readonly reason: string;
}

/** A correction after finalisation: the new text becomes current, the amendment keeps the old one. */
export async function amendMinutes(ctx: RequestContext, input: AmendMinutesInput): Promise<Meeting> {
  const found = await getMeeting(ctx, input.id);
  checkMayWrite(ctx, found.unitPath);
  if (found.version !== input.version) throw staleVersion(input.version, found.version);
  if (found.minutesStatus !== MinutesStatus.FINALISED) throw conflict('The minutes are still a draft: edit them with updateMeeting');
  const text = requiredText(input.text, 'input.text', 100000);
  const reason = requiredText(input.reason, 'input.reason', 1000);
  return ctx.em.transactional(async (em) => {
    const meeting = await em.findOneOrFail(Meeting, found.id);
    const before = meetingSnapshot(meeting);
    const previous = input.field === AmendedField.MINUTES ? meeting.minutes : meeting.resolution;
    em.create(MinutesAmendment, {
      meeting,
      field: input.field,
      previousText: previous ?? null,
      newText: text,
      reason,
      author: ctx.viewer.accountId ? em.getReference(Account, ctx.viewer.accountId) : null,
    });
    if (input.field === AmendedField.MINUTES) meeting.minutes = text;
    else meeting.resolution = text;
    await em.flush();
    audit(ctx, em, 'amendMinutes', { type: 'Meeting', id: meeting.id, provinceId: meeting.provinceId, unitPath: meeting.unitPath }, before, { ...meetingSnapshot(meeting), amendmentReason: reason });
    return meeting;
  });
}
