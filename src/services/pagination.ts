import { badInput } from '../errors/app-error';

/** Relay-style page arguments, validated here so every list behaves the same. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A window into an ordered list; `fromEnd` windows need the total count to place them. */
export type PageWindow =
  | { readonly kind: 'forward'; readonly offset: number; readonly limit: number }
  | { readonly kind: 'backward'; readonly before: number | null; readonly limit: number };

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, field: string): number {
  const raw = /^[A-Za-z0-9_-]{1,32}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^o:(0|[1-9][0-9]{0,8})$/.exec(raw);
  if (!match) throw badInput(field, 'is not a valid cursor');
  return Number(match[1]);
}

function checkSize(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0) throw badInput(field, 'must be a non-negative integer');
  if (value > MAX_PAGE_SIZE) throw badInput(field, `must be at most ${MAX_PAGE_SIZE}`);
  return value;
}

export function pageWindow(args: PageArgs): PageWindow {
  const hasFirst = args.first !== undefined && args.first !== null;
  const hasLast = args.last !== undefined && args.last !== null;
  if (hasFirst && hasLast) throw badInput('last', 'cannot be combined with first');
  // A page is walked in one direction: both cursors would silently drop one bound.
  if (args.after !== undefined && args.after !== null && args.before !== undefined && args.before !== null) {
    throw badInput('before', 'cannot be combined with after');
  }
  if (hasFirst && args.before !== undefined && args.before !== null) throw badInput('before', 'pages forward with first take after, not before');
  if (hasLast && args.after !== undefined && args.after !== null) throw badInput('after', 'pages backward with last take before, not after');
  if (hasLast || (args.before !== undefined && args.before !== null && !hasFirst)) {
    const limit = hasLast ? checkSize(args.last as number, 'last') : DEFAULT_PAGE_SIZE;
    // An empty cursor is malformed, not absent: only null/undefined mean "no cursor".
    const before = args.before !== undefined && args.before !== null ? decodeCursor(args.before, 'before') : null;
    return { kind: 'backward', before, limit };
  }
  const limit = hasFirst ? checkSize(args.first as number, 'first') : DEFAULT_PAGE_SIZE;
  const offset = args.after !== undefined && args.after !== null ? decodeCursor(args.after, 'after') + 1 : 0;
  return { kind: 'forward', offset, limit };
}

/** Turns a backward window into an offset once the total is known. */
export function resolveWindow(window: PageWindow, total: number): { offset: number; limit: number } {
  if (window.kind === 'forward') return { offset: window.offset, limit: window.limit };
  const end = window.before === null ? total : Math.min(window.before, total);
  const offset = Math.max(0, end - window.limit);
  return { offset, limit: end - offset };
}

/** A page of rows with what the connection type needs to build edges and pageInfo. */
export interface Page<T> {
  readonly nodes: readonly T[];
  readonly offset: number;
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  totalCount(): Promise<number>;
}
