import { Field, Int, ObjectType } from 'type-graphql';
import { CellType, OrgUnitKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { LocalDate } from '../scalars';

@ObjectType('OrgUnitVersion', { description: "A unit as it stood for a span of days: one version of its history, kept whatever changes later (lịch sử đơn vị)." })
export class OrgUnitVersionType {
  @Field(() => LocalDate, { nullable: true, description: 'The day asked for, when read as of a date.' })
  asOf!: string | null;

  @Field({ description: 'Name then (tên).' })
  name!: string;

  @Field(() => OrgUnitKind, { description: 'Kind then.' })
  kind!: OrgUnitKind;

  @Field(() => CellType, { nullable: true, description: 'Cell type then.' })
  cellType!: CellType | null;

  @Field(() => OrgUnitStatus, { description: 'Active or dissolved then.' })
  status!: OrgUnitStatus;

  @Field(() => LocalDate, { description: 'First day of this version.' })
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day the next version began; null for the current one.' })
  validTo!: string | null;

  @Field({ description: 'What began this version: EXISTING, CREATED, RENAMED, MOVED, MERGED, SPLIT or DISSOLVED.' })
  change!: string;

  @Field(() => String, { nullable: true, description: 'Reference of the decision behind the change (số quyết định).' })
  decisionRef!: string | null;
}

@ObjectType('UnitCountsAsOf', { description: 'Counts of a subtree as it stood on a date.' })
export class UnitCountsAsOfType {
  @Field(() => Int, { description: 'Active cells in the subtree then.' })
  cells!: number;

  @Field(() => Int, { description: 'Members with an official membership in the subtree then (đảng viên sinh hoạt chính thức).' })
  members!: number;
}

@ObjectType('UnitSuccession', { description: 'A unit merged or split into another (sáp nhập, chia tách).' })
export class UnitSuccessionType {
  @Field({ description: 'MERGED_INTO or SPLIT_INTO.' })
  kind!: string;

  @Field(() => LocalDate, { description: 'Effective date.' })
  occurredOn!: string;

  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;
}
