import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import { getDistDirectory, renderAltair } from 'altair-static';

/**
 * Only the page's own origin, and inline code only with this response's nonce: Altair's page
 * has an inline style and an inline init script, and Altair hands the nonce on to the styles
 * Angular adds at run time. `<base>` is refused (base-uri 'none'), so the page is always served
 * at the mount path with a trailing slash, where its relative asset URLs resolve the same.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The in-browser GraphQL IDE (Altair), served from its npm package: no CDN, since party
 * networks are often closed to the internet.
 */
export function ideRouter(mountPath: string, endpoint: string): Router {
  const router = express.Router();
  router.get('/', (req, res) => {
    if (!req.originalUrl.split('?')[0].endsWith('/')) {
      res.redirect(301, `${mountPath}/`);
      return;
    }
    const nonce = randomBytes(16).toString('base64');
    const html = renderAltair({ baseURL: `${mountPath}/`, endpointURL: endpoint, initialName: 'chibo', disableAccount: true, cspNonce: nonce });
    res.setHeader('content-security-policy', contentSecurityPolicy(nonce));
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(html);
  });
  router.use(express.static(getDistDirectory(), { index: false }));
  return router;
}
