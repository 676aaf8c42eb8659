/** Relay global id as the server encodes it: base64url of '<Type>:<database id>'. */
export function globalId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${String(id)}`).toString('base64url');
}

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  data: unknown;
  errors: unknown[] | null;
  rawBody: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One POST /graphql with fetch, for checks outside the load (login, samples). */
export async function postGraphQL(baseUrl: string, body: GraphQLBody, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const rawBody = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new Error(`POST /graphql answered ${response.status} with a body that is not JSON: ${rawBody.slice(0, 300)}`);
  }
  if (!isRecord(parsed)) throw new Error(`POST /graphql answered ${response.status} with JSON that is not an object`);
  const errors = Array.isArray(parsed.errors) ? parsed.errors : null;
  return { status: response.status, headers: response.headers, data: parsed.data ?? null, errors, rawBody };
}

/** Follows a path of keys into parsed JSON; undefined when any step is missing. */
export function pick(value: unknown, ...path: (string | number)[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[key];
    }
  }
  return current;
}

/** Logs in with the login mutation and returns the access token; throws with the server's errors otherwise. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  // Literals rather than variables, so the bench does not depend on how the
  // arguments are typed; JSON string syntax is valid GraphQL string syntax.
  const response = await postGraphQL(baseUrl, {
    query: `mutation { login(username: ${JSON.stringify(username)}, password: ${JSON.stringify(password)}) { accessToken } }`,
  });
  const token = pick(response.data, 'login', 'accessToken');
  if (response.status !== 200 || response.errors !== null || typeof token !== 'string' || token.length === 0) {
    throw new Error(`login as ${username} failed (HTTP ${response.status}): ${response.rawBody.slice(0, 500)}`);
  }
  return token;
}
