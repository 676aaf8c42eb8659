import { createTestApp, type TestApp } from '../support/test-app';
import { auditSince, expectRejected, lastAuditId, ok } from '../validation/support';
import { CLOSE, CONCLUDE, CREATE, DONE, FINDING, GET, INSPECTION_TABLES, INSPECTOR, PUBLISH, REMEDIATION, START, VERIFY, concludedInspection, memberGid, planInspection, startedInspection, unitGid } from './support';

/** planned → in progress → concluded → closed, with findings and remediation; each step audited and versioned. */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('an inspection from plan to close', () => {
  test('targets are named: the organisation by its name, a member by full name (issue #15: name failed for every role)', async () => {
    const planned = await planInspection(app);
    for (const as of [INSPECTOR, 'admin:national'] as const) {
      const result = await app.run(as, 'query($id: ID!) { inspection(id: $id) { targets { name } } }', { id: planned.id });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ inspection: { targets: [{ name: 'Chi bộ bản Nậm Cười' }, { name: 'Nguyễn Văn An' }] } });
    }
  });

  test('the whole way, with a finding, a remediation verified, conclusions published', async () => {
    const since = await lastAuditId(app);
    const planned = await planInspection(app);
    expect(planned).toMatchObject({ state: 'PLANNED', year: 2026, targetCount: 2, team: [{ name: 'Lường Văn Tâm', role: 'Trưởng đoàn' }], findings: [], remediation: [] });
    expect(planned.targets).toEqual([{ unit: { name: 'Chi bộ bản Nậm Cười' }, member: null }, { unit: { name: 'Chi bộ bản Nậm Cười' }, member: { fullName: 'Nguyễn Văn An' } }]);
    const started = ok(await app.run(INSPECTOR, START, { input: { inspectionId: planned.id, version: planned.version, on: '2026-03-02' } })).startInspection;
    expect(started).toMatchObject({ state: 'IN_PROGRESS', version: planned.version + 1, startedOn: '2026-03-02' });
    const finding = ok(await app.run(INSPECTOR, FINDING, {
      input: { inspectionId: planned.id, kind: 'SHORTCOMING', severity: 'MODERATE', subject: 'RECORDS_AND_MINUTES', description: 'Biên bản ghi chưa đầy đủ' },
    })).addInspectionFinding;
    expect(finding).toMatchObject({ kind: 'SHORTCOMING', subject: 'RECORDS_AND_MINUTES', recordIds: [] });
    const action = ok(await app.run(INSPECTOR, REMEDIATION, {
      input: { inspectionId: planned.id, responsibleUnitId: unitGid(app, 'cell'), description: 'Hoàn thiện biên bản', deadline: '2026-05-01' },
    })).addRemediationAction;
    expect(action).toMatchObject({ status: 'OPEN', overdue: true });
    const concluded = ok(await app.run(INSPECTOR, CONCLUDE, { input: { inspectionId: planned.id, version: started.version, on: '2026-04-01', conclusions: 'Đạt yêu cầu' } })).concludeInspection;
    expect(concluded).toMatchObject({ state: 'CONCLUDED', conclusions: 'Đạt yêu cầu' });
    const done = ok(await app.run(INSPECTOR, DONE, { input: { actionId: action.id, version: action.version, on: '2026-04-20', note: 'Đã bổ sung' } })).reportRemediationDone;
    const verified = ok(await app.run(INSPECTOR, VERIFY, { input: { actionId: action.id, version: done.version, on: '2026-04-25', note: 'Đã kiểm tra lại, đạt' } })).verifyRemediation;
    expect(verified).toMatchObject({ status: 'VERIFIED', verifiedOn: '2026-04-25' });
    const published = ok(await app.run(INSPECTOR, PUBLISH, { input: { inspectionId: planned.id, version: concluded.version, on: '2026-04-02' } })).publishInspectionConclusions;
    const closed = ok(await app.run(INSPECTOR, CLOSE, { input: { inspectionId: planned.id, version: published.version, on: '2026-04-30' } })).closeInspection;
    expect(closed).toMatchObject({ state: 'CLOSED', closedOn: '2026-04-30', closeWaiverReason: null });
    const operations = (await auditSince(app, since)).map((a) => a.operation);
    expect(operations).toEqual(['createInspection', 'startInspection', 'addInspectionFinding', 'addRemediationAction', 'concludeInspection', 'reportRemediationDone', 'verifyRemediation', 'publishInspectionConclusions', 'closeInspection']);
    const read = ok(await app.run('inspector:province', GET, { id: planned.id })).inspection;
    expect(read.findings).toHaveLength(1);
    expect(read.remediation).toEqual([expect.objectContaining({ status: 'VERIFIED', overdue: false, responsibleUnit: { name: 'Chi bộ bản Nậm Cười' } })]);
  });

  test('a stale version is a CONFLICT and changes nothing', async () => {
    const planned = await planInspection(app);
    await app.run(INSPECTOR, START, { input: { inspectionId: planned.id, version: planned.version, on: '2026-03-02' } });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CONCLUDE, { input: { inspectionId: planned.id, version: planned.version, on: '2026-04-01', conclusions: 'x' } }, { code: 'CONFLICT', field: 'version' });
  });

  test('a step in the future, or a conclusion before the start, is BAD_USER_INPUT on the date', async () => {
    const planned = await planInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, START, { input: { inspectionId: planned.id, version: planned.version, on: '2099-01-01' } }, { code: 'BAD_USER_INPUT', field: 'input.on' });
    const started = ok(await app.run(INSPECTOR, START, { input: { inspectionId: planned.id, version: planned.version, on: '2026-03-02' } })).startInspection;
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CONCLUDE, { input: { inspectionId: planned.id, version: started.version, on: '2026-03-01', conclusions: 'x' } }, { code: 'BAD_USER_INPUT', field: 'input.on' });
  });

  test('steps out of order are a CONFLICT on the state', async () => {
    const planned = await planInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CONCLUDE, { input: { inspectionId: planned.id, version: planned.version, on: '2026-04-01', conclusions: 'x' } }, { code: 'CONFLICT', field: 'state' });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CLOSE, { input: { inspectionId: planned.id, version: planned.version, on: '2026-04-01' } }, { code: 'CONFLICT', field: 'state' });
  });
});

describe('closing with open remediation', () => {
  test('CONFLICT without a waiver; with one, closed and the reason recorded and audited', async () => {
    const concluded = await concludedInspection(app);
    ok(await app.run(INSPECTOR, REMEDIATION, { input: { inspectionId: concluded.id, responsibleUnitId: unitGid(app, 'cell'), description: 'Sửa sổ sách', deadline: '2026-06-01' } }));
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CLOSE, { input: { inspectionId: concluded.id, version: concluded.version, on: '2026-06-10' } }, { code: 'CONFLICT', field: 'waiverReason' });
    const since = await lastAuditId(app);
    const closed = ok(await app.run(INSPECTOR, CLOSE, { input: { inspectionId: concluded.id, version: concluded.version, on: '2026-06-10', waiverReason: 'Chi bộ đã giải thể' } })).closeInspection;
    expect(closed).toMatchObject({ state: 'CLOSED', closeWaiverReason: 'Chi bộ đã giải thể' });
    const [entry] = await auditSince(app, since);
    expect(entry).toMatchObject({ operation: 'closeInspection', after: expect.objectContaining({ openRemediation: 1, waiverReason: 'Chi bộ đã giải thể' }) });
  });

  test('a done but unverified action still blocks closing', async () => {
    const concluded = await concludedInspection(app);
    const action = ok(await app.run(INSPECTOR, REMEDIATION, { input: { inspectionId: concluded.id, responsibleUnitId: unitGid(app, 'cell'), description: 'Sửa sổ sách', deadline: '2026-06-01' } })).addRemediationAction;
    ok(await app.run(INSPECTOR, DONE, { input: { actionId: action.id, version: action.version, on: '2026-05-01' } }));
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CLOSE, { input: { inspectionId: concluded.id, version: concluded.version, on: '2026-06-10' } }, { code: 'CONFLICT', field: 'waiverReason' });
  });

  test('verification needs a note and a done action', async () => {
    const concluded = await concludedInspection(app);
    const action = ok(await app.run(INSPECTOR, REMEDIATION, { input: { inspectionId: concluded.id, responsibleUnitId: unitGid(app, 'cell'), description: 'Sửa sổ sách', deadline: '2026-06-01' } })).addRemediationAction;
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, VERIFY, { input: { actionId: action.id, version: action.version, on: '2026-05-01', note: 'ok' } }, { code: 'CONFLICT', field: 'status' });
    const done = ok(await app.run(INSPECTOR, DONE, { input: { actionId: action.id, version: action.version, on: '2026-05-01' } })).reportRemediationDone;
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, VERIFY, { input: { actionId: action.id, version: done.version, on: '2026-05-02' } }, { code: 'BAD_USER_INPUT', field: 'input.note' });
  });
});

describe('findings', () => {
  test('BAD_USER_INPUT on an inspection not in progress (planned, concluded)', async () => {
    const planned = await planInspection(app);
    const input = { inspectionId: planned.id, kind: 'VIOLATION', severity: 'SERIOUS', subject: 'RECORDS_AND_MINUTES', description: 'x' };
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, FINDING, { input }, { code: 'BAD_USER_INPUT', field: 'input.inspectionId' });
    const concluded = await concludedInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, FINDING, { input: { ...input, inspectionId: concluded.id } }, { code: 'BAD_USER_INPUT', field: 'input.inspectionId' });
  });

  test("a subject outside the inspection's subjects is BAD_USER_INPUT", async () => {
    const started = await startedInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, FINDING, { input: { inspectionId: started.id, kind: 'STRENGTH', severity: 'MINOR', subject: 'MEETING_QUALITY', description: 'x' } }, { code: 'BAD_USER_INPUT', field: 'input.subject' });
  });
});

describe('creating', () => {
  test('an unknown subject, an empty target list, a target at or above the inspecting unit: BAD_USER_INPUT', async () => {
    const base = { inspectingUnitId: unitGid(app, 'commune'), origin: 'AD_HOC', title: 'Đột xuất', subjects: ['MEETING_QUALITY'], periodFrom: '2026-01-01', periodTo: '2026-01-31', targetUnitIds: [unitGid(app, 'cell')] };
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CREATE, { input: { ...base, subjects: ['NOPE'] } }, { code: 'BAD_USER_INPUT', field: 'input.subjects.0' });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CREATE, { input: { ...base, targetUnitIds: [] } }, { code: 'BAD_USER_INPUT', field: 'input.targetUnitIds' });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CREATE, { input: { ...base, targetUnitIds: [unitGid(app, 'commune')] } }, { code: 'BAD_USER_INPUT', field: 'input.targetUnitIds.0' });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CREATE, { input: { ...base, periodTo: '2025-12-31' } }, { code: 'BAD_USER_INPUT', field: 'input.periodTo' });
  });

  test('a target outside the caller’s scope is NOT_FOUND, exactly like a missing one', async () => {
    const base = { inspectingUnitId: unitGid(app, 'commune'), origin: 'AD_HOC', title: 'Đột xuất', subjects: ['MEETING_QUALITY'], periodFrom: '2026-01-01', periodTo: '2026-01-31' };
    const outside = await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CREATE, { input: { ...base, targetUnitIds: [unitGid(app, 'otherCell')] } }, { code: 'NOT_FOUND' });
    const missing = await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CREATE, { input: { ...base, targetUnitIds: [Buffer.from('OrgUnit:999999').toString('base64url')] } }, { code: 'NOT_FOUND' });
    expect(outside.errors?.[0].message).toBe(missing.errors?.[0].message);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, CREATE, { input: { ...base, targetMemberIds: [memberGid(app, 'Lê Văn Cường')] } }, { code: 'NOT_FOUND' });
  });

  test('a member of another subtree visible to the caller is BAD_USER_INPUT: the body inspects its own subtree', async () => {
    // The province inspector sees the other commune's member, but the commune is the inspecting body.
    const created = await app.run('inspector:province', CREATE, {
      input: { inspectingUnitId: unitGid(app, 'commune'), origin: 'AD_HOC', title: 'x', subjects: ['MEETING_QUALITY'], periodFrom: '2026-01-01', periodTo: '2026-01-31', targetMemberIds: [memberGid(app, 'Lê Văn Cường')] },
    });
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.targetMemberIds.0' });
  });
});

describe('remediation', () => {
  test('a responsible unit out of scope is NOT_FOUND; at the inspecting unit itself BAD_USER_INPUT; on a planned inspection BAD_USER_INPUT', async () => {
    const started = await startedInspection(app);
    const input = { inspectionId: started.id, responsibleUnitId: unitGid(app, 'otherCell'), description: 'x', deadline: '2026-06-01' };
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, REMEDIATION, { input }, { code: 'NOT_FOUND' });
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, REMEDIATION, { input: { ...input, responsibleUnitId: unitGid(app, 'commune') } }, { code: 'BAD_USER_INPUT', field: 'input.responsibleUnitId' });
    const planned = await planInspection(app);
    await expectRejected(app, INSPECTOR, INSPECTION_TABLES, REMEDIATION, { input: { ...input, inspectionId: planned.id, responsibleUnitId: unitGid(app, 'cell') } }, { code: 'BAD_USER_INPUT', field: 'input.inspectionId' });
  });

  test('an action of an inspection the caller cannot read is NOT_FOUND', async () => {
    const started = await startedInspection(app);
    const action = ok(await app.run(INSPECTOR, REMEDIATION, { input: { inspectionId: started.id, responsibleUnitId: unitGid(app, 'cell'), description: 'x', deadline: '2026-06-01' } })).addRemediationAction;
    await expectRejected(app, 'inspector:cell', INSPECTION_TABLES, DONE, { input: { actionId: action.id, version: action.version, on: '2026-05-01' } }, { code: 'NOT_FOUND' });
  });
});

