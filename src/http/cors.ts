import cors from 'cors';
import type { RequestHandler } from 'express';
import type { Config } from '../config';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER } from '../idempotency/idempotency-plugin';

/** A page served by a development server on this machine (Vite, Next, Angular …, any port). */
const LOCAL_DEV_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** What a browser page may send: the credentials, the JSON body, and Apollo's CSRF headers for GET. */
export const CORS_REQUEST_HEADERS = [
  'Content-Type',
  'Authorization',
  'X-Api-Key',
  'X-Request-Id',
  IDEMPOTENCY_HEADER,
  'Apollo-Require-Preflight',
  'X-Apollo-Operation-Name',
  'Accept-Language',
];

/** Response headers a page's script may read (beyond the CORS-safelisted ones). */
export const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'Content-Disposition', REPLAYED_HEADER];

/** How long a browser may reuse a preflight's answer (Chromium caps it at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 600;

/** Whether a page at `origin` may call the API: the CORS_ORIGINS allow-list, and outside production localhost pages. */
export function originAllowed(config: Pick<Config, 'env' | 'corsOrigins'>, origin: string): boolean {
  return config.corsOrigins.includes(origin) || (config.env !== 'production' && LOCAL_DEV_ORIGIN.test(origin));
}

/**
 * CORS for browser clients (issue #17), mounted before every route so that a preflight is
 * answered here and never reaches Apollo's CSRF check. Only listed origins get
 * Access-Control-Allow-Origin (their own origin, with `Vary: Origin`); any other origin's preflight
 * is answered without it, and the browser stops there. Credentials are the Authorization or
 * X-Api-Key header, never cookies: no Access-Control-Allow-Credentials, so a page must not send
 * `credentials: 'include'` (docs/clients.md). Requests without an Origin header (servers, curl) get no CORS headers.
 */
export function corsMiddleware(config: Pick<Config, 'env' | 'corsOrigins'>): RequestHandler {
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(config, origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: CORS_MAX_AGE_SECONDS,
    optionsSuccessStatus: 204,
  });
  return (req, res, next) => {
    // On every answer, not only allowed ones: a cache (/openapi.json may be kept) must not hand an answer without the header to a listed page.
    res.vary('Origin');
    handler(req, res, next);
  };
}
