import { createTestApp, type TestApp } from '../support/test-app';
import { auditSince, dbId, expectRejected, lastAuditId, ok } from '../validation/support';
import { END_PROBATION, EXTEND, LIFECYCLE_TABLES, newMember, RECOGNIZE, TIMELINE } from './lifecycle-support';

/**
 * Probation (dự bị, 12 months) ends in recognition as official, possibly after an extension, or in
 * removal. The 12 months are checked; an earlier recognition needs the documented exception, kept
 * in the timeline. Status and official date follow from the events.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const AS = 'organizer:commune' as const;

/** A probationary member of the Nậm Cười cell admitted on 2025-06-02: probation ends on 2026-06-02. */
const probationary = (): Promise<{ id: string; version: number }> => newMember(app, 'cell', { admissionDate: '2025-06-02', officialDate: null });

const recognize = (m: { id: string; version: number }, input: Record<string, unknown>) =>
  app.run(AS, RECOGNIZE, { input: { memberId: m.id, version: m.version, decisionRef: '101-QĐ/ĐU', ...input } });

describe('recognizeOfficialMember', () => {
  test('12 months after admission: OFFICIAL, with the official date and the event, and the version moves on', async () => {
    const m = await probationary();
    const member = ok(await recognize(m, { occurredOn: '2026-06-02' })).recognizeOfficialMember;
    expect(member).toMatchObject({ status: 'OFFICIAL', officialDate: '2026-06-02', probationEndsOn: null, version: m.version + 1 });
    const { timeline } = ok(await app.run(AS, TIMELINE, { id: m.id })).member;
    expect(timeline.map((e: any) => [e.kind, e.occurredOn, e.decisionRef, e.unit.name])).toEqual([
      ['ADMITTED', '2025-06-02', null, 'Chi bộ bản Nậm Cười'],
      ['RECOGNISED_OFFICIAL', '2026-06-02', '101-QĐ/ĐU', 'Chi bộ bản Nậm Cười'],
    ]);
  });

  test('before 12 months without the documented exception is BAD_USER_INPUT on input.occurredOn', async () => {
    const m = await probationary();
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: m.id, version: m.version, decisionRef: '1', occurredOn: '2026-06-01' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
  });

  test('before 12 months with the documented exception: accepted, the exception kept on the event', async () => {
    const m = await probationary();
    const reason = 'Đảng viên hy sinh, được công nhận chính thức trước thời hạn';
    expect(ok(await recognize(m, { occurredOn: '2026-01-05', exceptionReason: reason })).recognizeOfficialMember).toMatchObject({ status: 'OFFICIAL', officialDate: '2026-01-05' });
    const { timeline } = ok(await app.run(AS, TIMELINE, { id: m.id })).member;
    expect(timeline[1]).toMatchObject({ kind: 'RECOGNISED_OFFICIAL', exceptionReason: reason, author: { displayName: 'organizer:commune' } });
  });

  test('an official member is not recognised twice: CONFLICT', async () => {
    const official = await newMember(app, 'cell');
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: official.id, version: official.version, decisionRef: '1', occurredOn: '2026-06-02' } }, { code: 'CONFLICT', field: 'status' });
  });

  test('a stale version is CONFLICT on version', async () => {
    const m = await probationary();
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: m.id, version: m.version + 1, decisionRef: '1', occurredOn: '2026-06-02' } }, { code: 'CONFLICT', field: 'version' });
  });

  test.each([
    ['a date before the admission', 'input.occurredOn', { occurredOn: '2025-06-01' }],
    ['a date in the future', 'input.occurredOn', { occurredOn: '2999-01-01' }],
    ['an empty decision reference', 'input.decisionRef', { occurredOn: '2026-06-02', decisionRef: ' ' }],
  ])('%s is BAD_USER_INPUT on %s', async (_what, field, input) => {
    const m = await probationary();
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: m.id, version: m.version, decisionRef: '1', ...input } }, { code: 'BAD_USER_INPUT', field });
  });

  test('writes one audit row on the member, with the decision', async () => {
    const m = await probationary();
    const since = await lastAuditId(app);
    ok(await recognize(m, { occurredOn: '2026-07-01' }));
    const entries = await auditSince(app, since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      operation: 'recognizeOfficialMember',
      target_type: 'Member',
      target_id: String(dbId(m.id)),
      unit_path: app.fixture.units.cell.path,
      before: { status: 'PROBATIONARY', officialDate: null },
      after: { status: 'OFFICIAL', officialDate: '2026-07-01', decisionRef: '101-QĐ/ĐU' },
    });
  });
});

describe('a probation-extension flow', () => {
  test('extended to 2026-09-01: recognition before it needs the exception, on or after it does not', async () => {
    const m = await probationary();
    expect(ok(await app.run(AS, 'query($id: ID!) { member(id: $id) { probationEndsOn } }', { id: m.id })).member.probationEndsOn).toBe('2026-06-02');

    const extended = ok(await app.run(AS, EXTEND, {
      input: { memberId: m.id, version: m.version, occurredOn: '2026-05-20', decisionRef: '77-QĐ/ĐU', probationEndsOn: '2026-09-01', reason: 'Chưa hoàn thành nhiệm vụ được giao' },
    })).extendProbation;
    expect(extended).toMatchObject({ status: 'PROBATIONARY', probationEndsOn: '2026-09-01', version: m.version + 1 });

    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: m.id, version: extended.version, decisionRef: '1', occurredOn: '2026-06-02' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
    // An extension must move the end later.
    await expectRejected(app, AS, LIFECYCLE_TABLES, EXTEND, {
      input: { memberId: m.id, version: extended.version, occurredOn: '2026-06-01', decisionRef: '2', probationEndsOn: '2026-08-01', reason: 'x' },
    }, { code: 'BAD_USER_INPUT', field: 'input.probationEndsOn' });

    const official = ok(await app.run(AS, RECOGNIZE, { input: { memberId: m.id, version: extended.version, decisionRef: '120-QĐ/ĐU', occurredOn: '2026-09-01' } })).recognizeOfficialMember;
    expect(official).toMatchObject({ status: 'OFFICIAL', officialDate: '2026-09-01' });
    const { timeline } = ok(await app.run(AS, TIMELINE, { id: m.id })).member;
    expect(timeline.map((e: any) => [e.kind, e.occurredOn, e.probationEndsOn, e.reason])).toEqual([
      ['ADMITTED', '2025-06-02', null, null],
      ['PROBATION_EXTENDED', '2026-05-20', '2026-09-01', 'Chưa hoàn thành nhiệm vụ được giao'],
      ['RECOGNISED_OFFICIAL', '2026-09-01', null, null],
    ]);
  });

  test('an official member has no probation to extend: CONFLICT', async () => {
    const official = await newMember(app, 'cell');
    await expectRejected(app, AS, LIFECYCLE_TABLES, EXTEND, {
      input: { memberId: official.id, version: official.version, occurredOn: '2026-05-20', decisionRef: '7', probationEndsOn: '2027-01-01', reason: 'x' },
    }, { code: 'CONFLICT', field: 'status' });
  });
});

describe('endProbationWithRemoval', () => {
  test('REMOVED; the membership ends on the date; no further events', async () => {
    const m = await probationary();
    const removed = ok(await app.run(AS, END_PROBATION, {
      input: { memberId: m.id, version: m.version, occurredOn: '2026-06-05', decisionRef: '90-QĐ/ĐU', reason: 'Không đủ tư cách đảng viên' },
    })).endProbationWithRemoval;
    expect(removed).toMatchObject({ status: 'REMOVED', probationEndsOn: null });
    const { memberships, timeline } = ok(await app.run(AS, TIMELINE, { id: m.id })).member;
    expect(memberships).toEqual([{ kind: 'OFFICIAL', startedOn: '2025-06-02', endedOn: '2026-06-05', unit: { name: 'Chi bộ bản Nậm Cười' } }]);
    expect(timeline[1]).toMatchObject({ kind: 'PROBATION_FAILED', reason: 'Không đủ tư cách đảng viên' });
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: m.id, version: removed.version, decisionRef: '1', occurredOn: '2026-06-05' } }, { code: 'CONFLICT', field: 'status' });
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: m.id, version: removed.version, decisionRef: '1', occurredOn: '2026-06-06' } }, { code: 'BAD_USER_INPUT', field: 'input.occurredOn' });
  });

  test('an official member cannot fail probation: CONFLICT', async () => {
    const official = await newMember(app, 'cell');
    await expectRejected(app, AS, LIFECYCLE_TABLES, END_PROBATION, { input: { memberId: official.id, version: official.version, occurredOn: '2026-06-05', decisionRef: '9', reason: 'x' } }, { code: 'CONFLICT', field: 'status' });
  });
});

describe('who records probation events', () => {
  test.each([
    ['inspector:commune', 'FORBIDDEN'],
    ['organizer:cell', 'allowed'],
    ['organizer:province', 'allowed'],
    ['member:cell', 'FORBIDDEN'],
    ['analyst:province', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('%s on a member of the cell → %s', async (actor, outcome) => {
    const m = await probationary();
    const result = await app.run(actor, RECOGNIZE, { input: { memberId: m.id, version: m.version, decisionRef: '1', occurredOn: '2026-06-02' } });
    if (outcome === 'allowed') expect(ok(result).recognizeOfficialMember.status).toBe('OFFICIAL');
    else expect(result.errors?.map((e) => e.extensions?.code)).toEqual([outcome]);
  });

  test('a commune organizer on a member of another commune → NOT_FOUND, like a missing id', async () => {
    const elsewhere = await newMember(app, 'otherCell', { admissionDate: '2025-06-02', officialDate: null });
    await expectRejected(app, AS, LIFECYCLE_TABLES, RECOGNIZE, { input: { memberId: elsewhere.id, version: elsewhere.version, decisionRef: '1', occurredOn: '2026-06-02' } }, { code: 'NOT_FOUND' });
  });
});
