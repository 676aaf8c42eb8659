import type { EntityClass } from '@mikro-orm/core';
import type { RequestContext } from '../request-context';
import type { KeyType, ListQuery } from './batched-page';
import { pageWindow, type Page, type PageArgs } from './pagination';
import { readRows } from './row-reader';

export interface PageRequest {
  /** Identifies the list's shape (name, filter, order): loads of one shape in a tick share a statement. */
  readonly shape: string;
  readonly query: ListQuery;
  readonly keyType: KeyType;
  /** The parent key; top-level lists use one placeholder key the query does not reference. */
  readonly key: string | number;
}

/** One page of a list through the request's batching loaders, read into entities. */
export async function loadPage<T extends object>(ctx: RequestContext, entity: EntityClass<T>, request: PageRequest, args: PageArgs): Promise<Page<T>> {
  const window = pageWindow(args);
  const { shape, query, keyType, key } = request;
  const raw = await ctx.loaders.pages.page(shape, query, keyType, window, key);
  return {
    nodes: readRows(ctx.em, entity, raw.rows),
    offset: raw.offset,
    hasNextPage: raw.hasNextPage,
    hasPreviousPage: raw.offset > 0,
    totalCount: raw.total === null ? () => ctx.loaders.pages.count(shape, query, keyType, key) : async () => raw.total as number,
  };
}
