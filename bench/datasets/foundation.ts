import { argon2id, hash } from 'argon2';
import type { Client } from 'pg';
import { ONBOARDING_HISTORY_SQL } from '../../src/db/onboarding-history';

/**
 * The foundation dataset: one province, its communes, their cells and the
 * cells' members, generated inside PostgreSQL with generate_series (a client-
 * side loop of 60,000 inserts would take longer than the benchmark itself).
 *
 * Everything is derived from the member's ordinal with modular arithmetic, not
 * random(), so two runs produce the same rows and the same figures.
 */

export interface FoundationSizes {
  communes: number;
  cellsPerCommune: number;
  membersPerCell: number;
}

/** 1 province, 100 communes, 2,000 cells, 60,000 members: a mid-sized province. */
export const foundationSizes: FoundationSizes = { communes: 100, cellsPerCommune: 20, membersPerCell: 30 };

export const benchOrganizer = { username: 'bench.organizer', password: 'bench-password' } as const;

/** Marks the generated province so the generator and scenarios find it without assuming ids. */
export const benchProvinceCode = 'BENCH';

export interface FoundationGeneration {
  sizes: FoundationSizes;
  /** Wall time of the generating transaction (tree, members, accounts), ms. */
  generateMs: number;
  /** Wall time of VACUUM (ANALYZE) afterwards, ms. */
  vacuumAnalyzeMs: number;
  /** Wall time of the argon2id hash, ms (done before the transaction opens). */
  hashMs: number;
}

interface Widths {
  commune: number;
  cell: number;
  member: number;
}

/** Zero-padding widths: at least 3/2/2 digits so the default names read 'Xa 042', 'Chi bo 042-07'. */
function widths(sizes: FoundationSizes): Widths {
  return {
    commune: Math.max(3, String(sizes.communes).length),
    cell: Math.max(2, String(sizes.cellsPerCommune).length),
    member: Math.max(2, String(sizes.membersPerCell).length),
  };
}

/** org_unit.code of commune number n (1-based): the scenarios look commune #1 up by it. */
export function communeCode(sizes: FoundationSizes, n: number): string {
  return 'X' + String(n).padStart(widths(sizes).commune, '0');
}

/** [value, weight] pairs; a null value is SQL NULL. */
type Weighted = readonly (readonly [string | null, number])[];

// Shares roughly as in domain.md §1 (Phong Thổ: 2/3 of members from ethnic minorities there;
// a province-wide mix is more Kinh) and in the usual report categories of §2.
const ethnicities: Weighted = [['Kinh', 12], ['Thai', 2], ['Mong', 2], ['Dao', 1], ['Tay', 1], ['Nung', 1], ['Ha Nhi', 1]];
const religions: Weighted = [[null, 44], ['Phat giao', 4], ['Cong giao', 2]];
const generalEducation: Weighted = [['UPPER_SECONDARY', 7], ['LOWER_SECONDARY', 2], ['PRIMARY', 1]];
const qualifications: Weighted = [['BACHELOR', 3], ['MASTER', 1], ['COLLEGE', 1], ['INTERMEDIATE', 2], ['ELEMENTARY', 1], ['NONE', 2]];
const politicalTheory: Weighted = [['ELEMENTARY', 5], ['INTERMEDIATE', 3], ['ADVANCED', 1], ['NONE', 1]];

function sqlLiteral(value: string | null): string {
  return value === null ? 'null' : `'${value.replace(/'/g, "''")}'`;
}

/**
 * SQL that picks a value from a weighted list by the ordinal. Each attribute
 * scrambles the ordinal modulo its own prime, so attributes are not
 * correlated with each other (as they would be if all used ordinal % 10).
 */
function pick(ordinal: string, prime: number, values: Weighted): string {
  const expanded = values.flatMap(([value, weight]) => Array<string | null>(weight).fill(value));
  const array = `array[${expanded.map(sqlLiteral).join(',')}]::text[]`;
  return `(${array})[1 + (${ordinal}::bigint * 7919 % ${prime})::int % ${expanded.length}]`;
}

function checkSizes(sizes: FoundationSizes): void {
  for (const [key, value] of Object.entries(sizes)) {
    // The sizes are interpolated into SQL text: only plain positive integers may pass.
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new Error(`foundation size ${key} must be a positive integer, got ${String(value)}`);
    }
  }
}

/**
 * The SQL that fills an empty migrated database. Several statements; run it
 * inside a transaction. Ids come from the serial sequences (nextval in a
 * subquery's select list, which PostgreSQL evaluates once per row and, with an
 * ORDER BY, after the sort), so paths can be written in the same INSERT as the
 * row instead of by a second UPDATE pass over every row.
 */
export function foundationSql(sizes: FoundationSizes): string {
  checkSizes(sizes);
  const w = widths(sizes);
  const { communes, cellsPerCommune, membersPerCell } = sizes;
  const orgSeq = `pg_get_serial_sequence('org_unit', 'id')`;
  const memberSeq = `pg_get_serial_sequence('member', 'id')`;

  // Cell types: mostly residential (thôn, bản, tổ dân phố), as in the real
  // district counts of domain.md §1, plus a few of every other type per commune.
  const cellType = `case
      when x.k % 10 = 5 then 'PUBLIC_SERVICE'
      when x.k % 10 = 8 then 'ADMINISTRATIVE_AGENCY'
      when x.k % 20 = 0 then 'ARMED_FORCES'
      when x.k % 20 = 19 then 'ENTERPRISE'
      else 'RESIDENTIAL' end`;

  return `
-- The province: path '/<id>/', its own province.
insert into org_unit (id, province_id, parent_id, path, depth, kind, name, name_search, name_sort_key, code, founded_on)
select x.id, x.id, null, '/' || x.id || '/', 0, 'PROVINCE', 'Tinh Bench', 'tinh bench', 'tinh bench', '${benchProvinceCode}', date '1945-01-01'
from (select nextval(${orgSeq})::int as id) x;

-- Communes under the province (the communes founded on 1 July 2025).
insert into org_unit (id, province_id, parent_id, path, depth, kind, name, name_search, name_sort_key, code, founded_on)
select x.id, x.province_id, x.parent_id, x.parent_path || x.id || '/', 1, 'COMMUNE_COMMITTEE',
       'Xa ' || x.no, 'xa ' || x.no, 'xa ' || x.no, 'X' || x.no, date '2025-07-01'
from (
  select nextval(${orgSeq})::int as id, p.id as province_id, p.id as parent_id, p.path as parent_path,
         lpad(g::text, ${w.commune}, '0') as no
  from org_unit p cross join generate_series(1, ${communes}) g
  where p.kind = 'PROVINCE' and p.code = '${benchProvinceCode}'
  order by g
) x;

-- Cells under each commune; code 'X<commune>-<cell>' carries the numbers the member insert needs.
insert into org_unit (id, province_id, parent_id, path, depth, kind, cell_type, name, name_search, name_sort_key, code, founded_on)
select x.id, x.province_id, x.parent_id, x.parent_path || x.id || '/', 2, 'CELL', ${cellType},
       'Chi bo ' || x.commune_no || '-' || x.no, 'chi bo ' || x.commune_no || '-' || x.no,
       'chi bo ' || x.commune_no || '-' || x.no, 'X' || x.commune_no || '-' || x.no, date '2025-07-01'
from (
  select nextval(${orgSeq})::int as id, c.province_id, c.id as parent_id, c.path as parent_path,
         substr(c.code, 2) as commune_no, g as k, lpad(g::text, ${w.cell}, '0') as no
  from org_unit c cross join generate_series(1, ${cellsPerCommune}) g
  where c.kind = 'COMMUNE_COMMITTEE' and c.province_id = (select id from org_unit where kind = 'PROVINCE' and code = '${benchProvinceCode}')
  order by c.code, g
) x;

-- Members: i is the member's ordinal in the province (1-based); every
-- attribute is a fixed function of it: one in three women (as in domain.md §1),
-- 4% probationary, 40% ethnic minorities.
insert into member (id, province_id, unit_id, unit_path, full_name, name_search, name_sort_key, gender, birth_date,
                    ethnicity, religion, general_education, professional_qualification, political_theory,
                    party_card_number, admission_date, official_date, status, citizen_id, phone, address)
select y.id, y.province_id, y.unit_id, y.unit_path, y.full_name, lower(y.full_name), lower(y.full_name), y.gender,
       y.admission_date - y.age_at_admission_days,
       ${pick('y.i', 1009, ethnicities)},
       ${pick('y.i', 1013, religions)},
       ${pick('y.i', 1019, generalEducation)},
       case when y.i % 997 = 0 then 'DOCTORATE' else ${pick('y.i', 1021, qualifications)} end,
       ${pick('y.i', 1031, politicalTheory)},
       lpad(y.i::text, 8, '0'),
       y.admission_date,
       case when y.status = 'OFFICIAL' then y.admission_date + 365 end,
       y.status,
       -- 12-digit citizen id: province code, sex/century digit, birth year, serial.
       '012' || case when y.gender = 'MALE' then '0' else '1' end
             || to_char(y.admission_date - y.age_at_admission_days, 'YY')
             || lpad((y.i % 1000000)::text, 6, '0'),
       '09' || lpad((y.i % 100000000)::text, 8, '0'),
       'So ' || y.m || ', to dan pho ' || y.k || ', xa ' || y.commune_no || ', tinh Bench'
from (
  select x.*,
         'Dang vien ' || x.commune_no || lpad(x.k::text, ${w.cell}, '0') || lpad(x.m::text, ${w.member}, '0') as full_name,
         case when x.i % 3 = 0 then 'FEMALE' else 'MALE' end as gender,
         18 * 365 + (x.i::bigint * 131 % (30 * 365))::int as age_at_admission_days,
         case when x.i % 25 = 0 then 'PROBATIONARY' else 'OFFICIAL' end as status,
         -- Probation lasts 12 months: probationary members were admitted within the
         -- last year (relative to today); official ones between 1970 and 2022, so
         -- their official_date (admission + 1 year) is in the past.
         case when x.i % 25 = 0 then current_date - 30 - (x.i * 37) % 300
              else date '1970-01-01' + (x.i::bigint * 7919 % 19000)::int end as admission_date
  from (
    select nextval(${memberSeq})::int as id, c.province_id, c.id as unit_id, c.path as unit_path,
           c.commune_no, c.k, g as m,
           ((c.commune_no::int - 1) * ${cellsPerCommune} + (c.k - 1)) * ${membersPerCell} + g as i
    from (
      select id, province_id, path, substr(split_part(code, '-', 1), 2) as commune_no,
             split_part(code, '-', 2)::int as k
      from org_unit
      where kind = 'CELL' and province_id = (select id from org_unit where kind = 'PROVINCE' and code = '${benchProvinceCode}')
    ) c cross join generate_series(1, ${membersPerCell}) g
    order by c.commune_no, c.k, g
  ) x
) y;
`;
}

/**
 * Fills an empty migrated database: the tree and members from foundationSql,
 * then the bench organizer account, all in one transaction, then VACUUM
 * (ANALYZE) so the planner sees the real table sizes before the first query.
 */
export async function generateFoundation(client: Client, sizes: FoundationSizes = foundationSizes): Promise<FoundationGeneration> {
  const existing = await client.query<{ n: string }>('select count(*) as n from org_unit');
  if (existing.rows[0]?.n !== '0') {
    throw new Error('generateFoundation needs an empty migrated database; org_unit already has rows');
  }

  // argon2id in node, as the server hashes it, so login verifies the same way; hashing
  // before BEGIN keeps the transaction short.
  const hashStart = performance.now();
  const passwordHash = await hash(benchOrganizer.password, { type: argon2id });
  const hashMs = performance.now() - hashStart;

  const start = performance.now();
  await client.query('begin');
  try {
    await client.query(foundationSql(sizes));
    // The members' history and memberships, which rosters read (set-based, like the members themselves).
    await client.query(ONBOARDING_HISTORY_SQL);
    const account = await client.query<{ id: number }>(
      `insert into account (kind, username, password_hash, display_name) values ('PERSON', $1, $2, $3) returning id`,
      [benchOrganizer.username, passwordHash, 'Bench Organizer'],
    );
    const granted = await client.query(
      `insert into role_assignment (account_id, role, unit_id, unit_path, province_id)
       select $1, 'ORGANIZER', id, path, province_id from org_unit where kind = 'COMMUNE_COMMITTEE' and code = $2`,
      [account.rows[0]?.id, communeCode(sizes, 1)],
    );
    if (granted.rowCount !== 1) throw new Error('commune #1 not found while granting the bench organizer');
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  const generateMs = performance.now() - start;

  // VACUUM as well as ANALYZE: a long-lived table is mostly all-visible, so the
  // planner can use index-only scans (counts!) and reads set no hint bits.
  // Without it the first minutes of load would do that work, or never reach
  // that state at all where autovacuum is off (as on this machine's server).
  const vacuumStart = performance.now();
  await client.query('vacuum (analyze)');
  const vacuumAnalyzeMs = performance.now() - vacuumStart;

  return { sizes, generateMs, vacuumAnalyzeMs, hashMs };
}
