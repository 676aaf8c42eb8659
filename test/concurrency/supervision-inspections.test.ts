import { CLOSE, concludedInspection, DONE, INSPECTOR, REMEDIATION, unitGid } from '../inspections/support';
import { ASSIGN, accountGid, unitOf } from '../supervision/support';
import { createTestApp, type TestApp } from '../support/test-app';
import { dbId, ok } from '../validation/support';
import { expectHeld, race } from './support';

/**
 * Supervision and inspection rules under concurrency (issue #16, decision 39): assignments of one
 * person to one cell never overlap, one weak-cell flag per cell and period, an inspection closes
 * without a waiver only when every remediation action is verified, a remediation step is taken
 * once. Each racing pair runs ROUNDS times.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const one = async (query: string, params: unknown[]): Promise<number> => (await app.sql<{ n: number }>(query, params))[0].n;

test('assignments of one person to one cell never overlap: two overlapping assignments at once, one CONFLICT (input.startsOn)', async () => {
  const account = app.fixture.accounts['analyst:commune'];
  const report = await race(
    app,
    () => app.sql('delete from supervisory_assignment where account_id = ?', [account]),
    () => {
      const assign = (startsOn: string, endsOn: string) => ({
        i: { committeeId: unitOf(app, 'commune'), unitId: unitOf(app, 'cell'), accountId: accountGid(app, 'analyst:commune'), assigneeKind: 'EXECUTIVE_COMMITTEE', startsOn, endsOn },
      });
      return [
        { as: 'organizer:commune', query: ASSIGN, variables: assign('2026-01-01', '2026-06-30') },
        { as: 'organizer:commune', query: ASSIGN, variables: assign('2026-03-01', '2026-12-31') },
      ];
    },
    async (_, outcomes) => (await one('select count(*)::int as n from supervisory_assignment where account_id = ?', [account])) === 1 && outcomes.every((o) => o.ok || o.field === 'input.startsOn'),
  );
  expectHeld(report);
});

test('one weak-cell flag per cell and period: two flags at once, one CONFLICT (input.quarter)', async () => {
  const cell = app.fixture.units.school.id;
  const FLAG = 'mutation($i: FlagWeakCellInput!) { flagWeakCell(input: $i) { year quarter } }';
  const report = await race(
    app,
    () => app.sql('delete from weak_cell_flag where unit_id = ?', [cell]),
    () => {
      const flag = (reason: string) => ({ i: { unitId: unitGid(app, 'school'), year: 2026, quarter: 3, reason } });
      return [
        { as: 'organizer:commune', query: FLAG, variables: flag('Sinh hoạt không đều') },
        { as: 'organizer:province', query: FLAG, variables: flag('Nội bộ mất đoàn kết') },
      ];
    },
    async (_, outcomes) => (await one('select count(*)::int as n from weak_cell_flag where unit_id = ?', [cell])) === 1 && outcomes.every((o) => o.ok || o.field === 'input.quarter'),
  );
  expectHeld(report);
});

test('closing without a waiver while a remediation action is added: a closed inspection without waiver has every action verified', async () => {
  const report = await race(
    app,
    () => concludedInspection(app),
    (inspection) => [
      { as: INSPECTOR, query: CLOSE, variables: { input: { inspectionId: inspection.id, version: inspection.version, on: '2026-06-10' } } },
      { as: INSPECTOR, query: REMEDIATION, variables: { input: { inspectionId: inspection.id, responsibleUnitId: unitGid(app, 'cell'), description: 'Sửa sổ sách', deadline: '2026-06-01' } } },
    ],
    async (inspection, outcomes) => {
      const id = dbId(inspection.id);
      const [row] = await app.sql<{ state: string; close_waiver_reason: string | null }>('select state, close_waiver_reason from inspection where id = ?', [id]);
      const unverified = await one("select count(*)::int as n from remediation_action where inspection_id = ? and status <> 'VERIFIED'", [id]);
      const closedClean = row.state === 'CLOSED' && row.close_waiver_reason === null;
      // One after the other either order fails the second: added first, the close needs a waiver; closed first, nothing is added.
      return outcomes.filter((o) => o.ok).length === 1 && (!closedClean || unverified === 0) && outcomes.every((o) => o.ok || ['waiverReason', 'input.inspectionId'].includes(String(o.field)));
    },
  );
  expectHeld(report, ['CONFLICT', 'BAD_USER_INPUT']);
});

test('a remediation step is taken once: two reports of one action done at once, one CONFLICT', async () => {
  const inspection = await concludedInspection(app);
  const report = await race(
    app,
    async () => ok(await app.run(INSPECTOR, REMEDIATION, { input: { inspectionId: inspection.id, responsibleUnitId: unitGid(app, 'cell'), description: 'Hoàn thiện biên bản', deadline: '2026-07-01' } })).addRemediationAction as { id: string; version: number },
    (action) => {
      const done = (note: string) => ({ input: { actionId: action.id, version: action.version, on: '2026-06-01', note } });
      return [
        { as: INSPECTOR, query: DONE, variables: done('Đã sửa') },
        { as: INSPECTOR, query: DONE, variables: done('Đã hoàn thiện') },
      ];
    },
    async (action) => {
      const steps = await one("select count(*)::int as n from audit_entry where operation = 'reportRemediationDone' and after->>'actionId' = ?", [String(dbId(action.id))]);
      return steps === 1;
    },
  );
  expectHeld(report);
});
