import { ADMIN_URL_ENV, adminQuery, TEMPLATE_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (adminUrl && template) {
    await adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
    // Databases of this run's files that did not drop themselves (a crashed file).
    const { Client } = await import('pg');
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${template}_f_%`]);
    await client.end();
    for (const row of rows) await adminQuery(adminUrl, `drop database if exists ${row.datname} with (force)`);
  }
  await globalThis.__chiboTestServer?.stop();
}
