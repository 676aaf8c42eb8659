import { createTestApp, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { DISCIPLINE, FINDING, INSPECTION_FIELDS, INSPECTOR, REMEDIATION, memberGid, startedInspection, unitGid } from './support';

/** A list of inspections with everything nested runs as many statements for 6 as for 2. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const LIST = `query { inspections(first: 50) { totalCount nodes { ${INSPECTION_FIELDS} inspectingUnit { name } } } }`;

async function addInspections(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const started = await startedInspection(app);
    ok(await app.run(INSPECTOR, FINDING, { input: { inspectionId: started.id, kind: 'STRENGTH', severity: 'MINOR', subject: 'RECORDS_AND_MINUTES', description: 'x' } }));
    ok(await app.run(INSPECTOR, REMEDIATION, { input: { inspectionId: started.id, responsibleUnitId: unitGid(app, 'cell'), description: 'x', deadline: '2026-05-01' } }));
    ok(await app.run(INSPECTOR, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Nguyễn Văn An'), kind: 'REPRIMAND', decidedOn: '2026-04-01', decisionRef: 'Q', reason: 'x' } }));
  }
}

async function statements(): Promise<number> {
  const { result, statements: n } = await app.countSql(() => app.run('inspector:province', LIST));
  ok(result);
  return n;
}

test('statements do not grow with the number of inspections', async () => {
  await addInspections(2);
  const two = await statements();
  await addInspections(4);
  const six = await statements();
  expect(six).toBe(two);
});
