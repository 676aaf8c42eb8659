import type { RequestHandler } from 'express';

/**
 * Answers that carry data or credentials (/graphql, /export): never stored by a browser or a
 * proxy, never content-sniffed into something else (issue #15). ETags are off app-wide, so an
 * authenticated answer carries nothing to compare between callers.
 */
export const privateAnswer: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  next();
};
