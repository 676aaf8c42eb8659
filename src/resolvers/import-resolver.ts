import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../request-context';
import type { ImportResult } from '../services/imports/import-runner';
import { importMembers } from '../services/imports/import-members';
import { importFileText } from '../services/imports/file-encoding';
import { importOrgUnits } from '../services/imports/import-org-units';
import { CsvImportInput } from '../schema/inputs/import-inputs';
import { ImportResultType } from '../schema/types/import-types';
import { requiredId } from './ids';

@Resolver(() => ImportResultType)
export class ImportResolver {
  @Mutation(() => ImportResultType, {
    description: 'Imports units from CSV (columns code, parentCode, kind, name, cellType, foundedOn); all rows or none; re-running the same file changes nothing.',
  })
  importOrgUnits(@Arg('input', () => CsvImportInput, { description: 'The file.' }) input: CsvImportInput, @Ctx() ctx: RequestContext): Promise<ImportResult> {
    return importOrgUnits(ctx, { rootId: requiredId(input.rootId, 'OrgUnit', 'input.rootId'), csv: importFileText(input), dryRun: input.dryRun });
  }

  @Mutation(() => ImportResultType, {
    description: 'Imports members from CSV, keyed by party card number (columns partyCardNumber, cellCode, fullName, gender, birthDate, ethnicity, religion, generalEducation, professionalQualification, politicalTheory, admissionDate, officialDate, citizenId, phone, address); all rows or none.',
  })
  importMembers(@Arg('input', () => CsvImportInput, { description: 'The file.' }) input: CsvImportInput, @Ctx() ctx: RequestContext): Promise<ImportResult> {
    return importMembers(ctx, { rootId: requiredId(input.rootId, 'OrgUnit', 'input.rootId'), csv: importFileText(input), dryRun: input.dryRun });
  }
}
