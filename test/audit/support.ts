import { verifyAuditChains, type ChainVerification } from '../../src/services/audit-log/chain-verification';
import type { UnitName } from '../support/fixture';
import type { TestApp } from '../support/test-app';
import { gid } from '../validation/support';

/** Shared by the audit suites: small writes that each audit one entry, and raw chain access. */

export const CREATE_UNIT = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id version } }';
export const UPDATE_UNIT = 'mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { id version } }';
export const CREATE_MEMBER = 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id version } }';

export const unitGid = (app: TestApp, name: UnitName): string => gid('OrgUnit', app.fixture.units[name].id);

/** Input of a new cell under `parent`. */
export const cellInput = (app: TestApp, parent: UnitName, name: string): Record<string, unknown> => ({
  input: { parentId: unitGid(app, parent), kind: 'CELL', name, cellType: 'RESIDENTIAL' },
});

/** Input of a new member of `cell`, with personal data. */
export const memberInput = (app: TestApp, cell: UnitName, fullName: string, card: string | null = null): Record<string, unknown> => ({
  input: { unitId: unitGid(app, cell), fullName, gender: 'FEMALE', ethnicity: 'Thái', admissionDate: '2020-01-01', birthDate: '1990-02-03', partyCardNumber: card, phone: '0912345678' },
});

export interface ChainRow {
  id: string;
  chain_key: number;
  seq: string;
  previous_hash: Buffer | null;
  hash: Buffer;
}

/** The entries of a chain in order. */
export function chainRows(app: TestApp, chainKey: number): Promise<ChainRow[]> {
  return app.sql<ChainRow>('select id::text as id, chain_key, seq::text as seq, previous_hash, hash from audit_entry e where chain_key = ? order by e.seq', [chainKey]);
}

/**
 * Runs SQL as someone with database access would, past the append-only trigger (replica role
 * skips triggers; the tests connect as a superuser). No parameters: DO blocks take none.
 */
export async function tamper(app: TestApp, statements: string): Promise<void> {
  await app.sql(`do $tamper$ begin perform set_config('session_replication_role', 'replica', true); ${statements}; end $tamper$`);
}

export const verifyAll = (app: TestApp): Promise<ChainVerification> => verifyAuditChains(app.orm.em.fork(), 'ALL');
