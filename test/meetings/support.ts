import { todayInVietnam } from '../../src/services/calendar';
import { toGlobalId } from '../../src/services/global-id';
import type { AccountName, UnitName } from '../support/fixture';
import type { GqlResult, TestApp } from '../support/test-app';
import { ok } from '../validation/support';

/**
 * Shared by the meetings suites: ids of fixture rows, a meeting-creating helper, extra accounts
 * (a member's own account, a cell secretary) that `app.run` can act as, and Vietnam dates.
 */

/** What a rejected meeting write must leave alone (expectRejected adds audit_entry). */
export const MEETING_TABLES = ['meeting', 'meeting_attendance', 'meeting_topic', 'meeting_guest'] as const;

export const unitGid = (app: TestApp, name: UnitName): string => toGlobalId('OrgUnit', app.fixture.units[name].id);
export const memberGid = (app: TestApp, fullName: string): string => toGlobalId('Member', app.fixture.members[fullName].id);
export const memberDbId = (app: TestApp, fullName: string): number => app.fixture.members[fullName].id;

/** Members of the fixture's Chi bộ bản Nậm Cười ("cell"); Mai was admitted on 2026-03-02. */
export const HUNG = 'Lò Văn Hùng';
export const MAI = 'Tẩn Thị Mai';
export const AN = 'Nguyễn Văn An';
/** Members of the school cell and of the other commune's cell. */
export const BINH = 'Trần Thị Bình';
export const PAO = 'Vàng A Páo';
export const CUONG = 'Lê Văn Cường';

/** The global id of a shared thematic topic by its code (HO_CHI_MINH, LEGAL_EDUCATION, …). */
export async function topicGid(app: TestApp, code: string): Promise<string> {
  const [row] = await app.sql<{ id: number }>('select id from thematic_topic where province_id is null and code = ?', [code]);
  if (!row) throw new Error(`No topic ${code}`);
  return toGlobalId('ThematicTopic', row.id);
}

export const MEETING_FIELDS = `id kind format status scheduledAt heldAt heldOn place onlineLink durationMinutes offPlanReason cancelReason
  minutes resolution minutesStatus version chair { fullName } minutesTaker { fullName } topics { code } guests { fullName position }
  attendanceSummary { roster present exempt notRecorded rate } attendance { status reason member { fullName } }`;

export const CREATE_MEETING = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { ${MEETING_FIELDS} } }`;
export const UPDATE_MEETING = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { ${MEETING_FIELDS} } }`;
export const CANCEL_MEETING = `mutation($id: ID!, $version: Int!, $reason: String!) { cancelMeeting(id: $id, version: $version, reason: $reason) { ${MEETING_FIELDS} } }`;
export const GET_MEETING = `query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`;

export interface MeetingView {
  id: string;
  kind: string;
  status: string;
  heldOn: string | null;
  heldAt: string | null;
  version: number;
  minutesStatus: string;
  offPlanReason: string | null;
  cancelReason: string | null;
  attendanceSummary: { roster: number; present: number; exempt: number; notRecorded: number; rate: number | null } | null;
  attendance: Array<{ status: string; reason: string | null; member: { fullName: string } | null }>;
  [key: string]: unknown;
}

export type Actor = AccountName | 'anonymous';

/** Creates a meeting (REGULAR, in person, in the cell unless given) and returns it; fails the test on any error. */
export async function createMeeting(app: TestApp, as: Actor, input: Record<string, unknown>): Promise<MeetingView> {
  const full: Record<string, unknown> = { kind: 'REGULAR', format: 'IN_PERSON', unitId: unitGid(app, 'cell'), ...input };
  if (full.scheduledAt === undefined) full.scheduledAt = full.heldAt;
  return ok<{ createMeeting: MeetingView }>(await app.run(as, CREATE_MEETING, { input: full })).createMeeting;
}

export async function updateMeeting(app: TestApp, as: Actor, input: Record<string, unknown>): Promise<MeetingView> {
  return ok<{ updateMeeting: MeetingView }>(await app.run(as, UPDATE_MEETING, { input })).updateMeeting;
}

/** Runs and returns the data, failing on errors. */
export async function data<T = Record<string, any>>(app: TestApp, as: Actor, query: string, variables?: Record<string, unknown>): Promise<T> {
  return ok<T>(await app.run(as, query, variables));
}

let extra = 0;

/**
 * A person account written straight into the database and registered under `name`, so that
 * `app.run(name, …)` acts as it: optionally linked to a fixture member and with a role at a unit.
 */
export async function addAccount(app: TestApp, name: string, options: { member?: string; role?: string; at?: UnitName }): Promise<AccountName> {
  extra += 1;
  const home = options.at ? app.fixture.units[options.at] : null;
  const [{ id }] = await app.sql<{ id: number }>(
    'insert into account (kind, username, display_name, member_id, home_unit_id, home_unit_path) values (?,?,?,?,?,?) returning id',
    ['PERSON', `meetings-${process.pid}-${extra}`, name, options.member ? memberDbId(app, options.member) : null, home?.id ?? null, home?.path ?? null],
  );
  if (options.role) {
    const provinceId = home ? Number(home.path.split('/')[1]) : null;
    await app.sql('insert into role_assignment (account_id, role, unit_id, unit_path, province_id) values (?,?,?,?,?)', [id, options.role, home?.id ?? null, home?.path ?? null, provinceId]);
  }
  (app.fixture.accounts as Record<string, number>)[name] = id;
  return name as AccountName;
}

/** A member_position row (secretary and the like) of a fixture member at a fixture unit. */
export async function addPosition(app: TestApp, fullName: string, at: UnitName, position: string, endedOn: string | null = null): Promise<number> {
  const unit = app.fixture.units[at];
  const [{ id }] = await app.sql<{ id: number }>(
    'insert into member_position (province_id, member_id, unit_id, unit_path, position, started_on, ended_on) values (?,?,?,?,?,?,?) returning id',
    [Number(unit.path.split('/')[1]), memberDbId(app, fullName), unit.id, unit.path, position, '2020-01-01', endedOn],
  );
  return id;
}

/** Today in Vietnam, as numbers and as YYYY-MM-DD. */
export function vietnamToday(): { year: number; month: number; day: number; iso: string } {
  const iso = todayInVietnam();
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day, iso };
}

/** The UTC instant of a Vietnam wall-clock time (UTC+7, no daylight saving). */
export const vietnamTime = (date: string, time = '09:00'): string => new Date(`${date}T${time}:00+07:00`).toISOString();

/** The codes of a result's errors, for failures that must be exactly one. */
export const codes = (result: GqlResult): unknown[] => (result.errors ?? []).map((e) => e.extensions?.code);

/** The global id's database id. */
export const dbIdOf = (globalId: string): number => Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
