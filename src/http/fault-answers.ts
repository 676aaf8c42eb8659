import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { runAsWork, RequestWork, type ConnectionWatch } from '../db/request-work';
import { ErrorCode } from '../errors/error-code';
import { faultExtensions, faultMessage, faultOf, RETRY_AFTER_SECONDS, type Fault } from '../errors/unavailable';
import type { ServerContext } from '../graphql-server';

/**
 * How faults answer over HTTP (decisions.md §44): 503 with `extensions.code` SERVICE_UNAVAILABLE
 * or TIMEOUT, `retryable: true` and Retry-After, on /graphql and /export alike; and the request
 * deadline that produces TIMEOUT.
 */

const FAULTS: ReadonlySet<unknown> = new Set([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.TIMEOUT]);

/** A GraphQL response with a fault among its errors is a 503 (it was a 200 or a 500), with Retry-After. */
export function faultStatusPlugin(logger: Logger): ApolloServerPlugin<ServerContext> {
  return {
    async contextCreationDidFail({ error }) {
      // Answered 503 by contextFault; no request context (nor its logger) exists yet.
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      if (FAULTS.has(code)) logger.warn({ code, err: error.cause ?? error }, 'request answered 503 (context)');
    },
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue: ctx }) {
          if (response.body.kind !== 'single') return;
          const fault = response.body.singleResult.errors?.map((e) => e.extensions?.code).find((code) => FAULTS.has(code));
          if (fault === undefined) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          ctx.logger.warn({ code: fault }, 'request answered 503');
        },
      };
    },
  };
}

/**
 * A fault while building a request's context (the caller's account is read from the database)
 * as a GraphQLError carrying its status: Apollo answers context failures before any plugin runs.
 */
export function contextFault(error: unknown): unknown {
  const fault = faultOf(error);
  if (!fault) return error;
  return new GraphQLError(faultMessage(fault), {
    // An Error of another realm (tests run in a vm) is an Error all the same.
    originalError: typeof error === 'object' && error !== null ? (error as Error) : undefined,
    extensions: { ...faultExtensions(fault), http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });
}

/** Answers a fault on a plain express route (/export) in the GraphQL error shape; false when `error` is no fault. */
export function sendFault(res: Response, error: unknown): boolean {
  const fault: Fault | null = faultOf(error);
  if (!fault) return false;
  res.status(503).setHeader('retry-after', String(RETRY_AFTER_SECONDS)).json({ errors: [{ message: faultMessage(fault), extensions: faultExtensions(fault) }] });
  return true;
}

/**
 * Every GraphQL request runs as one unit of work with a deadline: past `timeoutMs` its database
 * sessions are terminated (PostgreSQL rolls back), its further statements refused, and its
 * errors answer TIMEOUT. Mounted after the body parser, so the request's async context is the
 * one its resolvers run in.
 */
export function requestDeadline(watch: ConnectionWatch, timeoutMs: number, logger: Logger): RequestHandler {
  return (_req, res, next) => {
    const work = new RequestWork();
    const timer = setTimeout(() => {
      logger.warn({ requestId: res.locals.requestId, timeoutMs }, 'request deadline passed: its database work is cut off');
      void watch.cutOff(work, 'deadline');
    }, timeoutMs);
    res.once('close', () => clearTimeout(timer));
    runAsWork(work, next);
  };
}
