import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { Inspection } from './inspection';
import { RemediationStatus } from './inspection-enums';
import { OrgUnit } from './org-unit';

/** A required remediation (yêu cầu khắc phục): who, by when, done, and verified by the inspecting body. */
@Entity({ tableName: 'remediation_action' })
export class RemediationAction {
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Inspection, { fieldName: 'inspection_id' })
  inspection!: Rel<Inspection>;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'responsible_unit_id' })
  responsibleUnit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  responsibleUnitPath!: string;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'date' })
  deadline!: string;

  @Enum({ items: () => RemediationStatus, type: 'text' })
  status: RemediationStatus = RemediationStatus.OPEN;

  @Property({ type: 'date', nullable: true })
  doneOn?: string | null;

  @Property({ type: 'text', nullable: true })
  doneNote?: string | null;

  @Property({ type: 'date', nullable: true })
  verifiedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  verificationNote?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
