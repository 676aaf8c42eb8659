import type { EntityManager } from '@mikro-orm/postgresql';
import { CELL_LEVEL_KINDS_SQL, within } from './contribution-sql';
import { GRAINS } from './refresh';

const VALUES = ['n', 'a', 'b', 'c', 'd'] as const;

const idsOf = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

/**
 * A subtree moves (oldPrefix → newPrefix, its root the last id of both): its contribution leaves
 * the committees above it that it no longer sits under and joins those it now does, inside the
 * move's transaction and under the refresher's lock, before the scope columns (stat_own.unit_path
 * among them) are rewritten. Units inside the subtree keep their sums; the nation is above both.
 */
export async function relocateStatistics(em: EntityManager, oldPrefix: string, newPrefix: string): Promise<void> {
  const run = <T>(sql: string, params: unknown[]): Promise<T> => em.getConnection().execute(sql, params, 'all', em.getTransactionContext()) as Promise<T>;
  await run('select 1 from stat_state where id = 1 for update', []);
  const oldAbove = idsOf(oldPrefix).slice(0, -1);
  const newAbove = idsOf(newPrefix).slice(0, -1);
  const leaving = oldAbove.filter((id) => !newAbove.includes(id));
  const joining = newAbove.filter((id) => !oldAbove.includes(id));
  if (leaving.length === 0 && joining.length === 0) return;
  await run(
    `with moved as (
       select metric, day, k1, k2, ${VALUES.map((v) => `sum(${v}) as ${v}`).join(', ')}
         from stat_own where ${within('unit_path', '?')} group by metric, day, k1, k2
     ),
     chain as (
       select a.id, a.province_id, s.sign
         from (select unnest(?::int[]) as id, -1 as sign union all select unnest(?::int[]), 1) s
         join org_unit a on a.id = s.id and a.kind not in ${CELL_LEVEL_KINDS_SQL}
     )
     insert into stat_fact as f (unit_id, province_id, metric, grain, day, k1, k2, ${VALUES.join(', ')})
     select c.id, c.province_id, m.metric, g.grain, g.day, m.k1, m.k2, ${VALUES.map((v) => `sum(c.sign * m.${v})`).join(', ')}
       from moved m cross join chain c cross join lateral ${GRAINS('m.day')} g
      group by 1, 2, 3, 4, 5, 6, 7
     on conflict (unit_id, metric, grain, day, k1, k2) do update set ${VALUES.map((v) => `${v} = f.${v} + excluded.${v}`).join(', ')}`,
    [oldPrefix, oldPrefix, `{${leaving.join(',')}}`, `{${joining.join(',')}}`],
  );
}
