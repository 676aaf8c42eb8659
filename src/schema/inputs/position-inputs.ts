import { Field, ID, InputType, Int } from 'type-graphql';
import { PositionKind } from '../../entities/member-enums';
import { LocalDate } from '../scalars';

@InputType({ description: 'A post given to a member in their cell or a unit above it (bổ nhiệm, bầu giữ chức vụ).' })
export class AssignPositionInput {
  @Field(() => ID, { description: 'The member (đảng viên); a current member in a cell you manage.' })
  memberId!: string;

  @Field(() => ID, { description: "The unit of the post: the member's cell or a unit above it (đơn vị)." })
  unitId!: string;

  @Field(() => PositionKind, { description: 'The post (chức vụ); it must fit the kind and type of the unit.' })
  position!: PositionKind;

  @Field(() => LocalDate, { description: 'Held from (từ ngày), not in the future, not before the admission.' })
  startedOn!: string;

  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;
}

@InputType({ description: 'The end of a post held by a member (thôi giữ chức vụ); the post stays in the history.' })
export class EndPositionInput {
  @Field(() => ID, { description: 'The position (chức vụ).' })
  positionId!: string;

  @Field(() => Int, { description: "The position's version you read; a stale version is a CONFLICT." })
  version!: number;

  @Field(() => LocalDate, { description: 'The last day held (đến ngày), not in the future, not before the start.' })
  endedOn!: string;

  @Field({ description: 'Reference of the decision (số quyết định).' })
  decisionRef!: string;
}
