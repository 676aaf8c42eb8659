import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_CODES, ERROR_CATALOGUE, FRAMEWORK_CODES } from './catalogue';

/** `npm run errors:doc`: regenerates the committed docs/errors.md from the catalogue. */
export const ERRORS_DOC_FILE = path.resolve(__dirname, '../../docs/errors.md');

const HEADER = `# Error codes

<!-- Generated from src/errors/catalogue.ts by \`npm run errors:doc\`; edit the catalogue, not this file. -->

Every error the API answers, on /graphql and on the HTTP routes (/export, docs in /openapi.json),
has the GraphQL shape \`{ "message", "extensions": { "code", … } }\`. Branch on
\`extensions.code\`, never on the message: the codes below are the only ones the API sends (a
test fails if the code writes another), while messages are for people and may be reworded.

- **Language.** Messages are in English, or in Vietnamese when the request's \`Accept-Language\`
  prefers \`vi\` to English (\`vi-VN,vi;q=0.9,en;q=0.8\`). Codes, \`path\`, \`locations\` and every
  extension stay the same in both (\`extensions.reason\` stays English). Fixed messages, the
  common input reasons and the limits have their own Vietnamese; any other message answers the
  code's Vietnamese text below followed by the English detail in parentheses.
- **Input errors** name the input field in \`extensions.field\` as the client sent it
  (\`input.birthDate\`, \`unitId\`), with \`extensions.reason\`.
- **Retrying.** \`extensions.retryable: true\` (CONFLICT from a collision, SERVICE_UNAVAILABLE,
  TIMEOUT) means nothing was written and the same request may succeed when sent again.
- **Reporting.** Every answer carries an \`x-request-id\` header that finds the request in the
  server's logs.
`;

function section(code: (typeof ALL_CODES)[number]): string {
  const e = ERROR_CATALOGUE[code];
  return `### ${code}

- **HTTP status:** ${e.http}
- **When:** ${e.when}
- **What the client should do:** ${e.clientAction}
- **Message:** en "${e.en}" · vi "${e.vi}"
`;
}

export function generatedErrorsDoc(): string {
  const framework = new Set<string>(FRAMEWORK_CODES);
  const ours = ALL_CODES.filter((c) => !framework.has(c));
  const theirs = ALL_CODES.filter((c) => framework.has(c));
  return [
    HEADER,
    `## The API's own codes\n`,
    ...ours.map(section),
    `## Codes from GraphQL and Apollo Server\n\nAnswered before any resolver runs (the document, the HTTP request); mostly mistakes in the client's code.\n`,
    ...theirs.map(section),
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(ERRORS_DOC_FILE, generatedErrorsDoc());
  process.stdout.write(`wrote ${ERRORS_DOC_FILE}\n`);
}
