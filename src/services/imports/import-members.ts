import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Permission } from '../../auth/permission';
import { scopeSql } from '../../auth/scope-sql';
import { contextOn } from '../../context-factory';
import { Member } from '../../entities/member';
import { Gender, GeneralEducation, PoliticalTheory, ProfessionalQualification } from '../../entities/member-enums';
import { OrgUnit } from '../../entities/org-unit';
import { isCellKind, OrgUnitStatus } from '../../entities/org-unit-enums';
import { AppError, badInput, conflict, forbidden } from '../../errors/app-error';
import type { RequestContext } from '../../request-context';
import { lockUnits } from '../tree/unit-locks';
import { audit } from '../audit';
import { admission } from '../members/admission';
import { admitMember, clean, memberSnapshot, updateMember, type CheckedAdmission, type CreateMemberInput } from '../members/member-commands';
import { getOrgUnit } from '../tree/org-unit-queries';
import { enumValue, fieldProblems, importRejected, problemOf, readCsv, refuseBeforeApplying, type CsvRow, type ImportCounts, type ImportProblem } from './csv-table';
import { MEMBER_FIELD_CHECKS } from './field-checks';
import { DryRunDone, type ImportResult } from './import-runner';

/** Columns of a members file; the party card number (số thẻ đảng viên) is the key. */
export const MEMBER_COLUMNS = [
  'partyCardNumber', 'cellCode', 'fullName', 'gender', 'birthDate', 'ethnicity', 'religion', 'generalEducation',
  'professionalQualification', 'politicalTheory', 'admissionDate', 'officialDate', 'citizenId', 'phone', 'address',
] as const;
const REQUIRED = ['partyCardNumber', 'cellCode', 'fullName', 'gender', 'ethnicity', 'admissionDate'] as const;

/** Descriptive fields an import may update; cell, status and lifecycle dates change only through their own operations. */
const DESCRIPTIVE = ['fullName', 'birthDate', 'ethnicity', 'religion', 'citizenId', 'phone', 'address'] as const;

/** A service error's field, as the CSV names it. */
const RENAMES = { unitId: 'cellCode' } as const;

type RowEnums = { gender: Gender | null; generalEducation: GeneralEducation | null; professionalQualification: ProfessionalQualification | null; politicalTheory: PoliticalTheory | null };

/** What a row of the file does, once checked. */
type Plan =
  | { readonly kind: 'create'; readonly row: CsvRow; readonly unit: OrgUnit; readonly checked: CheckedAdmission }
  | { readonly kind: 'update'; readonly row: CsvRow; readonly id: number; readonly version: number; readonly fields: Omit<CreateMemberInput, 'unitId' | 'partyCardNumber' | 'admissionDate' | 'officialDate'> }
  | { readonly kind: 'unchanged'; readonly row: CsvRow };

const textArray = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** What the file's rows refer to, read once for the whole file (not a query per row). */
interface Lookups {
  /** Unit ids by code under the root (two ids: the code is ambiguous there). */
  readonly unitsByCode: Map<string, number[]>;
  /** Members the viewer may write, by card number. */
  readonly writableByCard: Map<string, Member>;
  /** Card numbers used by any member (uniqueness is global: this reveals nothing but "taken"). */
  readonly takenCards: Set<string>;
}

async function lookups(tx: RequestContext, rootPath: string, rows: readonly CsvRow[]): Promise<Lookups> {
  const em = tx.em;
  const sql = <T>(query: string, params: unknown[]): Promise<T[]> => em.getConnection().execute<T[]>(query, params, 'all', em.getTransactionContext());
  const codes = textArray([...new Set(rows.map((r) => r.values.cellCode).filter((c): c is string => c !== undefined))]);
  const cards = textArray([...new Set(rows.map((r) => r.values.partyCardNumber).filter((c): c is string => c !== undefined))]);
  const unitsByCode = new Map<string, number[]>();
  for (const u of await sql<{ id: number; code: string }>('select id, code from org_unit where code = any(?::text[]) and path like ? order by id', [codes, `${rootPath}%`])) {
    unitsByCode.set(u.code, [...(unitsByCode.get(u.code) ?? []), u.id]);
  }
  // The file's cells, locked as createMember locks its cell (decisions.md §40) before their status is read.
  await lockUnits(em, [...unitsByCode.values()].flat(), 'share');
  const scope = scopeSql(tx.viewer.scope(Permission.MEMBERS_WRITE), 'unit_path');
  const writableIds = await sql<{ id: number }>(`select id from member where party_card_number = any(?::text[]) and ${scope.sql}`, [cards, ...scope.params]);
  const writable = writableIds.length === 0 ? [] : await em.find(Member, { id: { $in: writableIds.map((r) => r.id) } });
  const taken = await sql<{ party_card_number: string }>('select party_card_number from member where party_card_number = any(?::text[])', [cards]);
  return {
    unitsByCode,
    writableByCard: new Map(writable.map((m) => [m.partyCardNumber as string, m])),
    takenCards: new Set(taken.map((r) => r.party_card_number)),
  };
}

/**
 * Checks one row as createMember and updateMember would, in their order, with what `lookups` read:
 * the same errors, mapped to the same columns. Writes nothing.
 */
async function planRow(tx: RequestContext, row: CsvRow, e: RowEnums | undefined, found: Lookups): Promise<Plan> {
  const v = row.values;
  const ids = found.unitsByCode.get(v.cellCode) ?? [];
  if (ids.length > 1) throw badInput('input.cellCode', `${v.cellCode} is used by more than one unit under the import's root`);
  if (ids.length === 0) throw badInput('input.cellCode', `no unit with code ${v.cellCode} under the root`);
  const fields = {
    fullName: v.fullName, gender: e?.gender as Gender, birthDate: v.birthDate ?? null, ethnicity: v.ethnicity, religion: v.religion ?? null,
    generalEducation: e?.generalEducation ?? null, professionalQualification: e?.professionalQualification ?? null, politicalTheory: e?.politicalTheory ?? null,
    citizenId: v.citizenId ?? null, phone: v.phone ?? null, address: v.address ?? null,
  };
  const existing = found.writableByCard.get(v.partyCardNumber);
  if (!existing) {
    // createMember's checks, in its order.
    const unit = await getOrgUnit(tx, ids[0]);
    if (!tx.viewer.can(Permission.MEMBERS_WRITE, unit.path)) throw forbidden('You may not manage members here');
    if (!isCellKind(unit.kind)) throw badInput('input.unitId', `members belong to a cell, not a ${unit.kind}`);
    if (unit.status !== OrgUnitStatus.ACTIVE) throw badInput('input.unitId', 'the cell is dissolved');
    const input: CreateMemberInput = { ...fields, unitId: unit.id, partyCardNumber: v.partyCardNumber, admissionDate: v.admissionDate, officialDate: v.officialDate ?? null };
    const admitted = admission(input);
    const cleaned = clean(input, admitted.admissionDate);
    if (cleaned.partyCardNumber !== null && found.takenCards.has(cleaned.partyCardNumber)) throw badInput('input.partyCardNumber', 'is already used by another member');
    return { kind: 'create', row, unit, checked: { fields: cleaned, admitted } };
  }
  if (existing.unit.id !== ids[0]) throw badInput('input.cellCode', 'the member belongs to another cell: record a transfer instead');
  if (existing.admissionDate !== v.admissionDate) throw badInput('input.admissionDate', `differs from the recorded ${existing.admissionDate}: lifecycle dates change through their own operations`);
  if ((existing.officialDate ?? null) !== (v.officialDate ?? null)) throw badInput('input.officialDate', `differs from the recorded ${existing.officialDate ?? 'none'}: recognition is its own operation`);
  const enumsSame = existing.gender === fields.gender && (existing.generalEducation ?? null) === fields.generalEducation
    && (existing.professionalQualification ?? null) === fields.professionalQualification && (existing.politicalTheory ?? null) === fields.politicalTheory;
  if (enumsSame && DESCRIPTIVE.every((k) => (existing[k] ?? null) === fields[k])) return { kind: 'unchanged', row };
  return { kind: 'update', row, id: existing.id, version: existing.version, fields };
}

/**
 * Writes checked new members as createMember writes each (the member, its ADMITTED and, when
 * official, RECOGNISED_OFFICIAL events, its first period, a createMember audit entry), in one flush
 * for the batch: the ORM batches the inserts, so a file costs a few statements per few hundred rows.
 */
async function createAll(ctx: RequestContext, em: EntityManager, plans: ReadonlyArray<Extract<Plan, { kind: 'create' }>>): Promise<void> {
  if (plans.length === 0) return;
  const created: Array<{ member: Member; unit: OrgUnit }> = [];
  for (const { unit, checked } of plans) {
    created.push({ member: admitMember(ctx, em, checked, unit), unit });
  }
  await em.flush();
  for (const { member, unit } of created) {
    audit(ctx, em, 'createMember', { type: 'Member', id: member.id, provinceId: unit.provinceId, unitPath: unit.path }, null, memberSnapshot(member));
  }
  await em.flush();
  // What was written stays in the database: a clean identity map keeps later flushes small.
  em.clear();
}

/**
 * Imports members into cells of a root's subtree (cells named by code). New card numbers create
 * members; known ones compare their descriptive fields: equal rows change nothing, changed ones
 * update the member. Another cell or other lifecycle dates are problems: transfers and status
 * changes are events of their own, never overwritten by a file.
 *
 * Set-based (issue #16): the file's codes and card numbers are read in three queries, each row is
 * checked in memory with createMember's and updateMember's own checks, and new members are written
 * in batches between updates (kept in file order, so audit entries follow the rows). Any problem,
 * or a dry run, rolls the whole file back; a file over the row cap is refused before any of this.
 */
export async function importMembers(ctx: RequestContext, input: { rootId: number; csv: string; dryRun: boolean }): Promise<ImportResult> {
  const root = await getOrgUnit(ctx, input.rootId);
  const { rows, problems } = readCsv(input.csv, MEMBER_COLUMNS, REQUIRED);
  refuseBeforeApplying(rows, problems);
  const enums = new Map<number, RowEnums>();
  const cards = new Map<string, number>();
  for (const row of rows) {
    const rowProblems: ImportProblem[] = fieldProblems(row, MEMBER_FIELD_CHECKS);
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
  const failedRows = new Set(problems.map((p) => p.row));
  const counts: ImportCounts = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  try {
    await ctx.em.transactional(async (em) => {
      const tx = contextOn(ctx, em);
      const found = await lookups(tx, root.path, rows.filter((r) => !failedRows.has(r.row)));
      const plans: Plan[] = [];
      for (const row of rows) {
        if (failedRows.has(row.row)) continue;
        try {
          plans.push(await planRow(tx, row, enums.get(row.row), found));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problems.push(problemOf(row, error, RENAMES));
        }
      }
      // In file order: new members in batches, each update through updateMember between them.
      let batch: Array<Extract<Plan, { kind: 'create' }>> = [];
      const writeBatch = async (): Promise<void> => {
        if (problems.length === 0) await createAll(ctx, em, batch);
        batch = [];
      };
      for (const plan of plans) {
        counts[plan.kind === 'create' ? 'created' : plan.kind === 'update' ? 'updated' : 'unchanged'] += 1;
        if (plan.kind === 'create') batch.push(plan);
        if (plan.kind !== 'update') continue;
        await writeBatch();
        try {
          await updateMember(contextOn(ctx, em), { id: plan.id, version: plan.version, ...plan.fields });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          problems.push(problemOf(plan.row, error, RENAMES));
        }
      }
      await writeBatch();
      problems.sort((a, b) => a.row - b.row);
      if (problems.length > 0) throw importRejected(problems);
      if (input.dryRun) throw new DryRunDone();
    });
  } catch (error) {
    // A card number recorded by another request since the file was read.
    if (error instanceof UniqueConstraintViolationException) throw conflict('A party card number of the file was recorded by another request meanwhile: import the file again', { field: 'input.csv' });
    if (!(error instanceof DryRunDone)) throw error;
  }
  return { ...counts, dryRun: input.dryRun };
}
