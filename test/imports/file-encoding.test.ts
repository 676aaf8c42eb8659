import { suspectedEncoding } from '../../src/services/imports/file-encoding';
import { createTestApp, onlyError, type GqlResult, type TestApp } from '../support/test-app';
import { communeId, IMPORT_MEMBERS, importCells, MEMBER_HEADER, memberCount } from './support';

/**
 * Issue #16 item 6: files from Vietnamese offices in Windows-1258 are converted, TCVN3 is refused
 * naming it, and text a client decoded wrongly (U+FFFD, or a legacy file read as Windows-1252)
 * is refused naming what it was; nothing garbled is stored. The byte files are built here from the
 * encodings' tables.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await importCells(app);
});
afterAll(() => app.close());

/** Windows-1258: precomposed base letters, tones as combining bytes after them. */
const W1258_BASES: Record<string, number> = { ă: 0xe3, Ă: 0xc3, â: 0xe2, Â: 0xc2, ê: 0xea, Ê: 0xca, ô: 0xf4, Ô: 0xd4, ơ: 0xf5, Ơ: 0xd5, ư: 0xfd, Ư: 0xdd, đ: 0xf0, Đ: 0xd0 };
const W1258_TONES: Record<string, number> = { '\u0300': 0xcc, '\u0309': 0xd2, '\u0303': 0xde, '\u0301': 0xec, '\u0323': 0xf2 };

function windows1258(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const letter of text.normalize('NFC')) {
    const parts = [...letter.normalize('NFD')];
    const tone = parts.find((c) => W1258_TONES[c] !== undefined);
    const base = parts.filter((c) => c !== tone).join('').normalize('NFC');
    const code = base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : W1258_BASES[base];
    if (code === undefined) throw new Error(`no Windows-1258 byte for ${base}`);
    bytes.push(code);
    if (tone) bytes.push(W1258_TONES[tone]);
  }
  return Uint8Array.from(bytes);
}

/** TCVN3 (ABC) bytes of the letters these tests use (TCVN 5712, checked against glibc's iconv). */
const TCVN3: Record<string, number> = { ă: 0xa8, â: 0xa9, ê: 0xaa, ô: 0xab, ơ: 0xac, ư: 0xad, đ: 0xae, Đ: 0xa7, ứ: 0xf8, ễ: 0xd4, ị: 0xde, ồ: 0xe5, à: 0xb5, á: 0xb8 };
function tcvn3(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : TCVN3[c] ?? Number.NaN)));
}

const NAMES = ['Nguyễn Thị Hồng Vân', 'Đặng Văn Lưỡng', 'Phạm Quốc Tuấn'];
const memberFile = (prefix: string): string =>
  [MEMBER_HEADER, ...NAMES.map((name, i) => `${prefix}-${i + 1},EN-01,${name},MALE,1980-02-01,Kinh,2010-03-05,2011-03-05,`)].join('\r\n');
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const importBytes = (bytes: Uint8Array): Promise<GqlResult> => app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: communeId(app), csvBase64: base64(bytes) } });
const importText = (csv: string): Promise<GqlResult> => app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: communeId(app), csv } });
const extensionsOf = (result: GqlResult): Record<string, unknown> => {
  onlyError(result);
  return result.errors?.[0].extensions ?? {};
};

test('the byte table is Windows-1258 as the Encoding Standard decodes it', () => {
  expect(new TextDecoder('windows-1258').decode(windows1258(NAMES.join(' '))).normalize('NFC')).toBe(NAMES.join(' '));
});

describe('a file sent as bytes (csvBase64)', () => {
  test('UTF-8 (with Excel\'s byte-order mark) imports as it is', async () => {
    const bytes = new TextEncoder().encode(`\ufeff${memberFile('EU')}`);
    expect((await importBytes(bytes)).data).toEqual({ importMembers: { dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0 } });
    expect(await memberCount(app, "party_card_number like 'EU-%' and full_name in (?, ?, ?)", NAMES)).toBe(3);
  });

  test('Windows-1258 is converted: the names are stored in Unicode (NFC), and the same file in UTF-8 changes nothing', async () => {
    const result = await importBytes(windows1258(memberFile('EW')));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ importMembers: { dryRun: false, rows: 3, created: 3, updated: 0, unchanged: 0 } });
    const stored = await app.sql<{ full_name: string }>("select full_name from member where party_card_number like 'EW-%' order by party_card_number");
    expect(stored.map((r) => r.full_name)).toEqual(NAMES);
    expect((await importText(memberFile('EW'))).data).toEqual({ importMembers: { dryRun: false, rows: 3, created: 0, updated: 0, unchanged: 3 } });
  });

  test('TCVN3 is refused, naming it; nothing is written', async () => {
    const file = `${MEMBER_HEADER}\nET-1,EN-01,Đặng Văn Đức,MALE,1980-02-01,Kinh,2010-03-05,,\nET-2,EN-01,Nguyễn Thị Hồng,FEMALE,1980-02-01,Kinh,2010-03-05,,`.replace('Đặng', 'Đàng');
    const bytes = tcvn3(file);
    expect(bytes.some(Number.isNaN)).toBe(false);
    const result = await importBytes(bytes);
    expect(extensionsOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csvBase64', suspectedEncoding: 'TCVN3', reason: expect.stringContaining('TCVN3') });
    expect(await memberCount(app, "party_card_number like 'ET-%'")).toBe(0);
  });

  test('a UTF-8 file with one damaged byte is refused, not read as a legacy encoding', async () => {
    const bytes = new TextEncoder().encode(memberFile('ED'));
    const broken = Uint8Array.from([...bytes.subarray(0, 120), 0xff, ...bytes.subarray(120)]);
    expect(extensionsOf(await importBytes(broken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csvBase64', reason: expect.stringContaining('not valid UTF-8') });
    expect(await memberCount(app, "party_card_number like 'ED-%'")).toBe(0);
  });

  test('not base64, or both csv and csvBase64, or neither: BAD_USER_INPUT', async () => {
    const run = (input: Record<string, unknown>): Promise<GqlResult> => app.run('organizer:commune', IMPORT_MEMBERS, { input: { rootId: communeId(app), ...input } });
    expect(onlyError(await run({ csvBase64: 'not base64!' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csvBase64' });
    expect(onlyError(await run({ csv: memberFile('EB'), csvBase64: base64(new TextEncoder().encode(memberFile('EB'))) }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect(onlyError(await run({}))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect(await memberCount(app, "party_card_number like 'EB-%'")).toBe(0);
  });
});

describe('a file the client already decoded wrongly (csv)', () => {
  test.each([
    ['Windows-1258 read as UTF-8 (U+FFFD)', (): string => new TextDecoder('utf-8').decode(windows1258(memberFile('EF'))), 'Windows-1258 or TCVN3'],
    ['TCVN3 read as UTF-8 (U+FFFD)', (): string => new TextDecoder('utf-8').decode(tcvn3(`${MEMBER_HEADER}\nEF-1,EN-01,Đàng Văn Đức,MALE,1980-02-01,Kinh,2010-03-05,,`)), 'Windows-1258 or TCVN3'],
    ['Windows-1258 read as Windows-1252', (): string => new TextDecoder('windows-1252').decode(windows1258(memberFile('EF'))), 'Windows-1258'],
    ['TCVN3 read as Windows-1252', (): string => new TextDecoder('windows-1252').decode(tcvn3(`${MEMBER_HEADER}\nEF-1,EN-01,Đàng Văn Đức,MALE,1980-02-01,Kinh,2010-03-05,,`)), 'TCVN3'],
    // Without Đ: its UTF-8 bytes (C4 90) hold one Windows-1252 leaves undefined, a C1 control the argument check refuses first.
    ['UTF-8 read as Windows-1252', (): string => new TextDecoder('windows-1252').decode(new TextEncoder().encode(`${MEMBER_HEADER}\nEF-1,EN-01,Nguyễn Thị Hồng Vân,FEMALE,1980-02-01,Kinh,2010-03-05,,`)), 'UTF-8 read as Windows-1252'],
  ])('%s: refused naming the encoding, nothing written', async (_what, text, encoding) => {
    const result = await importText(text());
    expect(extensionsOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv', suspectedEncoding: encoding });
    expect(await memberCount(app, "party_card_number like 'EF-%'")).toBe(0);
  });

  test('text with only Latin-1 letters that is what it says is imported (control)', async () => {
    const csv = `${MEMBER_HEADER}\nEL-1,EN-01,Hélène Dupont Ngô,FEMALE,1980-02-01,Kinh,2010-03-05,,`;
    expect((await importText(csv)).data).toEqual({ importMembers: { dryRun: false, rows: 1, created: 1, updated: 0, unchanged: 0 } });
  });
});

describe('suspectedEncoding', () => {
  test('names the legacy encoding of Vietnamese bytes, and neither for plain Latin-1 text', () => {
    expect(suspectedEncoding(windows1258('Đặng Văn Lưỡng, Nguyễn Thị Hồng'))).toBe('Windows-1258');
    expect(suspectedEncoding(tcvn3('Đàng Văn Đức, Nguyễn Thị Hồng'))).toBe('TCVN3');
    expect(suspectedEncoding(Uint8Array.from(Buffer.from('Hélène, Zoë, Ångström ABC® © 2020', 'latin1')))).toBeNull();
  });
});
