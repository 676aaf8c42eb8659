import { Field, Int, ObjectType } from 'type-graphql';
import { PositionKind } from '../../entities/member-enums';
import { Node } from '../node';
import { LocalDate } from '../scalars';

@ObjectType('MemberPosition', { implements: Node, description: "A position a member holds in a unit, dated (chức vụ của đảng viên)." })
export class MemberPositionType extends Node {
  @Field(() => PositionKind, { description: 'The position (chức vụ).' })
  position!: PositionKind;

  @Field(() => LocalDate, { description: 'Held since (từ ngày).' })
  startedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The last day held, inclusive; null while held (đến ngày).' })
  endedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the decision that gave the post (số quyết định); null on records older than the API.' })
  decisionRef!: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the decision that ended it (số quyết định thôi giữ chức vụ); null while held or when ended by another event.' })
  endDecisionRef!: string | null;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back to endPosition (phiên bản).' })
  version!: number;
}
