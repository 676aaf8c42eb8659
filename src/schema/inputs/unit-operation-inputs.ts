import { Field, ID, InputType, Int } from 'type-graphql';
import { CellType } from '../../entities/org-unit-enums';
import { LocalDate } from '../scalars';

@InputType({ description: 'Renames a unit from a date (đổi tên).' })
export class RenameOrgUnitInput {
  @Field(() => ID, { description: 'The unit.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field({ description: 'The new name.' })
  name!: string;

  @Field(() => LocalDate, { description: 'Effective date; not in the future, not before the unit\'s last change.' })
  on!: string;

  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;
}

@InputType({ description: 'Moves a unit and its subtree under another parent (điều chuyển).' })
export class MoveOrgUnitInput {
  @Field(() => ID, { description: 'The unit.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => ID, { description: 'The new parent; not the unit or one of its descendants.' })
  newParentId!: string;

  @Field(() => LocalDate, { description: 'Effective date.' })
  on!: string;

  @Field({ description: 'Reference of the decision.' })
  decisionRef!: string;
}

@InputType({ description: 'A unit to merge, with the version you read.' })
export class UnitVersionInput {
  @Field(() => ID, { description: 'The unit.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;
}

@InputType({ description: 'A new unit that a merge or split creates.' })
export class NewUnitInput {
  @Field({ description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Code.' })
  code?: string | null;

  @Field(() => CellType, { nullable: true, description: 'Cell type, for cells.' })
  cellType?: CellType | null;
}

@InputType({ description: 'Merges units of one kind: into one of them (A into B), or into a new unit (A and B into C) (sáp nhập).' })
export class MergeOrgUnitsInput {
  @Field(() => [UnitVersionInput], { description: 'The units merged away; they are dissolved and point to the result.' })
  units!: UnitVersionInput[];

  @Field(() => UnitVersionInput, { nullable: true, description: 'An existing unit that receives them (A into B).' })
  into?: UnitVersionInput | null;

  @Field(() => NewUnitInput, { nullable: true, description: 'Or a new unit, created under the parent of the first unit (A and B into C).' })
  newUnit?: NewUnitInput | null;

  @Field(() => LocalDate, { description: 'Effective date.' })
  on!: string;

  @Field({ description: 'Reference of the decision.' })
  decisionRef!: string;
}

@InputType({ description: 'One part of a split: a new unit and what goes to it.' })
export class SplitPartInput {
  @Field(() => NewUnitInput, { description: 'The new unit.' })
  unit!: NewUnitInput;

  @Field(() => [ID], { defaultValue: [], description: 'Child units of the unit split that go to this part.' })
  childIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'Members of the unit split that go to this part.' })
  memberIds!: string[];
}

@InputType({ description: 'Splits a unit into new ones; every child unit and member must go to one part (chia tách).' })
export class SplitOrgUnitInput {
  @Field(() => ID, { description: 'The unit split; it is dissolved and points to the parts.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => [SplitPartInput], { description: 'At least two parts.' })
  parts!: SplitPartInput[];

  @Field(() => LocalDate, { description: 'Effective date.' })
  on!: string;

  @Field({ description: 'Reference of the decision.' })
  decisionRef!: string;
}

@InputType({ description: 'Dissolves a unit with no members or active units left (giải thể).' })
export class DissolveOrgUnitInput {
  @Field(() => ID, { description: 'The unit.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read.' })
  version!: number;

  @Field(() => LocalDate, { description: 'Effective date.' })
  on!: string;

  @Field({ description: 'Reference of the decision.' })
  decisionRef!: string;
}
