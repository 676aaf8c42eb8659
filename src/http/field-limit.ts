import type { RequestHandler } from 'express';
import { parse, visit } from 'graphql';

/** Selected fields per document, duplicates and __typename included (the statistics page selects ~160). */
export const MAX_FIELDS = 500;
/** A document this short cannot select more than MAX_FIELDS fields (a field takes at least two characters). */
const CHECK_FROM_LENGTH = 2 * MAX_FIELDS;

function fieldCount(query: string, maxTokens: number): number | null {
  try {
    let fields = 0;
    visit(parse(query, { maxTokens, noLocation: true }), { Field() { fields += 1; } });
    return fields;
  } catch {
    return null; // Apollo answers the syntax error itself.
  }
}

/**
 * graphql-js checks that same-named fields can merge in time quadratic in their number: a
 * 3,000-token query repeating one field took ~1 s of validation and stalled the event loop
 * (issue #15). Apollo runs every validation rule in one pass, so a rule cannot stop that check;
 * this runs before Apollo, only on documents long enough to matter, and refuses more than
 * MAX_FIELDS selected fields with a 400 GRAPHQL_VALIDATION_FAILED naming the limit.
 */
export function fieldLimit(maxTokens: number): RequestHandler {
  return (req, res, next) => {
    const query: unknown = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
    if (typeof query !== 'string' || query.length <= CHECK_FROM_LENGTH) {
      next();
      return;
    }
    const fields = fieldCount(query, maxTokens);
    if (fields === null || fields <= MAX_FIELDS) {
      next();
      return;
    }
    res.status(400).json({
      errors: [{ message: `The operation selects ${fields} fields; at most ${MAX_FIELDS} are allowed`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: MAX_FIELDS } }],
    });
  };
}
