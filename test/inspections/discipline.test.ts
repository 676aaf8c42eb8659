import { createTestApp, type TestApp } from '../support/test-app';
import { auditSince, expectRejected, lastAuditId, ok } from '../validation/support';
import { DISCIPLINE, GET, INSPECTION_TABLES, INSPECTOR, memberGid, startedInspection, unitGid } from './support';

/**
 * Discipline as an outcome (Party Charter): organisations khiển trách, cảnh cáo, giải tán; members
 * khiển trách, cảnh cáo, cách chức, khai trừ. A member's is an event of their history; expulsion
 * ends the membership like expelMember; an organisation's is in the unit's history.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const TIMELINE = 'query($id: ID!) { member(id: $id) { status version timeline { kind occurredOn decisionRef reason disciplineKind } } }';
const UNIT_DISCIPLINES = 'query($id: ID!) { orgUnit(id: $id) { disciplines { kind decidedOn decisionRef } } }';
const decision = { decidedOn: '2026-04-10', decisionRef: '12-QĐ/UBKT', reason: 'Vi phạm chế độ sinh hoạt' };

describe('members', () => {
  test('a warning is a DISCIPLINED event in the member’s timeline; the member stays', async () => {
    const started = await startedInspection(app);
    const before = ok(await app.run(INSPECTOR, TIMELINE, { id: memberGid(app, 'Nguyễn Văn An') })).member;
    const recorded = ok(await app.run(INSPECTOR, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Nguyễn Văn An'), kind: 'WARNING', ...decision } })).recordDiscipline;
    expect(recorded).toEqual({ kind: 'WARNING', decidedOn: '2026-04-10', decisionRef: '12-QĐ/UBKT', reason: 'Vi phạm chế độ sinh hoạt', member: { fullName: 'Nguyễn Văn An' }, unit: { name: 'Chi bộ bản Nậm Cười' } });
    const after = ok(await app.run(INSPECTOR, TIMELINE, { id: memberGid(app, 'Nguyễn Văn An') })).member;
    expect(after.status).toBe('OFFICIAL');
    expect(after.version).toBe(before.version + 1);
    expect(after.timeline.at(-1)).toEqual({ kind: 'DISCIPLINED', occurredOn: '2026-04-10', decisionRef: '12-QĐ/UBKT', reason: 'Vi phạm chế độ sinh hoạt', disciplineKind: 'WARNING' });
    expect(ok(await app.run(INSPECTOR, GET, { id: started.id })).inspection.disciplines).toHaveLength(1);
  });

  test('audited on the member and on the inspection, in the same transaction', async () => {
    const started = await startedInspection(app);
    const since = await lastAuditId(app);
    ok(await app.run(INSPECTOR, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Nguyễn Văn An'), kind: 'REPRIMAND', ...decision } }));
    expect((await auditSince(app, since)).map((a) => [a.operation, a.target_type])).toEqual([['recordDiscipline', 'Member'], ['recordDiscipline', 'Inspection']]);
  });

  test('expulsion ends the membership as expelMember does: EXPELLED, memberships closed', async () => {
    const started = await startedInspection(app, { targetMemberIds: [memberGid(app, 'Lò Văn Hùng')] });
    ok(await app.run(INSPECTOR, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Lò Văn Hùng'), kind: 'EXPULSION', ...decision } }));
    const member = ok(await app.run(INSPECTOR, TIMELINE, { id: memberGid(app, 'Lò Văn Hùng') })).member;
    expect(member.status).toBe('EXPELLED');
    expect(member.timeline.at(-1)).toMatchObject({ kind: 'EXPELLED', occurredOn: '2026-04-10', disciplineKind: 'EXPULSION' });
    const open = await app.sql('select * from membership where member_id = ? and ended_on is null', [app.fixture.members['Lò Văn Hùng'].id]);
    expect(open).toEqual([]);
  });

  test('dissolution is not a member’s discipline: BAD_USER_INPUT on the kind', async () => {
    const started = await startedInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Nguyễn Văn An'), kind: 'DISSOLUTION', ...decision } }, { code: 'BAD_USER_INPUT', field: 'input.kind' });
  });

  test('a member who is not a target: BAD_USER_INPUT; out of scope: NOT_FOUND', async () => {
    const started = await startedInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Trần Thị Bình'), kind: 'REPRIMAND', ...decision } }, { code: 'BAD_USER_INPUT', field: 'input.memberId' });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Lê Văn Cường'), kind: 'REPRIMAND', ...decision } }, { code: 'NOT_FOUND' });
  });

  test('a decision before the admission is BAD_USER_INPUT on the date', async () => {
    const started = await startedInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, DISCIPLINE, { input: { inspectionId: started.id, memberId: memberGid(app, 'Nguyễn Văn An'), kind: 'REPRIMAND', ...decision, decidedOn: '2000-01-01' } }, { code: 'BAD_USER_INPUT', field: 'input.decidedOn' });
  });
});

describe('organisations', () => {
  test('a reprimand of the cell is in the unit’s history', async () => {
    const started = await startedInspection(app);
    ok(await app.run(INSPECTOR, DISCIPLINE, { input: { inspectionId: started.id, unitId: unitGid(app, 'cell'), kind: 'REPRIMAND', ...decision } }));
    const unit = ok(await app.run(INSPECTOR, UNIT_DISCIPLINES, { id: unitGid(app, 'cell') })).orgUnit;
    expect(unit.disciplines).toContainEqual({ kind: 'REPRIMAND', decidedOn: '2026-04-10', decisionRef: '12-QĐ/UBKT' });
    // The cell's own members read it; an analyst does not.
    expect(ok(await app.run('member:cell', UNIT_DISCIPLINES, { id: unitGid(app, 'cell') })).orgUnit.disciplines).toContainEqual(expect.objectContaining({ kind: 'REPRIMAND' }));
    expect(ok(await app.run('analyst:commune', UNIT_DISCIPLINES, { id: unitGid(app, 'cell') })).orgUnit.disciplines).toBeNull();
  });

  test.each(['EXPULSION', 'DISMISSAL'])('an organisation cannot get %s: BAD_USER_INPUT on the kind', async (kind) => {
    const started = await startedInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, DISCIPLINE, { input: { inspectionId: started.id, unitId: unitGid(app, 'cell'), kind, ...decision } }, { code: 'BAD_USER_INPUT', field: 'input.kind' });
  });

  test('both or neither of unitId and memberId: BAD_USER_INPUT', async () => {
    const started = await startedInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, DISCIPLINE, { input: { inspectionId: started.id, kind: 'WARNING', ...decision } }, { code: 'BAD_USER_INPUT', field: 'input.unitId' });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, DISCIPLINE, { input: { inspectionId: started.id, unitId: unitGid(app, 'cell'), memberId: memberGid(app, 'Nguyễn Văn An'), kind: 'WARNING', ...decision } }, { code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });
});
