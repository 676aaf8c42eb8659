// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): inspections
import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected, ok } from '../validation/support';
import { INSPECTION_TABLES, INSPECTOR, PUBLISH, planInspection, startedInspection, unitGid } from './support';

/** Subjects, node lookups, list filters, and publication only after the conclusions. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

test('the national subjects, from domain.md §6, in order', async () => {
  const subjects = ok(await app.run('member:cell', 'query($u: ID) { inspectionSubjects(unitId: $u) { code } }', { u: unitGid(app, 'cell') })).inspectionSubjects;
  expect(subjects.map((s: { code: string }) => s.code)).toEqual([
    'PRINCIPLES_AND_REGIME', 'MEETING_QUALITY', 'RECORDS_AND_MINUTES', 'CELL_RESOLUTIONS', 'MEMBER_NOTEBOOKS', 'SUPERVISORS_PERFORMANCE', 'RESOLUTION_IMPLEMENTATION',
  ]);
});

test('node(id) finds an inspection for its readers and answers NOT_FOUND to others', async () => {
  const planned = await planInspection(app);
  const NODE = 'query($id: ID!) { node(id: $id) { id ... on Inspection { title } } }';
  expect(ok(await app.run('inspector:province', NODE, { id: planned.id })).node).toEqual({ id: planned.id, title: planned.title });
  expect((await app.run('organizer:commune', NODE, { id: planned.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
});

test('filters: by state, by year and by a unit of the subtree', async () => {
  const started = await startedInspection(app);
  const LIST = 'query($f: InspectionFilterInput) { inspections(filter: $f, first: 50) { nodes { id } } }';
  const ids = async (f: Record<string, unknown>): Promise<string[]> => ok(await app.run(INSPECTOR, LIST, { f })).inspections.nodes.map((n: { id: string }) => n.id);
  expect(await ids({ states: ['IN_PROGRESS'] })).toContain(started.id);
  expect(await ids({ states: ['CLOSED'] })).not.toContain(started.id);
  expect(await ids({ year: 2025 })).not.toContain(started.id);
  expect(await ids({ unitId: unitGid(app, 'cell') })).toContain(started.id);
  expect(await ids({ unitId: unitGid(app, 'school') })).not.toContain(started.id);
});

test('conclusions are published only once concluded', async () => {
  const started = await startedInspection(app);
  await expectRejected(app, INSPECTOR, INSPECTION_TABLES, PUBLISH, { input: { inspectionId: started.id, version: started.version, on: '2026-04-01' } }, { code: 'CONFLICT', field: 'state' });
});
