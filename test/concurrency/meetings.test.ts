import { toGlobalId } from '../../src/services/global-id';
import { heldMeeting } from '../evaluations/support';
import { AN, CANCEL_MEETING, HUNG, memberDbId, memberGid, UPDATE_MEETING, unitGid } from '../meetings/support';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectHeld, race } from './support';

/**
 * Meeting rules under concurrency (issue #16, decision 39):
 * no task assigned on a meeting already cancelled, finalised minutes change only by amendment, amendments chain
 * (each keeps the text it replaced), one thematic plan per cell and year. Each pair runs ROUNDS times.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;
const ASSIGN_TASK = 'mutation($input: AssignTaskInput!) { assignTask(input: $input) { id } }';
const FINALISE = 'mutation($id: ID!, $version: Int!) { finaliseMinutes(id: $id, version: $version) { id version minutesStatus } }';
const AMEND = 'mutation($input: AmendMinutesInput!) { amendMinutes(input: $input) { id version } }';
const SAVE_PLAN = 'mutation($input: SaveThematicPlanInput!) { saveThematicPlan(input: $input) { id version } }';

const one = async (query: string, params: unknown[]): Promise<number> => (await app.sql<{ n: number }>(query, params))[0].n;

/** A held meeting of the cell with its chair, minutes-taker and minutes: ready to be finalised. */
async function meetingWithMinutes(round: number, finalised: boolean): Promise<{ id: string; dbId: number }> {
  const meeting = await heldMeeting(app, { on: `2025-${String((round % 12) + 1).padStart(2, '0')}-${String(Math.floor(round / 12) + 10).padStart(2, '0')}`, present: [HUNG, AN] });
  await app.sql('update meeting set chair_id = ?, minutes_taker_id = ?, minutes = ?, minutes_status = ? where id = ?',
    [memberDbId(app, HUNG), memberDbId(app, AN), 'Biên bản gốc', finalised ? 'FINALISED' : 'DRAFT', meeting.dbId]);
  return meeting;
}

test('no task on a meeting already cancelled: a task assigned while the meeting is cancelled, never after the cancellation', async () => {
  const report = await race(
    app,
    () => heldMeeting(app, { on: '2026-11-20', status: 'PLANNED' }),
    (meeting) => [
      { as: AS, query: ASSIGN_TASK, variables: { input: { meetingId: meeting.id, ownerId: memberGid(app, AN), description: 'Chuẩn bị hội trường' } } },
      { as: AS, query: CANCEL_MEETING, variables: { id: meeting.id, version: 1, reason: 'Mưa lũ' } },
    ],
    async (meeting, outcomes) => {
      if (!(outcomes[0].ok && outcomes[1].ok)) return outcomes.every((o) => o.ok || o.field === 'input.meetingId');
      // Both succeeded: fine only in the order task, then cancellation (their audit entries' order).
      const [task] = await app.sql<{ id: number }>("select id from audit_entry where operation = 'assignTask' and after->>'meetingId' = ?", [String(meeting.dbId)]);
      const [cancel] = await app.sql<{ id: number }>("select id from audit_entry where operation = 'cancelMeeting' and target_id = ?", [String(meeting.dbId)]);
      return Number(task.id) < Number(cancel.id);
    },
  );
  // One after the other, a task assigned first does not stop the cancellation: both may succeed, in that order.
  expectHeld(report, ['BAD_USER_INPUT'], { bothMayWin: true });
});

test('finalised minutes change only by amendment: the minutes edited while they are finalised, one wins', async () => {
  const report = await race(
    app,
    (round) => meetingWithMinutes(round, false),
    (meeting) => [
      { as: AS, query: FINALISE, variables: { id: meeting.id, version: 1 } },
      { as: AS, query: UPDATE_MEETING, variables: { input: { id: meeting.id, version: 1, minutes: 'Biên bản sửa' } } },
    ],
    async (meeting, outcomes) => {
      const [row] = await app.sql<{ minutes_status: string; minutes: string }>('select minutes_status, minutes from meeting where id = ?', [meeting.dbId]);
      return outcomes.filter((o) => o.ok).length === 1 && (row.minutes_status === 'FINALISED') === outcomes[0].ok && (row.minutes === 'Biên bản sửa') === outcomes[1].ok;
    },
  );
  expectHeld(report);
});

test('amendments chain: two amendments of the same version at once, one wins and keeps the text it replaced', async () => {
  const report = await race(
    app,
    (round) => meetingWithMinutes(round + 50, true),
    (meeting) => {
      const amend = (text: string) => ({ input: { id: meeting.id, version: 1, field: 'MINUTES', text, reason: 'Ghi sai tên' } });
      return [
        { as: AS, query: AMEND, variables: amend('Bản sửa một') },
        { as: AS, query: AMEND, variables: amend('Bản sửa hai') },
      ];
    },
    async (meeting) => {
      const amendments = await app.sql<{ previous_text: string; new_text: string }>('select previous_text, new_text from minutes_amendment where meeting_id = ?', [meeting.dbId]);
      const [{ minutes }] = await app.sql<{ minutes: string }>('select minutes from meeting where id = ?', [meeting.dbId]);
      return amendments.length === 1 && amendments[0].previous_text === 'Biên bản gốc' && amendments[0].new_text === minutes;
    },
  );
  expectHeld(report);
});

test('one thematic plan per cell and year: two first saves at once, one CONFLICT (version)', async () => {
  const [{ id: topic }] = await app.sql<{ id: number }>("select id from thematic_topic where code = 'HO_CHI_MINH' and province_id is null");
  const report = await race(
    app,
    async (round) => 2000 + (round % 27),
    (year) => {
      const save = (title: string) => ({ input: { unitId: unitGid(app, 'school'), year, items: [{ quarter: 1, topicId: toGlobalId('ThematicTopic', topic), title }] } });
      return [
        { as: AS, query: SAVE_PLAN, variables: save('Học tập tấm gương') },
        { as: AS, query: SAVE_PLAN, variables: save('Làm theo tấm gương') },
      ];
    },
    async (year, outcomes) => {
      const plans = await one('select count(*)::int as n from thematic_plan where unit_id = ? and year = ?', [app.fixture.units.school.id, year]);
      const result = plans === 1 && outcomes.filter((o) => o.ok).length === 1 && outcomes.every((o) => o.ok || o.field === 'version');
      // Undone for the next round on the same year.
      await app.sql('delete from thematic_plan_item where plan_id in (select id from thematic_plan where unit_id = ? and year = ?)', [app.fixture.units.school.id, year]);
      await app.sql('delete from thematic_plan where unit_id = ? and year = ?', [app.fixture.units.school.id, year]);
      return result;
    },
  );
  expectHeld(report);
});
