/**
 * Member and cell attributes shared by the generated datasets: weighted value lists as in the
 * reports' categories and SQL that picks from them by an ordinal, so every attribute is a fixed
 * function of the row's ordinal (no random(): two runs build the same rows).
 */

/** [value, weight] pairs; a null value is SQL NULL. */
export type Weighted = readonly (readonly [string | null, number])[];

// Shares roughly as in domain.md §1 (Phong Thổ: 2/3 of members from ethnic minorities there;
// a province-wide mix is more Kinh) and in the usual report categories of §2.
export const ethnicities: Weighted = [['Kinh', 12], ['Thai', 2], ['Mong', 2], ['Dao', 1], ['Tay', 1], ['Nung', 1], ['Ha Nhi', 1]];
export const religions: Weighted = [[null, 44], ['Phat giao', 4], ['Cong giao', 2]];
export const generalEducation: Weighted = [['UPPER_SECONDARY', 7], ['LOWER_SECONDARY', 2], ['PRIMARY', 1]];
export const qualifications: Weighted = [['BACHELOR', 3], ['MASTER', 1], ['COLLEGE', 1], ['INTERMEDIATE', 2], ['ELEMENTARY', 1], ['NONE', 2]];
export const politicalTheory: Weighted = [['ELEMENTARY', 5], ['INTERMEDIATE', 3], ['ADVANCED', 1], ['NONE', 1]];

export function sqlLiteral(value: string | null): string {
  return value === null ? 'null' : `'${value.replace(/'/g, "''")}'`;
}

/**
 * SQL that picks a value from a weighted list by the ordinal. Each attribute
 * scrambles the ordinal modulo its own prime, so attributes are not
 * correlated with each other (as they would be if all used ordinal % 10).
 */
export function pick(ordinal: string, prime: number, values: Weighted): string {
  const expanded = values.flatMap(([value, weight]) => Array<string | null>(weight).fill(value));
  const array = `array[${expanded.map(sqlLiteral).join(',')}]::text[]`;
  return `(${array})[1 + (${ordinal}::bigint * 7919 % ${prime})::int % ${expanded.length}]`;
}

/**
 * The cell type of cell number k in its commune: mostly residential (thôn, bản, tổ dân phố), as
 * in the real district counts of domain.md §1, plus a few of every other type per commune
 * (of 20: 14 residential, 2 public service, 2 administrative agency, 1 armed forces, 1 enterprise).
 */
export function cellTypeSql(k: string): string {
  return `case
      when ${k} % 10 = 5 then 'PUBLIC_SERVICE'
      when ${k} % 10 = 8 then 'ADMINISTRATIVE_AGENCY'
      when ${k} % 20 = 0 then 'ARMED_FORCES'
      when ${k} % 20 = 19 then 'ENTERPRISE'
      else 'RESIDENTIAL' end`;
}
