import type { Grant } from './grant';
import { Permission } from './permission';
import { permissionsOf } from './role-permissions';

/** Subtree paths where a permission holds: 'ALL' (national) or a minimal list of path prefixes. */
export type ScopePaths = 'ALL' | readonly string[];

export const isWithin = (path: string, prefix: string): boolean => path.startsWith(prefix);

/** Pure permission check over a viewer's grants and a unit path. */
export function can(grants: readonly Grant[], permission: Permission, unitPath: string | null): boolean {
  return grants.some(
    (g) =>
      permissionsOf(g.role).includes(permission) &&
      (g.unitPath === null || (unitPath !== null && isWithin(unitPath, g.unitPath))),
  );
}

/** A permission held from a unit strictly above `unitPath` (or nationally): for acts a unit may not do on itself. */
export function canFromAbove(grants: readonly Grant[], permission: Permission, unitPath: string): boolean {
  return grants.some(
    (g) => permissionsOf(g.role).includes(permission) && (g.unitPath === null || (g.unitPath !== unitPath && isWithin(unitPath, g.unitPath))),
  );
}

export function canSomewhere(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((g) => permissionsOf(g.role).includes(permission));
}

/** The permissions held at a unit path, from every grant that covers it. */
export function permissionsAt(grants: readonly Grant[], unitPath: string | null): Set<Permission> {
  const held = new Set<Permission>();
  for (const g of grants) {
    if (g.unitPath === null || (unitPath !== null && isWithin(unitPath, g.unitPath))) {
      for (const p of permissionsOf(g.role)) held.add(p);
    }
  }
  return held;
}

export function scopeFor(grants: readonly Grant[], permission: Permission): ScopePaths {
  const paths: string[] = [];
  for (const g of grants) {
    if (!permissionsOf(g.role).includes(permission)) continue;
    if (g.unitPath === null) return 'ALL';
    paths.push(g.unitPath);
  }
  // Drop paths covered by a shorter one so that the SQL predicate stays small.
  paths.sort((a, b) => a.length - b.length);
  const minimal: string[] = [];
  for (const p of paths) if (!minimal.some((m) => isWithin(p, m))) minimal.push(p);
  return minimal;
}
