import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { ALL_CODES, ERROR_CATALOGUE, FRAMEWORK_CODES } from '../../src/errors/catalogue';
import { ErrorCode } from '../../src/errors/error-code';
import { formatError } from '../../src/errors/format-error';
import { MESSAGE_PATTERNS_VI, MESSAGES_VI, REASON_PATTERNS_VI, REASONS_VI } from '../../src/errors/messages-vi';
import { vietnameseMessage } from '../../src/errors/localize';

/** The catalogue of error codes (issue #17 item 4): complete, in both languages, and the only codes that get through. */

test('every code has its when, its client action and both texts, and the two texts differ', () => {
  for (const code of ALL_CODES) {
    const entry = ERROR_CATALOGUE[code];
    for (const text of [entry.http, entry.when, entry.clientAction, entry.en, entry.vi]) expect([code, text.trim().length > 0]).toEqual([code, true]);
    expect([code, entry.vi]).not.toEqual([code, entry.en]);
    // Vietnamese is written with its diacritics (a text left in English has none).
    expect([code, /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i.test(entry.vi)]).toEqual([code, true]);
  }
});

test('the catalogue holds every domain code and the framework codes the issue names', () => {
  expect(ALL_CODES).toEqual(expect.arrayContaining([...Object.values(ErrorCode), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']));
  expect(ALL_CODES).toHaveLength(Object.values(ErrorCode).length + FRAMEWORK_CODES.length);
});

test('formatError lets every catalogued code through and masks any other', () => {
  const through = (code: string): unknown => formatError({ message: 'm', extensions: { code } }, new GraphQLError('m', { extensions: { code } })).extensions?.code;
  for (const code of ALL_CODES) expect([code, through(code)]).toEqual([code, code]);
  expect(through('SOMETHING_ELSE')).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
});

/** Every file under src, for the codes written in it. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('every code the source writes as a literal is catalogued', () => {
  const written = new Set<string>();
  for (const file of sourceFiles(path.resolve(__dirname, '../../src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bcode: '([A-Z][A-Z_]+)'/g)) written.add(match[1]);
  }
  expect(written.size).toBeGreaterThan(0);
  expect([...written].filter((code) => !(ALL_CODES as string[]).includes(code))).toEqual([]);
});

test('each Vietnamese template uses only the named groups of its pattern', () => {
  for (const [pattern, template] of [...MESSAGE_PATTERNS_VI, ...REASON_PATTERNS_VI]) {
    const groups = new Set([...pattern.source.matchAll(/\(\?<(\w+)>/g)].map((m) => m[1]));
    const used = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    expect([pattern.source, used.filter((name) => !groups.has(name))]).toEqual([pattern.source, []]);
  }
});

test('the fixed messages and reasons have Vietnamese different from the English', () => {
  for (const [en, vi] of [...Object.entries(MESSAGES_VI), ...Object.entries(REASONS_VI)]) expect([en, vi === en || vi.trim() === '']).toEqual([en, false]);
});

describe('vietnameseMessage', () => {
  test('an input error: the field as sent, the reason translated, placeholders filled', () => {
    expect(vietnameseMessage({ message: 'Invalid input.name: must be at most 200 characters', extensions: { code: 'BAD_USER_INPUT', field: 'input.name', reason: 'must be at most 200 characters' } })).toBe(
      'Dữ liệu không hợp lệ ở input.name: tối đa 200 ký tự',
    );
  });

  test('an input reason no rule knows keeps its English after a Vietnamese frame', () => {
    expect(vietnameseMessage({ message: 'Invalid input.x: is odd', extensions: { code: 'BAD_USER_INPUT', field: 'input.x', reason: 'is odd' } })).toBe('Dữ liệu không hợp lệ ở input.x: is odd');
  });

  test('not found names the thing in Vietnamese', () => {
    expect(vietnameseMessage({ message: 'Member not found', extensions: { code: 'NOT_FOUND' } })).toBe('Không tìm thấy đảng viên');
  });

  test('a message no rule knows: the code\'s Vietnamese text, then the English detail', () => {
    expect(vietnameseMessage({ message: 'The plan is already submitted', extensions: { code: 'CONFLICT' } })).toBe('Yêu cầu mâu thuẫn với trạng thái hiện tại (The plan is already submitted)');
  });

  test('a limit names the limit', () => {
    expect(vietnameseMessage({ message: 'Aliases limit of 15 exceeded, found 16.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 15 } })).toBe('Vượt giới hạn số bí danh (alias) (15): tìm thấy 16');
  });
});
