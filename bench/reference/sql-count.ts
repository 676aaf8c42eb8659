import type { Pool, PoolClient } from 'pg';

/**
 * Counting SQL statements in the reference servers, for the bench's SQL/req column (chibo sends
 * x-sql-statements; the references send the same header from these counts).
 */

/** Statements run through every client of a pool since it was made (client.query calls). */
export interface StatementTotal {
  statements: number;
}

const counted = new WeakSet<PoolClient>();

/** Counts every query of every client the pool hands out, pool.query included (it goes through a client). */
export function countPoolStatements(pool: Pool): StatementTotal {
  const total: StatementTotal = { statements: 0 };
  pool.on('connect', (client) => {
    if (counted.has(client)) return;
    counted.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      total.statements += 1;
      return query(...args);
    };
  });
  return total;
}
