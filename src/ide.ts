import express, { type Router } from 'express';
import { getDistDirectory, renderAltair } from 'altair-static';

/**
 * The in-browser GraphQL IDE (Altair), served from its npm package: no CDN, since party
 * networks are often closed to the internet.
 */
export function ideRouter(mountPath: string, endpoint: string): Router {
  const router = express.Router();
  const html = renderAltair({ baseURL: `${mountPath}/`, endpointURL: endpoint, initialName: 'chibo', disableAccount: true });
  router.get('/', (_req, res) => {
    res.type('html').send(html);
  });
  router.use(express.static(getDistDirectory(), { index: false }));
  return router;
}
