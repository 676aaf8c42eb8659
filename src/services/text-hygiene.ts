/**
 * Characters no text of ours may hold (issue #15), the one check of every mutation's text and of
 * every cell of an import (issue #16). NUL breaks PostgreSQL's text type (it answered
 * INTERNAL_SERVER_ERROR); a lone surrogate is not Unicode and cannot be encoded as UTF-8; other
 * C0 and C1 control characters, the bidirectional overrides and marks, and zero-width characters
 * hide or reorder what a reader sees (a name that displays as another, two names that look equal
 * and are not). Multi-line text may hold tabs and line breaks, and bidi and zero-width characters
 * (quoted right-to-left text, joiners in free text).
 */
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_SINGLE_LINE = /[\u0001-\u001f\u007f-\u009f]/;
const CONTROL_MULTILINE = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Embeddings, overrides and isolates, and the invisible direction marks (LRM, RLM, ALM). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** Zero-width space, non-joiner, joiner, word joiner, and U+FEFF inside a text (a byte-order mark out of place). */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;

/** What is wrong with a text, or null. `singleLine` (names, identifiers) also refuses tabs, line breaks, bidi controls and zero-width characters. */
export function textProblem(text: string, kind: 'singleLine' | 'multiline'): string | null {
  if (NUL.test(text)) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode (it holds a lone surrogate)';
  if ((kind === 'singleLine' ? CONTROL_SINGLE_LINE : CONTROL_MULTILINE).test(text)) return 'must not contain control characters';
  if (kind === 'singleLine' && BIDI_CONTROL.test(text)) return 'must not contain bidirectional control characters';
  if (kind === 'singleLine' && ZERO_WIDTH.test(text)) return 'must not contain zero-width characters';
  return null;
}
