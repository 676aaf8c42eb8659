import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, TEST_ENV, type TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { CREATE_UNIT, cellInput, tamper } from './support';

/** `npm run audit:verify`: one JSON line, exit 0 when every chain verifies, 1 at a break (for cron and CI). */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  for (const name of ['Chi bộ bản Dòng Lệnh 1', 'Chi bộ bản Dòng Lệnh 2', 'Chi bộ bản Dòng Lệnh 3']) ok(await app.run('admin:province', CREATE_UNIT, cellInput(app, 'commune', name)));
});
afterAll(() => app.close());

interface CliRun {
  code: number;
  output: { ok: boolean; entriesChecked: number; firstBreak: { entryId: string; reason: string } | null };
}

async function verifyCli(...args: string[]): Promise<CliRun> {
  const root = path.resolve(__dirname, '../..');
  const run = promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/db/audit-verify-cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...TEST_ENV, DATABASE_URL: app.databaseUrl },
  });
  try {
    const { stdout } = await run;
    return { code: 0, output: JSON.parse(stdout) };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, output: JSON.parse(failed.stdout) };
  }
}

test('exit 0 on an untouched log; exit 1 naming the changed entry once one was edited with SQL', async () => {
  expect(await verifyCli()).toEqual({ code: 0, output: { ok: true, chainsChecked: 1, entriesChecked: 3, firstBreak: null } });
  const [second] = await app.sql<{ id: string }>("select id::text as id from audit_entry where seq = 2");
  await tamper(app, `update audit_entry set operation = 'deleteOrgUnit' where id = ${second.id}`);
  const broken = await verifyCli('--province', String(app.fixture.units.province.id));
  expect(broken.code).toBe(1);
  expect(broken.output.firstBreak).toMatchObject({ entryId: second.id, reason: 'HASH_MISMATCH' });
});
