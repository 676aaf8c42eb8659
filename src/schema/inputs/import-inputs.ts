import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A CSV file to import under a unit (nhập dữ liệu từ tệp CSV).' })
export class CsvImportInput {
  @Field(() => ID, { description: 'The unit under which codes are resolved and new top-level rows are placed.' })
  rootId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The file as text: comma- or semicolon-separated, with a header row; at most 5,000 rows. Give this or csvBase64.',
  })
  csv?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The file's bytes in base64, as saved: UTF-8, or Windows-1258 (converted); TCVN3 is refused by name. Give this or csv.",
  })
  csvBase64?: string | null;

  @Field({ defaultValue: false, description: 'Check every row and write nothing.' })
  dryRun!: boolean;
}
