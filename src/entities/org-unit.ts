import { Entity, OptionalProps, Enum, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { CellType, OrgUnitKind, OrgUnitStatus } from './org-unit-enums';

/** Every level of the tree in one table; `path` holds the ancestor ids ("/1/5/42/", self included). */
@Entity({ tableName: 'org_unit' })
export class OrgUnit {
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'parent_id' })
  parent?: Rel<OrgUnit> | null;

  @Property({ type: 'text' })
  path!: string;

  @Property({ type: 'integer' })
  depth!: number;

  @Enum({ items: () => OrgUnitKind, type: 'text' })
  kind!: OrgUnitKind;

  @Enum({ items: () => CellType, type: 'text', nullable: true })
  cellType?: CellType | null;

  @Enum({ items: () => OrgUnitStatus, type: 'text' })
  status: OrgUnitStatus = OrgUnitStatus.ACTIVE;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  nameSearch!: string;

  @Property({ type: 'text' })
  nameSortKey!: string;

  @Property({ type: 'text', nullable: true })
  code?: string | null;

  @Property({ type: 'date', nullable: true })
  foundedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  dissolvedOn?: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, fieldName: 'successor_id' })
  successor?: Rel<OrgUnit> | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
