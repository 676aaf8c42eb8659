import { Field, ID, InputType } from 'type-graphql';
import { DateTime } from '../scalars';

@InputType({ description: 'Which audit entries (lọc nhật ký kiểm toán); all conditions must hold.' })
export class AuditLogFilterInput {
  @Field(() => [String], { nullable: true, description: 'Only these mutations, e.g. ["updateMember"] (thao tác).' })
  operations?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Only changes of this type of object, e.g. Member (loại đối tượng).' })
  targetType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes of this object, by its global id (đối tượng).' })
  targetId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this account, by its global id (người thực hiện).' })
  actorId?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Made at or after this instant (từ thời điểm).' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Made before this instant (đến trước thời điểm).' })
  to?: Date | null;

  @Field(() => ID, { nullable: true, description: 'Only changes of units in this subtree (thuộc đơn vị).' })
  subtreeOf?: string | null;
}
