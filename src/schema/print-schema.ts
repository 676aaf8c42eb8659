import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { printableSchema } from './build-schema';

/** `npm run schema`: regenerates the committed schema.graphql. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

export function generatedSdl(): string {
  return `${printSchema(printableSchema())}\n`;
}

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, generatedSdl());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
