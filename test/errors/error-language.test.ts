import { QUERY_LIMITS } from '../../src/graphql-server';
import { toGlobalId } from '../../src/services/global-id';
import { bearer, loginOverHttp, useHttpApp } from '../http/http-client';

/**
 * Error messages by Accept-Language over HTTP (issue #17 item 4): each door (a resolver's input
 * error, Apollo's own refusals, the limits, body-parser, /export) answers the same status, code
 * and extensions in both languages, only the message changes.
 */
const http = useHttpApp();

const VI = { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' };
const EN = { 'accept-language': 'en-US,en;q=0.9,vi;q=0.5' };

interface Answer {
  readonly status: number;
  readonly vary: string | null;
  readonly errors: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown }>;
}

async function post(body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${http.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json = (await response.json()) as { errors?: Answer['errors'] };
  return { status: response.status, vary: response.headers.get('vary'), errors: json.errors ?? [] };
}

/** The same request in English and in Vietnamese: everything equal but the messages. */
async function bothLanguages(body: string, headers: Record<string, string> = {}): Promise<{ en: string[]; vi: string[] }> {
  const en = await post(body, { ...headers, ...EN });
  const vi = await post(body, { ...headers, ...VI });
  expect(en.errors.length).toBeGreaterThan(0);
  const withoutMessages = (a: Answer) => ({ status: a.status, errors: a.errors.map(({ message: _m, ...rest }) => rest) });
  expect(withoutMessages(vi)).toEqual(withoutMessages(en));
  expect(vi.vary).toMatch(/Accept-Language/);
  return { en: en.errors.map((e) => e.message), vi: vi.errors.map((e) => e.message) };
}

const operation = (query: string, variables: Record<string, unknown> = {}): string => JSON.stringify({ query, variables });

test('a field-level input error: Vietnamese reason, field as sent, extensions unchanged', async () => {
  const { accessToken } = await loginOverHttp(http.server, 'admin.province');
  const create = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }';
  const input = { parentId: toGlobalId('OrgUnit', http.app.fixture.units.commune.id), kind: 'CELL', name: ' ', cellType: 'RESIDENTIAL' };
  const { en, vi } = await bothLanguages(operation(create, { input }), bearer(accessToken));
  expect(en).toEqual(['Invalid input.name: must not be empty']);
  expect(vi).toEqual(['Dữ liệu không hợp lệ ở input.name: không được để trống']);
});

test('a bad token, refused while Apollo builds the context (401)', async () => {
  const { en, vi } = await bothLanguages(operation('{ viewer { account { username } } }'), bearer('not-a-token'));
  expect(en).toEqual(['Invalid or expired credentials']);
  expect(vi).toEqual(['Thông tin xác thực không hợp lệ hoặc đã hết hạn']);
});

test('a field the schema does not have (GRAPHQL_VALIDATION_FAILED)', async () => {
  const { vi } = await bothLanguages(operation('{ nope }'));
  expect(vi[0]).toMatch(/^Không có trường "nope" trên kiểu "Query"\./);
});

test('a syntax error (GRAPHQL_PARSE_FAILED)', async () => {
  const { en, vi } = await bothLanguages(operation('{ viewer '));
  expect(en[0]).toMatch(/^Syntax Error: /);
  expect(vi[0]).toMatch(/^Lỗi cú pháp: /);
});

test('the alias and token limits are worded as limits, with the limit in extensions', async () => {
  const aliases = `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  const alias = await bothLanguages(operation(aliases));
  expect(alias.en).toEqual([`Aliases limit of ${QUERY_LIMITS.maxAliases} exceeded, found ${QUERY_LIMITS.maxAliases + 1}.`]);
  expect(alias.vi).toEqual([`Vượt giới hạn số bí danh (alias) (${QUERY_LIMITS.maxAliases}): tìm thấy ${QUERY_LIMITS.maxAliases + 1}`]);
  const refused = await post(operation(aliases), {});
  expect(refused.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: QUERY_LIMITS.maxAliases });

  const tokens = await bothLanguages(operation(`{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`));
  expect(tokens.en).toEqual([`Token limit of ${QUERY_LIMITS.maxTokens} exceeded: the document has more than ${QUERY_LIMITS.maxTokens} tokens`]);
  expect(tokens.vi[0]).toContain(`Vượt giới hạn số token (${QUERY_LIMITS.maxTokens})`);
  const parse = await post(operation(`{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`), {});
  expect([parse.status, parse.errors[0].extensions]).toEqual([400, { code: 'GRAPHQL_PARSE_FAILED', limit: QUERY_LIMITS.maxTokens }]);
});

test('a body that is not JSON (body-parser, before Apollo)', async () => {
  const { en, vi } = await bothLanguages('{ not json');
  expect(en).toEqual(['The request body is not valid JSON']);
  expect(vi).toEqual(['Nội dung yêu cầu không phải JSON hợp lệ']);
});

test('an export error', async () => {
  const { accessToken } = await loginOverHttp(http.server, 'organizer.commune');
  const get = async (headers: Record<string, string>) => {
    const response = await fetch(`${http.server.url}/export/org-units.csv?unitId=nope`, { headers: { ...bearer(accessToken), ...headers } });
    return { status: response.status, body: (await response.json()) as { errors: Array<{ message: string; extensions: unknown }> } };
  };
  const en = await get(EN);
  const vi = await get(VI);
  expect(vi.status).toBe(en.status);
  expect(vi.body.errors.map((e) => e.extensions)).toEqual(en.body.errors.map((e) => e.extensions));
  expect(vi.body.errors[0].message).toMatch(/^Dữ liệu không hợp lệ ở unitId: /);
});

test('an answer with data and an error keeps its data byte for byte', async () => {
  const { accessToken } = await loginOverHttp(http.server, 'organizer.commune');
  const query = `{ viewer { account { username } } orgUnit(id: "${toGlobalId('OrgUnit', 999999)}") { id } }`;
  const en = await fetch(`${http.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(accessToken), ...EN }, body: operation(query) });
  const vi = await fetch(`${http.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(accessToken), ...VI }, body: operation(query) });
  const [enBody, viBody] = [(await en.json()) as { data: unknown; errors: Array<{ message: string }> }, (await vi.json()) as { data: unknown; errors: Array<{ message: string }> }];
  expect(viBody.data).toEqual(enBody.data);
  expect(enBody.errors[0].message).toBe('Org unit not found');
  expect(viBody.errors[0].message).toBe('Không tìm thấy tổ chức đảng');
});

test('a request without Accept-Language answers in English', async () => {
  const answer = await post(operation('{ nope }'), {});
  expect(answer.errors[0].message).toMatch(/^Cannot query field "nope"/);
});

test('an automatic persisted query this server has not seen (PERSISTED_QUERY_NOT_FOUND, 200)', async () => {
  const body = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
  const { en, vi } = await bothLanguages(body);
  expect(en).toEqual(['PersistedQueryNotFound']);
  expect(vi).toEqual(['Không tìm thấy truy vấn lưu sẵn; hãy gửi lại kèm toàn văn truy vấn']);
  expect((await post(body, {})).errors[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
});
