import type { RequestContext } from '../../request-context';
import { within } from './contribution-sql';
import { statisticsHorizon } from './rollup-reader';
import { CountedFrom } from './statistics-enums';
import type { StatisticsSubject } from './statistics-subject';

export interface FreshnessView {
  readonly refreshedAt: Date | null;
  readonly pendingChanges: number;
  readonly historyFrom: string;
  readonly countedFrom: CountedFrom;
}

/** Marks not yet taken in below each subject's unit (the nation: all), one statement for the request's subjects. */
function pendingBelow(ctx: RequestContext, path: string | null): Promise<number> {
  return ctx.loaders
    .keyed<string, number>('statPending', async (keys) => {
      const paths = keys.map((k) => JSON.parse(k) as string | null);
      const rows = await ctx.em.getConnection().execute<Array<{ n: number }>>(
        `select (select count(*) from stat_dirty d join org_unit u on u.id = d.unit_id where k.path is null or (${within('u.path', 'k.path')}))::int as n
           from unnest(?::text[]) with ordinality as k(path, ord) order by k.ord`,
        [`{${paths.map((p) => (p === null ? 'NULL' : `"${p}"`)).join(',')}}`],
        'all',
      );
      return rows.map((r) => r.n);
    })
    .load(JSON.stringify(path));
}

export async function freshnessOf(ctx: RequestContext, s: StatisticsSubject): Promise<FreshnessView> {
  const [state, pending, horizon] = await Promise.all([
    ctx.loaders
      .keyed<string, Date | null>('statRefreshedAt', async (keys) => {
        const [row] = await ctx.em.getConnection().execute<Array<{ refreshed_at: string | Date | null }>>('select refreshed_at from stat_state where id = 1', [], 'all');
        // The driver hands timestamps back as text: a Date for the DateTime scalar.
        return keys.map(() => (row.refreshed_at === null ? null : new Date(row.refreshed_at)));
      })
      .load('state'),
    pendingBelow(ctx, s.unit?.path ?? null),
    statisticsHorizon(ctx),
  ]);
  return { refreshedAt: state, pendingChanges: pending, historyFrom: horizon, countedFrom: s.asOf < horizon ? CountedFrom.BASE_TABLES : CountedFrom.ROLLUPS };
}
