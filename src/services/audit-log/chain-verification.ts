import type { EntityManager } from '@mikro-orm/postgresql';

/** Why a chain does not verify. */
export enum ChainBreakReason {
  /** The entry's content no longer gives its stored hash: the entry was changed. */
  HASH_MISMATCH = 'HASH_MISMATCH',
  /** The entry does not link to the hash of the entry before it: an entry was removed, inserted or replaced. */
  LINK_MISMATCH = 'LINK_MISMATCH',
  /** Positions are not consecutive: an entry is missing. */
  SEQUENCE_GAP = 'SEQUENCE_GAP',
  /** The chain's recorded head is not its last entry: entries were cut off the end, or the head was changed. */
  HEAD_MISMATCH = 'HEAD_MISMATCH',
}

export interface ChainBreak {
  readonly chainKey: number;
  /** The first entry that does not verify; null when the chain ends before its recorded head. */
  readonly entryId: string | null;
  readonly seq: number | null;
  readonly reason: ChainBreakReason;
  /** Hex SHA-256 the chain requires at this point, and the one found there. */
  readonly expectedHash: string | null;
  readonly foundHash: string | null;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly chainsChecked: number;
  readonly entriesChecked: number;
  readonly firstBreak: ChainBreak | null;
}

interface EntryRow {
  id: string;
  seq: string;
  previous_hash: Buffer | null;
  hash: Buffer;
  expected: Buffer;
}

interface HeadRow {
  seq: string;
  head_hash: Buffer | null;
}

/** Rows read per statement: memory stays flat however long the chain. */
export const VERIFY_BATCH_SIZE = 2000;

const hex = (value: Buffer | null): string | null => (value === null ? null : value.toString('hex'));
const same = (a: Buffer | null, b: Buffer | null): boolean => (a === null || b === null ? a === b : a.equals(b));

/** Every chain that has a head or an entry (a loose index scan: one probe per chain, not per entry). */
async function allChainKeys(em: EntityManager): Promise<number[]> {
  const rows = await em.getConnection().execute<{ chain_key: number }[]>(
    `with recursive k as (
       (select chain_key from audit_entry order by chain_key limit 1)
       union all
       select (select e.chain_key from audit_entry e where e.chain_key > k.chain_key order by e.chain_key limit 1) from k where k.chain_key is not null
     )
     select chain_key from k where chain_key is not null
     union select chain_key from audit_chain
     order by 1`,
    [],
    'all',
  );
  return rows.map((r) => r.chain_key);
}

/** Where the walk of one chain stands. */
interface Walk {
  seq: number;
  hash: Buffer | null;
  checked: number;
}

/** Checks one entry against the walk so far; the SQL recomputed its content hash as `expected`. */
function checkEntry(chainKey: number, walk: Walk, row: EntryRow): ChainBreak | null {
  const at = { chainKey, entryId: row.id, seq: Number(row.seq) };
  if (!row.expected.equals(row.hash)) return { ...at, reason: ChainBreakReason.HASH_MISMATCH, expectedHash: hex(row.expected), foundHash: hex(row.hash) };
  if (!same(row.previous_hash, walk.hash)) return { ...at, reason: ChainBreakReason.LINK_MISMATCH, expectedHash: hex(walk.hash), foundHash: hex(row.previous_hash) };
  if (Number(row.seq) !== walk.seq + 1) return { ...at, reason: ChainBreakReason.SEQUENCE_GAP, expectedHash: hex(walk.hash), foundHash: hex(row.previous_hash) };
  return null;
}

/** Reads the entries after `walk.seq` in batches, checking each; stops at the first break. */
async function walkEntries(em: EntityManager, chainKey: number, walk: Walk, batchSize: number): Promise<ChainBreak | null> {
  for (;;) {
    const rows = await em.getConnection().execute<EntryRow[]>(
      `select e.id::text as id, e.seq::text as seq, e.previous_hash, e.hash, audit_entry_hash(e) as expected
         from audit_entry e where e.chain_key = ? and e.seq > ? order by e.seq limit ?`,
      [chainKey, walk.seq, batchSize],
      'all',
    );
    for (const row of rows) {
      walk.checked += 1;
      const broken = checkEntry(chainKey, walk, row);
      if (broken) return broken;
      walk.seq = Number(row.seq);
      walk.hash = row.hash;
    }
    if (rows.length < batchSize) return null;
  }
}

/**
 * Walks one chain from its first entry: each entry's content must give its hash, link to the hash
 * before it, and follow it in sequence; the chain must end at its recorded head. Entries committed
 * while the walk runs are walked too (the head is read after the entries, and moves only forward).
 */
async function verifyChain(em: EntityManager, chainKey: number, batchSize: number): Promise<{ checked: number; broken: ChainBreak | null }> {
  const walk: Walk = { seq: 0, hash: null, checked: 0 };
  for (let pass = 1; ; pass += 1) {
    const from = walk.seq;
    const broken = await walkEntries(em, chainKey, walk, batchSize);
    if (broken) return { checked: walk.checked, broken };
    const [head] = await em.getConnection().execute<HeadRow[]>('select seq::text as seq, head_hash from audit_chain where chain_key = ?', [chainKey], 'all');
    const headSeq = head ? Number(head.seq) : 0;
    const headHash = head?.head_hash ?? null;
    if (headSeq === walk.seq && same(headHash, walk.hash)) return { checked: walk.checked, broken: null };
    // Entries committed during a pass moved the head on: walk them, as long as a pass finds some.
    if (headSeq > walk.seq && (pass === 1 || walk.seq > from)) continue;
    return {
      checked: walk.checked,
      broken: { chainKey, entryId: null, seq: headSeq, reason: ChainBreakReason.HEAD_MISMATCH, expectedHash: hex(headHash), foundHash: hex(walk.hash) },
    };
  }
}

/**
 * Verifies the given chains (province ids, 0 for national entries), or every chain, and reports the
 * first break. Reads in batches of `batchSize` rows, so that millions of entries fit in flat memory.
 */
export async function verifyAuditChains(em: EntityManager, chains: readonly number[] | 'ALL', batchSize = VERIFY_BATCH_SIZE): Promise<ChainVerification> {
  const keys = chains === 'ALL' ? await allChainKeys(em) : chains;
  let entriesChecked = 0;
  let chainsChecked = 0;
  for (const key of keys) {
    const { checked, broken } = await verifyChain(em, key, batchSize);
    entriesChecked += checked;
    chainsChecked += 1;
    if (broken) return { ok: false, chainsChecked, entriesChecked, firstBreak: broken };
  }
  return { ok: true, chainsChecked, entriesChecked, firstBreak: null };
}
