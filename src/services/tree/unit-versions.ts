import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';

export type UnitChange = 'CREATED' | 'RENAMED' | 'MOVED' | 'MERGED' | 'SPLIT' | 'DISSOLVED';

/** A dated operation must not predate the unit's last recorded change: history is a line, not a rewrite. */
export async function checkNotBeforeLastChange(em: EntityManager, unitIds: readonly number[], on: string, field: string): Promise<void> {
  const rows = await em.getConnection().execute<Array<{ valid_from: string }>>(
    `select max(valid_from)::text as valid_from from org_unit_version where unit_id = any(?::int[]) and valid_to is null`,
    [`{${unitIds.join(',')}}`],
    'all',
    em.getTransactionContext(),
  );
  const last = rows[0]?.valid_from;
  if (last && on < last) throw badInput(field, `is before the last recorded change of these units (${last})`);
}

/**
 * Members leave a unit that is merged, split or dissolved on `on`: none of their history there
 * (periods begun or ended by an event, events recorded at the unit) may come after that day, or it
 * would be left in a unit that no longer existed (or rewritten). The planned end of a temporary
 * attachment (no event yet) is not history: the attachment goes on in the successor.
 */
export async function checkNoMemberHistoryAfter(em: EntityManager, unitIds: readonly number[], on: string, field: string): Promise<void> {
  const ids = `{${unitIds.join(',')}}`;
  const rows = await em.getConnection().execute<Array<{ last: string | null }>>(
    `select max(d)::text as last from (
       select started_on as d from membership where unit_id = any(?::int[])
       union all select ended_on from membership where unit_id = any(?::int[]) and ended_by_event_id is not null
       union all select occurred_on from member_event where unit_id = any(?::int[])) h`,
    [ids, ids, ids],
    'all',
    em.getTransactionContext(),
  );
  const last = rows[0]?.last;
  if (last && on < last) throw badInput(field, `is before the last recorded change of these units' members (${last})`);
}

/**
 * Closes the current version of each unit on `on` and opens one from the unit's row as it now
 * stands: call after changing the rows, inside the operation's transaction.
 */
export async function recordVersions(ctx: RequestContext, em: EntityManager, unitIds: readonly number[], on: string, change: UnitChange, decisionRef: string | null): Promise<void> {
  if (unitIds.length === 0) return;
  const ids = `{${unitIds.join(',')}}`;
  const run = (sql: string, params: unknown[]): Promise<unknown> => em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
  await run('update org_unit_version set valid_to = ? where unit_id = any(?::int[]) and valid_to is null', [on, ids]);
  await run(
    `insert into org_unit_version (unit_id, province_id, parent_id, path, depth, kind, cell_type, name, status, valid_from, change, decision_ref, author_id)
     select id, province_id, parent_id, path, depth, kind, cell_type, name, status, ?, ?, ?, ? from org_unit where id = any(?::int[])`,
    [on, change, decisionRef, ctx.viewer.accountId, ids],
  );
}

/** A correction (not a dated change) rewrites the current version in place. */
export async function correctCurrentVersion(em: EntityManager, unitId: number): Promise<void> {
  await em.getConnection().execute(
    `update org_unit_version v set name = u.name, cell_type = u.cell_type from org_unit u where u.id = v.unit_id and v.unit_id = ? and v.valid_to is null`,
    [unitId],
    'run',
    em.getTransactionContext(),
  );
}

/** Dates the first version of a unit created through the API, and names its author. */
export async function datedFirstVersion(em: EntityManager, unitId: number, on: string, authorId: number | null): Promise<void> {
  await em.getConnection().execute('update org_unit_version set valid_from = ?, author_id = ? where unit_id = ? and valid_to is null', [on, authorId, unitId], 'run', em.getTransactionContext());
}
