import type { EntityManager } from '@mikro-orm/postgresql';
import { AttendanceStatus, MeetingKind } from '../../entities/meeting-enums';
import { badInput } from '../../errors/app-error';
import { exemptOn } from '../members/membership';
import { optionalText, requiredText } from '../validate';

/** Writes a meeting's parts kept in their own tables, inside the caller's transaction. */
const run = (em: EntityManager, sql: string, params: unknown[]): Promise<unknown> =>
  em.getConnection().execute(sql, params, 'run', em.getTransactionContext());

const all = <T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> =>
  em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());

/** Topic ids must name active topics of the province or the shared taxonomy. */
export async function checkTopics(em: EntityManager, provinceId: number, topicIds: readonly number[], kind: MeetingKind): Promise<number[]> {
  const ids = [...new Set(topicIds)];
  if (kind === MeetingKind.THEMATIC && ids.length === 0) throw badInput('input.topicIds', 'a thematic meeting needs at least one topic');
  if (ids.length === 0) return ids;
  const found = await all<{ id: number }>(em, `select id from thematic_topic where active and (province_id is null or province_id = ?) and id in (${ids.map(() => '?').join(',')})`, [provinceId, ...ids]);
  if (found.length !== ids.length) throw badInput('input.topicIds', 'names a topic that does not exist in this province');
  return ids;
}

export async function replaceTopics(em: EntityManager, meetingId: number, topicIds: readonly number[]): Promise<void> {
  await run(em, 'delete from meeting_topic where meeting_id = ?', [meetingId]);
  if (topicIds.length === 0) return;
  await run(em, 'insert into meeting_topic (meeting_id, topic_id) select ?, t.id::int from jsonb_array_elements_text(?::jsonb) as t(id)', [meetingId, JSON.stringify(topicIds)]);
}

export interface GuestEntry {
  readonly fullName: string;
  readonly position?: string | null;
  readonly unitId?: number | null;
  /** A supervisor's account: it must hold a supervisory assignment to the meeting's cell (issue #5). */
  readonly accountId?: number | null;
}

/** Guests come from the superior committees: a guest's unit must be an ancestor of the meeting's unit. */
export async function replaceGuests(em: EntityManager, meetingId: number, unitPath: string, guests: readonly GuestEntry[]): Promise<void> {
  const checked = guests.map((g, i) => ({
    fullName: requiredText(g.fullName, `input.guests.${i}.fullName`, 200),
    position: optionalText(g.position, `input.guests.${i}.position`, 200),
    unitId: g.unitId ?? null,
    accountId: g.accountId ?? null,
  }));
  const ancestors = new Set(unitPath.split('/').filter(Boolean).map(Number));
  checked.forEach((g, i) => {
    if (g.unitId !== null && !ancestors.has(g.unitId)) throw badInput(`input.guests.${i}.unitId`, 'must be the meeting unit or one of its superior committees');
  });
  for (const [i, g] of checked.entries()) {
    if (g.accountId === null) continue;
    if (checked.findIndex((o) => o.accountId === g.accountId) !== i) throw badInput(`input.guests.${i}.accountId`, 'is listed twice');
    // Only accounts assigned to supervise the cell (any period): the account is neither looked up nor revealed otherwise.
    const assigned = await em.getConnection().execute<{ n: number }[]>(
      "select count(*)::int as n from supervisory_assignment where account_id = ? and ? like unit_path || '%'",
      [g.accountId, unitPath],
      'all',
      em.getTransactionContext(),
    );
    if (assigned[0].n === 0) throw badInput(`input.guests.${i}.accountId`, 'is not assigned to supervise this cell');
  }
  await run(em, 'delete from meeting_guest where meeting_id = ?', [meetingId]);
  for (const g of checked) {
    await run(em, 'insert into meeting_guest (meeting_id, full_name, position, unit_id, account_id) values (?, ?, ?, ?, ?)', [meetingId, g.fullName, g.position, g.unitId, g.accountId]);
  }
}

export interface AttendanceEntry {
  readonly memberId: number;
  readonly status: AttendanceStatus;
  readonly reason?: string | null;
}

/**
 * Freezes the roster into attendance lines the first time a meeting is held: NOT_RECORDED, or
 * EXEMPT with the exemption's reason for members exempt from meetings on the date.
 */
export async function freezeRoster(em: EntityManager, meetingId: number, provinceId: number, unitPath: string, memberIds: readonly number[], heldOn: string): Promise<void> {
  if (memberIds.length === 0) return;
  const exempt = await exemptOn(em, memberIds, heldOn);
  const lines = memberIds.map((memberId) => {
    const reason = exempt.get(memberId) ?? null;
    return { member_id: memberId, status: reason === null ? AttendanceStatus.NOT_RECORDED : AttendanceStatus.EXEMPT, reason };
  });
  // One statement for the whole roster: a meeting's write costs the same whatever the cell's size.
  await run(
    em,
    `insert into meeting_attendance (meeting_id, member_id, province_id, unit_path, status, reason)
     select ?, x.member_id, ?, ?, x.status, x.reason from jsonb_to_recordset(?::jsonb) as x(member_id int, status text, reason text)
     on conflict do nothing`,
    [meetingId, provinceId, unitPath, JSON.stringify(lines)],
  );
}

/** Records attendance lines; every member must be on the meeting's frozen roster. */
export async function recordAttendance(em: EntityManager, meetingId: number, roster: readonly number[], entries: readonly AttendanceEntry[]): Promise<void> {
  const onRoster = new Set(roster);
  const seen = new Set<number>();
  const checked = entries.map((e, i) => {
    if (!onRoster.has(e.memberId)) throw badInput(`input.attendance.${i}.memberId`, 'is not on the roster: not a member of the cell on the meeting date');
    if (seen.has(e.memberId)) throw badInput(`input.attendance.${i}.memberId`, 'appears twice');
    seen.add(e.memberId);
    if (e.status === AttendanceStatus.NOT_RECORDED) throw badInput(`input.attendance.${i}.status`, 'must be a recorded status');
    const reason = optionalText(e.reason, `input.attendance.${i}.reason`, 500);
    if (e.status === AttendanceStatus.ABSENT_EXCUSED && reason === null) throw badInput(`input.attendance.${i}.reason`, 'is required for an excused absence');
    return { ...e, reason };
  });
  if (checked.length === 0) return;
  await run(
    em,
    `update meeting_attendance a set status = x.status, reason = x.reason
       from jsonb_to_recordset(?::jsonb) as x(member_id int, status text, reason text)
      where a.meeting_id = ? and a.member_id = x.member_id`,
    [JSON.stringify(checked.map((e) => ({ member_id: e.memberId, status: e.status, reason: e.reason }))), meetingId],
  );
}
