import type { Actor } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import type { TestApp } from '../support/test-app';
import { ok } from '../validation/support';
import { unitId } from './lifecycle-support';

/** Shared by the position suites: operations and a helper that assigns a post. */

/** What a rejected position write must leave alone (expectRejected adds audit_entry). */
export const POSITION_TABLES = ['member_position', 'member'] as const;

export const POSITION_FIELDS = 'id position startedOn endedOn decisionRef endDecisionRef version unit { name } member { fullName }';
export const ASSIGN = `mutation($input: AssignPositionInput!) { assignPosition(input: $input) { ${POSITION_FIELDS} } }`;
export const END = `mutation($input: EndPositionInput!) { endPosition(input: $input) { ${POSITION_FIELDS} } }`;

export interface PositionView {
  id: string;
  position: string;
  startedOn: string;
  endedOn: string | null;
  decisionRef: string | null;
  endDecisionRef: string | null;
  version: number;
  unit: { name: string } | null;
  member: { fullName: string } | null;
}

/** The input of assignPosition of a member (global id) to a post at a fixture unit, with changes. */
export const assignInput = (app: TestApp, memberId: string, at: UnitName, position: string, changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  input: { memberId, unitId: unitId(app, at), position, startedOn: '2025-07-01', decisionRef: '15-QĐ/ĐU', ...changes },
});

/** Assigns the post and returns it; fails the test on any error. */
export async function assign(app: TestApp, as: Actor, memberId: string, at: UnitName, position: string, changes: Record<string, unknown> = {}): Promise<PositionView> {
  return ok<{ assignPosition: PositionView }>(await app.run(as, ASSIGN, assignInput(app, memberId, at, position, changes))).assignPosition;
}

/** Ends the post and returns it; fails the test on any error. */
export async function end(app: TestApp, as: Actor, position: PositionView, endedOn: string, decisionRef = '30-QĐ/ĐU'): Promise<PositionView> {
  return ok<{ endPosition: PositionView }>(await app.run(as, END, { input: { positionId: position.id, version: position.version, endedOn, decisionRef } })).endPosition;
}
