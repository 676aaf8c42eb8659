import { Entity, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Role } from '../auth/role';
import { Account } from './account';
import { OrgUnit } from './org-unit';

/** A role held at a unit, covering its subtree; a null unit is national scope. Revoked, never deleted. */
@Entity({ tableName: 'role_assignment' })
export class RoleAssignment {
  [OptionalProps]?: 'grantedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Account, { fieldName: 'account_id' })
  account!: Rel<Account>;

  @Enum({ items: () => Role, type: 'text' })
  role!: Role;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'unit_id' })
  unit?: Rel<OrgUnit> | null;

  @Property({ type: 'text', nullable: true })
  unitPath?: string | null;

  @Property({ type: 'integer', nullable: true })
  provinceId?: number | null;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'granted_by_id' })
  grantedBy?: Rel<Account> | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  grantedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @ManyToOne(() => Account, { nullable: true, fieldName: 'revoked_by_id' })
  revokedBy?: Rel<Account> | null;
}
