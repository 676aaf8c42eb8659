import { toGlobalId } from '../../src/services/global-id';
import type { AccountName, UnitName } from '../support/fixture';
import type { TestApp } from '../support/test-app';
import { addAccount, data, type Actor } from '../meetings/support';

/** Shared by the supervision suites: assignment helpers and dates relative to Vietnam's today. */
export const SUPERVISION_TABLES = ['supervisory_assignment', 'supervision_rules', 'weak_cell_flag'] as const;

export const ASSIGNMENT_FIELDS = 'id assigneeKind startsOn endsOn requiredAttendances per decisionRef version active assigneeName unit { name } committee { name }';
export const ASSIGN = `mutation($i: AssignSupervisorInput!) { assignSupervisor(input: $i) { ${ASSIGNMENT_FIELDS} } }`;
export const END = `mutation($i: EndSupervisoryAssignmentInput!) { endSupervisoryAssignment(input: $i) { ${ASSIGNMENT_FIELDS} } }`;

export interface AssignmentView {
  id: string;
  version: number;
  requiredAttendances: number;
  per: string;
  active: boolean;
  endsOn: string;
  [key: string]: unknown;
}

export const accountGid = (app: TestApp, name: string): string => toGlobalId('Account', (app.fixture.accounts as Record<string, number>)[name]);
export const unitOf = (app: TestApp, name: UnitName): string => toGlobalId('OrgUnit', app.fixture.units[name].id);

/** A person account homed at a unit with no granted role: a committee member or board staff to assign. */
export async function supervisorAccount(app: TestApp, name: string, at: UnitName = 'commune', member?: string): Promise<AccountName> {
  return addAccount(app, name, { at, member });
}

/** Assigns (as organizer:commune unless told), failing the test on any error. */
export async function assign(
  app: TestApp,
  input: { account: string; cell: UnitName; kind?: string; startsOn: string; endsOn: string; requiredAttendances?: number; per?: string; committee?: UnitName },
  as: Actor = 'organizer:commune',
): Promise<AssignmentView> {
  const i: Record<string, unknown> = {
    committeeId: unitOf(app, input.committee ?? 'commune'), unitId: unitOf(app, input.cell), accountId: accountGid(app, input.account),
    assigneeKind: input.kind ?? 'EXECUTIVE_COMMITTEE', startsOn: input.startsOn, endsOn: input.endsOn,
  };
  if (input.requiredAttendances !== undefined) i.requiredAttendances = input.requiredAttendances;
  if (input.per !== undefined) i.per = input.per;
  return (await data<{ assignSupervisor: AssignmentView }>(app, as, ASSIGN, { i })).assignSupervisor;
}

/** YYYY-MM-DD plus whole days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
