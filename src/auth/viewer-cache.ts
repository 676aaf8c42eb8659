import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../request-context';
import type { Viewer } from './viewer';

interface Entry {
  readonly viewer: Viewer;
  readonly expiresAt: number;
}

/** Entries kept at most: one per live credential; the oldest goes first beyond this. */
const MAX_ENTRIES = 10_000;

/**
 * Callers (account, grants, derived roles) by credential for a few seconds, so that a request
 * costs no statement of its own to know who is asking: on the member-by-id read that was half of
 * its SQL and a third of its CPU (docs/performance.md). A credential's key carries what makes it
 * valid (the access token's generation, the API key's hash), and writes that change accounts,
 * grants, positions or supervision clear the cache of their process (decisions.md §41).
 */
export class ViewerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = MAX_ENTRIES,
  ) {}

  get(key: string): Viewer | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > Date.now()) return entry.viewer;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, viewer: Viewer): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { viewer, expiresAt: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * One cache per database in the process, shared by every ORM on it (a test's own ORM and its HTTP
 * server's): tests run several databases, with the same account ids, in one process.
 */
const caches = new Map<string, ViewerCache>();

function databaseOf(em: EntityManager): string {
  return em.config.get('clientUrl') ?? '';
}

export function viewerCacheOf(em: EntityManager, ttlMs: number): ViewerCache {
  const key = `${ttlMs}|${databaseOf(em)}`;
  let cache = caches.get(key);
  if (cache === undefined) {
    cache = new ViewerCache(ttlMs);
    caches.set(key, cache);
  }
  return cache;
}

/** Forgets every cached caller of this database in this process: after a write to who may do what. */
export function forgetViewers(em: EntityManager): void {
  const database = databaseOf(em);
  for (const [key, cache] of caches) if (key.slice(key.indexOf('|') + 1) === database) cache.clear();
}

/**
 * After a request that wrote (every write is audited), the callers cached in this process are
 * forgotten: once its transaction has committed, so no concurrent request can cache the state
 * before it. Coarse on purpose: writes are rare beside reads, and a grant, a position (cell
 * secretary), a supervisory assignment or an account's state may each change who may do what.
 */
export function viewerCachePlugin<C extends RequestContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx }) {
          if (ctx.auditEntries.length > 0) forgetViewers(ctx.em);
        },
      };
    },
  };
}
