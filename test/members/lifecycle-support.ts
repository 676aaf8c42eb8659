import type { AccountName, UnitName } from '../support/fixture';
import type { TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';

/** Shared by the lifecycle suites (and the meetings suites that move members): operations and helpers. */

/** What a rejected lifecycle write must leave alone (expectRejected adds audit_entry). */
export const LIFECYCLE_TABLES = ['member', 'member_event', 'membership', 'member_exemption', 'member_transfer', 'member_position'] as const;

export const TRANSFER_FIELDS = `id kind state sentOn sentDecisionRef temporaryTo receivedOn receivedDecisionRef cancelledOn cancelReason version
  memberName fromUnitName toUnitName member { fullName } fromUnit { name } toUnit { name }`;
export const MEMBER_FIELDS = 'id status version officialDate admissionDate exempt probationEndsOn unit { name }';

export const SEND = `mutation($input: SendMemberTransferInput!) { sendMemberTransfer(input: $input) { ${TRANSFER_FIELDS} } }`;
export const RECEIVE = `mutation($input: ReceiveMemberTransferInput!) { receiveMemberTransfer(input: $input) { ${TRANSFER_FIELDS} } }`;
export const CANCEL = `mutation($input: CancelMemberTransferInput!) { cancelMemberTransfer(input: $input) { ${TRANSFER_FIELDS} } }`;
export const TRANSFERS = `query($filter: MemberTransferFilterInput) { memberTransfers(filter: $filter, first: 50) { totalCount nodes { ${TRANSFER_FIELDS} } } }`;

/** A lifecycle mutation on a member: `mutation($input: XInput!) { x(input: $input) { …member } }`. */
export const lifecycle = (field: string, inputType: string): string => `mutation($input: ${inputType}!) { ${field}(input: $input) { ${MEMBER_FIELDS} } }`;

export const RECOGNIZE = lifecycle('recognizeOfficialMember', 'RecognizeOfficialMemberInput');
export const EXTEND = lifecycle('extendProbation', 'ExtendProbationInput');
export const END_PROBATION = lifecycle('endProbationWithRemoval', 'EndProbationWithRemovalInput');
export const EXEMPT = lifecycle('exemptMember', 'ExemptMemberInput');
export const END_EXEMPTION = lifecycle('endExemption', 'EndExemptionInput');
export const END_TEMPORARY = lifecycle('endTemporaryMembership', 'EndTemporaryMembershipInput');
export const REMOVE = lifecycle('removeMember', 'RemoveMemberInput');
export const EXPEL = lifecycle('expelMember', 'ExpelMemberInput');
export const DEATH = lifecycle('recordMemberDeath', 'RecordMemberDeathInput');

export const TIMELINE = `query($id: ID!) { member(id: $id) { status unit { name } timeline { kind occurredOn decisionRef reason exceptionReason probationEndsOn
  exemptFrom exemptTo removalKind transferKind unit { name } author { displayName } transfer { state } } memberships { kind startedOn endedOn unit { name } } } }`;

export const memberId = (app: TestApp, fullName: string): string => gid('Member', app.fixture.members[fullName].id);
export const unitId = (app: TestApp, name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);

/** The member's current version, read from the database (any caller may have moved it on). */
export async function versionOf(app: TestApp, fullName: string): Promise<number> {
  const [row] = await app.sql<{ version: number }>('select version from member where id = ?', [app.fixture.members[fullName].id]);
  return row.version;
}

/** Sends and receives an official transfer as one caller (who must write at both ends). */
export async function transferMember(app: TestApp, as: AccountName, fullName: string, to: UnitName, sentOn: string, receivedOn: string): Promise<void> {
  const sent = ok(await app.run(as, SEND, {
    input: { memberId: memberId(app, fullName), version: await versionOf(app, fullName), toUnitId: unitId(app, to), kind: 'OFFICIAL', occurredOn: sentOn, decisionRef: `GT-${sentOn}` },
  })).sendMemberTransfer;
  ok(await app.run(as, RECEIVE, { input: { transferId: sent.id, version: sent.version, occurredOn: receivedOn } }));
}

let created = 0;

/** A new member of a fixture cell, created through createMember as the national administrator. */
export async function newMember(app: TestApp, cell: UnitName, changes: Record<string, unknown> = {}): Promise<{ id: string; version: number; fullName: string }> {
  created += 1;
  const fullName = `Đảng Viên Thử ${process.pid}-${created}`;
  const input = { unitId: unitId(app, cell), fullName, gender: 'MALE', ethnicity: 'Kinh', admissionDate: '2020-01-06', officialDate: '2021-01-06', ...changes };
  const member = ok(await app.run('admin:national', 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id version fullName } }', { input })).createMember;
  (app.fixture.members as Record<string, { id: number; fullName: string; unit: UnitName }>)[fullName] = { id: Number(Buffer.from(member.id, 'base64url').toString().split(':')[1]), fullName, unit: cell };
  return member;
}

/** A new commune committee with one cell under the province, registered in the fixture under the given names. */
export async function addCommuneWithCell(app: TestApp, commune: string, cell: string): Promise<void> {
  const create = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id name } }';
  const units = app.fixture.units as Record<string, { id: number; path: string; name: string }>;
  const register = async (name: string, parent: string, input: Record<string, unknown>): Promise<void> => {
    const unit = ok(await app.run('admin:national', create, { input: { parentId: gid('OrgUnit', units[parent].id), ...input } })).createOrgUnit;
    const id = Number(Buffer.from(unit.id, 'base64url').toString().split(':')[1]);
    const [row] = await app.sql<{ path: string }>('select path from org_unit where id = ?', [id]);
    units[name] = { id, path: row.path, name: unit.name };
  };
  await register(commune, 'province', { kind: 'COMMUNE_COMMITTEE', name: `Đảng bộ xã ${commune}` });
  await register(cell, commune, { kind: 'CELL', name: `Chi bộ ${cell}`, cellType: 'RESIDENTIAL' });
}
