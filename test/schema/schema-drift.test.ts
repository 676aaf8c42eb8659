import { readFileSync } from 'node:fs';
import { generatedSdl, SCHEMA_FILE } from '../../src/schema/print-schema';

test('the committed schema.graphql equals the SDL generated from the code', () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  const generated = generatedSdl();
  if (committed !== generated) {
    const committedLines = committed.split('\n');
    const generatedLines = generated.split('\n');
    const line = generatedLines.findIndex((text, i) => text !== committedLines[i]);
    throw new Error(
      `schema.graphql is out of date: run \`npm run schema\` and commit the result.\n` +
        `First difference at line ${line + 1}:\n  committed: ${JSON.stringify(committedLines[line])}\n  generated: ${JSON.stringify(generatedLines[line])}`,
    );
  }
});
