import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';

/** What body-parser (express.json) attaches to the errors it raises. */
interface HttpError {
  readonly status?: number;
  readonly statusCode?: number;
  readonly type?: string;
}

const MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON',
  'entity.too.large': 'The request body is too large',
  'charset.unsupported': 'The request body must be UTF-8',
  'encoding.unsupported': 'The request body has an unsupported content encoding',
  'request.aborted': 'The request was aborted',
};

/**
 * Errors raised before GraphQL runs (a malformed or oversized body) answer in the GraphQL error
 * shape with code BAD_REQUEST and their HTTP status (400, 413, 415), in every mode: never
 * express's HTML page, never a stack (issue #15). Anything else is a masked 500, logged.
 */
export function requestErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, statusCode, type } = (typeof error === 'object' && error !== null ? error : {}) as HttpError;
    const httpStatus = status ?? statusCode ?? 500;
    if (httpStatus >= 400 && httpStatus < 500) {
      res.status(httpStatus).json({ errors: [{ message: MESSAGES[type ?? ''] ?? 'Bad request', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    logger.error({ err: error, requestId: res.locals.requestId }, 'request failed');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  };
}
