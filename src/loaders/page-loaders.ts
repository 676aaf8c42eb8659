import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { countPerKey, pagesPerKey, type KeyType, type ListQuery, type RawPage } from '../services/batched-page';
import type { PageWindow } from '../services/pagination';

type Key = string | number;

/**
 * Batches nested connections: every `load` with the same list shape (query, filters, window)
 * made in one tick becomes one SQL statement over all the parent keys.
 */
export class PageLoaders {
  private readonly pages = new Map<string, DataLoader<Key, RawPage>>();
  private readonly counts = new Map<string, DataLoader<Key, number>>();

  constructor(private readonly em: EntityManager) {}

  page(shape: string, query: ListQuery, keyType: KeyType, window: PageWindow, key: Key): Promise<RawPage> {
    // Pages of one shape that select different columns, or also count, are separate statements; their counts are not.
    const id = `${shape}|${JSON.stringify(window)}|${query.columns ?? 't.*'}|${query.withTotal === true}`;
    let loader = this.pages.get(id);
    if (!loader) {
      loader = new DataLoader<Key, RawPage>((keys) => pagesPerKey(this.em, query, keyType, keys, window, query.withTotal === true));
      this.pages.set(id, loader);
    }
    return loader.load(key);
  }

  count(shape: string, query: ListQuery, keyType: KeyType, key: Key): Promise<number> {
    let loader = this.counts.get(shape);
    if (!loader) {
      loader = new DataLoader<Key, number>((keys) => countPerKey(this.em, query, keyType, keys));
      this.counts.set(shape, loader);
    }
    return loader.load(key);
  }
}
