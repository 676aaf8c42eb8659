import { HEAD } from '../../src/services/statistics/contribution-sql';
import { CONTRIBUTIONS } from '../../src/services/statistics/contributions';
import { CELL_LEVEL_KINDS, STAT_FAMILIES } from '../../src/services/statistics/families';
import type { TestApp } from '../support/test-app';

/**
 * Shared by the statistics suites: a recount of every rollup from the base tables, computed
 * apart from the refresher (every unit's contribution afresh, summed up the tree here in
 * TypeScript), and the GraphQL document of the whole answer.
 */
const VALUES = ['n', 'a', 'b', 'c', 'd'] as const;

interface Row {
  unit_id: number;
  metric: string;
  day: string;
  k1: string;
  k2: string;
  n: string | number;
  a: string | number;
  b: string | number;
  c: string | number;
  d: string | number;
}

const keyOf = (r: { unit_id: number; metric: string; day: string; k1: string; k2: string }): string => [r.unit_id, r.metric, r.day, r.k1, r.k2].join('|');

function sums(rows: readonly Row[]): Map<string, string> {
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const acc = out.get(key) ?? [0, 0, 0, 0, 0];
    VALUES.forEach((v, i) => (acc[i] += Number(r[v])));
    out.set(key, acc);
  }
  return new Map([...out].filter(([, v]) => v.some((x) => x !== 0)).map(([k, v]) => [k, v.join(',')]));
}

function differences(label: string, expected: Map<string, string>, actual: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [key, value] of expected) if (actual.get(key) !== value) out.push(`${label} ${key}: expected ${value}, stored ${actual.get(key) ?? 'nothing'}`);
  for (const [key, value] of actual) if (!expected.has(key)) out.push(`${label} ${key}: expected nothing, stored ${value}`);
  return out;
}

/**
 * Every difference between what is stored (stat_own per unit, stat_fact per committee, province
 * and the nation) and a recount from the base tables now. Empty when the rollups are right.
 */
export async function recountDifferences(app: TestApp): Promise<string[]> {
  const units = await app.sql<{ id: number; path: string; kind: string }>('select id, path, kind from org_unit');
  const [{ horizon }] = await app.sql<{ horizon: string }>('select horizon::text as horizon from stat_state');
  const ids = `{${units.map((u) => u.id).join(',')}}`;
  const fresh: Array<Row & { family: string }> = [];
  for (const family of STAT_FAMILIES) {
    const rows = await app.sql<Row>(`with ${HEAD}${CONTRIBUTIONS[family].ctes} select unit_id, metric, day::text as day, k1, k2, n, a, b, c, d from own_rows`, [horizon, ids]);
    fresh.push(...rows.map((r) => ({ ...r, family })));
  }
  const storedOwn = await app.sql<Row>('select unit_id, metric, day::text as day, k1, k2, n, a, b, c, d from stat_own');
  const byId = new Map(units.map((u) => [u.id, u]));
  const exploded: Row[] = [];
  for (const r of fresh) {
    const unit = byId.get(r.unit_id);
    if (!unit) continue;
    const above = unit.path.split('/').filter(Boolean).map(Number)
      .filter((id) => !(CELL_LEVEL_KINDS as readonly string[]).includes(byId.get(id)?.kind ?? ''))
      .filter((id) => r.family !== 'TREE' || id !== unit.id);
    for (const target of [...above, 0]) {
      // By day, and (dated rows) again by month.
      exploded.push({ ...r, unit_id: target, metric: `${r.metric}:D` });
      if (r.day !== 'infinity') exploded.push({ ...r, unit_id: target, metric: `${r.metric}:M`, day: `${r.day.slice(0, 7)}-01` });
    }
  }
  const storedFacts = await app.sql<Row>("select unit_id, metric || ':' || grain as metric, day::text as day, k1, k2, n, a, b, c, d from stat_fact");
  return [...differences('own', sums(fresh), sums(storedOwn)), ...differences('fact', sums(exploded), sums(storedFacts))];
}

/** Dirty marks not yet taken in. */
export async function pendingMarks(app: TestApp): Promise<number> {
  const [{ n }] = await app.sql<{ n: number }>('select count(*)::int as n from stat_dirty');
  return n;
}

/** The whole answer, every section, as an integration would ask it. */
export const STATISTICS_FIELDS = `unit { name } period { from to grain } asOf
  units { total cells byKind { kind count } byCellType { cellType count } }
  members { total status: by(dimension: STATUS) { key count share } gender: by(dimension: GENDER) { key count share }
    minority: by(dimension: ETHNIC_MINORITY) { key count } education: by(dimension: GENERAL_EDUCATION) { key count }
    qualification: by(dimension: PROFESSIONAL_QUALIFICATION) { key count } theory: by(dimension: POLITICAL_THEORY) { key count } age: by(dimension: AGE_BAND) { key count } }
  admissions { admitted rural recognisedOfficial membersAtStart admissionRate byCellType { cellType count } exits { kind count } }
  positions { position unitKind count }
  meetings { cells regularHeld regularPerCell byKind { kind held present expected attendanceRate averageDurationMinutes }
    compliance { dueMonths regularExpected regularHeld regularInWindow lowAttendance attendanceNotRecorded attendanceRate regularRate inWindowRate thematicExpected thematicMet thematicRate } }
  thematicMatrix { total rows { topic { code } byCellType { cellType count } total } columnTotals { cellType count } }
  evaluations { meetingRatings { rating count } evaluatedMeetings appraisedMeetings awaitingAppraisal draftEvaluations heldWithoutEvaluation cellRatings { rating count } grades { subjectKind level count } fourGoodAssessed fourGoodAchieved }
  oversight { cells inspectedCells supervisedCells coveredCells coverageRate meetsRequirement supervisionVisits { kind count } weakCellFlags }
  inspections { conducted byState { key count } organisationTargets memberTargets findingsByKind { key count } remediation { onTime late overdue pending } discipline { targetKind kind count } }
  indicators { indicator numerator denominator value percent target { value source } gap met }`;

export const STATISTICS = `query($u: ID, $p: StatisticsPeriodInput!, $asOf: LocalDate) { statistics(unitId: $u, period: $p, asOf: $asOf) { ${STATISTICS_FIELDS} } }`;
