import { toGlobalId, type NodeType } from '../../src/services/global-id';
import type { AccountName } from '../support/fixture';
import { onlyError, type GqlResult, type TestApp } from '../support/test-app';

/** Shared by the validation, tree and member suites: global ids, database snapshots, rejected mutations. */
export const gid = (type: NodeType, id: number | string): string => toGlobalId(type, id);

/** The database id inside a global id. */
export const dbId = (globalId: string): number => Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);

/** base64url of an arbitrary text: for ids that decode to something that is not a known type. */
export const rawId = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** Every row of each table (and always audit_entry), ordered by the first column, for before/after comparison. */
export async function snapshot(app: TestApp, tables: readonly string[]): Promise<Record<string, unknown[]>> {
  const state: Record<string, unknown[]> = {};
  for (const table of new Set([...tables, 'audit_entry'])) {
    state[table] = await app.sql(`select * from ${table} order by 1`);
  }
  return state;
}

export interface Rejection {
  readonly code: string;
  /** `extensions.field`; leave out for errors that name no field (NOT_FOUND, UNAUTHENTICATED). */
  readonly field?: string;
}

/**
 * Runs an operation that must fail with exactly one error of `expected` code and field,
 * and checks that none of `tables` (nor audit_entry) changed.
 */
export async function expectRejected(
  app: TestApp,
  as: AccountName | 'anonymous',
  tables: readonly string[],
  query: string,
  variables: Record<string, unknown>,
  expected: Rejection,
): Promise<GqlResult> {
  const before = await snapshot(app, tables);
  const result = await app.run(as, query, variables);
  const error = onlyError(result);
  expect({ code: error.code, field: error.field }).toEqual({ code: expected.code, field: expected.field });
  expect(await snapshot(app, tables)).toEqual(before);
  return result;
}

/** The data of a result that must have no errors. */
export function ok<T = Record<string, any>>(result: GqlResult): T {
  if (result.errors) throw new Error(`Unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** Audit rows written after `sinceId` (exclusive), oldest first. */
export function auditSince(app: TestApp, sinceId: number): Promise<Record<string, any>[]> {
  return app.sql('select * from audit_entry where id > ? order by id', [sinceId]);
}

export async function lastAuditId(app: TestApp): Promise<number> {
  const [row] = await app.sql<{ id: string | null }>('select max(id)::text as id from audit_entry');
  return Number(row.id ?? 0);
}
