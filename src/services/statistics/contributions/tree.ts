import { stockRows, type Contribution } from '../contribution-sql';

/** The unit itself while active, by kind and cell type; the refresher counts it at its ancestors only. */
export const treeContribution: Contribution = {
  ctes: `,
tree_intervals as (
  select id as unit_id, 'UNITS' as metric, kind as k1, coalesce(cell_type, '') as k2, active_from as s, active_to as e from u
),
own_rows as (${stockRows('tree_intervals')})`,
};
