import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import { Member } from '../../entities/member';
import { Gender, GeneralEducation, PoliticalTheory, ProfessionalQualification } from '../../entities/member-enums';
import { badInput } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { createMember, updateMember } from '../members/member-commands';
import { getOrgUnit } from '../tree/org-unit-queries';
import { enumValue, readCsv, type CsvRow, type ImportProblem } from './csv-table';
import { unitByCode } from './import-org-units';
import { runImport, type ImportResult, type RowOutcome } from './import-runner';

/** Columns of a members file; the party card number (số thẻ đảng viên) is the key. */
export const MEMBER_COLUMNS = [
  'partyCardNumber', 'cellCode', 'fullName', 'gender', 'birthDate', 'ethnicity', 'religion', 'generalEducation',
  'professionalQualification', 'politicalTheory', 'admissionDate', 'officialDate', 'citizenId', 'phone', 'address',
] as const;
const REQUIRED = ['partyCardNumber', 'cellCode', 'fullName', 'gender', 'ethnicity', 'admissionDate'] as const;

/** Descriptive fields an import may update; cell, status and lifecycle dates change only through their own operations. */
const DESCRIPTIVE = ['fullName', 'birthDate', 'ethnicity', 'religion', 'citizenId', 'phone', 'address'] as const;

/** A member the viewer may write, by card number; others are left to createMember's "already used". */
async function memberByCard(tx: RequestContext, card: string): Promise<Member | null> {
  const scope = scopeSql(tx.viewer.scope(Permission.MEMBERS_WRITE), 'unit_path');
  const rows = await tx.em.getConnection().execute<Array<{ id: number }>>(
    `select id from member where party_card_number = ? and ${scope.sql}`,
    [card, ...scope.params],
    'all',
    tx.em.getTransactionContext(),
  );
  return rows.length === 0 ? null : tx.em.findOne(Member, rows[0].id);
}

/**
 * Imports members into cells of a root's subtree (cells named by code). New card numbers create
 * members; known ones compare their descriptive fields: equal rows change nothing, changed ones
 * update the member. Another cell or other lifecycle dates are problems: transfers and status
 * changes are events of their own, never overwritten by a file.
 */
export async function importMembers(ctx: RequestContext, input: { rootId: number; csv: string; dryRun: boolean }): Promise<ImportResult> {
  const root = await getOrgUnit(ctx, input.rootId);
  const { rows, problems } = readCsv(input.csv, MEMBER_COLUMNS, REQUIRED);
  const enums = new Map<number, { gender: Gender | null; generalEducation: GeneralEducation | null; professionalQualification: ProfessionalQualification | null; politicalTheory: PoliticalTheory | null }>();
  const cards = new Map<string, number>();
  for (const row of rows) {
    const rowProblems: ImportProblem[] = [];
    enums.set(row.row, {
      gender: enumValue(row, 'gender', Object.values(Gender), rowProblems),
      generalEducation: enumValue(row, 'generalEducation', Object.values(GeneralEducation), rowProblems),
      professionalQualification: enumValue(row, 'professionalQualification', Object.values(ProfessionalQualification), rowProblems),
      politicalTheory: enumValue(row, 'politicalTheory', Object.values(PoliticalTheory), rowProblems),
    });
    const card = row.values.partyCardNumber;
    if (card !== undefined) {
      const first = cards.get(card);
      if (first !== undefined) rowProblems.push({ row: row.row, column: 'partyCardNumber', reason: `repeats row ${first}` });
      else cards.set(card, row.row);
    }
    problems.push(...rowProblems);
  }
  const apply = async (tx: RequestContext, row: CsvRow): Promise<RowOutcome> => {
    const v = row.values;
    const e = enums.get(row.row);
    const cell = await unitByCode(tx.em, root.path, v.cellCode, 'input.cellCode');
    if (!cell) throw badInput('input.cellCode', `no unit with code ${v.cellCode} under the root`);
    const fields = {
      fullName: v.fullName, gender: e?.gender as Gender, birthDate: v.birthDate ?? null, ethnicity: v.ethnicity, religion: v.religion ?? null,
      generalEducation: e?.generalEducation ?? null, professionalQualification: e?.professionalQualification ?? null, politicalTheory: e?.politicalTheory ?? null,
      citizenId: v.citizenId ?? null, phone: v.phone ?? null, address: v.address ?? null,
    };
    const existing = await memberByCard(tx, v.partyCardNumber);
    if (!existing) {
      await createMember(tx, { ...fields, unitId: cell.id, partyCardNumber: v.partyCardNumber, admissionDate: v.admissionDate, officialDate: v.officialDate ?? null });
      return 'created';
    }
    if (existing.unit.id !== cell.id) throw badInput('input.cellCode', 'the member belongs to another cell: record a transfer instead');
    if (existing.admissionDate !== v.admissionDate) throw badInput('input.admissionDate', `differs from the recorded ${existing.admissionDate}: lifecycle dates change through their own operations`);
    if ((existing.officialDate ?? null) !== (v.officialDate ?? null)) throw badInput('input.officialDate', `differs from the recorded ${existing.officialDate ?? 'none'}: recognition is its own operation`);
    const enumsSame = existing.gender === fields.gender && (existing.generalEducation ?? null) === fields.generalEducation
      && (existing.professionalQualification ?? null) === fields.professionalQualification && (existing.politicalTheory ?? null) === fields.politicalTheory;
    if (enumsSame && DESCRIPTIVE.every((k) => (existing[k] ?? null) === fields[k])) return 'unchanged';
    await updateMember(tx, { id: existing.id, version: existing.version, ...fields });
    return 'updated';
  };
  return runImport(ctx, rows, problems, input.dryRun, apply, { unitId: 'cellCode' });
}
