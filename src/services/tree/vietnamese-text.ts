/**
 * Keys for searching and sorting Vietnamese names in PostgreSQL without
 * depending on the server's ICU/locale setup: both are computed in the
 * application and stored next to the name (`name_search`, `name_sort_key`).
 */

/** Combining marks that carry a tone, mapped to their rank in dictionary order. */
const TONES: ReadonlyMap<string, string> = new Map([
  ['\u0300', '1'], // huyền  à
  ['\u0309', '2'], // hỏi    ả
  ['\u0303', '3'], // ngã    ã
  ['\u0301', '4'], // sắc    á
  ['\u0323', '5'], // nặng   ạ
]);
const NO_TONE = '0';

/** Combining marks that make a distinct letter: breve (ă), circumflex (â ê ô), horn (ơ ư). */
const LETTER_MODIFIERS: ReadonlySet<string> = new Set(['\u0306', '\u0302', '\u031b']);

/**
 * The alphabet in Vietnamese order, with f j w z at their Latin positions.
 * Letters with a modifier are written decomposed, as NFD produces them.
 */
const ALPHABET: readonly string[] = [
  'a', 'a\u0306', 'a\u0302', 'b', 'c', 'd', 'đ', 'e', 'e\u0302', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n',
  'o', 'o\u0302', 'o\u031b', 'p', 'q', 'r', 's', 't', 'u', 'u\u031b', 'v', 'w', 'x', 'y', 'z',
];

/** Letter → one ASCII char from 'A' (0x41) up, so byte order is alphabet order. */
const LETTER_CODES: ReadonlyMap<string, string> = new Map(
  ALPHABET.map((letter, i) => [letter, String.fromCharCode(0x41 + i)]),
);

/** Ends the primary part; lower than anything else in a key so a prefix sorts first ("An" < "An Bình"). */
const PRIMARY_END = '\u0001';
/** Between words; lower than any letter or number so words compare one by one ("An Bình" < "Anh"). */
const WORD_SEPARATOR = ' ';
/** A number is prefixed by its digit count (0x22..0x3f) so "2" < "10"; all below the letters. */
const NUMBER_LENGTH_BASE = 0x21;
const NUMBER_LENGTH_CAP = 30;

const WORD_SPLIT = /[^\p{L}\p{M}\p{N}]+/u;
const DIGIT_OR_TEXT_RUN = /\d+|\D+/g;
const IS_MARK = /^\p{M}$/u;

/** Normalises "đ" look-alikes: the Icelandic eth is often typed for Đ. */
function foldD(text: string): string {
  return text.replace(/[ðđ]/g, 'đ');
}

/**
 * Search key: lower case, no diacritics, đ → d, single spaces, trimmed.
 * "Bình Lư" → "binh lu". Stored in `name_search`; search terms go through the
 * same function and are matched with LIKE '%term%'.
 */
export function searchKey(text: string): string {
  return foldD(text.toLowerCase().normalize('NFD'))
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/gu, ' ')
    .trim();
}

function encodeNumber(digits: string): string {
  const significant = digits.replace(/^0+(?=\d)/, '');
  const length = Math.min(significant.length, NUMBER_LENGTH_CAP);
  return String.fromCharCode(NUMBER_LENGTH_BASE + length) + significant;
}

/** Encodes a run of letters and marks; returns the primary chars and the first tone seen. */
function encodeLetters(run: string): { primary: string; tone: string | null } {
  let primary = '';
  let tone: string | null = null;
  let base: string | null = null;
  let modifier = '';
  const flush = (): void => {
    if (base === null) return;
    const code = LETTER_CODES.get(base + modifier) ?? LETTER_CODES.get(base);
    // Letters outside the alphabet (other scripts, ø, ß…) keep their own code
    // point: all are ≥ U+0080, so they sort after the Vietnamese letters.
    primary += code ?? base;
    base = null;
    modifier = '';
  };
  for (const ch of run) {
    if (IS_MARK.test(ch)) {
      const t = TONES.get(ch);
      if (t !== undefined) {
        tone ??= t;
      } else if (LETTER_MODIFIERS.has(ch) && modifier === '') {
        modifier = ch;
      }
      continue;
    }
    flush();
    base = ch;
  }
  flush();
  return { primary, tone };
}

/**
 * Sort key whose byte-wise ("C" collation) order is Vietnamese alphabetical
 * order, case-insensitive. Layout:
 *
 *   <primary> U+0001 <secondary>
 *
 * primary: each word's letters mapped to 'A'.. in alphabet order
 * (a ă â b c d đ e ê … u ư v x y; f j w z at their Latin places), numbers as
 * <digit count><digits> (natural order, before letters), words separated by a
 * space. Punctuation only separates words.
 * secondary: one tone rank per word (0 none, 1 huyền, 2 hỏi, 3 ngã, 4 sắc,
 * 5 nặng), so tones only decide between names whose letters are all equal,
 * first word first; "hòa" and "hoà" are equal.
 * Only U+0001, printable ASCII and letters ≥ U+0080 appear: valid UTF-8, no NUL.
 */
export function sortKey(text: string): string {
  const words = foldD(text.toLowerCase().normalize('NFD'))
    .split(WORD_SPLIT)
    .filter((w) => w !== '');
  const primaries: string[] = [];
  let secondary = '';
  for (const word of words) {
    let primary = '';
    let tone: string | null = null;
    for (const run of word.match(DIGIT_OR_TEXT_RUN) ?? []) {
      if (/^\d/.test(run)) {
        primary += encodeNumber(run);
      } else {
        const encoded = encodeLetters(run);
        primary += encoded.primary;
        tone ??= encoded.tone;
      }
    }
    if (primary === '') continue; // a word of stray combining marks only
    primaries.push(primary);
    secondary += tone ?? NO_TONE;
  }
  return primaries.join(WORD_SEPARATOR) + PRIMARY_END + secondary;
}

/**
 * Sort key for a person's full name: Vietnamese rolls sort by the given name (the last word),
 * then surname and middle names, so "Trần Văn An" comes before "Nguyễn Thị Bình".
 */
export function personSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/u);
  const given = words.pop() ?? '';
  return sortKey([given, ...words].join(' '));
}
