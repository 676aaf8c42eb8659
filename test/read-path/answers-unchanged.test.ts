import type { RunningServer } from '../../src/server';
import type { AccountName } from '../support/fixture';
import { gid, MISSING_DB_ID, unitGid } from '../support/permission-cases';
import { bearer, loginOverHttp, useHttpApp } from '../http/http-client';

/**
 * The read path's answers, byte for byte (issue #14 item 6): the raw HTTP bodies of the bench's two
 * operations and their neighbours (personal fields, out-of-scope and missing ids, backward pages,
 * `nodes`, errors) as different roles, in production mode, pinned in a snapshot recorded before the
 * read path was rewritten. A change to any byte of any answer fails here.
 */
const handle = useHttpApp({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' });

const MEMBER_BY_ID = 'query M($id: ID!) { node(id: $id) { id ... on Member { fullName status gender } } }';
const CELLS_PAGE =
  'query Cells($id: ID!) { orgUnit(id: $id) { id name descendants(kind: CELL, first: 100) { totalCount ' +
  'edges { node { id name members(first: 20) { totalCount edges { node { id fullName status } } } } } } } }';
const MEMBER_DETAIL = `query D($id: ID!) { node(id: $id) { __typename id ... on Member {
  fullName status gender birthDate citizenId phone address partyCardNumber admissionDate officialDate probationEndsOn
  ethnicity religion generalEducation politicalTheory professionalQualification exempt version
  unit { id name kind } positions { id } memberships { kind startedOn endedOn unit { id } } pendingTransfer { id } } } }`;
const UNIT_DETAIL = `query U($id: ID!) { orgUnit(id: $id) { id name kind code cellType depth status memberCount foundedOn dissolvedOn version
  parent { id name } ancestors { id name } children(first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id name } } }
  members(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id fullName } } } } }`;
const BACKWARD = `query B($id: ID!) { orgUnit(id: $id) { members(last: 2) { totalCount pageInfo { hasPreviousPage hasNextPage startCursor endCursor } edges { cursor node { id fullName } } }
  descendants(last: 1) { totalCount edges { cursor node { id name kind } } } } }`;
const NODES = 'query N($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Member { fullName } ... on OrgUnit { name } } }';

async function rawAnswer(server: RunningServer, token: string | null, query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token === null ? {} : bearer(token)) },
    body: JSON.stringify({ query, variables }),
  });
  return `${response.status} ${await response.text()}`;
}

describe('read-path answers are unchanged, byte for byte', () => {
  const tokens = new Map<AccountName, string>();
  const tokenOf = async (as: AccountName): Promise<string> => {
    let token = tokens.get(as);
    if (token === undefined) {
      token = (await loginOverHttp(handle.server, as.replace(':', '.'))).accessToken;
      tokens.set(as, token);
    }
    return token;
  };

  it('answers every case as recorded', async () => {
    const { fixture } = handle.app;
    const member = (name: string): string => gid('Member', fixture.members[name].id);
    const inCommune = member('Lò Văn Hùng');
    const probationary = member('Tẩn Thị Mai');
    const otherProvince = member('Lò Thị Ánh');
    const missing = gid('Member', MISSING_DB_ID);
    const cases: Array<[string, AccountName | null, string, Record<string, unknown>]> = [
      ['by id, in scope', 'organizer:commune', MEMBER_BY_ID, { id: inCommune }],
      ['by id, out of scope', 'organizer:commune', MEMBER_BY_ID, { id: otherProvince }],
      ['by id, missing', 'organizer:commune', MEMBER_BY_ID, { id: missing }],
      ['by id, malformed', 'organizer:commune', MEMBER_BY_ID, { id: 'not-a-global-id' }],
      ['by id, anonymous', null, MEMBER_BY_ID, { id: inCommune }],
      ['cells page, commune organizer', 'organizer:commune', CELLS_PAGE, { id: unitGid(fixture, 'commune') }],
      ['cells page, province admin', 'admin:province', CELLS_PAGE, { id: unitGid(fixture, 'province') }],
      ['cells page, out of scope', 'organizer:commune', CELLS_PAGE, { id: unitGid(fixture, 'otherProvince') }],
      ['cells page, province analyst', 'analyst:province', CELLS_PAGE, { id: unitGid(fixture, 'province') }],
      ['member detail, organizer', 'organizer:commune', MEMBER_DETAIL, { id: probationary }],
      ['member detail, analyst', 'analyst:province', MEMBER_DETAIL, { id: probationary }],
      ['member detail, own record', 'member:cell', MEMBER_DETAIL, { id: member('Nguyễn Văn An') }],
      ['member detail, another member of the cell', 'member:cell', MEMBER_DETAIL, { id: inCommune }],
      ['member detail, national admin', 'admin:national', MEMBER_DETAIL, { id: otherProvince }],
      ['unit detail, commune', 'organizer:commune', UNIT_DETAIL, { id: unitGid(fixture, 'commune') }],
      ['unit detail, cell as cell admin', 'admin:cell', UNIT_DETAIL, { id: unitGid(fixture, 'cell') }],
      ['unit detail, province as commune organizer', 'organizer:commune', UNIT_DETAIL, { id: unitGid(fixture, 'province') }],
      ['backward pages', 'admin:province', BACKWARD, { id: unitGid(fixture, 'commune') }],
      ['nodes, mixed', 'organizer:commune', NODES, { ids: [inCommune, otherProvince, missing, unitGid(fixture, 'cell'), unitGid(fixture, 'otherCell')] }],
    ];
    const answers: Record<string, string> = {};
    for (const [name, as, query, variables] of cases) {
      answers[name] = await rawAnswer(handle.server, as === null ? null : await tokenOf(as), query, variables);
    }
    expect(answers).toMatchSnapshot();
  });
});
