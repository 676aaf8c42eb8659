import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { identify } from './auth/identify';
import { Viewer } from './auth/viewer';
import { viewerCacheOf } from './auth/viewer-cache';
import type { Config } from './config';
import type { Orm } from './db/orm';
import type { SqlCount } from './db/sql-counter';
import { AppError } from './errors/app-error';
import { ErrorCode } from './errors/error-code';
import type { ServerContext } from './graphql-server';
import { createLoaders } from './loaders/loaders';
import type { RequestContext } from './request-context';

export interface IncomingCredentials {
  readonly authorization?: string;
  readonly apiKey?: string;
}

/** One forked EntityManager, one viewer (all grants loaded once) and one set of loaders per request. */
export async function createRequestContext(
  orm: Orm,
  config: Config,
  logger: Logger,
  requestId: string,
  credentials: IncomingCredentials | Viewer,
  sqlCount?: SqlCount,
): Promise<ServerContext> {
  const em = orm.em.fork();
  let viewer: Viewer;
  if (credentials instanceof Viewer) {
    viewer = credentials;
  } else {
    try {
      viewer = await identify(em, credentials.authorization, credentials.apiKey, config.jwtSecret, viewerCacheOf(em, config.viewerCacheMs));
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) {
        throw new GraphQLError(error.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
      }
      throw error;
    }
  }
  return {
    em,
    viewer,
    loaders: createLoaders(em, viewer),
    requestId,
    logger: logger.child({ requestId, accountId: viewer.accountId ?? undefined }),
    config,
    auditEntries: [],
    sqlCount,
  };
}

/** The same request on another EntityManager (a transaction, a savepoint), with loaders reading through it. */
export function contextOn(ctx: RequestContext, em: EntityManager): RequestContext {
  return { ...ctx, em, loaders: createLoaders(em, ctx.viewer) };
}
