import { ErrorCode } from './error-code';

/** Codes that graphql-js, Apollo Server and graphql-armor answer with; format-error.ts lets them through. */
export const FRAMEWORK_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;

export type FrameworkCode = (typeof FRAMEWORK_CODES)[number];
export type AnyCode = ErrorCode | FrameworkCode;

export interface CatalogueEntry {
  /** The HTTP status(es) the code comes with, per door. */
  readonly http: string;
  /** When the API answers it. */
  readonly when: string;
  /** What a client should do with it. */
  readonly clientAction: string;
  /** The code's message in English and in Vietnamese: the answer's `message` when nothing more precise is known. */
  readonly en: string;
  readonly vi: string;
}

/**
 * Every `extensions.code` the API answers with (docs/errors.md is generated from this: `npm run
 * errors:doc`). A Record over the union: a new ErrorCode without its entry does not compile.
 */
export const ERROR_CATALOGUE: Readonly<Record<AnyCode, CatalogueEntry>> = {
  [ErrorCode.BAD_USER_INPUT]: {
    http: '200 on /graphql for an argument or input field that breaks a rule (the answer carries `data`); 400 for variables of the wrong type and a malformed `Idempotency-Key`; 400 on /export',
    when: 'An argument or input field breaks a rule: `extensions.field` names it (e.g. `input.birthDate`), `extensions.reason` says why in English; an import adds `extensions.problems`, one per row. Variables that do not match their declared type come without `field`.',
    clientAction: 'Show the message next to the field named by `extensions.field` and let the person correct it. Sending the same input again gives the same answer.',
    en: 'The input is invalid',
    vi: 'Dữ liệu nhập không hợp lệ',
  },
  [ErrorCode.UNAUTHENTICATED]: {
    http: '200 on /graphql when a field needs a signed-in caller; 401 for a bad or expired token or API key; 401 on /export',
    when: 'No credentials where they are needed, a bad or expired access token or API key, a wrong username or password, an expired refresh token, or an `Idempotency-Key` sent without signing in.',
    clientAction: 'With an expired access token, call `refreshAccessToken` once and resend; if that fails too, send the person to the sign-in screen.',
    en: 'Authentication required',
    vi: 'Cần đăng nhập',
  },
  [ErrorCode.FORBIDDEN]: {
    http: '200 on /graphql (the rest of `data` is answered); 403 on /export',
    when: 'The caller is signed in but their roles do not allow this operation on this unit (or at all).',
    clientAction: 'Do not retry. Hide or disable the action for this caller; an administrator can grant the role that allows it.',
    en: 'Not allowed',
    vi: 'Không được phép',
  },
  [ErrorCode.NOT_FOUND]: {
    http: '200 on /graphql; 404 on /export',
    when: 'The id names nothing, or something outside the caller\'s scope (both answer the same, so ids outside it reveal nothing).',
    clientAction: 'Drop the id from the cache and reload the list it came from; it may have been removed or moved out of reach.',
    en: 'Not found',
    vi: 'Không tìm thấy',
  },
  [ErrorCode.CONFLICT]: {
    http: '200 on /graphql; 409 on /export; 409 or 422 for an `Idempotency-Key` in progress or reused with another request',
    when: 'The write contradicts the current state: a stale `version` (`extensions.field: "version"`, `currentVersion`), a value already taken, a state that does not allow the change, or a collision with a concurrent write (`extensions.retryable: true`, nothing written).',
    clientAction: 'With `retryable: true`, send the same request again after a short wait. Otherwise reload the record, show the person its current state and let them redo the change.',
    en: 'The request conflicts with the current state',
    vi: 'Yêu cầu mâu thuẫn với trạng thái hiện tại',
  },
  [ErrorCode.SERVICE_UNAVAILABLE]: {
    http: '503 with `Retry-After`',
    when: 'The database cannot be reached, or the server is shutting down; uncommitted work was rolled back. `extensions.retryable: true`.',
    clientAction: 'Wait for `Retry-After` seconds and send the request again, backing off if it repeats; send writes with an `Idempotency-Key` so that a repeat is safe.',
    en: 'The service is temporarily unavailable; send the request again later',
    vi: 'Dịch vụ tạm thời không khả dụng; vui lòng gửi lại yêu cầu sau',
  },
  [ErrorCode.TIMEOUT]: {
    http: '503 with `Retry-After`',
    when: 'The request ran past the server\'s time limit (`REQUEST_TIMEOUT_MS`, or a statement past `DB_STATEMENT_TIMEOUT_MS`) and its uncommitted work was rolled back. `extensions.retryable: true`.',
    clientAction: 'Send it again later; if it keeps timing out, ask for less at once (a smaller page, a narrower period, a smaller import file).',
    en: 'The request ran past its time limit and was rolled back; send it again later',
    vi: 'Yêu cầu vượt quá thời gian cho phép và đã được hoàn tác; vui lòng gửi lại sau',
  },
  [ErrorCode.INTERNAL_SERVER_ERROR]: {
    http: '200 on /graphql (an unexpected failure in a field); 500 otherwise',
    when: 'Something unexpected failed on the server. The message never says what (it is masked); the server logged it with the request id.',
    clientAction: 'Show a generic error and report the `x-request-id` response header to the operators; retrying rarely helps.',
    en: 'Internal server error',
    vi: 'Lỗi máy chủ nội bộ',
  },
  GRAPHQL_PARSE_FAILED: {
    http: '400',
    when: 'The document is not valid GraphQL syntax, or it has more tokens than the token limit (3,000; `extensions.limit`).',
    clientAction: 'A bug in the client\'s query text: fix the document (codegen and an IDE catch it at build time). Split a very large document.',
    en: 'The GraphQL document could not be parsed',
    vi: 'Không phân tích được tài liệu GraphQL',
  },
  GRAPHQL_VALIDATION_FAILED: {
    http: '400',
    when: 'The document does not fit the schema (an unknown field, a missing argument), asks for introspection while it is off, or is over a query limit: depth 12, aliases 15, directives 20, cost 300,000, 500 selected fields, repeated same-named fields (`extensions.limit` names the limit).',
    clientAction: 'Fix the document against `schema.graphql`; for a limit, split the operation or ask for fewer levels or fields per request.',
    en: 'The GraphQL document is not valid against the schema',
    vi: 'Tài liệu GraphQL không hợp lệ theo lược đồ',
  },
  BAD_REQUEST: {
    http: '400 (413 for a body over 4 MB, 415 for a body that is not UTF-8)',
    when: 'The HTTP request itself is malformed: the body is not JSON or too large, `query` is missing, a subscription was sent, or a GET/POST without `Content-Type: application/json` or an `Apollo-Require-Preflight` header was refused by CSRF prevention.',
    clientAction: 'Send POST with `Content-Type: application/json` and a `{"query", "variables"}` body (a GET needs the `Apollo-Require-Preflight: true` header).',
    en: 'Bad request',
    vi: 'Yêu cầu không hợp lệ',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    http: '200',
    when: 'An automatic persisted query was sent by its hash only and this server process has not seen it (after a restart, or on another worker).',
    clientAction: 'Send it again with the full query text; Apollo Client\'s persisted-queries link does this by itself.',
    en: 'PersistedQueryNotFound',
    vi: 'Không tìm thấy truy vấn lưu sẵn; hãy gửi lại kèm toàn văn truy vấn',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    http: '200',
    when: 'Only if automatic persisted queries are turned off on the server (they are on): a request sent by hash only.',
    clientAction: 'Send the full query text; turn off the persisted-queries link.',
    en: 'PersistedQueryNotSupported',
    vi: 'Máy chủ không hỗ trợ truy vấn lưu sẵn',
  },
  OPERATION_RESOLUTION_FAILURE: {
    http: '400',
    when: 'A document with several operations was sent without an `operationName`, or with one it does not contain.',
    clientAction: 'Send the `operationName` of the operation to run.',
    en: 'The operation to run could not be determined',
    vi: 'Không xác định được thao tác cần thực hiện',
  },
};

export const ALL_CODES = Object.keys(ERROR_CATALOGUE) as AnyCode[];

export function isCatalogued(code: unknown): code is AnyCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOGUE, code);
}
