import { toGlobalId } from '../../../src/services/global-id';
import { data, dbIdOf, vietnamTime } from '../../meetings/support';
import type { AccountName } from '../../support/fixture';
import type { TestApp } from '../../support/test-app';
import { insertHeldMeetings, type HeldMeetingInput } from './meetings-in-sql';
import { absentees, CELLS, CSV_UNITS, HOLIDAYS_2023, MEMBERS, membersCsv, POSITIONS, regularDuration, rosterOf, THEMATIC_MEETINGS, type PlannedCell } from './plan';

/**
 * Writes the plan (plan.ts) through the GraphQL API as `admin:national`, as an administrator of
 * the district would: the root, the units and members by CSV, the posts, the targets, the 2023
 * holidays, the meetings of a sample of cells (THROUGH_API) and the two inspections. The other
 * cells' 4,000 meetings are written set-based in SQL (meetings-in-sql.ts), checked against the
 * sample's rows by the test; otherwise raw SQL only reads ids back.
 */
const AS: AccountName = 'admin:national';
/** The test app's pool has 4 connections. */
const WIDTH = 4;
/** Grassroots congresses of the 2020–2025 term sat in 2020; every holder was a member by then. */
const POSTS_FROM = '2021-01-04';

export interface District {
  readonly rootId: number;
  readonly root: string;
  /** Global ids of units by code and of members by party card number. */
  readonly unit: (code: string) => string;
  readonly member: (card: string) => string;
  /** The aggregate-only caller: an ANALYST at the root. */
  readonly analyst: AccountName;
  /** The planned regular-meeting day of each month of 2023 (meetingCalendar), on which every cell met. */
  readonly plannedOn: readonly string[];
  /** Seconds each step took. */
  readonly timings: Record<string, number>;
}

/** Runs fn over items, `width` at a time. */
async function pooled<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: WIDTH }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

const IMPORT_UNITS = 'mutation($input: CsvImportInput!) { importOrgUnits(input: $input) { created } }';
const IMPORT_MEMBERS = 'mutation($input: CsvImportInput!) { importMembers(input: $input) { created } }';
const CREATE_MEETING = 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }';

async function timed<T>(timings: Record<string, number>, step: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await fn();
  timings[step] = (Date.now() - started) / 1000;
  return result;
}

async function treeAndMembers(app: TestApp, timings: Record<string, number>): Promise<{ rootId: number; root: string }> {
  const { createOrgUnit } = await data(app, AS, 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }', {
    input: { kind: 'PROVINCE', name: 'Đảng bộ huyện Phong Thổ (số liệu năm 2023)', code: 'PT', foundedOn: '1990-01-01' },
  });
  const root: string = createOrgUnit.id;
  await timed(timings, 'units', async () => {
    const { importOrgUnits } = await data(app, AS, IMPORT_UNITS, { input: { rootId: root, csv: CSV_UNITS } });
    if (importOrgUnits.created !== 331) throw new Error(`created ${importOrgUnits.created} units`);
  });
  // One file: concurrent imports gain nothing (they queue on the province's audit chain), and four at once
  // exhaust the pool of 4 (the party-card check runs outside the import's transaction).
  await timed(timings, 'members', async () => {
    const { importMembers } = await data(app, AS, IMPORT_MEMBERS, { input: { rootId: root, csv: membersCsv(MEMBERS) } });
    if (importMembers.created !== MEMBERS.length) throw new Error(`created ${importMembers.created} members`);
  });
  return { rootId: dbIdOf(root), root };
}

async function idsByKey(app: TestApp, rootId: number): Promise<{ unit: (code: string) => string; member: (card: string) => string }> {
  const units = new Map((await app.sql<{ id: number; code: string }>("select id, code from org_unit where path like '/' || ? || '/%'", [rootId])).map((r) => [r.code, r.id]));
  const members = new Map((await app.sql<{ id: number; card: string }>('select id, party_card_number as card from member where province_id = ?', [rootId])).map((r) => [r.card, r.id]));
  const get = (map: Map<string, number>, type: 'OrgUnit' | 'Member') => (key: string): string => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`No ${type} ${key}`);
    return toGlobalId(type, id);
  };
  return { unit: get(units, 'OrgUnit'), member: get(members, 'Member') };
}

async function postsAndTargets(app: TestApp, root: string, ids: Pick<District, 'unit' | 'member'>, timings: Record<string, number>): Promise<void> {
  await timed(timings, 'positions', () => pooled(POSITIONS, (p) => data(app, AS, 'mutation($input: AssignPositionInput!) { assignPosition(input: $input) { id } }', {
    input: { memberId: ids.member(p.card), unitId: ids.unit(p.unitCode), position: p.position, startedOn: POSTS_FROM, decisionRef: `QĐ ${p.unitCode}/2021` },
  })));
  // domain.md §7: 134 admitted against a plan of 129; rural 43 against 50.
  for (const [indicator, value] of [['ADMISSIONS', 129], ['RURAL_ADMISSIONS', 50]] as const) {
    await data(app, AS, 'mutation($input: SetStatisticTargetInput!) { setStatisticTarget(input: $input) { version } }', {
      input: { unitId: root, indicator, year: 2023, value, version: 0, note: 'Nghị quyết Đại hội Đảng bộ huyện' },
    });
  }
}

/**
 * The cells whose meetings go through createMeeting: the first cell of each type and every cell
 * with a thematic meeting on a topic no other sampled cell has, so each kind of input is written
 * once by the API. The rest are written in SQL (meetings-in-sql.ts) and compared with these.
 */
export const THROUGH_API: readonly PlannedCell[] = (() => {
  const sample = new Set<PlannedCell>();
  for (const cell of CELLS) if (![...sample].some((s) => s.cellType === cell.cellType)) sample.add(cell);
  const topics = new Set(THEMATIC_MEETINGS.filter((t) => [...sample].some((s) => s.code === t.cellCode)).map((t) => t.topic));
  for (const t of THEMATIC_MEETINGS) {
    if (topics.has(t.topic)) continue;
    topics.add(t.topic);
    sample.add(CELLS.find((c) => c.code === t.cellCode) as PlannedCell);
  }
  return [...sample];
})();

/** Every 2023 meeting of a cell: twelve regular ones on the planned days, and its thematic ones. */
function meetingsOf(cell: PlannedCell, unitId: string, plannedOn: readonly string[], member: (card: string) => string): Array<Omit<HeldMeetingInput, 'topicIds'> & { topic?: string }> {
  const roster = rosterOf(cell);
  const present = (absent: ReadonlySet<string>) => roster.map((m) => (absent.has(m.card)
    ? { memberId: member(m.card), status: 'ABSENT_EXCUSED' as const, reason: 'Đi công tác' }
    : { memberId: member(m.card), status: 'PRESENT' as const }));
  const regular = plannedOn.map((day, i) => ({
    unitId, kind: 'REGULAR' as const, format: 'IN_PERSON' as const, scheduledAt: vietnamTime(day, '08:00'), heldAt: vietnamTime(day, '08:00'), durationMinutes: regularDuration(i + 1),
    attendance: present(new Set(absentees(roster, i + 1).map((m) => m.card))),
  }));
  const thematic = THEMATIC_MEETINGS.filter((t) => t.cellCode === cell.code).map((t) => ({
    unitId, kind: 'THEMATIC' as const, format: 'IN_PERSON' as const, scheduledAt: vietnamTime(t.heldOn, '14:00'), heldAt: vietnamTime(t.heldOn, '14:00'), durationMinutes: 90,
    topic: t.topic, attendance: present(new Set()),
  }));
  return [...regular, ...thematic];
}

async function meetings(app: TestApp, root: string, ids: Pick<District, 'unit' | 'member'>, timings: Record<string, number>): Promise<string[]> {
  for (const [day, name] of HOLIDAYS_2023) await data(app, AS, 'mutation($input: HolidayInput!) { addHoliday(input: $input) { id } }', { input: { day, name } });
  const { orgUnit } = await data(app, AS, 'query($id: ID!) { orgUnit(id: $id) { meetingCalendar(year: 2023) { month plannedOn } } }', { id: root });
  const plannedOn: string[] = orgUnit.meetingCalendar.map((m: { plannedOn: string }) => m.plannedOn);
  const topics = new Map<string, string>((await data(app, AS, 'query($p: ID!) { thematicTopics(provinceId: $p) { id code } }', { p: root })).thematicTopics.map((t: { id: string; code: string }) => [t.code, t.id]));
  const inputs = (cells: readonly PlannedCell[]): HeldMeetingInput[] => cells.flatMap((cell) => meetingsOf(cell, ids.unit(cell.code), plannedOn, ids.member))
    .map(({ topic, ...input }) => (topic === undefined ? input : { ...input, topicIds: [topics.get(topic as string) as string] }) as HeldMeetingInput);
  await timed(timings, 'meetings', () => pooled(inputs(THROUGH_API), (input) => data(app, AS, CREATE_MEETING, { input })));
  await timed(timings, 'meetingsInSql', () => insertHeldMeetings(app, inputs(CELLS.filter((cell) => !THROUGH_API.includes(cell)))));
  return plannedOn;
}

/** domain.md §6: two inspections by the district covering 4 organisations and 5 members, both started in 2023. */
export const INSPECTIONS = [
  { origin: 'PROGRAMME', title: 'Kiểm tra chấp hành nguyên tắc, chế độ sinh hoạt đảng', periodFrom: '2023-01-01', periodTo: '2023-06-30', startedOn: '2023-04-10',
    subjects: ['PRINCIPLES_AND_REGIME', 'RECORDS_AND_MINUTES'], units: ['X01', 'X02-B01'], members: [['X03-B01', 0], ['X03-T1', 0], ['X04-B02', 1]] },
  { origin: 'AD_HOC', title: 'Kiểm tra chất lượng sinh hoạt chi bộ', periodFrom: '2023-07-01', periodTo: '2023-09-30', startedOn: '2023-08-15',
    subjects: ['MEETING_QUALITY'], units: ['X05-B03', 'HC-01'], members: [['X06-B01', 0], ['SN-1', 0]] },
] as const;

/** The member at a place in a cell's 2023 roster. */
export const rosterMember = (cellCode: string, index: number): string => rosterOf(CELLS.find((c) => c.code === cellCode) as PlannedCell)[index].card;

async function inspections(app: TestApp, root: string, ids: Pick<District, 'unit' | 'member'>): Promise<void> {
  for (const { units, members, startedOn, ...rest } of INSPECTIONS) {
    const { createInspection } = await data(app, AS, 'mutation($input: CreateInspectionInput!) { createInspection(input: $input) { id version } }', {
      input: { ...rest, inspectingUnitId: root, targetUnitIds: units.map(ids.unit), targetMemberIds: members.map(([cell, i]) => ids.member(rosterMember(cell, i))) },
    });
    await data(app, AS, 'mutation($input: InspectionStepInput!) { startInspection(input: $input) { id } }', {
      input: { inspectionId: createInspection.id, version: createInspection.version, on: startedOn },
    });
  }
}

/** An ANALYST at the root, created and granted through the API, registered so that app.run can act as it. */
async function analystAt(app: TestApp, root: string): Promise<AccountName> {
  const { createAccount } = await data(app, AS, 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', {
    input: { username: 'phongtho.analyst', password: 'district-report-2023', displayName: 'Phân tích số liệu huyện Phong Thổ', homeUnitId: root },
  });
  await data(app, AS, 'mutation($input: GrantRoleInput!) { grantRole(input: $input) { id } }', { input: { accountId: createAccount.id, role: 'ANALYST', unitId: root } });
  const name = 'analyst:phongtho' as AccountName;
  (app.fixture.accounts as Record<string, number>)[name] = dbIdOf(createAccount.id);
  return name;
}

export async function buildDistrict(app: TestApp): Promise<District> {
  const timings: Record<string, number> = {};
  const started = Date.now();
  const { rootId, root } = await treeAndMembers(app, timings);
  const ids = await idsByKey(app, rootId);
  await postsAndTargets(app, root, ids, timings);
  const plannedOn = await meetings(app, root, ids, timings);
  await inspections(app, root, ids);
  const analyst = await analystAt(app, root);
  await timed(timings, 'refresh', () => app.refreshStatistics());
  timings.total = (Date.now() - started) / 1000;
  return { rootId, root, ...ids, analyst, plannedOn, timings };
}
