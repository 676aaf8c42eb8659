// @embedded-check — also run on embedded PostgreSQL 18 (docs/testing.md): Vietnamese folding
import { searchKey, sortKey } from '../src/services/tree/vietnamese-text';

/** Sorts by sortKey with plain code-unit comparison, as PostgreSQL's "C" collation does. */
function vietnameseSort(names: readonly string[]): string[] {
  return [...names].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

function shuffled<T>(items: readonly T[]): T[] {
  // Fixed reversal plus interleave: deterministic and far from the expected order.
  const reversed = [...items].reverse();
  return [...reversed.filter((_, i) => i % 2 === 0), ...reversed.filter((_, i) => i % 2 === 1)];
}

describe('searchKey', () => {
  it.each([
    ['Bình Lư', 'binh lu'],
    ['  ĐẶNG   Thị ', 'dang thi'],
    ['Sì Lở Lầu', 'si lo lau'],
    ['Chi bộ bản Nậm Cười', 'chi bo ban nam cuoi'],
    ['Đảng bộ xã Khổng Lào', 'dang bo xa khong lao'],
    ['Nguyễn\tThị\nHương', 'nguyen thi huong'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it('treats composed and decomposed input alike', () => {
    expect(searchKey('Phường Tân Phong'.normalize('NFD'))).toBe(searchKey('Phường Tân Phong'.normalize('NFC')));
  });

  it('matches a user term as a substring', () => {
    expect(searchKey('Đảng bộ xã Bình Lư')).toContain(searchKey('BÌNH lư'));
  });
});

describe('sortKey', () => {
  it('orders single names in Vietnamese alphabetical order', () => {
    const expected = [
      'Anh', 'Ân', 'Ba', 'Bà', 'Bả', 'Bã', 'Bá', 'Bạ', 'Bình', 'Dương', 'Đào',
      'Ông', 'Ơn', 'Uyên', 'Ưng', 'Yến',
    ];
    const input = ['Anh', 'Ân', 'Bình', 'Đào', 'Dương', 'Ơn', 'Ông', 'Uyên', 'Ưng', 'Yến', 'Ba', 'Bà', 'Bả', 'Bã', 'Bá', 'Bạ'];
    expect(vietnameseSort(input)).toEqual(expected);
    expect(vietnameseSort(shuffled(expected))).toEqual(expected);
  });

  it('places ă â đ ê ô ơ ư after their base letters and before the next letter', () => {
    const expected = ['an', 'ăn', 'ân', 'bo', 'do', 'đo', 'em', 'êm', 'gà', 'on', 'ôn', 'ơn', 'pa', 'un', 'ưn', 'vy'];
    expect(vietnameseSort(shuffled(expected))).toEqual(expected);
  });

  it('compares words left to right before tones', () => {
    const expected = ['An', 'An Bình', 'Anh', 'Ánh', 'Ba'];
    expect(vietnameseSort(shuffled(expected))).toEqual(expected);
    // A tone in the first word never beats a letter difference later on.
    expect(sortKey('Bà An') < sortKey('Ba Anh')).toBe(true);
    // With equal letters, the first word's tone decides.
    expect(sortKey('Ba Á') < sortKey('Bà A')).toBe(true);
  });

  it('orders full names surname first', () => {
    const expected = [
      'Dương Văn Minh',
      'Đặng Thị Hà',
      'Đỗ Văn Hùng',
      'Giàng A Sử',
      'Giàng Seo Páo',
      'Lò Thị Ín',
      'Lò Văn Ơn',
      'Lò Văn Ớn',
      'Nguyễn Văn An',
      'Nguyễn Văn Anh',
      'Nguyễn Văn Ân',
      'Nguyễn Văn Ba',
      'Sùng Seo Dế',
      'Tẩn Láo Sài',
      'Trần Thị Hằng',
      'Vàng Thị Mỷ',
    ];
    expect(vietnameseSort(shuffled(expected))).toEqual(expected);
  });

  it('is case-insensitive and ignores tone placement style and punctuation', () => {
    expect(sortKey('NGUYỄN văn AN')).toBe(sortKey('Nguyễn Văn An'));
    expect(sortKey('hòa')).toBe(sortKey('hoà'));
    expect(sortKey('Lũng Cú–Sèo Pả')).toBe(sortKey('Lũng Cú Sèo Pả'));
    expect(sortKey('Bình Lư'.normalize('NFD'))).toBe(sortKey('Bình Lư'));
  });

  it('puts digits before letters and orders numbers naturally', () => {
    const expected = [
      'Chi bộ tổ dân phố số 1',
      'Chi bộ tổ dân phố số 2',
      'Chi bộ tổ dân phố số 10',
      'Chi bộ tổ dân phố số A',
    ];
    expect(vietnameseSort(shuffled(expected))).toEqual(expected);
    expect(sortKey('9') < sortKey('a')).toBe(true);
  });

  it('produces storable UTF-8 text without NUL bytes', () => {
    for (const name of ['Đảng bộ tỉnh Lai Châu', '', '\u0000x\ud800', 'Øre ß 日本 ½', '\u0301']) {
      const key = sortKey(name);
      expect(key).not.toContain('\u0000');
      expect(Buffer.from(key, 'utf8').toString('utf8')).toBe(key);
    }
  });
});
