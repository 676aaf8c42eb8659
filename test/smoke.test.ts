// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): the server end to end
import { createTestApp, type TestApp } from './support/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

test('organizer at a commune lists its cells', async () => {
  const result = await app.run('organizer:commune', '{ orgUnits(filter: { kinds: [CELL] }) { totalCount nodes { name } } }');
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ orgUnits: { totalCount: 2, nodes: [{ name: 'Chi bộ bản Nậm Cười' }, { name: 'Chi bộ Trường Tiểu học Bình Lư' }] } });
});
