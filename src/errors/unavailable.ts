import { ErrorCode } from './error-code';

/**
 * Faults of the service rather than of the request (decisions.md §44): the database cannot be
 * reached, or the work ran past its deadline. Both answer HTTP 503 with `retryable: true` and a
 * Retry-After header, never INTERNAL_SERVER_ERROR: nothing uncommitted was kept, and the same
 * request may succeed once the database is back or the load has passed.
 */
export type Fault = ErrorCode.SERVICE_UNAVAILABLE | ErrorCode.TIMEOUT;

/** Seconds a client should wait before sending the request again (a restarted PostgreSQL was back in < 0.5 s). */
export const RETRY_AFTER_SECONDS = 2;

/** Why a request's database work was cut off by the server itself (request-work.ts). */
export type CutOffReason = 'deadline' | 'shutdown';

/**
 * The mark a cut-off leaves on an error. A property rather than a class: MikroORM re-wraps driver
 * errors into its own exception classes, copying their own properties but not their prototype.
 */
export const CUT_OFF = 'chiboCutOff';

export function cutOffError(reason: CutOffReason, cause?: unknown): Error {
  const message = reason === 'deadline' ? 'The request ran past its deadline' : 'The server is shutting down';
  return Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { [CUT_OFF]: reason });
}

const CONNECTION_SQLSTATES = new Set([
  '57P01', // admin_shutdown: the server (or an operator) ended the session
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);

const TIMEOUT_SQLSTATES = new Set([
  '57014', // query_canceled: statement_timeout, or a cancel
  '25P03', // idle_in_transaction_session_timeout
]);

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** node-postgres's own errors for a connection that is gone; they carry no code. */
const LOST_CONNECTION = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Connection ended unexpectedly)/;

interface Inspectable {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
  /** graphql-js's wrapper of a thrown value that is no Error of its realm (NonErrorThrown). */
  readonly thrownValue?: unknown;
  /** A GraphQLError's wrapped error. */
  readonly originalError?: unknown;
  readonly [CUT_OFF]?: unknown;
}

function classify(error: unknown, depth: number): Fault | null {
  if (typeof error !== 'object' || error === null || depth > 5) return null;
  const e = error as Inspectable;
  if (e[CUT_OFF] === 'deadline') return ErrorCode.TIMEOUT;
  if (e[CUT_OFF] === 'shutdown') return ErrorCode.SERVICE_UNAVAILABLE;
  if (typeof e.code === 'string') {
    if (TIMEOUT_SQLSTATES.has(e.code)) return ErrorCode.TIMEOUT;
    if (CONNECTION_SQLSTATES.has(e.code) || e.code.startsWith('08') || SOCKET_CODES.has(e.code)) return ErrorCode.SERVICE_UNAVAILABLE;
  }
  // knex's pool: no connection came free (or could be opened) within acquireTimeoutMillis.
  if (e.name === 'KnexTimeoutError') return ErrorCode.SERVICE_UNAVAILABLE;
  if (typeof e.message === 'string' && LOST_CONNECTION.test(e.message)) return ErrorCode.SERVICE_UNAVAILABLE;
  // Node's connect to a name with several addresses fails with an AggregateError of each attempt.
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const found = classify(inner, depth + 1);
      if (found) return found;
    }
  }
  return classify(e.cause, depth + 1) ?? classify(e.thrownValue, depth + 1) ?? classify(e.originalError, depth + 1);
}

/** The fault an error stands for, looked for on it and on the errors it wraps; null for anything else. */
export function faultOf(error: unknown): Fault | null {
  return classify(error, 0);
}

export function faultMessage(fault: Fault): string {
  return fault === ErrorCode.TIMEOUT
    ? 'The request ran past its time limit and its uncommitted work was rolled back; send it again later'
    : 'The service is temporarily unavailable and uncommitted work was rolled back; send the request again later';
}

/** The extensions of a fault's answer, the same for /graphql and /export. */
export function faultExtensions(fault: Fault): { code: Fault; retryable: true } {
  return { code: fault, retryable: true };
}
