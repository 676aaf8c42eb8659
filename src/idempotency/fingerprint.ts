import { createHash } from 'node:crypto';
import { print, type DocumentNode } from 'graphql';

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 of the operation as the server understood it: the printed document (so that white space
 * and comments do not count), the operation name and the variables in canonical JSON.
 */
export function operationFingerprint(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): Buffer {
  return createHash('sha256')
    .update(canonicalJson({ document: print(document), operationName: operationName ?? null, variables: variables ?? {} }))
    .digest();
}
