import { argon2id, hash } from 'argon2';
import type { Client } from 'pg';
import { createAccount } from '../lib/accounts';
import { benchProvinceCode, communeCode, generateFoundation, type FoundationGeneration, type FoundationSizes } from './foundation';

/**
 * The writes dataset (issue #16 item 2): the foundation generator at another size, one commune of
 * four cells of 2,000 members each (with their onboarding history and memberships), and a
 * provincial administrator who may restructure the tree and import members. Cell 1 is merged into
 * cell 2, cell 3 is split, cell 4 receives the imported members.
 */
export const writesSizes: FoundationSizes = { communes: 1, cellsPerCommune: 4, membersPerCell: 2000 };

export const benchAdmin = { username: 'bench.admin', password: 'bench-password' } as const;

/** org_unit.code of cell k (1-based) of the one commune. */
export const writesCellCode = (k: number): string => `${communeCode(writesSizes, 1)}-${String(k).padStart(2, '0')}`;

export async function generateWrites(client: Client): Promise<FoundationGeneration> {
  const generation = await generateFoundation(client, writesSizes);
  const passwordHash = await hash(benchAdmin.password, { type: argon2id });
  await createAccount(client, { username: benchAdmin.username, displayName: 'Bench Admin', role: 'ADMIN', unit: { kind: 'PROVINCE', code: benchProvinceCode } }, passwordHash);
  return generation;
}
