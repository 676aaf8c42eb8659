import type { EntityManager } from '@mikro-orm/postgresql';
import { OrgUnit } from '../../entities/org-unit';
import { CellType, OrgUnitKind } from '../../entities/org-unit-enums';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { createOrgUnit, updateOrgUnit } from '../tree/org-unit-commands';
import { getOrgUnit } from '../tree/org-unit-queries';
import { enumValue, fieldProblems, readCsv, type CsvRow, type ImportProblem } from './csv-table';
import { ORG_UNIT_FIELD_CHECKS } from './field-checks';
import { runImport, type ImportResult, type RowOutcome } from './import-runner';

/** Columns of a units file; `code` is the key that makes a re-run change nothing. */
export const ORG_UNIT_COLUMNS = ['code', 'parentCode', 'kind', 'name', 'cellType', 'foundedOn'] as const;
const REQUIRED = ['code', 'kind', 'name'] as const;

/** The unit with this code in the root's subtree (read in the import's transaction, so earlier rows count). */
export async function unitByCode(em: EntityManager, rootPath: string, code: string, field = 'input.code'): Promise<OrgUnit | null> {
  const rows = await em.getConnection().execute<Array<{ id: number }>>(
    'select id from org_unit where code = ? and path like ? order by id limit 2',
    [code, `${rootPath}%`],
    'all',
    em.getTransactionContext(),
  );
  if (rows.length > 1) throw badInput(field, `${code} is used by more than one unit under the import's root`);
  return rows.length === 0 ? null : em.findOne(OrgUnit, rows[0].id);
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean => (a ?? null) === (b ?? null);

/**
 * Imports units under a root from CSV, parents before children (a parent is an existing unit
 * of the root's subtree or a row above). Existing codes are compared: equal rows change nothing,
 * a new name, cell type or founding date updates the unit; another parent or kind is a problem
 * (moves and restructuring are their own operations).
 */
export async function importOrgUnits(ctx: RequestContext, input: { rootId: number; csv: string; dryRun: boolean }): Promise<ImportResult> {
  const root = await getOrgUnit(ctx, input.rootId);
  const { rows, problems } = readCsv(input.csv, ORG_UNIT_COLUMNS, REQUIRED);
  const kinds = new Map<number, OrgUnitKind | null>();
  const cellTypes = new Map<number, CellType | null>();
  for (const row of rows) {
    const rowProblems: ImportProblem[] = fieldProblems(row, ORG_UNIT_FIELD_CHECKS);
    kinds.set(row.row, enumValue(row, 'kind', Object.values(OrgUnitKind), rowProblems));
    cellTypes.set(row.row, enumValue(row, 'cellType', Object.values(CellType), rowProblems));
    problems.push(...rowProblems);
  }
  const apply = async (tx: RequestContext, row: CsvRow): Promise<RowOutcome> => {
    const v = row.values;
    const kind = kinds.get(row.row) as OrgUnitKind;
    const cellType = cellTypes.get(row.row) ?? null;
    const parent = v.parentCode ? await unitByCode(tx.em, root.path, v.parentCode, 'input.parentCode') : root;
    if (!parent) throw badInput('input.parentCode', `no unit with code ${v.parentCode} under the root or in a row above`);
    const existing = await unitByCode(tx.em, root.path, v.code);
    if (!existing) {
      await createOrgUnit(tx, { parentId: parent.id, kind, name: v.name, cellType, code: v.code, foundedOn: v.foundedOn ?? null });
      return 'created';
    }
    if (existing.kind !== kind) throw badInput('input.kind', `the unit ${v.code} exists as a ${existing.kind}; kinds do not change`);
    if (existing.parent?.id !== parent.id) throw badInput('input.parentCode', `the unit ${v.code} exists under another parent; move it with the tree operations`);
    if (same(existing.name, v.name) && same(existing.cellType, cellType) && same(existing.foundedOn, v.foundedOn)) return 'unchanged';
    await updateOrgUnit(tx, { id: existing.id, version: existing.version, name: v.name, cellType, foundedOn: v.foundedOn ?? null });
    return 'updated';
  };
  return runImport(ctx, rows, problems, input.dryRun, apply, { parentId: 'parentCode' });
}
