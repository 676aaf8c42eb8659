import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../../src/auth/passwords';
import { sha256 } from '../../src/auth/tokens';
import { ONBOARDING_HISTORY_SQL } from '../../src/db/onboarding-history';
import { personSortKey, searchKey, sortKey } from '../../src/services/tree/vietnamese-text';

/**
 * The canonical small tree every suite uses: two provinces, communes, cells, members with
 * personal data, and one account per role × level, named `role:level` (e.g. `organizer:commune`).
 *
 *   Tỉnh Lai Châu (province)
 *     Đảng bộ xã Bình Lư (commune)
 *       Chi bộ bản Nậm Cười (cell)          Lò Văn Hùng, Tẩn Thị Mai (probationary), Nguyễn Văn An
 *       Chi bộ Trường Tiểu học Bình Lư (school)   Trần Thị Bình, Vàng A Páo
 *     Đảng bộ xã Phong Thổ (otherCommune)
 *       Chi bộ bản Lả Mường (otherCell)      Lê Văn Cường, Giàng Thị Dợ
 *   Tỉnh Điện Biên (otherProvince)
 *     Đảng bộ xã Mường Phăng (otherProvinceCommune)
 *       Chi bộ bản Che Căn (otherProvinceCell)   Lò Thị Ánh, Quàng Văn Đức
 */
export const FIXTURE_PASSWORD = 'fixture-password-1';
export const FIXTURE_API_KEY = 'chibo_fixtureprefx_' + 'k'.repeat(43);

export type UnitName = 'province' | 'commune' | 'cell' | 'school' | 'otherCommune' | 'otherCell' | 'otherProvince' | 'otherProvinceCommune' | 'otherProvinceCell';
export type Level = 'province' | 'commune' | 'cell';
export const LEVELS: readonly Level[] = ['province', 'commune', 'cell'];
export const SCOPED_ROLES = ['ADMIN', 'ORGANIZER', 'INSPECTOR', 'ANALYST'] as const;
export type AccountName = `${Lowercase<(typeof SCOPED_ROLES)[number]>}:${Level}` | 'admin:national' | 'member:cell' | 'service:province' | 'norole';

export interface FixtureUnit {
  readonly id: number;
  readonly path: string;
  readonly name: string;
}

export interface FixtureMember {
  readonly id: number;
  readonly fullName: string;
  readonly unit: UnitName;
}

export interface Fixture {
  readonly units: Record<UnitName, FixtureUnit>;
  readonly members: Record<string, FixtureMember>;
  readonly accounts: Record<AccountName, number>;
}

type Exec = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

const UNITS: ReadonlyArray<[UnitName, UnitName | null, string, string, string | null]> = [
  ['province', null, 'PROVINCE', 'Đảng bộ tỉnh Lai Châu', null],
  ['commune', 'province', 'COMMUNE_COMMITTEE', 'Đảng bộ xã Bình Lư', null],
  ['cell', 'commune', 'CELL', 'Chi bộ bản Nậm Cười', 'RESIDENTIAL'],
  ['school', 'commune', 'CELL', 'Chi bộ Trường Tiểu học Bình Lư', 'PUBLIC_SERVICE'],
  ['otherCommune', 'province', 'COMMUNE_COMMITTEE', 'Đảng bộ xã Phong Thổ', null],
  ['otherCell', 'otherCommune', 'CELL', 'Chi bộ bản Lả Mường', 'RESIDENTIAL'],
  ['otherProvince', null, 'PROVINCE', 'Đảng bộ tỉnh Điện Biên', null],
  ['otherProvinceCommune', 'otherProvince', 'COMMUNE_COMMITTEE', 'Đảng bộ xã Mường Phăng', null],
  ['otherProvinceCell', 'otherProvinceCommune', 'CELL', 'Chi bộ bản Che Căn', 'RESIDENTIAL'],
];

const MEMBERS: ReadonlyArray<[string, UnitName, 'MALE' | 'FEMALE', string, string, string | null]> = [
  ['Lò Văn Hùng', 'cell', 'MALE', 'Thái', '2001-05-10', '2002-05-10'],
  ['Tẩn Thị Mai', 'cell', 'FEMALE', 'Dao', '2026-03-02', null],
  ['Nguyễn Văn An', 'cell', 'MALE', 'Kinh', '2010-09-01', '2011-09-01'],
  ['Trần Thị Bình', 'school', 'FEMALE', 'Kinh', '2015-01-15', '2016-01-15'],
  ['Vàng A Páo', 'school', 'MALE', 'Mông', '2018-06-20', '2019-06-20'],
  ['Lê Văn Cường', 'otherCell', 'MALE', 'Kinh', '2005-03-03', '2006-03-03'],
  ['Giàng Thị Dợ', 'otherCell', 'FEMALE', 'Mông', '2012-12-12', '2013-12-12'],
  ['Lò Thị Ánh', 'otherProvinceCell', 'FEMALE', 'Thái', '2008-08-08', '2009-08-08'],
  ['Quàng Văn Đức', 'otherProvinceCell', 'MALE', 'Thái', '2011-11-11', '2012-11-11'],
];

const LEVEL_UNIT: Record<Level, UnitName> = { province: 'province', commune: 'commune', cell: 'cell' };

export async function buildFixture(em: EntityManager): Promise<Fixture> {
  const exec: Exec = (sql, params = []) => em.getConnection().execute(sql, params, 'all');
  const units = {} as Record<UnitName, FixtureUnit & { provinceId: number }>;
  for (const [name, parent, kind, title, cellType] of UNITS) {
    const [{ id }] = await exec<{ id: number }>("select nextval('org_unit_id_seq')::int as id");
    const parentUnit = parent ? units[parent] : null;
    const path = `${parentUnit?.path ?? '/'}${id}/`;
    const provinceId = parentUnit?.provinceId ?? id;
    await exec(
      'insert into org_unit (id, province_id, parent_id, path, depth, kind, cell_type, name, name_search, name_sort_key) values (?,?,?,?,?,?,?,?,?,?)',
      [id, provinceId, parentUnit?.id ?? null, path, path.split('/').length - 3, kind, cellType, title, searchKey(title), sortKey(title)],
    );
    units[name] = { id, path, name: title, provinceId };
  }
  const members: Record<string, FixtureMember> = {};
  let n = 0;
  for (const [fullName, unit, gender, ethnicity, admission, official] of MEMBERS) {
    n += 1;
    const u = units[unit];
    const [{ id }] = await exec<{ id: number }>(
      `insert into member (province_id, unit_id, unit_path, full_name, name_search, name_sort_key, gender, birth_date, ethnicity, religion,
        general_education, professional_qualification, political_theory, party_card_number, admission_date, official_date, status, citizen_id, phone, address)
       values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) returning id`,
      [u.provinceId, u.id, u.path, fullName, searchKey(fullName), personSortKey(fullName), gender, '1980-01-0' + ((n % 9) + 1), ethnicity, null,
        'UPPER_SECONDARY', 'BACHELOR', 'ELEMENTARY', `9000000${n}`, admission, official, official ? 'OFFICIAL' : 'PROBATIONARY',
        `0010800000${String(n).padStart(2, '0')}`, `09120000${String(n).padStart(2, '0')}`, `Bản ${u.name}`],
    );
    members[fullName] = { id, fullName, unit };
  }
  // The members' history (admission, recognition, membership of the cell), as every seed records it.
  await exec(ONBOARDING_HISTORY_SQL);
  const hash = await hashPassword(FIXTURE_PASSWORD);
  const accounts = {} as Record<AccountName, number>;
  const addAccount = async (name: AccountName, role: string | null, unit: UnitName | null, memberName?: string, kind = 'PERSON'): Promise<void> => {
    const home = unit ? units[unit] : null;
    const [{ id }] = await exec<{ id: number }>(
      'insert into account (kind, username, password_hash, display_name, member_id, home_unit_id, home_unit_path) values (?,?,?,?,?,?,?) returning id',
      [kind, kind === 'PERSON' ? name.replace(':', '.') : null, kind === 'PERSON' ? hash : null, name, memberName ? members[memberName].id : null, home?.id ?? null, home?.path ?? null],
    );
    if (role) {
      await exec('insert into role_assignment (account_id, role, unit_id, unit_path, province_id) values (?,?,?,?,?)', [id, role, home?.id ?? null, home?.path ?? null, home?.provinceId ?? null]);
    }
    accounts[name] = id;
  };
  await addAccount('admin:national', 'ADMIN', null);
  for (const role of SCOPED_ROLES) {
    for (const level of LEVELS) await addAccount(`${role.toLowerCase() as Lowercase<typeof role>}:${level}`, role, LEVEL_UNIT[level]);
  }
  await addAccount('member:cell', 'MEMBER', 'cell', 'Nguyễn Văn An');
  await addAccount('norole', null, 'cell');
  await addAccount('service:province', 'ANALYST', 'province', undefined, 'SERVICE');
  const [, prefix, secret] = /^chibo_([a-z0-9]{12})_(.+)$/.exec(FIXTURE_API_KEY) ?? [];
  await exec('insert into api_key (account_id, prefix, secret_hash, label) values (?,?,?,?)', [accounts['service:province'], prefix, sha256(secret), 'fixture key']);
  return { units, members, accounts };
}
