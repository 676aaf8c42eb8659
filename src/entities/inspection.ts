import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { InspectionOrigin, InspectionState } from './inspection-enums';
import { OrgUnit } from './org-unit';

/** One member of an inspection team (đoàn kiểm tra). */
export interface TeamMember {
  readonly name: string;
  readonly role: string | null;
}

/**
 * An inspection (cuộc kiểm tra) by a committee or its inspection commission, in the annual
 * programme or ad hoc. Its content belongs to the inspecting body (`inspectingUnitPath`).
 */
@Entity({ tableName: 'inspection' })
export class Inspection {
  [OptionalProps]?: 'state' | 'version' | 'createdAt' | 'updatedAt' | 'team';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  provinceId!: number;

  @ManyToOne(() => OrgUnit, { fieldName: 'inspecting_unit_id' })
  inspectingUnit!: Rel<OrgUnit>;

  @Property({ type: 'text' })
  inspectingUnitPath!: string;

  @Enum({ items: () => InspectionOrigin, type: 'text' })
  origin!: InspectionOrigin;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text[]' })
  subjects!: string[];

  @Property({ type: 'json' })
  team: TeamMember[] = [];

  @Property({ type: 'date' })
  periodFrom!: string;

  @Property({ type: 'date' })
  periodTo!: string;

  @Enum({ items: () => InspectionState, type: 'text' })
  state: InspectionState = InspectionState.PLANNED;

  @Property({ type: 'date', nullable: true })
  startedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  concludedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  conclusions?: string | null;

  @Property({ type: 'text', nullable: true })
  recommendations?: string | null;

  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;

  @Property({ type: 'date', nullable: true })
  closedOn?: string | null;

  /** Closed with remediation still open: why (recorded, audited). */
  @Property({ type: 'text', nullable: true })
  closeWaiverReason?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
