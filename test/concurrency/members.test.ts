import { dbId, ok } from '../validation/support';
import { AN, HUNG, memberGid } from '../meetings/support';
import { ASSIGN } from '../members/position-support';
import { EXEMPT, newMember, RECEIVE, REMOVE, SEND, unitId } from '../members/lifecycle-support';
import { createTestApp, type TestApp } from '../support/test-app';
import { bulkMembers, expectHeld, race, ROUNDS } from './support';

/**
 * Member rules under concurrency (issue #16, decision 39). Every event of one member runs under
 * the member's row lock (lifecycle-guard.ts) and checks the member's version; posts and transfers
 * also have partial unique indexes. Each racing pair runs ROUNDS times on fresh subjects.
 */
let app: TestApp;
/** Fresh members for each test's rounds (a test takes them all: a member raced once is spent). */
let fresh: Array<{ id: string; version: number }>;
beforeAll(async () => {
  app = await createTestApp();
});
beforeEach(async () => {
  fresh = await bulkMembers(app, 'cell', ROUNDS);
});
afterAll(() => app.close());

const AS = 'admin:province' as const;
const CREATE_MEMBER = 'mutation($input: CreateMemberInput!) { createMember(input: $input) { id version } }';

const one = async (query: string, params: unknown[]): Promise<number> => (await app.sql<{ n: number }>(query, params))[0].n;

test('one transfer in flight per member: two sends of one member at once, one wins', async () => {
  const report = await race(
    app,
    async (round) => fresh[round],
    (member) => {
      const send = (to: 'school' | 'otherCell') => ({ input: { memberId: member.id, version: member.version, toUnitId: unitId(app, to), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: '15-GGT/ĐU' } });
      return [
        { as: AS, query: SEND, variables: send('school') },
        { as: AS, query: SEND, variables: send('otherCell') },
      ];
    },
    async (member) => (await one("select count(*)::int as n from member_transfer where member_id = ? and state = 'SENT'", [dbId(member.id)])) === 1,
  );
  expectHeld(report);
});

test('a transfer received while the member is removed: one wins, and a removed member is in no cell and has nothing in flight', async () => {
  const report = await race(
    app,
    async (round) => {
      const member = fresh[round];
      const sent = ok(await app.run(AS, SEND, { input: { memberId: member.id, version: member.version, toUnitId: unitId(app, 'school'), kind: 'OFFICIAL', occurredOn: '2026-10-01', decisionRef: '15-GGT/ĐU' } })).sendMemberTransfer;
      const [{ version }] = await app.sql<{ version: number }>('select version from member where id = ?', [dbId(member.id)]);
      return { member: { id: member.id, version }, transfer: { id: sent.id as string, version: sent.version as number } };
    },
    ({ member, transfer }) => [
      { as: AS, query: RECEIVE, variables: { input: { transferId: transfer.id, version: transfer.version, occurredOn: '2026-10-05' } } },
      { as: AS, query: REMOVE, variables: { input: { memberId: member.id, version: member.version, occurredOn: '2026-10-06', kind: 'STRUCK_OFF', decisionRef: '20-QĐ/ĐU', reason: 'Bỏ sinh hoạt' } } },
    ],
    async ({ member }, outcomes) => {
      const id = dbId(member.id);
      const [{ status }] = await app.sql<{ status: string }>('select status from member where id = ?', [id]);
      const open = await one('select count(*)::int as n from membership where member_id = ? and ended_on is null', [id]);
      const inFlight = await one("select count(*)::int as n from member_transfer where member_id = ? and state = 'SENT'", [id]);
      const left = status === 'REMOVED';
      return outcomes.filter((o) => o.ok).length === 1 && inFlight === 0 && (left ? open === 0 : open === 1);
    },
  );
  expectHeld(report);
});

test('a sole post (the cell secretary): two members assigned at once, one CONFLICT (input.position)', async () => {
  const cell = app.fixture.units.cell.id;
  const report = await race(
    app,
    // Undone each round: nobody holds the post.
    () => app.sql("delete from member_position where unit_id = ? and position = 'SECRETARY'", [cell]),
    () => {
      const assign = (name: string) => ({ input: { memberId: memberGid(app, name), unitId: unitId(app, 'cell'), position: 'SECRETARY', startedOn: '2025-07-01', decisionRef: '15-QĐ/ĐU' } });
      return [
        { as: AS, query: ASSIGN, variables: assign(HUNG) },
        { as: AS, query: ASSIGN, variables: assign(AN) },
      ];
    },
    async (_, outcomes) =>
      (await one("select count(*)::int as n from member_position where unit_id = ? and position = 'SECRETARY' and ended_on is null", [cell])) === 1 &&
      outcomes.every((o) => o.ok || o.field === 'input.position'),
  );
  expectHeld(report);
});

test('a post assigned while the member is removed: a member who left holds no post', async () => {
  const report = await race(
    app,
    async (round) => fresh[round],
    (member) => [
      { as: AS, query: ASSIGN, variables: { input: { memberId: member.id, unitId: unitId(app, 'cell'), position: 'COMMITTEE_MEMBER', startedOn: '2025-07-01', decisionRef: '15-QĐ/ĐU' } } },
      { as: AS, query: REMOVE, variables: { input: { memberId: member.id, version: member.version, occurredOn: '2026-10-06', kind: 'STRUCK_OFF', decisionRef: '20-QĐ/ĐU', reason: 'Bỏ sinh hoạt' } } },
    ],
    async (member, outcomes) => {
      const id = dbId(member.id);
      const [{ status }] = await app.sql<{ status: string }>('select status from member where id = ?', [id]);
      const held = await one('select count(*)::int as n from member_position where member_id = ? and ended_on is null', [id]);
      // The removal always wins (it needs only the member's version); the post is then ended by it, or refused.
      return outcomes[1].ok && status === 'REMOVED' && held === 0;
    },
  );
  expectHeld(report, ['CONFLICT'], { bothMayWin: true });
});

test('exemptions of one member never overlap: two overlapping exemptions at once, one wins', async () => {
  const member = await newMember(app, 'cell');
  const id = dbId(member.id);
  const report = await race(
    app,
    async () => {
      await app.sql('delete from member_exemption where member_id = ?', [id]);
      const [{ version }] = await app.sql<{ version: number }>('select version from member where id = ?', [id]);
      return version;
    },
    (version) => {
      const exempt = (from: string) => ({ input: { memberId: member.id, version, occurredOn: '2026-01-05', decisionRef: '3-QĐ/ĐU', from, to: null, reason: 'Tuổi cao' } });
      return [
        { as: AS, query: EXEMPT, variables: exempt('2026-01-10') },
        { as: AS, query: EXEMPT, variables: exempt('2026-02-01') },
      ];
    },
    async () => (await one('select count(*)::int as n from member_exemption where member_id = ?', [id])) === 1,
  );
  expectHeld(report);
});

test('a party card number is one member\'s: two creations with one number at once, one BAD_USER_INPUT (input.partyCardNumber)', async () => {
  const report = await race(
    app,
    async (round) => `77${process.pid % 1000}${String(round).padStart(4, '0')}`,
    (card) => {
      const create = (fullName: string) => ({ input: { unitId: unitId(app, 'cell'), fullName, gender: 'MALE', ethnicity: 'Kinh', admissionDate: '2020-01-06', officialDate: '2021-01-06', partyCardNumber: card } });
      return [
        { as: AS, query: CREATE_MEMBER, variables: create(`Thẻ Một ${card}`) },
        { as: AS, query: CREATE_MEMBER, variables: create(`Thẻ Hai ${card}`) },
      ];
    },
    async (card, outcomes) =>
      (await one('select count(*)::int as n from member where party_card_number = ?', [card])) === 1 && outcomes.every((o) => o.ok || o.field === 'input.partyCardNumber'),
  );
  expectHeld(report, ['BAD_USER_INPUT']);
});
