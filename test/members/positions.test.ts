import { addAccount, data, vietnamTime } from '../meetings/support';
import { cells, expectOutcome, insertAssignment, rowCount, type Actor, type Outcome } from '../support/permission-cases';
import type { UnitName } from '../support/fixture';
import { createTestApp, onlyError, type TestApp } from '../support/test-app';
import { auditSince, dbId, expectRejected, lastAuditId } from '../validation/support';
import { addCommuneWithCell, newMember, transferMember, unitId } from './lifecycle-support';
import { assign, ASSIGN, assignInput, end, POSITION_FIELDS, POSITION_TABLES } from './position-support';

/**
 * Positions through the API (assignPosition, endPosition): who may write them where, who reads
 * them by id, what the audit log keeps, that ended posts stay in the member's history, and that a
 * secretary assigned here writes the cell's meetings. The rules on inputs and state are in
 * position-rules.test.ts.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const A = 'allowed' as const;
const F = 'FORBIDDEN' as const;
const N = 'NOT_FOUND' as const;
const U = 'UNAUTHENTICATED' as const;

type Column = 'atCell' | 'atCommune' | 'atOtherCell';
const COLUMNS: readonly Column[] = ['atCell', 'atCommune', 'atOtherCell'];
/** Where the member is, and the unit of the post (a committee member: many may hold it). */
const TARGETS: Record<Column, { member: UnitName; unit: UnitName }> = {
  atCell: { member: 'cell', unit: 'cell' },
  atCommune: { member: 'cell', unit: 'commune' },
  atOtherCell: { member: 'otherCell', unit: 'otherCell' },
};

// prettier-ignore
const ASSIGN_TABLE: Record<Actor, Outcome[]> = {
  //                     cell  commune  otherCell (another commune)
  'admin:national':     [A, A, A],
  'admin:province':     [A, A, A],
  'admin:commune':      [A, A, N],
  'admin:cell':         [A, N, N],
  'organizer:province': [A, A, A],
  'organizer:commune':  [A, A, N],
  'organizer:cell':     [A, N, N],
  'inspector:province': [F, F, F],
  'inspector:commune':  [F, F, F],
  'inspector:cell':     [F, F, F],
  'analyst:province':   [F, F, F],
  'analyst:commune':    [F, F, F],
  'analyst:cell':       [F, F, F],
  'service:province':   [F, F, F],
  'member:cell':        [F, F, F],
  'norole':             [F, F, F],
  'anonymous':          [U, U, U],
};

describe('who may assign a post', () => {
  test.each(cells(COLUMNS, ASSIGN_TABLE))('as %s, %s → %s', async (actor, column, expected) => {
    const { member, unit } = TARGETS[column];
    const m = await newMember(app, member);
    const result = await app.run(actor, ASSIGN, assignInput(app, m.id, unit, 'COMMITTEE_MEMBER'));
    expectOutcome(result, 'assignPosition', expected);
    expect(await rowCount(app.sql, 'member_position', 'member_id = ?', [dbId(m.id)])).toBe(expected === A ? 1 : 0);
  });

  test('writing members in the cell is not enough for a post above it that the caller only reads: FORBIDDEN, nothing written', async () => {
    const mixed = await addAccount(app, 'organizer-at-cell-member-of-commune', { role: 'ORGANIZER', at: 'cell' });
    await insertAssignment(app.sql, app.fixture, app.fixture.accounts[mixed], 'MEMBER', 'commune');
    const m = await newMember(app, 'cell');
    await expectRejected(app, mixed, POSITION_TABLES, ASSIGN, assignInput(app, m.id, 'commune', 'COMMITTEE_MEMBER'), { code: F });
  });
});

/** Ending needs what assigning needs: the post read through MEMBERS_READ (else NOT_FOUND), MEMBERS_WRITE at its unit. */
const END_TABLE = ASSIGN_TABLE;

describe('who may end a post', () => {
  test.each(cells(COLUMNS, END_TABLE))('as %s, %s → %s', async (actor, column, expected) => {
    const { member, unit } = TARGETS[column];
    const held = await assign(app, 'admin:national', (await newMember(app, member)).id, unit, 'COMMITTEE_MEMBER');
    const result = await app.run(actor, `mutation($input: EndPositionInput!) { endPosition(input: $input) { id } }`, {
      input: { positionId: held.id, version: held.version, endedOn: '2026-11-30', decisionRef: '31-QĐ/ĐU' },
    });
    expectOutcome(result, 'endPosition', expected);
    const [row] = await app.sql<{ ended_on: string | null }>('select ended_on::text as ended_on from member_position where id = ?', [dbId(held.id)]);
    expect(row.ended_on).toBe(expected === A ? '2026-11-30' : null);
  });
});

// prettier-ignore
const READ_TABLE: Record<Actor, Outcome[]> = {
  //                     cell  otherCell
  'admin:national':     [A, A],
  'admin:province':     [A, A],
  'admin:commune':      [A, N],
  'admin:cell':         [A, N],
  'organizer:province': [A, A],
  'organizer:commune':  [A, N],
  'organizer:cell':     [A, N],
  'inspector:province': [A, A],
  'inspector:commune':  [A, N],
  'inspector:cell':     [A, N],
  'analyst:province':   [N, N],
  'analyst:commune':    [N, N],
  'analyst:cell':       [N, N],
  'service:province':   [N, N],
  'member:cell':        [A, N],
  'norole':             [N, N],
  'anonymous':          [U, U],
};

describe('node(id) of a position: read where Member.positions shows it, NOT_FOUND elsewhere', () => {
  const ids = {} as Record<'cell' | 'otherCell', string>;
  beforeAll(async () => {
    for (const unit of ['cell', 'otherCell'] as const) ids[unit] = (await assign(app, 'admin:national', (await newMember(app, unit)).id, unit, 'DEPUTY_SECRETARY')).id;
  });

  test.each(cells(['cell', 'otherCell'] as const, READ_TABLE))('as %s, a post in %s → %s', async (actor, column, expected) => {
    const result = await app.run(actor, 'query($id: ID!) { node(id: $id) { id ... on MemberPosition { position } } }', { id: ids[column] });
    expectOutcome(result, 'node', expected);
    if (expected === A) expect(result.data?.node).toEqual({ id: ids[column], position: 'DEPUTY_SECRETARY' });
  });
});

describe('history and audit', () => {
  test('assigned and ended posts are audited, and the ended one stays in Member.positions with its dates and decisions', async () => {
    const m = await newMember(app, 'school');
    const since = await lastAuditId(app);
    const held = await assign(app, 'organizer:commune', m.id, 'school', 'AGENCY_HEAD', { startedOn: '2021-03-01', decisionRef: '7-QĐ/UBND' });
    expect(held).toMatchObject({ position: 'AGENCY_HEAD', startedOn: '2021-03-01', endedOn: null, decisionRef: '7-QĐ/UBND', version: 1, member: { fullName: m.fullName } });
    const ended = await end(app, 'organizer:commune', held, '2026-06-30', '12-QĐ/UBND');
    expect(ended).toMatchObject({ id: held.id, endedOn: '2026-06-30', endDecisionRef: '12-QĐ/UBND', version: 2 });
    const next = await assign(app, 'organizer:commune', m.id, 'school', 'SECRETARY', { startedOn: '2026-07-01' });

    const entries = await auditSince(app, since);
    expect(entries.map((e) => [e.operation, e.target_type, e.target_id, e.account_id, e.unit_path])).toEqual([
      ['assignPosition', 'MemberPosition', String(dbId(held.id)), app.fixture.accounts['organizer:commune'], app.fixture.units.school.path],
      ['endPosition', 'MemberPosition', String(dbId(held.id)), app.fixture.accounts['organizer:commune'], app.fixture.units.school.path],
      ['assignPosition', 'MemberPosition', String(dbId(next.id)), app.fixture.accounts['organizer:commune'], app.fixture.units.school.path],
    ]);
    expect(entries[0].before).toBeNull();
    expect(entries[0].after).toMatchObject({ memberId: dbId(m.id), position: 'AGENCY_HEAD', startedOn: '2021-03-01', endedOn: null, decisionRef: '7-QĐ/UBND', version: 1 });
    expect([entries[1].before.endedOn, entries[1].after.endedOn, entries[1].after.endDecisionRef, entries[1].after.version]).toEqual([null, '2026-06-30', '12-QĐ/UBND', 2]);
    const [row] = await app.sql<{ author_id: number; ended_by_id: number }>('select author_id, ended_by_id from member_position where id = ?', [dbId(held.id)]);
    expect(row).toEqual({ author_id: app.fixture.accounts['organizer:commune'], ended_by_id: app.fixture.accounts['organizer:commune'] });

    const positions = (await data(app, 'organizer:commune', `query($id: ID!) { member(id: $id) { positions { ${POSITION_FIELDS} } } }`, { id: m.id })).member.positions;
    expect(positions.map((p: any) => [p.position, p.startedOn, p.endedOn, p.endDecisionRef])).toEqual([
      ['AGENCY_HEAD', '2021-03-01', '2026-06-30', '12-QĐ/UBND'],
      ['SECRETARY', '2026-07-01', null, null],
    ]);
  });

  test('a post ended by a transfer stays at its unit, versioned on, with the member null for readers who no longer see them', async () => {
    const m = await newMember(app, 'cell');
    const held = await assign(app, 'organizer:commune', m.id, 'cell', 'VILLAGE_HEAD');
    await transferMember(app, 'admin:province', m.fullName, 'otherCell', '2026-10-01', '2026-10-05');
    const read = (await data(app, 'organizer:commune', `query($id: ID!) { node(id: $id) { ... on MemberPosition { ${POSITION_FIELDS} } } }`, { id: held.id })).node;
    expect(read).toMatchObject({ endedOn: '2026-10-05', endDecisionRef: null, version: 2, unit: { name: 'Chi bộ bản Nậm Cười' }, member: null });
  });
});

describe('the derived cell secretary follows a post assigned here', () => {
  test('a member made secretary of a cell then writes its meetings, and no more once the post has ended', async () => {
    await addCommuneWithCell(app, 'Sì Lở Lầu', 'bản Thèn Thầu');
    const cell = 'bản Thèn Thầu' as UnitName;
    const m = await newMember(app, cell);
    const secretary = await addAccount(app, 'secretary:theo-thau', { member: m.fullName, role: 'MEMBER', at: cell });
    const create = 'mutation($u: ID!, $at: DateTimeISO!) { createMeeting(input: { unitId: $u, kind: EXTRAORDINARY, format: IN_PERSON, scheduledAt: $at }) { status } }';
    const variables = { u: unitId(app, cell), at: vietnamTime('2026-12-20') };
    expect(onlyError(await app.run(secretary, create, variables)).code).toBe(F);

    const held = await assign(app, 'admin:national', m.id, cell, 'SECRETARY', { startedOn: '2026-12-01' });
    expect((await data(app, secretary, create, variables)).createMeeting.status).toBe('PLANNED');

    await end(app, 'admin:national', held, '2026-12-02');
    expect(onlyError(await app.run(secretary, create, variables)).code).toBe(F);
  });
});
