import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { ThematicPlanStatus } from './meeting-enums';
import { OrgUnit } from './org-unit';

/** A cell's annual plan of thematic meetings, submitted to the superior committee. */
@Entity({ tableName: 'thematic_plan' })
export class ThematicPlan {
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'unit_id' })
  unit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  unitPath!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Enum({ items: () => ThematicPlanStatus, type: 'text' })
  status: ThematicPlanStatus = ThematicPlanStatus.DRAFT;

  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
