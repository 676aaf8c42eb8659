import { ERROR_CATALOGUE, isCatalogued } from './catalogue';
import { FALLBACK_VI, INPUT_ERROR_VI, MESSAGE_PATTERNS_VI, MESSAGES_VI, REASON_PATTERNS_VI, REASONS_VI, THINGS_VI } from './messages-vi';

export type Language = 'en' | 'vi';

/**
 * The language of a request's error messages from its Accept-Language header: Vietnamese when
 * the client prefers `vi` (or `vi-VN`) to English by q-value, ties going to the one listed first;
 * `*` stands for English, the API's own language. Anything else answers in English.
 */
export function preferredLanguage(header: string | undefined): Language {
  // Nearly every request has no `vi` in it at all: skip the parse.
  if (header === undefined || !/vi/i.test(header)) return 'en';
  let best: { language: Language; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().split(';');
    const name = tag.trim().toLowerCase();
    const language: Language | null = name === 'vi' || name.startsWith('vi-') ? 'vi' : name === 'en' || name.startsWith('en-') || name === '*' ? 'en' : null;
    if (language === null) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (best === null || q > best.q) best = { language, q };
  }
  return best?.language ?? 'en';
}

const fill = (template: string, values: Readonly<Record<string, string | undefined>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

function byPattern(rules: ReadonlyArray<readonly [RegExp, string]>, text: string): string | null {
  for (const [pattern, template] of rules) {
    const match = pattern.exec(text);
    if (match) return fill(template, match.groups ?? {});
  }
  return null;
}

/** An input error's reason in Vietnamese; null when no rule knows it. */
export function reasonInVietnamese(reason: string): string | null {
  return REASONS_VI[reason] ?? byPattern(REASON_PATTERNS_VI, reason);
}

/** A message in Vietnamese, or null when no rule knows it. */
function knownMessage(message: string): string | null {
  const exact = MESSAGES_VI[message];
  if (exact !== undefined) return exact;
  const notFound = /^(?<what>.+) not found$/.exec(message);
  if (notFound?.groups?.what !== undefined) {
    const thing = THINGS_VI[notFound.groups.what];
    if (thing !== undefined) return `Không tìm thấy ${thing}`;
  }
  return byPattern(MESSAGE_PATTERNS_VI, message);
}

/** What an error answer carries that the translation reads (GraphQL's error shape). */
export interface ErrorShape {
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/**
 * An error's message in Vietnamese. An input error keeps its field as the client sent it; a
 * message no rule knows keeps its English detail after the code's Vietnamese text.
 */
export function vietnameseMessage(error: ErrorShape): string {
  const { code, field, reason } = error.extensions ?? {};
  // First: a reason may end in words another message's pattern would take for its own.
  if (code === 'BAD_USER_INPUT' && typeof field === 'string' && typeof reason === 'string') {
    return fill(INPUT_ERROR_VI, { field, reason: reasonInVietnamese(reason) ?? reason });
  }
  const known = knownMessage(error.message);
  if (known !== null) return known;
  return fill(FALLBACK_VI, { summary: isCatalogued(code) ? ERROR_CATALOGUE[code].vi : 'Lỗi', detail: error.message });
}

/**
 * The `errors` of a response body with their messages in `language`; codes, paths and
 * extensions are left as they are. The body is changed in place; false when there was nothing to do.
 */
export function localizeErrors(body: unknown, language: Language): boolean {
  if (language === 'en' || typeof body !== 'object' || body === null) return false;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return false;
  for (const error of errors as Array<{ message?: unknown; extensions?: Record<string, unknown> }>) {
    if (typeof error?.message === 'string') error.message = vietnameseMessage({ message: error.message, extensions: error.extensions });
  }
  return errors.length > 0;
}
