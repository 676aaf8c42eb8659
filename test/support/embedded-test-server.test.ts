import { embeddedTestServerSettings } from './embedded-test-server';

/** Two checkouts on one machine get embedded test servers of their own (issue #13). */
describe('embedded test server settings', () => {
  test('two checkouts get different ports and data directories, each stable', () => {
    const a = embeddedTestServerSettings({}, '/work/main');
    const b = embeddedTestServerSettings({}, '/work/ci-clone');
    expect(a).toEqual(embeddedTestServerSettings({}, '/work/main'));
    expect(a.port).not.toBe(b.port);
    expect(a.dataDir).not.toBe(b.dataDir);
    for (const { port } of [a, b]) {
      expect(port).toBeGreaterThanOrEqual(55000);
      expect(port).toBeLessThan(56000);
    }
  });

  test('the variables override the defaults, and a bad port is refused', () => {
    expect(embeddedTestServerSettings({ EMBEDDED_TEST_PG_PORT: '54444', EMBEDDED_TEST_DATA_DIR: '/tmp/pg-x' }, '/work/main')).toEqual({ port: 54444, dataDir: '/tmp/pg-x' });
    expect(() => embeddedTestServerSettings({ EMBEDDED_TEST_PG_PORT: 'abc' }, '/work/main')).toThrow('EMBEDDED_TEST_PG_PORT');
  });
});
