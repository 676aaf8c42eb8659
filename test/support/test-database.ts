import { Client } from 'pg';
import { urlOnServer } from '../../src/db/embedded-postgres';

/** Set by global-setup for every test worker. */
export const ADMIN_URL_ENV = 'CHIBO_TEST_ADMIN_URL';
export const TEMPLATE_ENV = 'CHIBO_TEST_TEMPLATE';

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated template: one per test file, never shared. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  const template = process.env[TEMPLATE_ENV];
  if (!adminUrl || !template) throw new Error('Test database not prepared: run tests through jest (global-setup)');
  const name = `${template}_f_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(adminUrl, `create database ${name} template ${template}`);
  return {
    url: urlOnServer(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
