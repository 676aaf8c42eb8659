import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements per request (or per test block) without global state:
 * the ORM's query event runs inside the caller's async context.
 */
export interface SqlCount {
  statements: number;
}

const storage = new AsyncLocalStorage<SqlCount>();

export function countSql<T>(counter: SqlCount, fn: () => T): T {
  return storage.run(counter, fn);
}

export function recordSqlStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.statements += 1;
}
