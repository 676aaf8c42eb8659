import { readFileSync } from 'node:fs';
import { ERRORS_DOC_FILE, generatedErrorsDoc } from '../../src/errors/print-catalogue';

test('the committed docs/errors.md equals the catalogue generated from the code', () => {
  const committed = readFileSync(ERRORS_DOC_FILE, 'utf8');
  const generated = generatedErrorsDoc();
  if (committed !== generated) {
    const committedLines = committed.split('\n');
    const generatedLines = generated.split('\n');
    const line = generatedLines.findIndex((text, i) => text !== committedLines[i]);
    throw new Error(
      `docs/errors.md is out of date: run \`npm run errors:doc\` and commit the result.\n` +
        `First difference at line ${line + 1}:\n  committed: ${JSON.stringify(committedLines[line])}\n  generated: ${JSON.stringify(generatedLines[line])}`,
    );
  }
});
