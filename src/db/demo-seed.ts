/**
 * Demo data: one province (Lai Châu) with communes, a ward and a bloc
 * committee, 36 cells of every type, ~430 members with positions, and the
 * demo accounts listed in docs/demo-accounts.md. Proportions follow the Phong
 * Thổ 2024 figures in docs/domain.md §1. Deterministic: a seeded PRNG and a
 * fixed reference date, so every run produces the same rows and ids relative
 * to the sequences.
 */
import { argon2id, hash } from 'argon2';
import { personSortKey, searchKey, sortKey } from '../services/tree/vietnamese-text';
import { NAMES } from './demo-names';
import { seedDemoLifecycle } from './demo-lifecycle-seed';
import { ONBOARDING_HISTORY_SQL } from './onboarding-history';
import { apportion, digits, int, mulberry32, pick, shuffle, unique, weighted, type Rng } from './demo-random';

export type Execute = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface DemoSummary {
  provinceId: number;
  units: number;
  cells: number;
  members: number;
  accounts: Array<{ username: string; role: string; unit: string }>;
}

/** Password of every demo PERSON account. */
export const DEMO_PASSWORD = 'chibo-demo-2026';

// --------------------------------------------------------------------- dates

const DAY_MS = 86_400_000;
const utc = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const yearOf = (ms: number): number => new Date(ms).getUTCFullYear();
/** Like PostgreSQL's `date + interval 'n years'`: 29 Feb becomes 28 Feb. */
function addYears(ms: number, years: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear() + years;
  const lastDay = new Date(Date.UTC(y, d.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(y, d.getUTCMonth(), Math.min(d.getUTCDate(), lastDay));
}
const between = (rng: Rng, from: number, to: number): number => from + Math.floor(rng() * ((to - from) / DAY_MS + 1)) * DAY_MS;

/** "Today" for the demo: probationary members were admitted in the 12 months before it. */
const REFERENCE = utc(2026, 11, 1);
const FIRST_ADMISSION = utc(1975, 1, 1);
/** Latest admission of an official member: one year of probation must be over. */
const LAST_OFFICIAL_ADMISSION = utc(2025, 10, 31);

// ------------------------------------------------------------------ the tree

type UnitKind =
  | 'PROVINCE' | 'COMMUNE_COMMITTEE' | 'WARD_COMMITTEE' | 'BLOC_COMMITTEE' | 'GRASSROOTS_COMMITTEE'
  | 'GRASSROOTS_CELL' | 'PARTIAL_COMMITTEE' | 'CELL' | 'PARTY_GROUP';
type CellType = 'RESIDENTIAL' | 'ADMINISTRATIVE_AGENCY' | 'PUBLIC_SERVICE' | 'ARMED_FORCES' | 'ENTERPRISE';
export type Ethnicity = 'Kinh' | 'Mông' | 'Thái' | 'Dao' | 'Hà Nhì' | 'Giáy' | 'Lự' | 'Khơ Mú';
type Weights<T> = ReadonlyArray<readonly [T, number]>;
type EthnicMix = Weights<Ethnicity>;

interface CellProfile {
  type: CellType;
  size: readonly [number, number];
  /** Share of women. */
  women: number;
  ethnicity: EthnicMix;
  /** Home addresses members are drawn from. */
  addresses: readonly string[];
}

interface UnitSpec {
  name: string;
  kind: UnitKind;
  code?: string;
  foundedOn?: string;
  cell?: CellProfile;
  /** Lets the accounts section find a unit without relying on names. */
  tag?: string;
  children?: UnitSpec[];
}

const PROVINCE_SUFFIX = 'tỉnh Lai Châu';

/** Mostly the village's own group, some Kinh, a few neighbours. */
function villageMix(main: Ethnicity, mainShare = 0.85): EthnicMix {
  const others = (['Mông', 'Thái', 'Dao', 'Giáy'] as const).filter((e) => e !== main);
  const rest = 1 - mainShare - 0.07;
  return [[main, mainShare], ['Kinh', 0.07], ...others.map((e) => [e, rest / others.length] as const)];
}

/** Salaried cells (schools, police, agencies) mix Kinh staff with local minorities. */
function staffMix(minorityShare: number, local: readonly Ethnicity[]): EthnicMix {
  return [['Kinh', 1 - minorityShare], ...local.map((e) => [e, minorityShare / local.length] as const)];
}

interface CommuneSpec {
  name: string;
  kind: 'COMMUNE_COMMITTEE' | 'WARD_COMMITTEE';
  tag?: string;
  villages: ReadonlyArray<{ name: string; ethnicity: Ethnicity; tag?: string; mainShare?: number }>;
  /** Non-residential cells: name, type, tag. */
  others: ReadonlyArray<{ name: string; type: CellType; tag?: string }>;
}

const SIZES: Record<CellType, readonly [number, number]> = {
  RESIDENTIAL: [8, 16],
  PUBLIC_SERVICE: [6, 14],
  ARMED_FORCES: [6, 12],
  ADMINISTRATIVE_AGENCY: [8, 18],
  ENTERPRISE: [6, 12],
};
const WOMEN: Record<CellType, number> = {
  RESIDENTIAL: 0.27,
  PUBLIC_SERVICE: 0.6,
  ARMED_FORCES: 0.08,
  ADMINISTRATIVE_AGENCY: 0.38,
  ENTERPRISE: 0.3,
};

function commune(spec: CommuneSpec): UnitSpec {
  const place = spec.kind === 'COMMUNE_COMMITTEE' ? `xã ${spec.name}` : `phường ${spec.name}`;
  const villageGroups = spec.villages.map((v) => v.ethnicity).filter((e) => e !== 'Kinh');
  const local: Ethnicity[] = villageGroups.length > 0 ? [...new Set(villageGroups)] : ['Thái', 'Giáy', 'Mông'];
  const addresses = spec.villages.map((v) => `${v.name.startsWith('Tổ') ? v.name : `Bản ${v.name}`}, ${place}, ${PROVINCE_SUFFIX}`);
  const villages: UnitSpec[] = spec.villages.map((v) => {
    const isStreet = v.name.startsWith('Tổ');
    return {
      name: `Chi bộ ${isStreet ? v.name.toLowerCase() : `bản ${v.name}`}`,
      kind: 'CELL',
      tag: v.tag,
      cell: {
        type: 'RESIDENTIAL',
        size: v.tag === 'tdp1' ? [24, 25] : SIZES.RESIDENTIAL,
        women: isStreet ? 0.38 : WOMEN.RESIDENTIAL,
        ethnicity: v.ethnicity === 'Kinh' ? staffMix(0.4, ['Thái', 'Giáy', 'Mông']) : villageMix(v.ethnicity, v.mainShare),
        addresses: [`${isStreet ? v.name : `Bản ${v.name}`}, ${place}, ${PROVINCE_SUFFIX}`],
      },
    };
  });
  const others: UnitSpec[] = spec.others.map((o) => ({
    name: o.name,
    kind: 'CELL',
    tag: o.tag,
    cell: { type: o.type, size: SIZES[o.type], women: WOMEN[o.type], ethnicity: staffMix(0.55, local), addresses },
  }));
  return { name: `Đảng bộ ${place}`, kind: spec.kind, tag: spec.tag, foundedOn: '2025-07-01', children: [...villages, ...others] };
}

const CITY_ADDRESSES: readonly string[] = [
  ...Array.from({ length: 18 }, (_, i) => `Tổ dân phố số ${i + 1}, phường Tân Phong, ${PROVINCE_SUFFIX}`),
  ...Array.from({ length: 12 }, (_, i) => `Tổ dân phố số ${i + 1}, phường Đoàn Kết, ${PROVINCE_SUFFIX}`),
];

function provincialCell(name: string, kind: 'CELL' | 'GRASSROOTS_CELL', type: CellType): UnitSpec {
  return {
    name,
    kind,
    cell: { type, size: SIZES[type], women: WOMEN[type], ethnicity: staffMix(0.45, ['Thái', 'Mông', 'Dao', 'Giáy']), addresses: CITY_ADDRESSES },
  };
}

const TREE: UnitSpec = {
  name: 'Đảng bộ tỉnh Lai Châu',
  kind: 'PROVINCE',
  code: '12',
  foundedOn: '2004-01-01',
  tag: 'province',
  children: [
    commune({
      name: 'Bình Lư',
      kind: 'COMMUNE_COMMITTEE',
      tag: 'binhlu',
      villages: [
        { name: 'Nậm Cười', ethnicity: 'Lự', tag: 'namcuoi' },
        { name: 'Bình Lư', ethnicity: 'Lự', mainShare: 0.5 },
        { name: 'Nà Bỏ', ethnicity: 'Thái' },
        { name: 'Sì Thâu Chải', ethnicity: 'Dao' },
        { name: 'Lao Chải', ethnicity: 'Mông' },
      ],
      others: [
        { name: 'Chi bộ các cơ quan Đảng - Mặt trận xã Bình Lư', type: 'ADMINISTRATIVE_AGENCY', tag: 'binhlu-party-agencies' },
        { name: 'Chi bộ Ủy ban nhân dân xã Bình Lư', type: 'ADMINISTRATIVE_AGENCY' },
        { name: 'Chi bộ Trường Tiểu học Bình Lư', type: 'PUBLIC_SERVICE' },
        { name: 'Chi bộ Trường THCS Bình Lư', type: 'PUBLIC_SERVICE' },
        { name: 'Chi bộ Trạm Y tế xã Bình Lư', type: 'PUBLIC_SERVICE' },
        { name: 'Chi bộ Công an xã Bình Lư', type: 'ARMED_FORCES' },
        { name: 'Chi bộ Quân sự xã Bình Lư', type: 'ARMED_FORCES' },
      ],
    }),
    commune({
      name: 'Phong Thổ',
      kind: 'COMMUNE_COMMITTEE',
      villages: [
        { name: 'Pa So', ethnicity: 'Thái' },
        { name: 'Hoang Thèn', ethnicity: 'Giáy' },
      ],
      others: [
        { name: 'Chi bộ Trường Mầm non Phong Thổ', type: 'PUBLIC_SERVICE' },
        { name: 'Chi bộ Công an xã Phong Thổ', type: 'ARMED_FORCES' },
      ],
    }),
    commune({
      name: 'Sì Lở Lầu',
      kind: 'COMMUNE_COMMITTEE',
      villages: [
        { name: 'Sì Lở Lầu', ethnicity: 'Dao' },
        { name: 'Ma Ly Chải', ethnicity: 'Mông' },
      ],
      others: [{ name: 'Chi bộ Trạm Y tế xã Sì Lở Lầu', type: 'PUBLIC_SERVICE' }],
    }),
    commune({
      name: 'Dào San',
      kind: 'COMMUNE_COMMITTEE',
      villages: [
        { name: 'Tung Qua Lìn', ethnicity: 'Mông' },
        { name: 'Pờ Ngài', ethnicity: 'Hà Nhì' },
      ],
      others: [{ name: 'Chi bộ Trường PTDTBT Tiểu học Dào San', type: 'PUBLIC_SERVICE' }],
    }),
    commune({
      name: 'Khổng Lào',
      kind: 'COMMUNE_COMMITTEE',
      villages: [
        { name: 'Khổng Lào', ethnicity: 'Giáy' },
        { name: 'Nà Củng', ethnicity: 'Thái' },
      ],
      others: [],
    }),
    commune({
      name: 'Mường So',
      kind: 'COMMUNE_COMMITTEE',
      villages: [
        { name: 'Mường So', ethnicity: 'Thái' },
        { name: 'Nậm Cáy', ethnicity: 'Khơ Mú' },
      ],
      others: [{ name: 'Chi bộ Công an xã Mường So', type: 'ARMED_FORCES' }],
    }),
    commune({
      name: 'Tân Phong',
      kind: 'WARD_COMMITTEE',
      villages: [
        { name: 'Tổ dân phố số 1', ethnicity: 'Kinh', tag: 'tdp1' },
        { name: 'Tổ dân phố số 2', ethnicity: 'Kinh' },
        { name: 'Tổ dân phố số 10', ethnicity: 'Kinh' },
      ],
      others: [{ name: 'Chi bộ Công ty Cổ phần Cấp nước Lai Châu', type: 'ENTERPRISE' }],
    }),
    {
      name: 'Đảng bộ Các cơ quan tỉnh',
      kind: 'BLOC_COMMITTEE',
      children: [
        {
          name: 'Đảng bộ Sở Y tế',
          kind: 'GRASSROOTS_COMMITTEE',
          children: [
            {
              name: 'Đảng bộ bộ phận Bệnh viện Đa khoa tỉnh',
              kind: 'PARTIAL_COMMITTEE',
              children: [
                provincialCell('Chi bộ Khoa Nội', 'CELL', 'PUBLIC_SERVICE'),
                provincialCell('Chi bộ Khoa Ngoại', 'CELL', 'PUBLIC_SERVICE'),
              ],
            },
            provincialCell('Chi bộ Văn phòng Sở Y tế', 'CELL', 'ADMINISTRATIVE_AGENCY'),
          ],
        },
        provincialCell('Chi bộ Sở Tư pháp', 'GRASSROOTS_CELL', 'ADMINISTRATIVE_AGENCY'),
        provincialCell('Chi bộ Công ty TNHH MTV Xổ số kiến thiết Lai Châu', 'GRASSROOTS_CELL', 'ENTERPRISE'),
      ],
    },
  ],
};

/** The large street cell is split into two party groups (tổ đảng). */
const PARTY_GROUPS_UNDER = 'tdp1';

// ------------------------------------------------------------------- members

type Gender = 'MALE' | 'FEMALE';
type Role = 'SECRETARY' | 'DEPUTY' | 'COMMITTEE' | 'ORDINARY';

interface MemberRow {
  id: number;
  unit: FlatUnit;
  fullName: string;
  gender: Gender;
  birth: number;
  ethnicity: Ethnicity;
  religion: string | null;
  generalEducation: string;
  professionalQualification: string;
  politicalTheory: string;
  partyCard: string | null;
  admission: number;
  official: number | null;
  citizenId: string;
  phone: string | null;
  address: string;
  role: Role;
}

interface FlatUnit {
  id: number;
  spec: UnitSpec;
  parentId: number | null;
  path: string;
  depth: number;
}

const EDUCATION: Record<CellType, Weights<string>> = {
  RESIDENTIAL: [['PRIMARY', 0.22], ['LOWER_SECONDARY', 0.43], ['UPPER_SECONDARY', 0.35]],
  PUBLIC_SERVICE: [['UPPER_SECONDARY', 1]],
  ARMED_FORCES: [['UPPER_SECONDARY', 0.97], ['LOWER_SECONDARY', 0.03]],
  ADMINISTRATIVE_AGENCY: [['UPPER_SECONDARY', 1]],
  ENTERPRISE: [['UPPER_SECONDARY', 0.85], ['LOWER_SECONDARY', 0.15]],
};
const QUALIFICATION: Record<CellType, Weights<string>> = {
  RESIDENTIAL: [['NONE', 0.55], ['ELEMENTARY', 0.15], ['INTERMEDIATE', 0.2], ['COLLEGE', 0.04], ['BACHELOR', 0.06]],
  PUBLIC_SERVICE: [['BACHELOR', 0.58], ['COLLEGE', 0.15], ['INTERMEDIATE', 0.15], ['MASTER', 0.1], ['DOCTORATE', 0.02]],
  ARMED_FORCES: [['INTERMEDIATE', 0.4], ['BACHELOR', 0.45], ['COLLEGE', 0.1], ['MASTER', 0.05]],
  ADMINISTRATIVE_AGENCY: [['BACHELOR', 0.7], ['MASTER', 0.2], ['INTERMEDIATE', 0.05], ['COLLEGE', 0.04], ['DOCTORATE', 0.01]],
  ENTERPRISE: [['BACHELOR', 0.4], ['COLLEGE', 0.2], ['INTERMEDIATE', 0.3], ['ELEMENTARY', 0.1]],
};
const THEORY: Record<CellType, Weights<string>> = {
  RESIDENTIAL: [['NONE', 0.3], ['ELEMENTARY', 0.6], ['INTERMEDIATE', 0.1]],
  PUBLIC_SERVICE: [['NONE', 0.1], ['ELEMENTARY', 0.7], ['INTERMEDIATE', 0.2]],
  ARMED_FORCES: [['ELEMENTARY', 0.45], ['INTERMEDIATE', 0.5], ['ADVANCED', 0.05]],
  ADMINISTRATIVE_AGENCY: [['ELEMENTARY', 0.3], ['INTERMEDIATE', 0.5], ['ADVANCED', 0.2]],
  ENTERPRISE: [['NONE', 0.1], ['ELEMENTARY', 0.7], ['INTERMEDIATE', 0.2]],
};

interface Uniques {
  names: Set<string>;
  cards: Set<string>;
  citizenIds: Set<string>;
  phones: Set<string>;
}

function makeMember(
  rng: Rng, unit: FlatUnit, profile: CellProfile, role: Role, gender: Gender, ethnicity: Ethnicity, uniques: Uniques,
): Omit<MemberRow, 'id'> {
  const residential = profile.type === 'RESIDENTIAL';
  const pool = NAMES[ethnicity];
  const names = gender === 'MALE' ? pool.male : pool.female;
  // Namesakes exist, but a demo reads better without them; give up after a few tries.
  let fullName = '';
  for (let attempt = 0; attempt < 30 && (fullName === '' || uniques.names.has(fullName)); attempt++) {
    fullName = `${pick(rng, pool.surnames)} ${pick(rng, names.middle)} ${pick(rng, names.given)}`;
  }
  uniques.names.add(fullName);

  // Office holders are official and experienced; ~4% of the others are probationary.
  const probationary = role === 'ORDINARY' && rng() < 0.04;
  let admission: number;
  let birth: number;
  if (probationary) {
    admission = REFERENCE - int(rng, 1, 364) * DAY_MS;
    birth = addYears(admission, -int(rng, 18, residential ? 30 : 32)) - int(rng, 0, 300) * DAY_MS;
  } else if (role !== 'ORDINARY') {
    admission = between(rng, utc(1995, 1, 1), utc(2021, 12, 31));
    birth = addYears(admission, -int(rng, 21, residential ? 35 : 32)) - int(rng, 0, 300) * DAY_MS;
  } else if (residential) {
    // Skewed to recent admissions; a few veterans admitted in the 1970s–80s.
    admission = LAST_OFFICIAL_ADMISSION - Math.floor((LAST_OFFICIAL_ADMISSION - FIRST_ADMISSION) / DAY_MS * rng() ** 1.8) * DAY_MS;
    birth = addYears(admission, -(18 + Math.floor(27 * rng() ** 1.6))) - int(rng, 0, 300) * DAY_MS;
  } else {
    admission = between(rng, utc(profile.type === 'ARMED_FORCES' ? 2003 : 1993, 1, 1), LAST_OFFICIAL_ADMISSION);
    const youngest = profile.type === 'ARMED_FORCES' ? 19 : 21;
    birth = addYears(admission, -int(rng, youngest, youngest + 12)) - int(rng, 0, 300) * DAY_MS;
    // Staff of agencies, schools and the police are of working age.
    birth = Math.max(birth, utc(1966, 1, 1) + int(rng, 0, 3000) * DAY_MS);
  }
  const official = probationary ? null : addYears(admission, 1);

  const born = yearOf(birth);
  const education = born < 1960 && residential ? 'PRIMARY' : weighted(rng, EDUCATION[profile.type]);
  let theory = probationary ? 'NONE' : weighted(rng, THEORY[profile.type]);
  if (role === 'SECRETARY' && (theory === 'NONE' || theory === 'ELEMENTARY')) theory = rng() < 0.5 ? 'INTERMEDIATE' : 'ELEMENTARY';
  if (role === 'DEPUTY' && theory === 'NONE') theory = 'ELEMENTARY';

  const religion =
    ethnicity === 'Kinh' && rng() < 0.03 ? 'Phật giáo' : ethnicity === 'Mông' && rng() < 0.03 ? 'Tin Lành' : null;

  // CCCD: 012 = born in Lai Châu, then century+gender digit, 2-digit year, 6 digits.
  const centuryGender = (born >= 2000 ? 2 : 0) + (gender === 'FEMALE' ? 1 : 0);
  const citizenId = unique(rng, uniques.citizenIds, (r) => `012${centuryGender}${String(born % 100).padStart(2, '0')}${digits(r, 6)}`);
  // Cards are issued on becoming official.
  const partyCard = official === null ? null : unique(rng, uniques.cards, (r) => `12${digits(r, 6)}`);
  const phone = residential && rng() < 0.1 ? null : unique(rng, uniques.phones, (r) => `09${digits(r, 8)}`);

  return {
    unit,
    fullName,
    gender,
    birth,
    ethnicity,
    religion,
    generalEducation: education,
    professionalQualification: weighted(rng, QUALIFICATION[profile.type]),
    politicalTheory: theory,
    partyCard,
    admission,
    official,
    citizenId,
    phone,
    address: pick(rng, profile.addresses),
    role,
  };
}

// ---------------------------------------------------------------- SQL helpers

async function allocateIds(execute: Execute, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await execute(
    `select nextval(pg_get_serial_sequence('${table}', 'id'))::int as id from generate_series(1, ?::int) order by 1`,
    [count],
  );
  return rows.map((r) => Number(r.id));
}

/** Multi-row INSERT, chunked to stay well under PostgreSQL's 65,535 parameters. */
async function insertRows(execute: Execute, table: string, columns: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<void> {
  const perChunk = Math.max(1, Math.floor(20_000 / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += perChunk) {
    const chunk = rows.slice(i, i + perChunk);
    await execute(
      `insert into ${table} (${columns.join(', ')}) values ${chunk.map(() => tuple).join(', ')}`,
      chunk.flatMap((r) => [...r]),
    );
  }
}

function take(ids: number[]): number {
  const id = ids.shift();
  if (id === undefined) throw new Error('ran out of allocated ids');
  return id;
}

// ---------------------------------------------------------------------- seed

function countUnits(spec: UnitSpec): number {
  const groups = spec.tag === PARTY_GROUPS_UNDER ? 2 : 0;
  return 1 + groups + (spec.children ?? []).reduce((s, c) => s + countUnits(c), 0);
}

/** Fills an empty, migrated database with the demo province. */
export async function seedDemo(execute: Execute): Promise<DemoSummary> {
  for (const table of ['org_unit', 'member', 'account']) {
    const [row] = await execute(`select count(*)::int as n from ${table}`);
    if (Number(row?.n) !== 0) throw new Error(`seedDemo needs an empty database, but ${table} has rows`);
  }
  const rng = mulberry32(20261124);
  // Hashed once for every demo account, on the thread pool while the rows are built.
  const passwordHash = hash(DEMO_PASSWORD, { type: argon2id });
  passwordHash.catch(() => undefined); // a failure surfaces at the await below, not as an unhandled rejection

  // --- units: ids first, so paths are known before the single insert.
  const unitIds = await allocateIds(execute, 'org_unit', countUnits(TREE));
  const units: FlatUnit[] = [];
  const visit = (spec: UnitSpec, parent: FlatUnit | null): void => {
    const id = take(unitIds);
    const unit: FlatUnit = { id, spec, parentId: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
    units.push(unit);
    if (spec.tag === PARTY_GROUPS_UNDER) {
      for (const n of [1, 2]) {
        const gid = take(unitIds);
        units.push({ id: gid, spec: { name: `Tổ đảng số ${n}`, kind: 'PARTY_GROUP' }, parentId: id, path: `${unit.path}${gid}/`, depth: unit.depth + 1 });
      }
    }
    for (const child of spec.children ?? []) visit(child, unit);
  };
  visit(TREE, null);
  const province = units[0];
  if (province === undefined) throw new Error('empty tree');
  const provinceId = province.id;
  const byTag = (tag: string): FlatUnit => {
    const unit = units.find((u) => u.spec.tag === tag);
    if (unit === undefined) throw new Error(`no unit tagged ${tag}`);
    return unit;
  };

  await insertRows(
    execute,
    'org_unit',
    ['id', 'province_id', 'parent_id', 'path', 'depth', 'kind', 'cell_type', 'name', 'name_search', 'name_sort_key', 'code', 'founded_on'],
    units.map((u) => [
      u.id, provinceId, u.parentId, u.path, u.depth, u.spec.kind, u.spec.cell?.type ?? null,
      u.spec.name, searchKey(u.spec.name), sortKey(u.spec.name), u.spec.code ?? null, u.spec.foundedOn ?? null,
    ]),
  );

  // --- members: the first three of a cell hold its offices.
  const uniques: Uniques = { names: new Set(), cards: new Set(), citizenIds: new Set(), phones: new Set() };
  const drafts: Array<Omit<MemberRow, 'id'>> = [];
  for (const unit of units) {
    const profile = unit.spec.cell;
    if (profile === undefined) continue;
    const size = int(rng, profile.size[0], profile.size[1]);
    const genders = apportion<Gender>(rng, [['FEMALE', profile.women], ['MALE', 1 - profile.women]], size);
    const ethnicities = apportion(rng, profile.ethnicity, size);
    for (let i = 0; i < size; i++) {
      const role: Role = i === 0 ? 'SECRETARY' : i === 1 && size >= 9 ? 'DEPUTY' : i === 2 && size >= 15 ? 'COMMITTEE' : 'ORDINARY';
      drafts.push(makeMember(rng, unit, profile, role, genders[i] ?? 'MALE', ethnicities[i] ?? 'Kinh', uniques));
    }
  }
  const memberIds = await allocateIds(execute, 'member', drafts.length);
  const members: MemberRow[] = drafts.map((d) => ({ ...d, id: take(memberIds) }));
  await insertRows(
    execute,
    'member',
    [
      'id', 'province_id', 'unit_id', 'unit_path', 'full_name', 'name_search', 'name_sort_key', 'gender', 'birth_date',
      'ethnicity', 'religion', 'general_education', 'professional_qualification', 'political_theory', 'party_card_number',
      'admission_date', 'official_date', 'status', 'citizen_id', 'phone', 'address',
    ],
    members.map((m) => [
      m.id, provinceId, m.unit.id, m.unit.path, m.fullName, searchKey(m.fullName), personSortKey(m.fullName), m.gender, iso(m.birth),
      m.ethnicity, m.religion, m.generalEducation, m.professionalQualification, m.politicalTheory, m.partyCard,
      iso(m.admission), m.official === null ? null : iso(m.official), m.official === null ? 'PROBATIONARY' : 'OFFICIAL',
      m.citizenId, m.phone, m.address,
    ]),
  );
  // Their history: admission and recognition events and a membership of the cell (rosters read these).
  await execute(ONBOARDING_HISTORY_SQL);

  // --- positions
  const positions: Array<[number, FlatUnit, string, number, number | null]> = [];
  const hold = (m: MemberRow, unit: FlatUnit, position: string, from: number, to: number | null = null): void => {
    // Nobody holds an office before becoming official.
    const start = Math.max(from, (m.official ?? m.admission) + 30 * DAY_MS);
    if (start < REFERENCE) positions.push([m.id, unit, position, start, to]);
  };
  const termStart = (): number => between(rng, utc(2020, 6, 1), utc(2025, 6, 30));
  const cells = units.filter((u) => u.spec.cell !== undefined);
  const inCell = (cell: FlatUnit): MemberRow[] => members.filter((m) => m.unit === cell);
  const residentialCells = cells.filter((c) => c.spec.cell?.type === 'RESIDENTIAL');
  // ~55% of residential secretaries are also the village head; one heads the Front work committee.
  const headCount = Math.round(residentialCells.length * 0.55);
  const shuffled = shuffle(rng, [...residentialCells]);
  const secretaryHeads = new Set(shuffled.slice(0, headCount));
  const secretaryFront = shuffled[headCount];

  for (const cell of cells) {
    const list = inCell(cell);
    const type = cell.spec.cell?.type;
    const ordinary = list.filter((m) => m.role === 'ORDINARY' && m.official !== null);
    let secretaryStart = 0;
    for (const m of list) {
      if (m.role === 'SECRETARY') {
        secretaryStart = termStart();
        hold(m, cell, 'SECRETARY', secretaryStart);
        if (secretaryHeads.has(cell)) hold(m, cell, 'VILLAGE_HEAD', between(rng, utc(2019, 1, 1), utc(2025, 9, 30)));
        if (cell === secretaryFront) hold(m, cell, 'FRONT_WORK_COMMITTEE_HEAD', between(rng, utc(2019, 1, 1), utc(2024, 12, 31)));
        if (type === 'ADMINISTRATIVE_AGENCY' && cell.spec.tag !== 'binhlu-party-agencies') hold(m, cell, 'AGENCY_HEAD', termStart());
      }
      if (m.role === 'DEPUTY') hold(m, cell, 'DEPUTY_SECRETARY', termStart());
      if (m.role === 'COMMITTEE') hold(m, cell, 'COMMITTEE_MEMBER', termStart());
    }
    // Ordinary members: village heads and Front heads where the secretary is not one,
    // and in some cells the previous secretary, whose ended term stays on record.
    if (type === 'RESIDENTIAL') {
      if (!secretaryHeads.has(cell) && ordinary[0] !== undefined && rng() < 0.7) hold(ordinary[0], cell, 'VILLAGE_HEAD', between(rng, utc(2019, 1, 1), utc(2025, 9, 30)));
      if (cell !== secretaryFront && ordinary[1] !== undefined && rng() < 0.55) hold(ordinary[1], cell, 'FRONT_WORK_COMMITTEE_HEAD', between(rng, utc(2019, 1, 1), utc(2024, 12, 31)));
    }
    const previous = ordinary[2];
    const prevStart = previous === undefined ? 0 : Math.max(utc(2015, 8, 1), (previous.official ?? 0) + 30 * DAY_MS);
    if (previous !== undefined && rng() < 0.35 && prevStart < secretaryStart - 365 * DAY_MS) {
      hold(previous, cell, 'SECRETARY', prevStart, secretaryStart - DAY_MS);
    }
  }
  // The Bình Lư commune committee's own leadership sits in its party-agencies cell.
  const binhLu = byTag('binhlu');
  const leaders = inCell(byTag('binhlu-party-agencies')).filter((m) => m.role === 'ORDINARY' && m.official !== null);
  const committeeStart = utc(2025, 7, 1);
  const leaderPositions = ['SECRETARY', 'DEPUTY_SECRETARY', 'STANDING_COMMITTEE_MEMBER', 'STANDING_COMMITTEE_MEMBER', 'INSPECTION_COMMISSION_MEMBER'];
  leaderPositions.forEach((position, i) => {
    const m = leaders[leaders.length - 1 - i];
    if (m !== undefined) hold(m, binhLu, position, committeeStart);
  });
  await insertRows(
    execute,
    'member_position',
    ['province_id', 'member_id', 'unit_id', 'unit_path', 'position', 'started_on', 'ended_on'],
    positions.map(([memberId, unit, position, from, to]) => [provinceId, memberId, unit.id, unit.path, position, iso(from), to === null ? null : iso(to)]),
  );

  // --- accounts
  const namCuoi = byTag('namcuoi');
  const namCuoiMembers = inCell(namCuoi);
  const secretary = namCuoiMembers.find((m) => m.role === 'SECRETARY');
  const positionHolders = new Set(positions.map(([memberId]) => memberId));
  const plainMember = namCuoiMembers.find((m) => m.role === 'ORDINARY' && m.official !== null && !positionHolders.has(m.id));
  if (secretary === undefined || plainMember === undefined) throw new Error('Nậm Cười cell lacks a secretary or a plain member');

  interface AccountSpec { username: string; displayName: string; kind: 'PERSON' | 'SERVICE'; member?: MemberRow; roles: Array<[string, FlatUnit | null]> }
  const accountSpecs: AccountSpec[] = [
    { username: 'admin', displayName: 'Quản trị hệ thống', kind: 'PERSON', roles: [['ADMIN', null]] },
    { username: 'tinh.admin', displayName: 'Quản trị Tỉnh ủy Lai Châu', kind: 'PERSON', roles: [['ADMIN', province]] },
    { username: 'tinh.organizer', displayName: 'Ban Tổ chức Tỉnh ủy Lai Châu', kind: 'PERSON', roles: [['ORGANIZER', province]] },
    { username: 'tinh.inspector', displayName: 'Ủy ban Kiểm tra Tỉnh ủy Lai Châu', kind: 'PERSON', roles: [['INSPECTOR', province]] },
    { username: 'tinh.analyst', displayName: 'Văn phòng Tỉnh ủy Lai Châu', kind: 'PERSON', roles: [['ANALYST', province]] },
    { username: 'binhlu.organizer', displayName: 'Ban Xây dựng Đảng, Đảng ủy xã Bình Lư', kind: 'PERSON', roles: [['ORGANIZER', binhLu]] },
    { username: 'binhlu.admin', displayName: 'Quản trị Đảng ủy xã Bình Lư', kind: 'PERSON', roles: [['ADMIN', binhLu]] },
    { username: 'namcuoi.secretary', displayName: secretary.fullName, kind: 'PERSON', member: secretary, roles: [['ORGANIZER', namCuoi], ['MEMBER', namCuoi]] },
    { username: 'namcuoi.member', displayName: plainMember.fullName, kind: 'PERSON', member: plainMember, roles: [['MEMBER', namCuoi]] },
    // Service accounts sign in with API keys only: no username, no password.
    { username: 'tinh.integration', displayName: 'tinh.integration', kind: 'SERVICE', roles: [['ANALYST', province]] },
  ];
  const accountIds = await allocateIds(execute, 'account', accountSpecs.length);
  const accounts = accountSpecs.map((spec) => ({ ...spec, id: take(accountIds) }));
  const pw = await passwordHash;
  await insertRows(
    execute,
    'account',
    ['id', 'kind', 'username', 'password_hash', 'display_name', 'member_id', 'home_unit_id', 'home_unit_path'],
    // An account is managed from the unit of its first role (national accounts: nowhere below national).
    accounts.map((a) => {
      const home = a.roles[0]?.[1] ?? null;
      return [a.id, a.kind, a.kind === 'PERSON' ? a.username : null, a.kind === 'PERSON' ? pw : null, a.displayName, a.member?.id ?? null, home?.id ?? null, home?.path ?? null];
    }),
  );
  const grantor = accounts[0]?.id ?? null;
  await insertRows(
    execute,
    'role_assignment',
    ['account_id', 'role', 'unit_id', 'unit_path', 'province_id', 'granted_by_id'],
    accounts.flatMap((a) =>
      a.roles.map(([role, unit]) => [a.id, role, unit?.id ?? null, unit?.path ?? null, unit === null ? null : provinceId, a.id === grantor ? null : grantor]),
    ),
  );

  // Exemptions of elderly members and a transfer in flight into Nậm Cười, once positions are known.
  await seedDemoLifecycle(execute, provinceId, namCuoi.id);

  return {
    provinceId,
    units: units.length,
    cells: units.filter((u) => u.spec.kind === 'CELL' || u.spec.kind === 'GRASSROOTS_CELL').length,
    members: members.length,
    accounts: accounts.flatMap((a) => a.roles.map(([role, unit]) => ({ username: a.username, role, unit: unit?.spec.name ?? 'Toàn quốc (national)' }))),
  };
}
