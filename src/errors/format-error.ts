import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError } from '@mikro-orm/core';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from './app-error';
import { ErrorCode } from './error-code';
import { isRetryableCollision } from './retryable';
import { rewordLimit } from './limit-messages';
import { faultExtensions, faultMessage, faultOf } from './unavailable';

/** Codes produced by graphql-js, Apollo and graphql-armor that are safe to pass through as they are. */
const PASS_THROUGH = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.TIMEOUT,
]);

function assertUnreachable(value: never): never {
  throw new Error(`Unmapped error code ${String(value)}`);
}

/** HTTP-independent shape of each domain code; adding a code without mapping it does not compile. */
function appErrorExtensions(error: AppError): Record<string, unknown> {
  switch (error.code) {
    case ErrorCode.BAD_USER_INPUT:
      // field and reason always; an import adds its list of problems.
      return { code: error.code, ...error.details, field: error.details.field, reason: error.details.reason };
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CONFLICT:
      return { code: error.code, ...error.details };
    case ErrorCode.SERVICE_UNAVAILABLE:
    case ErrorCode.TIMEOUT:
      return { ...error.details, ...faultExtensions(error.code) };
    default:
      return assertUnreachable(error.code);
  }
}

/**
 * The one place errors become responses: domain errors keep their code and details,
 * everything unexpected is masked (no message, no stack); the request id in the
 * `x-request-id` response header finds it in the logs.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: appErrorExtensions(original) };
  }
  if (original instanceof OptimisticLockError) {
    return { ...base, message: 'The record was changed by someone else; reload and retry', extensions: { code: ErrorCode.CONFLICT, field: 'version' } };
  }
  if (isRetryableCollision(original)) {
    // Nothing was written (the transaction rolled back); the same request may succeed if sent again.
    return { ...base, message: 'The write collided with a concurrent one and was rolled back; send it again', extensions: { code: ErrorCode.CONFLICT, retryable: true } };
  }
  const fault = faultOf(original);
  if (fault) {
    // The database is out of reach or the deadline passed: the HTTP status (503) is set by faultStatusPlugin.
    return { ...base, message: faultMessage(fault), extensions: faultExtensions(fault) };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return rewordLimit({ ...formatted, extensions });
  }
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Whether an error reaching the client is unexpected (and so must be logged with its stack). */
export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError || original instanceof OptimisticLockError || isRetryableCollision(original) || faultOf(original)) return false;
  const code = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return !(typeof code === 'string' && PASS_THROUGH.has(code));
}

/** graphql-js's "Did you mean …?" hints name schema members (types, fields, enum values). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * In production the schema is not introspectable, so no message may hint at its names either:
 * validation and coercion messages lose their suggestions (issue #15).
 */
export function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const message = formatted.message.replace(SUGGESTION, '');
  return message === formatted.message ? formatted : { ...formatted, message };
}
