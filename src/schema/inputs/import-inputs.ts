import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A CSV file to import under a unit (nhập dữ liệu từ tệp CSV).' })
export class CsvImportInput {
  @Field(() => ID, { description: 'The unit under which codes are resolved and new top-level rows are placed.' })
  rootId!: string;

  @Field({ description: 'The file, UTF-8, comma-separated, with a header row; at most 5,000 rows.' })
  csv!: string;

  @Field({ defaultValue: false, description: 'Check every row and write nothing.' })
  dryRun!: boolean;
}
