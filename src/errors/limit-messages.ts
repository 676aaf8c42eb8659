import type { GraphQLFormattedError } from 'graphql';

/**
 * graphql-armor words its limits as "Syntax Error: Aliases limit of 15 exceeded, found 16." and
 * graphql-js its token limit as "Syntax Error: Document contains more that 3000 tokens. Parsing
 * aborted.": a client reading "Syntax Error" looks for a typo. They are answered as what they are,
 * a limit, named with its value (also in `extensions.limit`, as field-limit.ts does); codes stay.
 */
const ARMOR_LIMIT = /^Syntax Error: ((?:Query depth|Aliases|Directives|Query Cost) limit of (\d+) exceeded, found \d+\.?)$/;
const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

export function rewordLimit(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const armor = ARMOR_LIMIT.exec(formatted.message);
  if (armor) return { ...formatted, message: armor[1], extensions: { ...formatted.extensions, limit: Number(armor[2]) } };
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens) {
    return { ...formatted, message: `Token limit of ${tokens[1]} exceeded: the document has more than ${tokens[1]} tokens`, extensions: { ...formatted.extensions, limit: Number(tokens[1]) } };
  }
  return formatted;
}
