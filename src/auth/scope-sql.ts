import type { ScopePaths } from './can';

/**
 * The scope predicate for raw SQL: `column LIKE prefix%` for every scope path.
 * Paths hold only digits and slashes, so no LIKE escaping is needed; they are still bound as parameters.
 */
export function scopeSql(scope: ScopePaths, column: string): { sql: string; params: string[] } {
  if (scope === 'ALL') return { sql: 'true', params: [] };
  if (scope.length === 0) return { sql: 'false', params: [] };
  return {
    sql: `(${scope.map(() => `${column} like ?`).join(' or ')})`,
    params: scope.map((p) => `${p}%`),
  };
}

/** The same predicate as a MikroORM filter on a path property. */
export function scopeFilter<K extends string>(scope: ScopePaths, property: K): Record<string, unknown> {
  if (scope === 'ALL') return {};
  if (scope.length === 0) return { [property]: { $in: [] } };
  if (scope.length === 1) return { [property]: { $like: `${scope[0]}%` } };
  return { $or: scope.map((p) => ({ [property]: { $like: `${p}%` } })) };
}

/**
 * Rows in scope, or the viewer's own (a condition on the own row; null when the viewer has none).
 * An empty scope filter means national scope: everything, own rows included.
 */
export function scopeOrOwn(scoped: Record<string, unknown>, own: Record<string, unknown> | null): Record<string, unknown> {
  if (own === null || Object.keys(scoped).length === 0) return scoped;
  return { $or: [scoped, own] };
}
