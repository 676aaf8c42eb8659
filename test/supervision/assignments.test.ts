import { rowCount } from '../support/permission-cases';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { AN, data } from '../meetings/support';
import { expectRejected } from '../validation/support';
import { ASSIGN, END, SUPERVISION_TABLES, accountGid, assign, supervisorAccount, unitOf } from './support';

/**
 * Assigning supervisors (issue #5): defaults from the province's rules, the input rules
 * (BAD_USER_INPUT), scope (NOT_FOUND exactly as for a missing id), who may assign (FORBIDDEN),
 * overlaps (CONFLICT, also in the database), own-cell rule, ending, audit.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  await supervisorAccount(app, 'sup:exec');
  await supervisorAccount(app, 'sup:other', 'otherCommune');
  await supervisorAccount(app, 'sup:an', 'commune', AN);
});
afterAll(() => app.close());

const input = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  committeeId: unitOf(app, 'commune'), unitId: unitOf(app, 'cell'), accountId: accountGid(app, 'sup:exec'),
  assigneeKind: 'EXECUTIVE_COMMITTEE', startsOn: '2030-01-01', endsOn: '2030-06-30', ...over,
});
const rejected = (as: Parameters<TestApp['run']>[0], over: Record<string, unknown>, code: string, field?: string): Promise<unknown> =>
  expectRejected(app, as as never, SUPERVISION_TABLES, ASSIGN, { i: input(over) }, { code, field });

describe('assignSupervisor', () => {
  test('takes the frequency of the province rules by kind (domain.md §5 defaults), or the one given; audited', async () => {
    const exec = await assign(app, { account: 'sup:exec', cell: 'cell', startsOn: '2031-01-01', endsOn: '2031-12-31' });
    expect(exec).toMatchObject({ requiredAttendances: 1, per: 'QUARTER', active: false, assigneeName: 'sup:exec', unit: { name: 'Chi bộ bản Nậm Cười' }, committee: { name: 'Đảng bộ xã Bình Lư' } });
    const yearly = await assign(app, { account: 'sup:exec', cell: 'school', kind: 'STAFF', startsOn: '2031-01-01', endsOn: '2031-12-31', requiredAttendances: 6, per: 'YEAR' });
    expect(yearly).toMatchObject({ requiredAttendances: 6, per: 'YEAR' });
    const [entry] = await app.sql<{ operation: string; unit_path: string }>("select operation, unit_path from audit_entry where operation = 'assignSupervisor' order by id desc limit 1");
    expect(entry.unit_path).toBe(app.fixture.units.school.path);
  });

  test('BAD_USER_INPUT: a period that ends before it starts, a frequency of zero, a committee that is a cell, a cell not below the committee', async () => {
    await rejected('organizer:commune', { startsOn: '2030-06-30', endsOn: '2030-06-29' }, 'BAD_USER_INPUT', 'input.endsOn');
    await rejected('organizer:commune', { requiredAttendances: 0 }, 'BAD_USER_INPUT', 'input.requiredAttendances');
    await rejected('organizer:commune', { committeeId: unitOf(app, 'school') }, 'BAD_USER_INPUT', 'input.committeeId');
    await rejected('organizer:commune', { unitId: unitOf(app, 'commune') }, 'BAD_USER_INPUT', 'input.unitId');
    await rejected('organizer:province', { committeeId: unitOf(app, 'otherCommune') }, 'BAD_USER_INPUT', 'input.unitId');
  });

  test('NOT_FOUND for a cell or an assignee outside the scope, exactly as for missing ones', async () => {
    const missingUnit = Buffer.from('OrgUnit:999999').toString('base64url');
    const missingAccount = Buffer.from('Account:999999').toString('base64url');
    const outside = await rejected('organizer:commune', { unitId: unitOf(app, 'otherCell') }, 'NOT_FOUND');
    const missing = await rejected('organizer:commune', { unitId: missingUnit }, 'NOT_FOUND');
    expect(onlyError(outside as never).message).toBe(onlyError(missing as never).message);
    const otherAssignee = await rejected('organizer:commune', { accountId: accountGid(app, 'sup:other') }, 'NOT_FOUND');
    const missingAssignee = await rejected('organizer:commune', { accountId: missingAccount }, 'NOT_FOUND');
    expect(onlyError(otherAssignee as never).message).toBe(onlyError(missingAssignee as never).message);
    // The committee itself out of sight: NOT_FOUND; a service account is no assignee.
    await rejected('organizer:commune', { committeeId: unitOf(app, 'province') }, 'NOT_FOUND');
    await rejected('organizer:commune', { accountId: accountGid(app, 'service:province') }, 'NOT_FOUND');
  });

  test('FORBIDDEN without SUPERVISION_MANAGE at the committee: inspectors, members, analysts', async () => {
    await rejected('inspector:commune', {}, 'FORBIDDEN');
    await rejected('member:cell', {}, 'FORBIDDEN');
    await rejected('analyst:province', {}, 'FORBIDDEN');
    await rejected('anonymous', {}, 'UNAUTHENTICATED');
  });

  test('CONFLICT for an overlapping assignment of the same person to the same cell; adjacent periods and other cells are fine', async () => {
    await assign(app, { account: 'sup:exec', cell: 'cell', startsOn: '2032-01-01', endsOn: '2032-03-31' });
    await rejected('organizer:commune', { startsOn: '2032-03-31', endsOn: '2032-06-30' }, 'CONFLICT', 'input.startsOn');
    await rejected('organizer:province', { startsOn: '2031-12-01', endsOn: '2032-01-01' }, 'CONFLICT', 'input.startsOn');
    await assign(app, { account: 'sup:exec', cell: 'cell', startsOn: '2032-04-01', endsOn: '2032-06-30' });
    await assign(app, { account: 'sup:exec', cell: 'school', startsOn: '2032-01-01', endsOn: '2032-03-31' });
  });

  test('the database refuses an overlap too (exclusion constraint), whatever writes it', async () => {
    const [a] = await app.sql<Record<string, unknown>>("select * from supervisory_assignment where starts_on = '2032-01-01' and unit_id = ?", [app.fixture.units.cell.id]);
    await expect(
      app.sql(
        `insert into supervisory_assignment (province_id, committee_id, committee_path, unit_id, unit_path, account_id, assignee_kind, starts_on, ends_on, required_attendances, per)
         values (?,?,?,?,?,?,'STAFF','2032-02-01','2032-02-02',1,'YEAR')`,
        [a.province_id, a.committee_id, a.committee_path, a.unit_id, a.unit_path, a.account_id],
      ),
    ).rejects.toThrow(/supervisory_assignment_no_overlap/);
  });

  test('concurrent overlapping assignments: exactly one wins, the other is a CONFLICT', async () => {
    const results = await Promise.all([0, 1, 2].map(() => app.run('organizer:commune', ASSIGN, { i: input({ startsOn: '2033-01-01', endsOn: '2033-03-31' }) })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map((r) => onlyError(r).code)).toEqual(['CONFLICT', 'CONFLICT']);
  });

  test("the province's forbidOwnCell rule refuses assigning a member to their own cell", async () => {
    await assign(app, { account: 'sup:an', cell: 'cell', startsOn: '2034-01-01', endsOn: '2034-03-31' });
    const rules = (await data(app, 'organizer:province', 'query($p: ID!) { supervisionRules(provinceId: $p) { version isDefault forbidOwnCell } }', { p: unitOf(app, 'province') })).supervisionRules;
    expect(rules).toEqual({ version: 1, isDefault: true, forbidOwnCell: false });
    const UPDATE = 'mutation($i: SupervisionRulesInput!) { updateSupervisionRules(input: $i) { version isDefault forbidOwnCell executiveAttendances executivePer } }';
    const rulesInput = { provinceId: unitOf(app, 'province'), version: 1, executiveAttendances: 4, executivePer: 'YEAR', standingAttendances: 1, standingPer: 'QUARTER', standingWeakCells: true, staffAttendances: 1, staffPer: 'QUARTER', forbidOwnCell: true };
    await expectRejected(app, 'organizer:province', SUPERVISION_TABLES, UPDATE, { i: { ...rulesInput, staffAttendances: 0 } }, { code: 'BAD_USER_INPUT', field: 'input.staffAttendances' });
    await expectRejected(app, 'organizer:commune', SUPERVISION_TABLES, UPDATE, { i: rulesInput }, { code: 'FORBIDDEN' });
    const updated = (await data(app, 'organizer:province', UPDATE, { i: rulesInput })).updateSupervisionRules;
    expect(updated).toMatchObject({ isDefault: false, forbidOwnCell: true, executiveAttendances: 4, executivePer: 'YEAR' });
    await expectRejected(app, 'organizer:province', SUPERVISION_TABLES, UPDATE, { i: rulesInput }, { code: 'CONFLICT', field: 'version' });
    await rejected('organizer:commune', { accountId: accountGid(app, 'sup:an'), startsOn: '2034-04-01', endsOn: '2034-06-30' }, 'BAD_USER_INPUT', 'input.accountId');
    // Another cell is fine, with the province's new default for executive members.
    expect(await assign(app, { account: 'sup:an', cell: 'school', startsOn: '2034-04-01', endsOn: '2034-06-30' })).toMatchObject({ requiredAttendances: 4, per: 'YEAR' });
  });
});

describe('endSupervisoryAssignment', () => {
  test('ends on a date within the assignment, with the version; archived, not deleted', async () => {
    const a = await assign(app, { account: 'sup:exec', cell: 'school', startsOn: '2035-01-01', endsOn: '2035-12-31' });
    const run = (i: Record<string, unknown>): Promise<unknown> => expectRejected(app, 'organizer:commune', SUPERVISION_TABLES, END, { i: { id: a.id, version: a.version, ...i } }, { code: 'BAD_USER_INPUT', field: 'input.endsOn' });
    await run({ endsOn: '2034-12-31' });
    await run({ endsOn: '2036-01-01' });
    await expectRejected(app, 'inspector:commune', SUPERVISION_TABLES, END, { i: { id: a.id, version: a.version, endsOn: '2035-03-31' } }, { code: 'FORBIDDEN' });
    const before = await rowCount(app.sql, 'supervisory_assignment');
    const ended = (await data(app, 'organizer:commune', END, { i: { id: a.id, version: a.version, endsOn: '2035-03-31', reason: 'Chuyển công tác' } })).endSupervisoryAssignment;
    expect(ended).toMatchObject({ endsOn: '2035-03-31', version: a.version + 1 });
    expect(await rowCount(app.sql, 'supervisory_assignment')).toBe(before);
    await expectRejected(app, 'organizer:commune', SUPERVISION_TABLES, END, { i: { id: a.id, version: a.version, endsOn: '2035-02-28' } }, { code: 'CONFLICT', field: 'version' });
    // Out of the caller's SUPERVISION_MANAGE scope (the committee is above a cell admin): NOT_FOUND, as a missing one.
    await expectRejected(app, 'admin:cell', SUPERVISION_TABLES, END, { i: { id: a.id, version: ended.version, endsOn: '2035-02-28' } }, { code: 'NOT_FOUND' });
    await expectRejected(app, 'admin:cell', SUPERVISION_TABLES, END, { i: { id: Buffer.from('SupervisoryAssignment:999999').toString('base64url'), version: 1, endsOn: '2035-02-28' } }, { code: 'NOT_FOUND' });
  });
});
