import { AppError } from '../../errors/app-error';
import { ErrorCode } from '../../errors/error-code';

/**
 * The encoding of an import file (issue #16 item 6; decisions.md §45). Vietnamese offices still
 * save CSV in Windows-1258 (Excel's "CSV" under a Vietnamese locale) or TCVN3 (ABC, from the
 * .VnTime fonts era). Files are UTF-8; Windows-1258 bytes are converted with the runtime's WHATWG
 * decoder (the Encoding Standard's table, no extra dependency); TCVN3 has no maintained converter
 * and is refused by name; nothing else is guessed. Text that was already decoded wrongly by the
 * client (U+FFFD where bytes were read as UTF-8, or a legacy file read as Windows-1252) is refused,
 * naming what it most likely was: the original bytes are needed to convert, and mojibake is never stored.
 */
export type LegacyEncoding = 'Windows-1258' | 'TCVN3';

/** TCVN3's letters that Windows-1258 uses for symbols: Ă Â Ê Ô Ơ Ư Đ, ă â ê ô ơ ư đ, à ả ã á ạ. */
const isTcvn3Marker = (b: number): boolean => (b >= 0xa1 && b <= 0xae) || (b >= 0xb5 && b <= 0xb9);
/** Windows-1258's combining tone marks (grave, hook, tilde, acute, dot below), which follow their vowel. */
const TONES_1258 = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
/** Vowels a Windows-1258 tone mark follows: ASCII ones and Â Ă Ê Ô Ơ Ư in both cases. */
const VOWELS_1258 = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xc2, 0xe2, 0xc3, 0xe3, 0xca, 0xea, 0xd4, 0xf4, 0xd5, 0xf5, 0xdd, 0xfd]));
const isLetterByte = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0xc0 && b !== 0xd7 && b !== 0xf7);

/** Which legacy encoding bytes look like, by the letters only it writes that way; null when neither shows. */
export function suspectedEncoding(bytes: Uint8Array): LegacyEncoding | 'either' | null {
  let tcvn3 = 0;
  let w1258 = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i];
    const next = bytes[i + 1] ?? 0x20;
    // Inside a word: TCVN3 "V¨n" (Văn), "§øc" (Đức); not "ABC®" or "© 2020".
    if (isTcvn3Marker(b) && (isLetterByte(next) || isTcvn3Marker(next))) tcvn3 += 1;
    if (TONES_1258.has(b) && i > 0 && VOWELS_1258.has(bytes[i - 1])) w1258 += 1;
    // Đ đ at 0xD0 0xF0 before a letter ("ðinh"): Icelandic eth otherwise.
    if ((b === 0xd0 || b === 0xf0) && isLetterByte(next)) w1258 += 1;
  }
  if (tcvn3 > 0 && w1258 === 0) return 'TCVN3';
  if (w1258 > 0 && tcvn3 === 0) return 'Windows-1258';
  return tcvn3 > 0 ? 'either' : null;
}

/** Line (1-based) of a position in bytes or text. */
function lineAt(units: ArrayLike<number>, end: number): number {
  let line = 1;
  for (let i = 0; i < end && i < units.length; i += 1) if (units[i] === 0x0a) line += 1;
  return line;
}

/** Whether bytes hold a well-formed multi-byte UTF-8 sequence: a UTF-8 file with a damaged byte rather than a legacy one. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i += 1) {
    const b = bytes[i];
    const cont = (k: number): boolean => (bytes[i + k] ?? 0) >= 0x80 && (bytes[i + k] ?? 0) <= 0xbf;
    if (b >= 0xc2 && b <= 0xdf && cont(1)) return true;
    if (b >= 0xe0 && b <= 0xef && cont(1) && cont(2)) return true;
  }
  return false;
}

/** BAD_USER_INPUT on the file, naming the suspected encoding in `suspectedEncoding` too. */
function refused(field: string, reason: string, encoding: LegacyEncoding | 'either' | 'UTF-8 read as Windows-1252' | null): AppError {
  const suspected = encoding === null ? {} : { suspectedEncoding: encoding === 'either' ? 'Windows-1258 or TCVN3' : encoding };
  return new AppError(ErrorCode.BAD_USER_INPUT, `Invalid ${field}: ${reason}`, { field, reason, ...suspected });
}

const SAVE_AS_UTF8 = 'save it as "CSV UTF-8" (Excel: Save As, CSV UTF-8) and import it again';

/** The text of a file sent as bytes (base64): UTF-8, or Windows-1258 converted; anything else refused by name. */
export function decodeFileBytes(bytes: Uint8Array, field: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: find out what it is.
  }
  const firstBad = firstInvalidUtf8(bytes);
  const where = `line ${lineAt(bytes, firstBad)}`;
  if (hasUtf8Sequence(bytes)) throw refused(field, `is not valid UTF-8 (a damaged byte at ${where}); ${SAVE_AS_UTF8}`, null);
  const suspected = suspectedEncoding(bytes);
  if (suspected === 'TCVN3') {
    throw refused(field, `is not UTF-8: it looks like TCVN3 (ABC), which cannot be converted here (first at ${where}); convert it to Unicode (e.g. Unikey's converter) or ${SAVE_AS_UTF8}`, 'TCVN3');
  }
  if (suspected !== 'Windows-1258') {
    throw refused(field, `is not UTF-8 and its encoding is not recognisable as Windows-1258${suspected === 'either' ? ' or TCVN3 alone' : ''} (first at ${where}); ${SAVE_AS_UTF8}`, suspected);
  }
  // Windows-1258 writes tones as combining marks after the letter: composed (NFC) as every text we store.
  return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on the longest valid prefix (a cut inside a sequence counts as invalid, which is only off by a character).
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Windows-1252 byte of each character it decodes to (WHATWG: every byte decodes, 0x81 etc. to C1 controls). */
const CP1252_BYTES: ReadonlyMap<string, number> = (() => {
  const decoded = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  return new Map([...decoded].map((c, i) => [c, i]));
})();

/**
 * Refuses text that a client decoded wrongly before sending it: replacement characters (bytes read
 * as UTF-8 that were not), or only Windows-1252 characters whose bytes spell UTF-8, TCVN3 or
 * Windows-1258 (a legacy file read as Windows-1252 or Latin-1). Real text in any language passes.
 */
export function refuseMisdecodedText(text: string, field: string): void {
  const replacement = text.indexOf('\ufffd');
  if (replacement >= 0) {
    const line = text.slice(0, replacement).split('\n').length;
    throw refused(
      field,
      `is not UTF-8: line ${line} holds U+FFFD replacement characters, left where the file's bytes were read as UTF-8 (Vietnamese files like this are usually Windows-1258 or TCVN3); ${SAVE_AS_UTF8}, or send the file's bytes unchanged in csvBase64`,
      'either',
    );
  }
  if (!/[\u0080-\uffff]/.test(text)) return;
  const bytes: number[] = [];
  for (const c of text) {
    const b = c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : CP1252_BYTES.get(c);
    // A character Windows-1252 cannot hold: the text was not decoded from it.
    if (b === undefined) return;
    bytes.push(b);
  }
  const raw = Uint8Array.from(bytes);
  if (hasUtf8Sequence(raw)) {
    throw refused(field, `holds UTF-8 read as Windows-1252 (e.g. "Ã" or "á»" for accented letters); read the file as UTF-8 before sending it, or send its bytes in csvBase64`, 'UTF-8 read as Windows-1252');
  }
  const suspected = suspectedEncoding(raw);
  if (suspected === null) return;
  const name = suspected === 'either' ? 'Windows-1258 or TCVN3' : suspected;
  throw refused(field, `holds ${name} text read as Windows-1252 (garbled letters such as "V¨n" or "HoÌa"); send the file's bytes unchanged in csvBase64, or ${SAVE_AS_UTF8}`, suspected);
}

/** The text of an import's file, given as text (csv) or as bytes (csvBase64): exactly one of them. */
export function importFileText(input: { readonly csv?: string | null; readonly csvBase64?: string | null }): string {
  const { csv, csvBase64 } = input;
  if ((csv === null || csv === undefined) === (csvBase64 === null || csvBase64 === undefined)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Invalid input.csv: give the file in exactly one of csv (text) and csvBase64 (its bytes)', {
      field: 'input.csv',
      reason: 'give the file in exactly one of csv (text) and csvBase64 (its bytes)',
    });
  }
  if (csv !== null && csv !== undefined) return csv;
  const base64 = (csvBase64 as string).replace(/\s+/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Invalid input.csvBase64: must be base64', { field: 'input.csvBase64', reason: 'must be base64' });
  }
  return decodeFileBytes(Buffer.from(base64, 'base64'), 'input.csvBase64');
}
