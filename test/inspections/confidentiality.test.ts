import type { AccountName } from '../support/fixture';
import { createTestApp, type TestApp } from '../support/test-app';
import { expectRejected, ok } from '../validation/support';
import { addAccount } from '../meetings/support';
import { CREATE, GET, INSPECTION_TABLES, INSPECTOR, PUBLISH, START, concludedInspection, planInspection, unitGid } from './support';

/**
 * Confidentiality: content for the inspecting body and inspection roles above the inspected unit;
 * the inspected unit reads the conclusions once published; aggregate roles read counts only;
 * everyone else gets NOT_FOUND. Writes: INSPECTIONS_WRITE at the inspecting unit.
 */
let app: TestApp;
let concludedId: string;
let concludedVersion: number;
beforeAll(async () => {
  app = await createTestApp();
  const concluded = await concludedInspection(app);
  concludedId = concluded.id;
  concludedVersion = concluded.version;
});
afterAll(() => app.close());

const HEADER = 'query($id: ID!) { inspection(id: $id) { title state conclusions team { name } findings { kind } remediation { status } disciplines { kind } } }';

async function read(as: AccountName, id: string): Promise<{ code?: unknown; inspection?: any }> {
  const result = await app.run(as, HEADER, { id });
  if (result.errors) return { code: result.errors[0].extensions?.code };
  return { inspection: (result.data as any).inspection };
}

describe('before publication', () => {
  test.each<[AccountName, 'CONTENT' | 'NOT_FOUND' | 'FORBIDDEN']>([
    ['inspector:commune', 'CONTENT'],
    ['inspector:province', 'CONTENT'],
    ['admin:commune', 'CONTENT'],
    ['admin:national', 'CONTENT'],
    ['inspector:cell', 'NOT_FOUND'],
    ['organizer:commune', 'NOT_FOUND'],
    ['organizer:cell', 'NOT_FOUND'],
    ['member:cell', 'NOT_FOUND'],
    ['analyst:province', 'NOT_FOUND'],
  ])('%s: %s', async (as, expected) => {
    const seen = await read(as, concludedId);
    if (expected === 'CONTENT') {
      expect(seen.inspection).toMatchObject({ state: 'CONCLUDED', team: [{ name: 'Lường Văn Tâm' }], findings: [], remediation: [], disciplines: [] });
    } else {
      expect(seen.code).toBe(expected);
    }
  });

  test('another province’s inspector: NOT_FOUND', async () => {
    const other = await addAccount(app, 'inspector.other', { role: 'INSPECTOR', at: 'otherProvince' });
    expect((await read(other, concludedId)).code).toBe('NOT_FOUND');
  });

  test('lists leave it out for those who cannot read it', async () => {
    const LIST = 'query { inspections(first: 50) { totalCount nodes { id } } }';
    expect(ok(await app.run('inspector:commune', LIST)).inspections.nodes.map((n: { id: string }) => n.id)).toContain(concludedId);
    expect(ok(await app.run('inspector:cell', LIST)).inspections.nodes.map((n: { id: string }) => n.id)).not.toContain(concludedId);
    expect(ok(await app.run('member:cell', LIST)).inspections.totalCount).toBe(0);
  });
});

describe('after publication', () => {
  beforeAll(async () => {
    ok(await app.run(INSPECTOR, PUBLISH, { input: { inspectionId: concludedId, version: concludedVersion, on: '2026-04-05' } }));
  });

  test.each<[AccountName]>([['member:cell'], ['organizer:cell'], ['inspector:cell'], ['organizer:commune']])('%s reads the conclusions but not the content', async (as) => {
    const seen = await read(as, concludedId);
    expect(seen.inspection).toEqual({ title: expect.any(String), state: 'CONCLUDED', conclusions: 'Chi bộ thực hiện tương đối tốt chế độ sinh hoạt.', team: null, findings: null, remediation: null, disciplines: null });
  });

  test('the other commune and analysts still get NOT_FOUND', async () => {
    expect((await read('organizer:province', concludedId)).inspection).toBeDefined();
    expect((await read('analyst:province', concludedId)).code).toBe('NOT_FOUND');
  });
});

describe('writes belong to the inspecting body', () => {
  test('the inspected cell’s inspector cannot start the commune’s inspection: NOT_FOUND (cannot read it)', async () => {
    const planned = await planInspection(app);
    await expectRejected(app, 'inspector:cell', INSPECTION_TABLES, START, { input: { inspectionId: planned.id, version: planned.version, on: '2026-03-02' } }, { code: 'NOT_FOUND' });
  });

  test('a province admin may; an organizer is FORBIDDEN by the shield', async () => {
    const planned = await planInspection(app);
    ok(await app.run('admin:province', START, { input: { inspectionId: planned.id, version: planned.version, on: '2026-03-02' } }));
    const again = await planInspection(app);
    await expectRejected(app, 'organizer:commune', INSPECTION_TABLES, START, { input: { inspectionId: again.id, version: again.version, on: '2026-03-02' } }, { code: 'FORBIDDEN' });
  });

  test('a province inspector may run a commune’s inspection (its grant covers the commune)', async () => {
    const planned = await planInspection(app);
    // Holding INSPECTIONS_WRITE at the province covers the commune: the province commission may act for it.
    ok(await app.run('inspector:province', START, { input: { inspectionId: planned.id, version: planned.version, on: '2026-03-02' } }));
  });

  test('planning: a unit out of the caller’s scope is NOT_FOUND; seen but not held for INSPECTIONS_WRITE, FORBIDDEN', async () => {
    const input = { inspectingUnitId: unitGid(app, 'commune'), origin: 'AD_HOC', title: 'x', subjects: ['MEETING_QUALITY'], periodFrom: '2026-01-01', periodTo: '2026-01-31', targetUnitIds: [unitGid(app, 'cell')] };
    await expectRejected(app, 'inspector:cell', INSPECTION_TABLES, CREATE, { input }, { code: 'NOT_FOUND' });
    await expectRejected(app, 'analyst:province', INSPECTION_TABLES, CREATE, { input }, { code: 'FORBIDDEN' });
    // Inspector of the cell and organizer of the commune: passes the shield, sees the commune, may not inspect from it.
    const mixed = await addAccount(app, 'mixed', { role: 'INSPECTOR', at: 'cell' });
    const commune = app.fixture.units.commune;
    await app.sql('insert into role_assignment (account_id, role, unit_id, unit_path, province_id) values (?,?,?,?,?)', [app.fixture.accounts[mixed], 'ORGANIZER', commune.id, commune.path, Number(commune.path.split('/')[1])]);
    await expectRejected(app, mixed, INSPECTION_TABLES, CREATE, { input }, { code: 'FORBIDDEN' });
  });
});
