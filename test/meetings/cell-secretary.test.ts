import { rowCount } from '../support/permission-cases';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { addAccount, addPosition, AN, createMeeting, data, HUNG, MAI, memberGid, unitGid, vietnamTime } from './support';

/**
 * The derived cell secretary (issue #3: "who may write: the cell's secretary and organizers at or
 * above the cell"): CELL_SECRETARY is never granted; an account holds it while its member is
 * SECRETARY or DEPUTY_SECRETARY of a cell (member_position with no end date), for that cell only.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const CREATE = 'mutation($u: ID!, $at: DateTimeISO!) { createMeeting(input: { unitId: $u, kind: EXTRAORDINARY, format: IN_PERSON, scheduledAt: $at }) { id version status } }';
const UPDATE = 'mutation($id: ID!, $v: Int!) { updateMeeting(input: { id: $id, version: $v, place: "Nhà văn hóa bản" }) { id version place } }';
const at = vietnamTime('2026-12-10');
const code = (result: Awaited<ReturnType<TestApp['run']>>): unknown => onlyError(result).code;

describe('a secretary whose account holds only MEMBER at the cell', () => {
  let secretary: Parameters<TestApp['run']>[0];
  let positionId: number;
  beforeAll(async () => {
    secretary = await addAccount(app, 'secretary:cell', { member: HUNG, role: 'MEMBER', at: 'cell' });
  });

  test('without the position: a member, who reads but may not write', async () => {
    expect(code(await app.run(secretary, CREATE, { u: unitGid(app, 'cell'), at }))).toBe('FORBIDDEN');
    expect((await data(app, secretary, '{ meetings(first: 5) { totalCount } }')).meetings.totalCount).toBe(0);
  });

  test('as SECRETARY of the cell: plans, records and finalises its meetings, assigns tasks, makes the plan', async () => {
    positionId = await addPosition(app, HUNG, 'cell', 'SECRETARY');
    const created = (await data(app, secretary, CREATE, { u: unitGid(app, 'cell'), at })).createMeeting;
    expect(created.status).toBe('PLANNED');
    expect((await data(app, secretary, UPDATE, { id: created.id, v: created.version })).updateMeeting.place).toBe('Nhà văn hóa bản');

    const held = await createMeeting(app, secretary, {
      heldAt: vietnamTime('2026-11-03'), chairId: memberGid(app, HUNG), minutesTakerId: memberGid(app, AN), minutes: 'Biên bản',
      attendance: [{ memberId: memberGid(app, HUNG), status: 'PRESENT' }, { memberId: memberGid(app, MAI), status: 'PRESENT' }, { memberId: memberGid(app, AN), status: 'PRESENT' }],
    });
    const finalised = (await data(app, secretary, 'mutation($id: ID!, $v: Int!) { finaliseMinutes(id: $id, version: $v) { minutesStatus } }', { id: held.id, v: held.version })).finaliseMinutes;
    expect(finalised.minutesStatus).toBe('FINALISED');
    const task = (await data(app, secretary, 'mutation($m: ID!, $o: ID!) { assignTask(input: { meetingId: $m, ownerId: $o, description: "Thu đảng phí" }) { owner { fullName } } }',
      { m: held.id, o: memberGid(app, MAI) })).assignTask;
    expect(task.owner.fullName).toBe(MAI);
    const [topic] = await app.sql<{ id: number }>("select id from thematic_topic where code = 'NEW_RURAL'");
    const plan = (await data(app, secretary, 'mutation($u: ID!, $t: ID!) { saveThematicPlan(input: { unitId: $u, year: 2027, items: [{ quarter: 1, topicId: $t, title: "Bản văn hóa" }] }) { status } }',
      { u: unitGid(app, 'cell'), t: Buffer.from(`ThematicTopic:${topic.id}`).toString('base64url') })).saveThematicPlan;
    expect(plan.status).toBe('DRAFT');
    // Audited as the secretary's account.
    const audited = await app.sql<{ operation: string }>('select operation from audit_entry where account_id = ? order by id', [app.fixture.accounts['secretary:cell' as never]]);
    expect(audited.map((a) => a.operation)).toEqual(['createMeeting', 'updateMeeting', 'createMeeting', 'finaliseMinutes', 'assignTask', 'saveThematicPlan']);
  });

  test('but not for another cell (the school is not even visible), nor the commune’s meetings, nor the rules', async () => {
    expect(code(await app.run(secretary, CREATE, { u: unitGid(app, 'school'), at }))).toBe('NOT_FOUND');
    const schoolMeeting = await createMeeting(app, 'organizer:commune', { unitId: unitGid(app, 'school'), kind: 'EXTRAORDINARY', scheduledAt: at });
    expect(code(await app.run(secretary, UPDATE, { id: schoolMeeting.id, v: schoolMeeting.version }))).toBe('NOT_FOUND');
    const partyCommittee = 'mutation($u: ID!, $at: DateTimeISO!) { createMeeting(input: { unitId: $u, kind: PARTY_COMMITTEE, format: IN_PERSON, scheduledAt: $at }) { id } }';
    expect(code(await app.run(secretary, partyCommittee, { u: unitGid(app, 'commune'), at }))).toBe('NOT_FOUND');
    const rules = 'mutation($p: ID!) { updateMeetingRules(input: { provinceId: $p, version: 1, regularDay: 3, windowFirstDay: 1, windowLastDay: 7, thematicPerQuarter: 1, attendanceThreshold: 0.85 }) { version } }';
    expect(code(await app.run(secretary, rules, { p: unitGid(app, 'province') }))).toBe('FORBIDDEN');
  });

  test('once the position has an end date the account writes no more, and still reads as a member', async () => {
    const mine = (await data(app, secretary, CREATE, { u: unitGid(app, 'cell'), at })).createMeeting;
    await app.sql('update member_position set ended_on = ? where id = ?', ['2026-11-20', positionId]);
    const before = await rowCount(app.sql, 'meeting');
    expect(code(await app.run(secretary, CREATE, { u: unitGid(app, 'cell'), at }))).toBe('FORBIDDEN');
    expect(code(await app.run(secretary, UPDATE, { id: mine.id, v: mine.version }))).toBe('FORBIDDEN');
    expect(await rowCount(app.sql, 'meeting')).toBe(before);
    expect((await data(app, secretary, 'query($id: ID!) { meeting(id: $id) { id } }', { id: mine.id })).meeting).toEqual({ id: mine.id });
  });
});

describe('other positions and accounts', () => {
  test('a deputy secretary writes too, even with an account that holds no role at all', async () => {
    await addPosition(app, AN, 'cell', 'DEPUTY_SECRETARY');
    const deputy = await addAccount(app, 'deputy:cell', { member: AN });
    expect((await data(app, deputy, CREATE, { u: unitGid(app, 'cell'), at })).createMeeting.status).toBe('PLANNED');
    expect(code(await app.run(deputy, CREATE, { u: unitGid(app, 'school'), at }))).toBe('NOT_FOUND');
  });

  test('a committee member of the cell, or a secretary position held at a commune, gives no write', async () => {
    await addPosition(app, MAI, 'cell', 'COMMITTEE_MEMBER');
    const committee = await addAccount(app, 'committee:cell', { member: MAI, role: 'MEMBER', at: 'cell' });
    expect(code(await app.run(committee, CREATE, { u: unitGid(app, 'cell'), at }))).toBe('FORBIDDEN');

    await addPosition(app, 'Trần Thị Bình', 'commune', 'SECRETARY');
    const communeSecretary = await addAccount(app, 'secretary:commune', { member: 'Trần Thị Bình', role: 'MEMBER', at: 'school' });
    expect(code(await app.run(communeSecretary, CREATE, { u: unitGid(app, 'school'), at }))).toBe('FORBIDDEN');
  });
});
