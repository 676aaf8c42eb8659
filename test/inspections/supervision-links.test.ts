import { AN, HUNG, createMeeting, memberGid, vietnamTime } from '../meetings/support';
import { accountGid, assign, supervisorAccount } from '../supervision/support';
import { createTestApp, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { startedInspection, unitGid } from './support';

/**
 * The two halves of issue #5 meet here: a supervisor's visit makes a cell covered in the
 * inspection coverage, and the weak cells of the supervision report show the inspections they had.
 * Commune Bình Lư has two cells: Nậm Cười (cell) and the school.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const COVERAGE = 'query($u: ID!) { inspectionCoverage(unitId: $u, year: 2026) { cellCount inspectedCellCount coveredCellCount coverageRate } }';
const REPORT = 'query($u: ID!) { supervisionReport(unitId: $u, year: 2026, quarter: 3) { weakCells { unit { name } inspections { count } } } }';

test('coverage counts a cell supervised by a visit matched to an assignment, beside the inspected ones', async () => {
  const before = ok<any>(await app.run('inspector:commune', COVERAGE, { u: unitGid(app, 'commune') })).inspectionCoverage;
  expect(before).toEqual({ cellCount: 2, inspectedCellCount: 0, coveredCellCount: 0, coverageRate: 0 });

  await supervisorAccount(app, 'exec');
  await assign(app, { account: 'exec', cell: 'school', startsOn: '2026-07-01', endsOn: '2026-09-30' });
  // A visit to the other cell by the same person is not supervision of it: no assignment there.
  const guest = { fullName: 'exec', position: 'Ủy viên', unitId: unitGid(app, 'commune'), accountId: accountGid(app, 'exec') };
  await createMeeting(app, 'organizer:commune', {
    unitId: unitGid(app, 'school'), heldAt: vietnamTime('2026-08-05'), offPlanReason: 'Họp bù', guests: [guest],
    attendance: [{ memberId: memberGid(app, 'Trần Thị Bình'), status: 'PRESENT' }],
  });
  const supervised = ok<any>(await app.run('inspector:commune', COVERAGE, { u: unitGid(app, 'commune') })).inspectionCoverage;
  expect(supervised).toEqual({ cellCount: 2, inspectedCellCount: 0, coveredCellCount: 1, coverageRate: 0.5 });

  await startedInspection(app);
  const both = ok<any>(await app.run('inspector:commune', COVERAGE, { u: unitGid(app, 'commune') })).inspectionCoverage;
  expect(both).toEqual({ cellCount: 2, inspectedCellCount: 1, coveredCellCount: 2, coverageRate: 1 });
});

test("a weak cell in the supervision report shows the inspections it had in the period, as a count", async () => {
  const flag = 'mutation($i: FlagWeakCellInput!) { flagWeakCell(input: $i) { reason } }';
  ok(await app.run('organizer:commune', flag, { i: { unitId: unitGid(app, 'cell'), year: 2026, quarter: 3, reason: 'Sinh hoạt không đều' } }));
  // The inspection above ran in March: not in the third quarter.
  const q3 = ok<any>(await app.run('organizer:commune', REPORT, { u: unitGid(app, 'commune') })).supervisionReport;
  expect(q3.weakCells).toEqual([{ unit: { name: 'Chi bộ bản Nậm Cười' }, inspections: { count: 0 } }]);
  await startedInspection(app, { periodFrom: '2026-08-01', periodTo: '2026-08-31', targetMemberIds: [memberGid(app, HUNG), memberGid(app, AN)] });
  const after = ok<any>(await app.run('organizer:commune', REPORT, { u: unitGid(app, 'commune') })).supervisionReport;
  expect(after.weakCells).toEqual([{ unit: { name: 'Chi bộ bản Nậm Cười' }, inspections: { count: 1 } }]);
});
