import type { EntityClass } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../auth/permission';
import { scopeFilter, scopeOrOwn, scopeSql } from '../auth/scope-sql';
import type { Viewer } from '../auth/viewer';
import { Member } from '../entities/member';
import { MemberPosition } from '../entities/member-position';
import { OrgUnit } from '../entities/org-unit';
import { inSubtreeSql } from '../services/batched-page';
import { todayInVietnam } from '../services/calendar';
import { readRows } from '../services/row-reader';
import { PageLoaders } from './page-loaders';

/** Request-scoped loaders; every one applies the viewer's scope in SQL. */
export interface Loaders {
  /** Managed entities, for commands that go on to write. */
  readonly orgUnitById: DataLoader<number, OrgUnit | null>;
  readonly memberById: DataLoader<number, Member | null>;
  /** The same lookups read into read-only instances (src/services/row-reader.ts), for resolvers. */
  readonly orgUnitViewById: DataLoader<number, OrgUnit | null>;
  readonly memberViewById: DataLoader<number, Member | null>;
  readonly memberCountByPath: DataLoader<string, number>;
  readonly positionsByMember: DataLoader<number, MemberPosition[]>;
  readonly pages: PageLoaders;
  /** A named loader made on first use in this request: for per-parent lists that need no scope of their own. */
  keyed<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V>;
}

function byId<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** A value made on first use: most requests use two or three of a request's loaders. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createLoaders(em: EntityManager, viewer: Viewer): Loaders {
  const keyedLoaders = new Map<string, DataLoader<unknown, unknown>>();
  const made: { readonly [K in Exclude<keyof Loaders, 'keyed'>]: () => Loaders[K] } = {
    orgUnitById: once(() => new DataLoader(async (ids) =>
      byId(ids, await em.find(OrgUnit, { id: { $in: [...ids] }, ...scopeFilter(viewer.scope(Permission.TREE_READ), 'path') })),
    )),
    memberById: once(() => new DataLoader(async (ids) => {
      const found = await em.find(Member, { id: { $in: [...ids] }, ...memberReadFilter(viewer) });
      const missing = ids.filter((id) => !found.some((m) => m.id === id));
      return byId(ids, missing.length === 0 ? found : [...found, ...(await attachedInScope(em, viewer, missing))]);
    })),
    orgUnitViewById: once(() => new DataLoader(async (ids) => {
      const scope = scopeSql(viewer.scope(Permission.TREE_READ), 't.path');
      return byId(ids, await rowsById(em, OrgUnit, 'org_unit', ids, scope));
    })),
    memberViewById: once(() => new DataLoader(async (ids) => {
      const found = await rowsById(em, Member, 'member', ids, memberReadSql(viewer));
      const missing = ids.filter((id) => !found.some((m) => m.id === id));
      if (missing.length === 0) return byId(ids, found);
      const attached = await attachedIdsInScope(em, viewer, missing);
      return byId(ids, attached.length === 0 ? found : [...found, ...(await rowsById(em, Member, 'member', attached, { sql: 'true', params: [] }))]);
    })),
    memberCountByPath: once(() => new DataLoader(async (paths) => {
      const sql =
        // Current members only: those who left the party keep their last cell but are not counted.
        `select k.ord, (select count(*) from member m where ${inSubtreeSql('m.unit_path', 'k.path')} and m.status in ('PROBATIONARY', 'OFFICIAL'))::int as n ` +
        "from unnest(string_to_array(?, ',')::text[]) with ordinality as k(path, ord) order by k.ord";
      const rows = await em.getConnection().execute<{ n: number }[]>(sql, [paths.join(',')], 'all');
      return rows.map((r) => Number(r.n));
    })),
    positionsByMember: once(() => new DataLoader(async (memberIds) => {
      const rows = await em.find(
        MemberPosition,
        { member: { $in: [...memberIds] }, ...positionReadFilter(viewer) },
        { orderBy: { startedOn: 'asc', id: 'asc' } },
      );
      return memberIds.map((id) => rows.filter((p) => p.member.id === id));
    })),
    pages: once(() => new PageLoaders(em)),
  };
  return {
    get orgUnitById() {
      return made.orgUnitById();
    },
    get memberById() {
      return made.memberById();
    },
    get orgUnitViewById() {
      return made.orgUnitViewById();
    },
    get memberViewById() {
      return made.memberViewById();
    },
    get memberCountByPath() {
      return made.memberCountByPath();
    },
    get positionsByMember() {
      return made.positionsByMember();
    },
    get pages() {
      return made.pages();
    },
    keyed<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
      let loader = keyedLoaders.get(name) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(batch);
        keyedLoaders.set(name, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
  };
}

/** Rows of `table` (aliased `t`) by id within a scope, read into read-only instances in one statement. */
async function rowsById<T extends { id: number }>(
  em: EntityManager,
  entity: EntityClass<T>,
  table: string,
  ids: readonly number[],
  scope: { sql: string; params: unknown[] },
): Promise<T[]> {
  if (scope.sql === 'false') return [];
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select t.* from ${table} t where t.id = any(?::int[]) and ${scope.sql}`,
    [`{${ids.join(',')}}`, ...scope.params],
    'all',
    em.getTransactionContext(),
  );
  return readRows(em, entity, rows);
}

/**
 * Members temporarily attached today to a cell where the viewer reads members: that cell's rosters
 * name them (src/services/members/membership.ts). Looked up by id only; lists show official members.
 */
async function attachedIdsInScope(em: EntityManager, viewer: Viewer, ids: readonly number[]): Promise<number[]> {
  const scope = scopeSql(viewer.scope(Permission.MEMBERS_READ), 'ms.unit_path');
  if (scope.sql === 'false' || scope.sql === 'true') return [];
  const rows = await em.getConnection().execute<{ member_id: number }[]>(
    `select distinct ms.member_id from membership ms
      where ms.member_id in (${ids.map(() => '?').join(',')}) and ms.kind = 'TEMPORARY' and ${scope.sql}
        and ms.started_on <= ?::date and (ms.ended_on is null or ms.ended_on > ?::date)`,
    [...ids, ...scope.params, todayInVietnam(), todayInVietnam()],
    'all',
    em.getTransactionContext(),
  );
  return rows.map((r) => r.member_id);
}

async function attachedInScope(em: EntityManager, viewer: Viewer, ids: readonly number[]): Promise<Member[]> {
  const attached = await attachedIdsInScope(em, viewer, ids);
  return attached.length === 0 ? [] : em.find(Member, { id: { $in: attached } });
}

/** Members a viewer may read: MEMBERS_READ scope, plus the viewer's own record. */
export function memberReadFilter(viewer: Viewer): Record<string, unknown> {
  return scopeOrOwn(scopeFilter(viewer.scope(Permission.MEMBERS_READ), 'unitPath'), viewer.memberId === null ? null : { id: viewer.memberId });
}

/** Positions a viewer may read (in Member.positions and by node id): MEMBERS_READ over the position's unit. */
export function positionReadFilter(viewer: Viewer): Record<string, unknown> {
  return scopeFilter(viewer.scope(Permission.MEMBERS_READ), 'unitPath');
}

/**
 * The same rule for raw SQL over a member table aliased `t`; `unitPath` is the path expression to
 * test (an expression the path index cannot serve keeps the planner on a better index, see
 * membersOfUnit).
 */
export function memberReadSql(viewer: Viewer, unitPath = 't.unit_path'): { sql: string; params: unknown[] } {
  const scoped = scopeSql(viewer.scope(Permission.MEMBERS_READ), unitPath);
  if (viewer.memberId === null) return scoped;
  return { sql: `(${scoped.sql} or t.id = ?)`, params: [...scoped.params, viewer.memberId] };
}
