import type { RequestHandler } from 'express';
import { localizeErrors, preferredLanguage } from '../errors/localize';

/**
 * Error messages in the language the client asks for (Accept-Language; decisions in localize.ts).
 * Done on the way out, at the one point every JSON answer passes through (`res.send`; `res.json`
 * calls it): GraphQL results and Apollo's own refusals (CSRF, a bad token in the context), the
 * limits checked before Apollo, body-parser's errors, /export. Codes and extensions stay as they
 * are. An English request costs a header test; an idempotent replay is translated for the caller
 * who asks, not stored translated.
 */
export const errorLanguage: RequestHandler = (req, res, next) => {
  res.vary('Accept-Language');
  const language = preferredLanguage(req.header('accept-language'));
  if (language === 'en') {
    next();
    return;
  }
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    // `"errors"` only ever appears unescaped as a key: a body without it has nothing to translate.
    if (typeof body === 'string' && body.includes('"errors"') && /json/.test(String(res.getHeader('content-type') ?? ''))) {
      try {
        const parsed: unknown = JSON.parse(body);
        if (localizeErrors(parsed, language)) return send(JSON.stringify(parsed) + (body.endsWith('\n') ? '\n' : ''));
      } catch {
        // Not JSON after all: sent as it is.
      }
    }
    return send(body);
  };
  next();
};
