import { createTestApp, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { CONCLUDE, DONE, FINDING, INSPECTOR, REMEDIATION, START, memberGid, planInspection, startedInspection, unitGid } from './support';

/**
 * Coverage on the fixture tree, where the answer is known: the commune Bình Lư has two cells
 * (Nậm Cười, the school), the province three (with Lả Mường of Phong Thổ).
 *   A: commune inspects the cell Nậm Cười, 2026, concluded: 2 findings, 4 remediation actions
 *      (on time, late, overdue, pending).
 *   B: commune plans an inspection of member Bình (school), 2026: planned only, covers nothing.
 *   C: province inspects Lả Mường in 2025.
 * Then D: commune starts an inspection of the school, 2026: the commune reaches 100%.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  const a = await startedInspection(app, { targetMemberIds: [] });
  for (const [kind, subject] of [['SHORTCOMING', 'RECORDS_AND_MINUTES'], ['STRENGTH', 'PRINCIPLES_AND_REGIME']]) {
    ok(await app.run(INSPECTOR, FINDING, { input: { inspectionId: a.id, kind, severity: 'MINOR', subject, description: 'x' } }));
  }
  const action = async (deadline: string) =>
    ok(await app.run(INSPECTOR, REMEDIATION, { input: { inspectionId: a.id, responsibleUnitId: unitGid(app, 'cell'), description: 'x', deadline } })).addRemediationAction;
  const onTime = await action('2026-05-01');
  ok(await app.run(INSPECTOR, DONE, { input: { actionId: onTime.id, version: onTime.version, on: '2026-04-20' } }));
  const late = await action('2026-04-01');
  ok(await app.run(INSPECTOR, DONE, { input: { actionId: late.id, version: late.version, on: '2026-04-10' } }));
  await action('2026-01-15');
  await action('2099-12-31');
  ok(await app.run(INSPECTOR, CONCLUDE, { input: { inspectionId: a.id, version: a.version, on: '2026-04-30', conclusions: 'x' } }));
  await planInspection(app, INSPECTOR, { targetUnitIds: [], targetMemberIds: [memberGid(app, 'Trần Thị Bình')] });
  const c = await planInspection(app, 'inspector:province', { inspectingUnitId: unitGid(app, 'province'), periodFrom: '2025-06-01', periodTo: '2025-06-30', targetUnitIds: [unitGid(app, 'otherCell')], targetMemberIds: [] });
  ok(await app.run('inspector:province', START, { input: { inspectionId: c.id, version: c.version, on: '2025-06-01' } }));
});
afterAll(() => app.close());

const COVERAGE = `query($u: ID!, $y: Int!) { inspectionCoverage(unitId: $u, year: $y) {
  year cellCount inspectedCellCount supervisedCellCount coveredCellCount inspectedRate coverageRate meetsRequirement
  inspectionsByState { key count } findingsByKind { key count } findingsBySubject { key count } remediation { onTime late overdue pending } } }`;

describe('inspectionCoverage', () => {
  test('the commune in 2026: one cell of two inspected, the planned one does not count', async () => {
    const coverage = ok(await app.run('analyst:commune', COVERAGE, { u: unitGid(app, 'commune'), y: 2026 })).inspectionCoverage;
    expect(coverage).toEqual({
      year: 2026,
      cellCount: 2,
      inspectedCellCount: 1,
      supervisedCellCount: 0,
      coveredCellCount: 1,
      inspectedRate: 0.5,
      coverageRate: 0.5,
      meetsRequirement: false,
      inspectionsByState: [{ key: 'CONCLUDED', count: 1 }, { key: 'PLANNED', count: 1 }],
      findingsByKind: [{ key: 'SHORTCOMING', count: 1 }, { key: 'STRENGTH', count: 1 }],
      findingsBySubject: [{ key: 'PRINCIPLES_AND_REGIME', count: 1 }, { key: 'RECORDS_AND_MINUTES', count: 1 }],
      remediation: { onTime: 1, late: 1, overdue: 1, pending: 1 },
    });
  });

  test('the province: 2026 counts the commune’s cell, 2025 the province’s own inspection of Lả Mường', async () => {
    const y2026 = ok(await app.run('inspector:province', COVERAGE, { u: unitGid(app, 'province'), y: 2026 })).inspectionCoverage;
    expect(y2026).toMatchObject({ cellCount: 3, inspectedCellCount: 1, coveredCellCount: 1 });
    const y2025 = ok(await app.run('inspector:province', COVERAGE, { u: unitGid(app, 'province'), y: 2025 })).inspectionCoverage;
    expect(y2025).toMatchObject({ cellCount: 3, inspectedCellCount: 1, inspectionsByState: [{ key: 'IN_PROGRESS', count: 1 }], findingsByKind: [], remediation: { onTime: 0, late: 0, overdue: 0, pending: 0 } });
    expect(y2025.coverageRate).toBeCloseTo(1 / 3);
  });

  test('inspecting the school as well brings the commune to 100%', async () => {
    await startedInspection(app, { targetUnitIds: [unitGid(app, 'school')], targetMemberIds: [] });
    const coverage = ok(await app.run('organizer:commune', COVERAGE, { u: unitGid(app, 'commune'), y: 2026 })).inspectionCoverage;
    expect(coverage).toMatchObject({ cellCount: 2, inspectedCellCount: 2, coveredCellCount: 2, coverageRate: 1, meetsRequirement: true });
  });

  test('members see no counts (FORBIDDEN); units out of scope are NOT_FOUND; a bad year BAD_USER_INPUT', async () => {
    expect((await app.run('member:cell', COVERAGE, { u: unitGid(app, 'cell'), y: 2026 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.run('analyst:commune', COVERAGE, { u: unitGid(app, 'otherCommune'), y: 2026 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await app.run('analyst:commune', COVERAGE, { u: unitGid(app, 'commune'), y: 1990 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('overdueRemediation', () => {
  const OVERDUE = 'query($u: ID!) { overdueRemediation(unitId: $u) { totalCount nodes { deadline status overdue responsibleUnit { name } } } }';

  test('the inspecting body lists the action open past its deadline', async () => {
    const list = ok(await app.run(INSPECTOR, OVERDUE, { u: unitGid(app, 'commune') })).overdueRemediation;
    expect(list).toEqual({ totalCount: 1, nodes: [{ deadline: '2026-01-15', status: 'OPEN', overdue: true, responsibleUnit: { name: 'Chi bộ bản Nậm Cười' } }] });
  });

  test('the inspected cell’s inspector sees none; an organizer is FORBIDDEN', async () => {
    expect(ok(await app.run('inspector:cell', OVERDUE, { u: unitGid(app, 'cell') })).overdueRemediation.totalCount).toBe(0);
    expect((await app.run('organizer:commune', OVERDUE, { u: unitGid(app, 'commune') })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
