import type { Client } from 'pg';
import { globalId, pick } from '../lib/graphql';
import type { SoakWrites, Suite } from '../lib/suite';
import { firstCommune, foundationSuite } from './foundation';

/** How many of commune #1's members the writes rotate over. */
const writtenMembers = 50;

const updatePhone = 'mutation W($input: UpdateMemberInput!) { updateMember(input: $input) { id version phone } }';

/**
 * Real writes the bench organizer may make in its commune: updateMember of a member's phone, with
 * the optimistic version. Only the soak writes these members, one write at a time, so the version
 * each answer carries is the one the next write of that member needs; every answer is checked
 * (the phone written, the version moved on by one).
 */
async function phoneUpdates(client: Client): Promise<SoakWrites> {
  const commune = await firstCommune(client);
  const members = await client.query<{ id: number; version: number }>(
    `select id, version from member where unit_path like $1 || '%' and status in ('PROBATIONARY', 'OFFICIAL') order by id limit $2`,
    [commune.path, writtenMembers],
  );
  if (members.rows.length === 0) throw new Error('commune #1 has no members to write');
  const versions = new Map(members.rows.map((row) => [globalId('Member', row.id), row.version]));
  const ids = [...versions.keys()];
  let n = 0;
  let pending: { id: string; version: number; phone: string } | null = null;
  return {
    description: `updateMember (phone, with version) rotating over ${ids.length} members of commune #1`,
    next() {
      const id = ids[n % ids.length] as string;
      // A fresh valid number each time (9 to 15 digits), so every write changes the row.
      const phone = `09${String(n % 100_000_000).padStart(8, '0')}`;
      n += 1;
      pending = { id, version: versions.get(id) as number, phone };
      return { query: updatePhone, variables: { input: { id, version: pending.version, phone } } };
    },
    check(data) {
      if (pending === null) return 'no write pending';
      const { id, version, phone } = pending;
      pending = null;
      if (pick(data, 'updateMember', 'id') !== id) return `updateMember answered another id: ${JSON.stringify(data)}`;
      if (pick(data, 'updateMember', 'phone') !== phone) return `the phone was not written: ${JSON.stringify(data)}`;
      const next = pick(data, 'updateMember', 'version');
      if (next !== version + 1) return `version ${String(next)} after ${version}`;
      versions.set(id, next);
      return null;
    },
  };
}

/**
 * The memory soak (issue #14, item 5; bench/lib/soak.ts): the foundation data, reads and
 * account; BENCH_SOAK_SECONDS of the foundation reads plus phone updates against the
 * production server with permissions on.
 */
export const soakSuite: Suite = {
  ...foundationSuite,
  name: 'soak',
  soak: { writes: phoneUpdates },
};
