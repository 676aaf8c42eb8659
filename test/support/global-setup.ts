import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startEmbeddedPostgres, urlOnServer, type PostgresServer } from '../../src/db/embedded-postgres';
import { embeddedTestServerSettings } from './embedded-test-server';
import { ADMIN_URL_ENV, adminQuery, TEMPLATE_ENV } from './test-database';

declare global {
  // eslint-disable-next-line no-var
  var __chiboTestServer: PostgresServer | undefined;
}

/**
 * Tests run on real PostgreSQL: the server of DATABASE_URL if set, else an embedded one.
 * The migrations run once into a template database, through `npm run migrate`'s script in a
 * child process (loading the ORM here would put its metadata in another realm than the tests');
 * each test file clones the template.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const { dataDir, port } = embeddedTestServerSettings();
    const server = await startEmbeddedPostgres(dataDir, port);
    globalThis.__chiboTestServer = server;
    adminUrl = server.adminUrl;
  }
  const template = `chibo_tpl_${process.pid}`;
  await adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
  await adminQuery(adminUrl, `create database ${template}`);
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/db/migrate-cli.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: urlOnServer(adminUrl, template), LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: 'inherit',
  });
  process.env[ADMIN_URL_ENV] = adminUrl;
  process.env[TEMPLATE_ENV] = template;
}
