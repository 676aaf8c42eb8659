import { toGlobalId } from '../../src/services/global-id';
import type { GqlResult, TestApp } from '../support/test-app';

export const IMPORT_UNITS = `mutation($input: CsvImportInput!) { importOrgUnits(input: $input) { dryRun rows created updated unchanged } }`;
export const IMPORT_MEMBERS = `mutation($input: CsvImportInput!) { importMembers(input: $input) { dryRun rows created updated unchanged } }`;

export const UNITS = ['code,parentCode,kind,name,cellType,foundedOn', 'EN-01,,CELL,Chi bộ bản Nậm Cang,RESIDENTIAL,2001-05-19'].join('\n');
export const MEMBER_HEADER = 'partyCardNumber,cellCode,fullName,gender,birthDate,ethnicity,admissionDate,officialDate,phone';

export const communeId = (app: TestApp): string => toGlobalId('OrgUnit', app.fixture.units.commune.id);

/** The cells the member files of these tests name, created once per file. */
export async function importCells(app: TestApp): Promise<void> {
  const result = await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: communeId(app), csv: UNITS } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
}

export const problemsOf = (result: GqlResult): unknown => (result.errors?.[0].extensions as { problems?: unknown } | undefined)?.problems;

export async function memberCount(app: TestApp, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await app.sql<{ n: number }>(`select count(*)::int as n from member where ${where}`, params);
  return row.n;
}
