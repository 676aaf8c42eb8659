import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { createRequestContext } from '../context-factory';
import type { Orm } from '../db/orm';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import type { RequestContext } from '../request-context';
import { exportMembers, exportOrgUnits } from '../services/exports/export-csv';
import { fromGlobalId } from '../services/global-id';
import { sendFault } from './fault-answers';
import { statisticsCsvFile, statisticsXlsxFile, type ExportFile } from './statistics-exports';

const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
};

/** Errors answer in the GraphQL shape and codes, so clients handle both doors alike. */
function sendError(res: Response, logger: Logger, error: unknown): void {
  // The database out of reach (or the server stopping): 503, retryable, Retry-After, as on /graphql.
  if (sendFault(res, error)) {
    logger.warn({ err: error, requestId: res.locals.requestId }, 'export answered 503');
    return;
  }
  let code: string = ErrorCode.INTERNAL_SERVER_ERROR;
  let message = 'Internal server error';
  let extensions: Record<string, unknown> = {};
  if (error instanceof AppError) {
    ({ code, message } = error);
    extensions = error.details;
  } else if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    code = error.extensions.code;
    message = error.message;
  } else {
    logger.error({ err: error }, 'export failed');
  }
  res.status(STATUS[code] ?? 500).json({ errors: [{ message, extensions: { ...extensions, code } }] });
}

/**
 * Bulk CSV exports (xuất dữ liệu), streamed in batches: GET /export/org-units.csv?unitId=… and
 * /export/members.csv?unitId=…; statistics as whole files: /export/statistics.csv?table=… and
 * /export/statistics.xlsx. All authenticated like /graphql (bearer token or x-api-key).
 */
export function exportRouter(orm: Orm, config: Config, logger: Logger): Router {
  const router = Router();
  const contextOf = async (req: Request, res: Response): Promise<RequestContext> => {
    const ctx = await createRequestContext(orm, config, logger, res.locals.requestId as string, { authorization: req.header('authorization'), apiKey: req.header('x-api-key') });
    if (!ctx.viewer.authenticated) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Authentication required');
    return ctx;
  };
  const handle = (file: string, rows: (ctx: RequestContext, unitId: number) => AsyncGenerator<string>) => async (req: Request, res: Response): Promise<void> => {
    const requestId = res.locals.requestId as string;
    try {
      const ctx = await contextOf(req, res);
      const unitId = fromGlobalId(String(req.query.unitId ?? ''), 'OrgUnit', 'unitId');
      const chunks = rows(ctx, unitId);
      // The first chunk (the header) comes after the scope checks: errors before it are still JSON.
      const first = await chunks.next();
      res.status(200).setHeader('content-type', 'text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="${file}"`);
      res.write('\ufeff');
      if (!first.done) res.write(first.value);
      for await (const chunk of chunks) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
    } catch (error) {
      if (res.headersSent) {
        logger.error({ err: error, requestId }, 'export failed midway');
        res.destroy(error as Error);
        return;
      }
      sendError(res, logger, error);
    }
  };
  // Built whole before the first byte, so every error is still an error answer.
  const whole = (build: (ctx: RequestContext, query: Request['query']) => Promise<ExportFile>) => async (req: Request, res: Response): Promise<void> => {
    try {
      const file = await build(await contextOf(req, res), req.query);
      res.status(200).setHeader('content-type', file.type).setHeader('content-disposition', `attachment; filename="${file.name}"`).end(file.body);
    } catch (error) {
      sendError(res, logger, error);
    }
  };
  router.get('/org-units.csv', handle('org-units.csv', exportOrgUnits));
  router.get('/members.csv', handle('members.csv', exportMembers));
  router.get('/statistics.csv', whole(statisticsCsvFile));
  router.get('/statistics.xlsx', whole(statisticsXlsxFile));
  return router;
}
