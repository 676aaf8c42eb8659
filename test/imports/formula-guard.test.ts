import { parse } from 'csv-parse/sync';
import { csvRows, neutraliseFormula, restoreFormulaText } from '../../src/services/exports/formula-guard';

/** OWASP's CSV-injection rule, on its own (the exports' tests check each file over HTTP). */
describe('formula guard', () => {
  test.each(['=1+2', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx'])('%j gets a leading quote and comes back on import', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(restoreFormulaText(neutraliseFormula(text))).toBe(text);
  });

  test('other text is left alone, on the way out and back', () => {
    for (const text of ['Chi bộ bản Nậm Cười', "'quoted", 'a=b', '', ' =spaced']) {
      expect(neutraliseFormula(text)).toBe(text);
      expect(restoreFormulaText(text)).toBe(text);
    }
  });

  test('in a CSV, numbers keep their sign, booleans read true/false, nothing is empty, text is neutralised', () => {
    expect(parse(csvRows([['a', 'b', 'c', 'd', 'e'], [-3, true, null, '-3', '=A1']]), { columns: true })).toEqual([{ a: '-3', b: 'true', c: '', d: "'-3", e: "'=A1" }]);
  });
});
