import { MeetingFormat, MeetingKind } from '../../entities/meeting-enums';
import { isCellKind, OrgUnitKind } from '../../entities/org-unit-enums';
import { badInput } from '../../errors/app-error';
import { optionalText, requiredText } from '../validate';

/** Which units hold which meetings: cells hold cell meetings, groups theirs, committees theirs. */
export function checkKindForUnit(kind: MeetingKind, unitKind: OrgUnitKind): void {
  const cellMeeting = [MeetingKind.REGULAR, MeetingKind.THEMATIC, MeetingKind.EXTRAORDINARY, MeetingKind.CELL_COMMITTEE].includes(kind);
  if (cellMeeting && !isCellKind(unitKind)) throw badInput('input.unitId', `a ${kind} meeting is held by a cell, not a ${unitKind}`);
  if (kind === MeetingKind.PARTY_GROUP && unitKind !== OrgUnitKind.PARTY_GROUP) throw badInput('input.unitId', `a PARTY_GROUP meeting is held by a party group, not a ${unitKind}`);
  if (kind === MeetingKind.PARTY_COMMITTEE && (isCellKind(unitKind) || unitKind === OrgUnitKind.PARTY_GROUP)) {
    throw badInput('input.unitId', `a PARTY_COMMITTEE meeting is held by a committee, not a ${unitKind}`);
  }
}

export function checkOnlineLink(format: MeetingFormat, link: string | null | undefined): string | null {
  const value = optionalText(link, 'input.onlineLink', 500);
  if (format === MeetingFormat.ONLINE) {
    if (value === null) throw badInput('input.onlineLink', 'is required for an online meeting');
    if (!/^https:\/\/[^\s]+$/.test(value)) throw badInput('input.onlineLink', 'must be an https:// link');
  }
  return value;
}

export const MAX_DURATION_MINUTES = 600;

export function checkDuration(minutes: number | null | undefined): number | null {
  if (minutes === null || minutes === undefined) return null;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MINUTES) {
    throw badInput('input.durationMinutes', `must be a whole number of minutes from 1 to ${MAX_DURATION_MINUTES}`);
  }
  return minutes;
}

export function checkAgenda(items: readonly string[] | null | undefined): string[] {
  const agenda = (items ?? []).map((item, i) => requiredText(item, `input.agenda.${i}`, 500));
  if (agenda.length > 50) throw badInput('input.agenda', 'must have at most 50 items');
  return agenda;
}
