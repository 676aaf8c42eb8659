import { toGlobalId, type NodeType } from '../../src/services/global-id';
import type { AccountName, Fixture, UnitName } from './fixture';
import type { GqlResult } from './test-app';

/**
 * Helpers for the table-driven permission specs in test/permissions: every actor × operation ×
 * target cell is written out in a table, then each cell becomes its own test.
 */
export type Actor = AccountName | 'anonymous';

/** Every caller of the matrices, in table order. */
export const ACTORS: readonly Actor[] = [
  'admin:national',
  'admin:province',
  'admin:commune',
  'admin:cell',
  'organizer:province',
  'organizer:commune',
  'organizer:cell',
  'inspector:province',
  'inspector:commune',
  'inspector:cell',
  'analyst:province',
  'analyst:commune',
  'analyst:cell',
  'service:province',
  'member:cell',
  'norole',
  'anonymous',
];

/** `allowed`: data and no error; `null`: null data and no error; otherwise the one error's code. */
export type Outcome = 'allowed' | 'null' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED';

/** A global id, as the API hands them out. */
export const gid = (type: NodeType, id: number | string): string => toGlobalId(type, id);

/** An id of a row that does not exist. */
export const MISSING_DB_ID = 999999;

export const unitGid = (fixture: Fixture, unit: UnitName): string => gid('OrgUnit', fixture.units[unit].id);
export const memberGid = (fixture: Fixture, fullName: string): string => gid('Member', fixture.members[fullName].id);

/**
 * Flattens a table `{ actor: [outcome per column] }` into test.each rows, after checking that the
 * table names every actor exactly once and every row has one outcome per column, so that no cell is
 * left out by accident.
 */
export function cells<C extends string>(columns: readonly C[], table: Readonly<Record<Actor, readonly Outcome[]>>): Array<[Actor, C, Outcome]> {
  const actors = Object.keys(table);
  const unknown = actors.filter((a) => !ACTORS.includes(a as Actor));
  const absent = ACTORS.filter((a) => !actors.includes(a));
  if (unknown.length || absent.length) throw new Error(`Permission table: unknown actors ${unknown.join(', ')}; missing ${absent.join(', ')}`);
  const rows: Array<[Actor, C, Outcome]> = [];
  for (const actor of ACTORS) {
    const outcomes = table[actor];
    if (outcomes.length !== columns.length) throw new Error(`Permission table: ${actor} has ${outcomes.length} cells for ${columns.length} columns`);
    columns.forEach((column, i) => rows.push([actor, column, outcomes[i]]));
  }
  return rows;
}

/** One outcome per actor (a table with a single column). */
export function perActor(table: Readonly<Record<Actor, Outcome>>): Array<[Actor, Outcome]> {
  return cells(['-'], Object.fromEntries(Object.entries(table).map(([a, o]) => [a, [o]])) as Record<Actor, Outcome[]>).map(([a, , o]) => [a, o]);
}

/** Asserts the outcome of a root field: its data for `allowed`, or exactly one error with the code. */
export function expectOutcome(result: GqlResult, field: string, expected: Outcome): void {
  const value = result.data?.[field];
  if (expected === 'allowed' || expected === 'null') {
    if (result.errors) throw new Error(`Expected ${expected}, got errors ${JSON.stringify(result.errors)}`);
    if (expected === 'allowed') expect(value).not.toBeNull();
    else expect(value).toBeNull();
    return;
  }
  const codes = (result.errors ?? []).map((e) => e.extensions?.code);
  expect({ codes, value: value ?? null }).toEqual({ codes: [expected], value: null });
}

/** `allowed`, or the codes of the result's errors joined: a table cell's outcome, for assertions by value. */
export const outcomeOf = (result: GqlResult): string => result.errors?.map((e) => String(e.extensions?.code)).join(',') ?? 'allowed';

/** The code and message of a one-error result, with its path: what must match between out-of-scope and missing. */
export function errorShape(result: GqlResult): { message: string; path: unknown; extensions: unknown; data: unknown } {
  if (!result.errors || result.errors.length !== 1) throw new Error(`Expected one error, got ${JSON.stringify(result.errors ?? null)}`);
  const [error] = result.errors;
  return { message: error.message, path: error.path, extensions: error.extensions, data: result.data ?? null };
}

type Sql = <T = Record<string, unknown>>(query: string, params?: unknown[]) => Promise<T[]>;

/** Rows in a table, to prove a denied mutation left it alone. */
export async function rowCount(sql: Sql, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params);
  return row.n;
}

let seq = 0;
/** A fresh account homed at a fixture unit (null: national), written straight into the database. */
export async function insertAccount(sql: Sql, fixture: Fixture, kind: 'PERSON' | 'SERVICE', home: UnitName | null): Promise<number> {
  seq += 1;
  const unit = home ? fixture.units[home] : null;
  const [{ id }] = await sql<{ id: number }>(
    'insert into account (kind, username, display_name, home_unit_id, home_unit_path) values (?,?,?,?,?) returning id',
    [kind, kind === 'PERSON' ? `extra-${process.pid}-${seq}` : null, `extra ${kind} ${seq}`, unit?.id ?? null, unit?.path ?? null],
  );
  return id;
}

/** A live role assignment at a fixture unit (null: national). */
export async function insertAssignment(sql: Sql, fixture: Fixture, accountId: number, role: string, at: UnitName | null): Promise<number> {
  const unit = at ? fixture.units[at] : null;
  const provinceId = unit ? Number(unit.path.split('/')[1]) : null;
  const [{ id }] = await sql<{ id: number }>(
    'insert into role_assignment (account_id, role, unit_id, unit_path, province_id) values (?,?,?,?,?) returning id',
    [accountId, role, unit?.id ?? null, unit?.path ?? null, provinceId],
  );
  return id;
}

/** A live API key of an account (its secret is never used by these tests). */
export async function insertApiKey(sql: Sql, accountId: number): Promise<number> {
  seq += 1;
  const prefix = `t${String(seq).padStart(11, '0')}`;
  const [{ id }] = await sql<{ id: number }>('insert into api_key (account_id, prefix, secret_hash, label) values (?,?,?,?) returning id', [
    accountId,
    prefix,
    'f'.repeat(64),
    `test key ${seq}`,
  ]);
  return id;
}

/** A province's regulations (meeting rules, criteria sets, grading rules): read by anyone working in the province. */
// prettier-ignore
export const PROVINCE_REGULATIONS_READ: Record<Actor, Outcome[]> = {
  //                      province     otherProvince
  'admin:national':     ['allowed',   'allowed'],
  'admin:province':     ['allowed',   'NOT_FOUND'],
  'admin:commune':      ['allowed',   'NOT_FOUND'],
  'admin:cell':         ['allowed',   'NOT_FOUND'],
  'organizer:province': ['allowed',   'NOT_FOUND'],
  'organizer:commune':  ['allowed',   'NOT_FOUND'],
  'organizer:cell':     ['allowed',   'NOT_FOUND'],
  'inspector:province': ['allowed',   'NOT_FOUND'],
  'inspector:commune':  ['allowed',   'NOT_FOUND'],
  'inspector:cell':     ['allowed',   'NOT_FOUND'],
  'analyst:province':   ['allowed',   'NOT_FOUND'],
  'analyst:commune':    ['allowed',   'NOT_FOUND'],
  'analyst:cell':       ['allowed',   'NOT_FOUND'],
  'service:province':   ['allowed',   'NOT_FOUND'],
  'member:cell':        ['allowed',   'NOT_FOUND'],
  'norole':             ['NOT_FOUND', 'NOT_FOUND'],
  'anonymous':          ['UNAUTHENTICATED', 'UNAUTHENTICATED'],
};
