import { toGlobalId } from '../../src/services/global-id';
import type { UnitName } from '../support/fixture';
import type { GqlResult, TestApp } from '../support/test-app';
import { ok } from '../validation/support';

/**
 * Shared by the restructuring suites (issue #6, "units change, history stays"): the mutation
 * documents, the tables a rejected operation must leave alone, and small readers of the database.
 */

/** Every table a restructuring writes (expectRejected adds audit_entry). */
export const RESTRUCTURING_TABLES = [
  'org_unit',
  'org_unit_version',
  'unit_succession',
  'member',
  'member_event',
  'membership',
  'member_position',
  'member_transfer',
  'role_assignment',
  'account',
  'meeting',
  'meeting_attendance',
] as const;

export const UNIT_FIELDS = 'id name kind status version dissolvedOn foundedOn parent { name } successor { name }';
export const RENAME = `mutation($i: RenameOrgUnitInput!) { renameOrgUnit(input: $i) { ${UNIT_FIELDS} } }`;
export const MOVE = `mutation($i: MoveOrgUnitInput!) { moveOrgUnit(input: $i) { ${UNIT_FIELDS} } }`;
export const MERGE = `mutation($i: MergeOrgUnitsInput!) { mergeOrgUnits(input: $i) { ${UNIT_FIELDS} } }`;
export const SPLIT = `mutation($i: SplitOrgUnitInput!) { splitOrgUnit(input: $i) { ${UNIT_FIELDS} } }`;
export const DISSOLVE = `mutation($i: DissolveOrgUnitInput!) { dissolveOrgUnit(input: $i) { ${UNIT_FIELDS} } }`;

export const AS_OF = `query($id: ID!, $d: LocalDate!) { orgUnitAsOf(id: $id, asOf: $d) {
  id name status kind validFrom validTo change counts { cells members } children { name status counts { cells members } } } }`;
export const HISTORY = `query($id: ID!) { orgUnit(id: $id) { name status dissolvedOn successor { name }
  successors { kind occurredOn decisionRef predecessor { name } successor { name } }
  predecessors { kind occurredOn decisionRef predecessor { name } successor { name } }
  history { name status validFrom validTo change decisionRef } } }`;

export const unitGid = (app: TestApp, name: UnitName | string): string => toGlobalId('OrgUnit', unitOf(app, name).id);
export const memberGid = (app: TestApp, fullName: string): string => toGlobalId('Member', app.fixture.members[fullName].id);

/** A fixture unit, or one a test registered with `registerUnit`. */
export function unitOf(app: TestApp, name: UnitName | string): { id: number; path: string; name: string } {
  const unit = (app.fixture.units as Record<string, { id: number; path: string; name: string }>)[name];
  if (!unit) throw new Error(`No unit ${name}`);
  return unit;
}

/** Registers a unit returned by the API under a name, with its path read from the database. */
export async function registerUnit(app: TestApp, name: string, globalId: string): Promise<{ id: number; path: string; name: string }> {
  const id = Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
  const [row] = await app.sql<{ path: string; name: string }>('select path, name from org_unit where id = ?', [id]);
  const unit = { id, path: row.path, name: row.name };
  (app.fixture.units as Record<string, { id: number; path: string; name: string }>)[name] = unit;
  return unit;
}

/** The current path of a unit (moves change it). */
export async function pathOf(app: TestApp, name: UnitName | string): Promise<string> {
  const [row] = await app.sql<{ path: string }>('select path from org_unit where id = ?', [unitOf(app, name).id]);
  return row.path;
}

/** The unit's current version, read from the database. */
export async function unitVersion(app: TestApp, name: UnitName | string): Promise<number> {
  const [row] = await app.sql<{ version: number }>('select version from org_unit where id = ?', [unitOf(app, name).id]);
  return row.version;
}

/** `{ id, version }` of a unit as the operations take it. */
export async function ref(app: TestApp, name: UnitName | string): Promise<{ id: string; version: number }> {
  return { id: unitGid(app, name), version: await unitVersion(app, name) };
}

/** Audit entries after `sinceId`: operation and target, oldest first. */
export async function auditOps(app: TestApp, sinceId: number): Promise<Array<[string, string, number]>> {
  const rows = await app.sql<{ operation: string; target_type: string; target_id: string }>('select operation, target_type, target_id from audit_entry where id > ? order by id', [sinceId]);
  return rows.map((r) => [r.operation, r.target_type, Number(r.target_id)]);
}

export function data<T = Record<string, any>>(result: GqlResult): T {
  return ok<T>(result);
}
