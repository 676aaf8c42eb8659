import { ViewerCache } from '../../src/auth/viewer-cache';
import { Viewer } from '../../src/auth/viewer';
import { AccountKind } from '../../src/entities/account';
import { gid, memberGid } from '../support/permission-cases';
import { outlastViewerCache } from '../support/test-app';
import { bearer, codesOf, loginOverHttp, postGraphQL, useHttpApp } from '../http/http-client';

/**
 * The caller cache (decisions.md §41): a credential seen within the bound costs no statement; a
 * write through the API (a revoked role here) takes effect on the next request; a change made
 * outside the API takes effect once the bound has passed; the cache holds a bounded number of callers.
 */
const http = useHttpApp();
const BY_ID = 'query M($id: ID!) { node(id: $id) { id ... on Member { fullName } } }';

async function statementsOf(token: string, id: string): Promise<{ statements: number; codes: unknown[] }> {
  const response = await postGraphQL(http.server, BY_ID, { id }, bearer(token));
  return { statements: Number(response.headers.get('x-sql-statements')), codes: codesOf(response.body) };
}

test('a caller seen within the bound is not loaded again: one statement fewer', async () => {
  const { accessToken } = await loginOverHttp(http.server, 'organizer.commune');
  await outlastViewerCache();
  const id = memberGid(http.app.fixture, 'Lò Văn Hùng');
  const first = await statementsOf(accessToken, id);
  const second = await statementsOf(accessToken, id);
  expect(first).toEqual({ statements: 2, codes: [] });
  expect(second).toEqual({ statements: 1, codes: [] });
});

test('a role revoked through the API stops working on the next request', async () => {
  const { accessToken } = await loginOverHttp(http.server, 'inspector.cell');
  const id = memberGid(http.app.fixture, 'Lò Văn Hùng');
  expect((await statementsOf(accessToken, id)).codes).toEqual([]);
  const [assignment] = await http.app.sql<{ id: number }>('select id from role_assignment where account_id = ? and revoked_at is null', [http.app.fixture.accounts['inspector:cell']]);
  const revoked = await http.app.run('admin:commune', 'mutation($id: ID!) { revokeRole(id: $id) { id } }', { id: gid('RoleAssignment', assignment.id) });
  expect(revoked.errors).toBeUndefined();
  expect((await statementsOf(accessToken, id)).codes).toEqual(['NOT_FOUND']);
});

test('a change made outside the API is seen once the bound has passed', async () => {
  const { accessToken } = await loginOverHttp(http.server, 'organizer.cell');
  const id = memberGid(http.app.fixture, 'Lò Văn Hùng');
  expect((await statementsOf(accessToken, id)).codes).toEqual([]);
  await http.app.sql('update account set active = false where id = ?', [http.app.fixture.accounts['organizer:cell']]);
  await outlastViewerCache();
  expect((await statementsOf(accessToken, id)).codes).toEqual(['UNAUTHENTICATED']);
});

test('the cache keeps at most its bound of callers, dropping the oldest, and entries expire', async () => {
  const cache = new ViewerCache(60_000, 3);
  for (const id of [1, 2, 3, 4]) cache.set(`t:${id}:0`, new Viewer(id, AccountKind.PERSON, null, []));
  expect(cache.size).toBe(3);
  expect(cache.get('t:1:0')).toBeUndefined();
  expect(cache.get('t:4:0')?.accountId).toBe(4);
  const expiring = new ViewerCache(-1);
  expiring.set('t:1:0', new Viewer(1, AccountKind.PERSON, null, []));
  expect(expiring.get('t:1:0')).toBeUndefined();
});
