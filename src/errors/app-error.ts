import { ErrorCode } from './error-code';

/** A domain error with a public code; mapped to a GraphQLError in one place (format-error.ts). */
export class AppError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, ErrorCode.INTERNAL_SERVER_ERROR>,
    message: string,
    readonly details: { field?: string; reason?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (field: string, reason: string): AppError =>
  new AppError(ErrorCode.BAD_USER_INPUT, `Invalid ${field}: ${reason}`, { field, reason });

export const notFound = (what: string): AppError => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);

export const conflict = (message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError(ErrorCode.CONFLICT, message, details);

export const forbidden = (message = 'Not allowed'): AppError => new AppError(ErrorCode.FORBIDDEN, message);

export const unauthenticated = (message = 'Authentication required'): AppError =>
  new AppError(ErrorCode.UNAUTHENTICATED, message);

/** Same answer for stale and concurrent writes: never a silent overwrite. */
export const staleVersion = (expected: number, actual: number): AppError =>
  conflict(`The record was changed by someone else (version ${actual}, you sent ${expected}); reload and retry`, {
    field: 'version',
    currentVersion: actual,
  });
