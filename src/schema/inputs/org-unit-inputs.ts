import { Field, ID, InputType, Int } from 'type-graphql';
import { CellType, OrgUnitKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { ListOrderField, SortDirection } from '../../services/sorting';
import { LocalDate } from '../scalars';

@InputType({ description: 'Filter for lists of units (lọc tổ chức đảng).' })
export class OrgUnitFilterInput {
  @Field(() => [OrgUnitKind], { nullable: true, description: 'Only these levels.' })
  kinds?: OrgUnitKind[] | null;

  @Field(() => [CellType], { nullable: true, description: 'Only cells of these types.' })
  cellTypes?: CellType[] | null;

  @Field(() => [OrgUnitStatus], { nullable: true, description: 'Only these statuses.' })
  statuses?: OrgUnitStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Only units in the subtree of this unit (itself included).' })
  subtreeOf?: string | null;

  @Field(() => String, { nullable: true, description: 'Name contains this text, ignoring case and diacritics ("binh lu" finds "Bình Lư").' })
  nameContains?: string | null;
}

@InputType({ description: 'Sort order of a list (thứ tự sắp xếp).' })
export class ListOrderInput {
  @Field(() => ListOrderField, { description: 'What to sort by.' })
  field!: ListOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Direction.' })
  direction!: SortDirection;
}

@InputType({ description: 'A new unit (tạo tổ chức đảng).' })
export class CreateOrgUnitInput {
  @Field(() => ID, { nullable: true, description: 'Parent unit; null only for a province.' })
  parentId?: string | null;

  @Field(() => OrgUnitKind, { description: 'Level of the new unit.' })
  kind!: OrgUnitKind;

  @Field({ description: 'Name, 1 to 200 characters.' })
  name!: string;

  @Field(() => CellType, { nullable: true, description: 'Required for cells, forbidden otherwise.' })
  cellType?: CellType | null;

  @Field(() => String, { nullable: true, description: 'Administrative code, up to 50 characters.' })
  code?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Founding date, not in the future.' })
  foundedOn?: string | null;
}

@InputType({ description: 'Changes to a unit; omitted fields stay as they are (sửa tổ chức đảng).' })
export class UpdateOrgUnitInput {
  @Field(() => ID, { description: 'The unit.' })
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale version is a CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => CellType, { nullable: true, description: 'New cell type (cells only).' })
  cellType?: CellType | null;

  @Field(() => String, { nullable: true, description: 'New code; null clears it.' })
  code?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'New founding date; null clears it.' })
  foundedOn?: string | null;
}
