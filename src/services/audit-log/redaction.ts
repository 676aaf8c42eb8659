import { Permission } from '../../auth/permission';
import type { AuditEntry } from '../../entities/audit-entry';
import type { RequestContext } from '../../request-context';

/**
 * Personal data (domain.md §2) as it appears in snapshots: the keys of Member's personal fields
 * (the same list as permission-rules.ts guards; a test keeps them equal), wherever they stand.
 */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set(['address', 'birthDate', 'citizenId', 'partyCardNumber', 'phone', 'religion']);

export interface VisibleSnapshots {
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  /** Paths of the values left out, e.g. `after.birthDate`. */
  readonly redacted: string[];
}

function strip(value: unknown, path: string, redacted: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => strip(item, `${path}.${i}`, redacted));
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (PERSONAL_KEYS.has(key)) redacted.push(`${path}.${key}`);
    else kept[key] = strip(inner, `${path}.${key}`, redacted);
  }
  return kept;
}

/**
 * Before and after as the viewer may see them: whole with MEMBERS_PERSONAL at the entry's unit
 * (national entries: nationally), otherwise without any personal key, the paths left out listed.
 */
export function visibleSnapshots(ctx: RequestContext, entry: AuditEntry): VisibleSnapshots {
  const before = entry.before ?? null;
  const after = entry.after ?? null;
  if (ctx.viewer.can(Permission.MEMBERS_PERSONAL, entry.unitPath ?? null)) return { before, after, redacted: [] };
  const redacted: string[] = [];
  return {
    before: strip(before, 'before', redacted) as Record<string, unknown> | null,
    after: strip(after, 'after', redacted) as Record<string, unknown> | null,
    redacted,
  };
}
