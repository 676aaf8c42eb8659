import { Field, Int, ObjectType } from 'type-graphql';
import { CellType, OrgUnitKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { connectionTypes } from '../connection';
import { Node } from '../node';
import { DateTime, LocalDate } from '../scalars';

@ObjectType('OrgUnit', {
  implements: Node,
  description: 'A party organisation at any level of the tree: province, committee, grassroots organisation, cell or party group (tổ chức đảng).',
})
export class OrgUnitType extends Node {
  @Field({ description: 'Name (tên tổ chức), e.g. "Chi bộ bản Nậm Cười".' })
  name!: string;

  @Field(() => OrgUnitKind, { description: 'Level of the unit (cấp tổ chức).' })
  kind!: OrgUnitKind;

  @Field(() => CellType, { nullable: true, description: 'Cell type, for cells only (loại hình chi bộ).' })
  cellType!: CellType | null;

  @Field(() => OrgUnitStatus, { description: 'Active or dissolved (trạng thái).' })
  status!: OrgUnitStatus;

  @Field(() => String, { nullable: true, description: 'Administrative code, if any (mã đơn vị).' })
  code!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Founding date (ngày thành lập).' })
  foundedOn!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Dissolution date (ngày giải thể).' })
  dissolvedOn!: string | null;

  @Field(() => Int, { description: 'Depth in the tree; the province is 0 (cấp độ trong cây).' })
  depth!: number;

  @Field(() => Int, { description: 'Version for optimistic concurrency: send it back with every update (phiên bản).' })
  version!: number;

  @Field(() => DateTime, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the record was last changed.' })
  updatedAt!: Date;
}

export const OrgUnitConnection = connectionTypes('OrgUnit', OrgUnitType, 'tổ chức đảng');
