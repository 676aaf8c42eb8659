import { Field, ObjectType } from 'type-graphql';
import { PositionKind } from '../../entities/member-enums';
import { LocalDate } from '../scalars';

@ObjectType('MemberPosition', { description: "A position a member holds in a unit, dated (chức vụ của đảng viên)." })
export class MemberPositionType {
  @Field(() => PositionKind, { description: 'The position (chức vụ).' })
  position!: PositionKind;

  @Field(() => LocalDate, { description: 'Held since (từ ngày).' })
  startedOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Held until; null while held (đến ngày).' })
  endedOn!: string | null;
}
