import type { AccountKind } from '../entities/account';
import { can, canFromAbove, canSomewhere, permissionsAt, scopeFor, type ScopePaths } from './can';
import type { Grant } from './grant';
import { Permission } from './permission';

/** The caller of a request, with every active role assignment loaded once. */
export class Viewer {
  private readonly scopes = new Map<Permission, ScopePaths>();

  constructor(
    readonly accountId: number | null,
    readonly accountKind: AccountKind | null,
    readonly memberId: number | null,
    readonly grants: readonly Grant[],
  ) {}

  static anonymous(): Viewer {
    return new Viewer(null, null, null, []);
  }

  get authenticated(): boolean {
    return this.accountId !== null;
  }

  can(permission: Permission, unitPath: string | null): boolean {
    return can(this.grants, permission, unitPath);
  }

  canFromAbove(permission: Permission, unitPath: string): boolean {
    return canFromAbove(this.grants, permission, unitPath);
  }

  canSomewhere(permission: Permission): boolean {
    return canSomewhere(this.grants, permission);
  }

  permissionsAt(unitPath: string | null): Set<Permission> {
    return permissionsAt(this.grants, unitPath);
  }

  scope(permission: Permission): ScopePaths {
    let scope = this.scopes.get(permission);
    if (scope === undefined) {
      scope = scopeFor(this.grants, permission);
      this.scopes.set(permission, scope);
    }
    return scope;
  }
}
