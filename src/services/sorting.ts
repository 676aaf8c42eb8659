/** Sort orders shared by every list. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum ListOrderField {
  /** Vietnamese alphabetical order of the name. */
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}

export interface ListOrder {
  readonly field: ListOrderField;
  readonly direction: SortDirection;
}

export const DEFAULT_ORDER: ListOrder = { field: ListOrderField.NAME, direction: SortDirection.ASC };

/** ORDER BY for a table aliased `t` with name_sort_key, created_at and id; id breaks ties so pages are stable. */
export function orderBySql(given?: ListOrder | null): string {
  // GraphQL passes an explicit `orderBy: null` as null, which a default parameter would let through.
  const order = given ?? DEFAULT_ORDER;
  const dir = order.direction === SortDirection.DESC ? 'desc' : 'asc';
  const column = order.field === ListOrderField.CREATED_AT ? 't.created_at' : 't.name_sort_key';
  return `${column} ${dir}, t.id ${dir}`;
}
