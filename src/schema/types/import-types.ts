import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ImportResult', { description: 'What a CSV import wrote, or would write in a dry run (kết quả nhập dữ liệu). A file with any problem writes nothing and answers BAD_USER_INPUT with `extensions.problems` (row, column, reason).' })
export class ImportResultType {
  @Field({ description: 'True when nothing was written: every row was checked and rolled back.' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Data rows in the file.' })
  rows!: number;

  @Field(() => Int, { description: 'Rows that created a record.' })
  created!: number;

  @Field(() => Int, { description: 'Rows that changed an existing record (matched by its key).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows equal to what is recorded: a re-run of the same file is all unchanged.' })
  unchanged!: number;
}
