import { argon2id, hash } from 'argon2';
import type { Client } from 'pg';
import { ONBOARDING_HISTORY_SQL } from '../../src/db/onboarding-history';
import { createAccount } from '../lib/accounts';
import { inTransaction, vacuumAnalyze } from '../lib/bulk-load';
import { cellTypeSql, ethnicities, generalEducation, pick, politicalTheory, qualifications, religions } from './attributes';

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
select x.id, x.province_id, x.parent_id, x.parent_path || x.id || '/', 2, 'CELL', ${cellTypeSql('x.k')},
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
  await inTransaction(client, async () => {
    await client.query(foundationSql(sizes));
    // The members' history and memberships, which rosters read (set-based, like the members themselves).
    await client.query(ONBOARDING_HISTORY_SQL);
    await createAccount(
      client,
      { username: benchOrganizer.username, displayName: 'Bench Organizer', role: 'ORGANIZER', unit: { kind: 'COMMUNE_COMMITTEE', code: communeCode(sizes, 1) } },
      passwordHash,
    );
  });
  const generateMs = performance.now() - start;
  const vacuumAnalyzeMs = await vacuumAnalyze(client);

  return { sizes, generateMs, vacuumAnalyzeMs, hashMs };
}
