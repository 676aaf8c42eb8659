import { verifyAuditChains } from '../../src/services/audit-log/chain-verification';
import { addPosition, BINH, CUONG, HUNG } from '../meetings/support';
import { memberId, SEND, RECEIVE, versionOf } from '../members/lifecycle-support';
import { createTestApp, type TestApp } from '../support/test-app';
import { gid, ok } from '../validation/support';
import { data, MERGE, ref, SPLIT, unitGid } from './support';

/**
 * Pins the exact rows a merge, a split and a member import write (issue #16, item 2): recorded
 * from the per-member implementation before the set-based one replaced it, so that the set-based
 * statements are proven to write the same memberships, events, caches, posts, versions and audit
 * entries, in the same order (ids included). Timestamps and hashes are left out; the chains must verify.
 */

const IMPORT_UNITS = `mutation($input: CsvImportInput!) { importOrgUnits(input: $input) { rows created } }`;
const IMPORT_MEMBERS = `mutation($input: CsvImportInput!) { importMembers(input: $input) { dryRun rows created updated unchanged } }`;

/** Every table these operations write, in id order; columns that hold a clock reading or a hash are dropped. */
const TABLES = ['org_unit', 'org_unit_version', 'unit_succession', 'member', 'member_event', 'membership', 'member_position', 'member_transfer', 'audit_entry'] as const;
const CLOCK_OR_HASH = /(^at$|_at$|hash$|^salt$)/;

async function dump(app: TestApp): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await app.sql<Record<string, unknown>>(`select * from ${table} order by id`);
    out[table] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !CLOCK_OR_HASH.test(k)).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : v])));
  }
  return out;
}

describe('the rows a merge, a split and an import write', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  test('merge (with a secretary and a temporary attachment), split and import: the same rows, and the chains verify', async () => {
    // A post that ends with the cell, and a temporary attachment with a planned end that goes on in the successor.
    await addPosition(app, HUNG, 'cell', 'SECRETARY');
    const sent = ok(await app.run('admin:national', SEND, {
      input: { memberId: memberId(app, CUONG), version: await versionOf(app, CUONG), toUnitId: gid('OrgUnit', app.fixture.units.cell.id), kind: 'TEMPORARY', occurredOn: '2026-02-01', decisionRef: 'GT-1', temporaryTo: '2026-06-30' },
    })).sendMemberTransfer;
    ok(await app.run('admin:national', RECEIVE, { input: { transferId: sent.id, version: sent.version, occurredOn: '2026-02-02' } }));

    data(await app.run('admin:commune', MERGE, { i: { units: [await ref(app, 'cell')], into: await ref(app, 'school'), on: '2026-04-01', decisionRef: '12-QĐ/ĐU' } }));
    data(await app.run('admin:national', SPLIT, {
      i: {
        ...(await ref(app, 'otherProvinceCell')), on: '2026-04-02', decisionRef: '20-QĐ/ĐU',
        parts: [
          { unit: { name: 'Chi bộ bản Che Căn 1' }, memberIds: [gid('Member', app.fixture.members['Lò Thị Ánh'].id)] },
          { unit: { name: 'Chi bộ bản Che Căn 2', cellType: 'ADMINISTRATIVE_AGENCY' }, memberIds: [gid('Member', app.fixture.members['Quàng Văn Đức'].id)] },
        ],
      },
    }));

    const commune = unitGid(app, 'commune');
    expect(data(await app.run('admin:commune', IMPORT_UNITS, { input: { rootId: commune, csv: 'code,kind,name,cellType\nBL-01,CELL,Chi bộ bản Sin Chải,RESIDENTIAL' } }))).toEqual({ importOrgUnits: { rows: 1, created: 1 } });
    await app.sql("update org_unit set code = 'TH' where id = ?", [app.fixture.units.school.id]);
    const csv = [
      'partyCardNumber,cellCode,fullName,gender,birthDate,ethnicity,religion,generalEducation,professionalQualification,politicalTheory,admissionDate,officialDate,citizenId,phone,address',
      'LC-900001,BL-01,Sùng A Chớ,MALE,1980-02-01,Mông,,,,,2010-03-05,2011-03-05,,0912345678,',
      // A fixture member of the school cell, with a new phone and address: an update.
      `90000004,TH,${BINH},FEMALE,1980-01-05,Kinh,,UPPER_SECONDARY,BACHELOR,ELEMENTARY,2015-01-15,2016-01-15,001080000004,0999999999,Bản mới`,
      'LC-900002,TH,Lò Thị Hoa,FEMALE,1990-07-12,Thái,Phật giáo,UPPER_SECONDARY,,,2020-09-02,,,,',
      // Páo as recorded: unchanged.
      '90000005,TH,Vàng A Páo,MALE,1980-01-06,Mông,,UPPER_SECONDARY,BACHELOR,ELEMENTARY,2018-06-20,2019-06-20,001080000005,0912000005,Bản Chi bộ Trường Tiểu học Bình Lư',
    ].join('\n');
    expect(data(await app.run('admin:commune', IMPORT_MEMBERS, { input: { rootId: commune, csv } }))).toEqual({ importMembers: { dryRun: false, rows: 4, created: 2, updated: 1, unchanged: 1 } });

    expect(await dump(app)).toMatchSnapshot();
    const verification = await verifyAuditChains(app.orm.em.fork(), 'ALL');
    expect({ ok: verification.ok, firstBreak: verification.firstBreak }).toEqual({ ok: true, firstBreak: null });
  });
});
