import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../errors/app-error';
import { contextOn } from '../../context-factory';
import type { RequestContext } from '../../request-context';
import { importRejected, problemOf, refuseBeforeApplying, type CsvRow, type ImportCounts, type ImportProblem } from './csv-table';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

export interface ImportResult extends ImportCounts {
  readonly dryRun: boolean;
}

/** Thrown to roll a dry run back after every row was applied and checked. */
export class DryRunDone extends Error {}

/**
 * Applies every row through the same services as the API, each in a savepoint of one transaction:
 * a row that fails is recorded as a problem and the next row is still checked, so one run
 * reports every row's problem. Any problem, or a dry run, rolls the whole transaction back.
 */
export async function runImport(
  ctx: RequestContext,
  rows: readonly CsvRow[],
  parseProblems: readonly ImportProblem[],
  dryRun: boolean,
  apply: (tx: RequestContext, row: CsvRow) => Promise<RowOutcome>,
  renames: Readonly<Record<string, string>> = {},
): Promise<ImportResult> {
  const problems: ImportProblem[] = [...parseProblems];
  const failedRows = new Set(parseProblems.map((p) => p.row));
  const counts: ImportCounts = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  refuseBeforeApplying(rows, problems);
  try {
    await ctx.em.transactional(async (em: EntityManager) => {
      for (const row of rows) {
        if (failedRows.has(row.row)) continue;
        try {
          // A clean identity map per row, in the same transaction: otherwise every savepoint carries
          // (and flushes over) the entities of all rows before it, and a file costs O(rows²).
          const rowEm = em.fork({ clear: true, keepTransactionContext: true });
          const outcome = await rowEm.transactional((inner) => apply(contextOn(ctx, inner), row));
          counts[outcome] += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problems.push(problemOf(row, error, renames));
        }
      }
      problems.sort((a, b) => a.row - b.row);
      if (problems.length > 0) throw importRejected(problems);
      if (dryRun) throw new DryRunDone();
    });
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  return { ...counts, dryRun };
}
