/** Shares and rates are answered to four decimals (0.5529), percentages to two (55.29), as the reports print them. */
export const round4 = (n: number): number => Math.round(n * 10000) / 10000;
