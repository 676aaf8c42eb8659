import http from 'http';
import type { AddressInfo } from 'net';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileRelayPreset } from 'postgraphile/presets/relay';
import { pgSmartTags } from 'postgraphile/utils';
import { countPoolStatements } from './sql-count';

/**
 * The second reference of issue #14: PostGraphile 5 with the Amber and Relay presets over the
 * bench database, on node's http server, with one smart-tag rule: only the tables the bench
 * reads (org_unit, member) are exposed. Over the whole schema PostGraphile reports naming
 * conflicts and leaves types out; a hand-tuned deployment would also expose only what it serves. Its schema is
 * PostGraphile's (`orgUnit(id)`, `orgUnitsByParentId`, `membersByUnitId`, node ids of its own),
 * so the bench sends it its own query texts (scenarios/foundation.ts); its answers are compared
 * with chibo's after the ids are translated. Benchmark use only: no authentication.
 *
 * Environment: DATABASE_URL, PORT, HOST. GET /readyz answers 200 once the database answers.
 * x-sql-statements: the statements run on the pool while the request was being answered, so
 * exact only for a request served alone (as the bench's sample request is).
 */


async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') throw new Error('DATABASE_URL is required');
  // idleTimeoutMillis 0: backends live as long as the server, so the bench's CPU samples see them all.
  const pool = new Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 0, application_name: 'bench-reference-postgraphile' });
  pool.on('error', (error) => console.error(`pool error: ${error.message}`));
  const total = countPoolStatements(pool);

  const exposed = ['org_unit', 'member'];
  const onlyBenchTables = pgSmartTags([
    { kind: 'class', match: (table) => !exposed.includes(table.relname), tags: { behavior: '-*' } },
    { kind: 'procedure', match: () => true, tags: { behavior: '-*' } },
  ]);
  const preset: GraphileConfig.Preset = {
    extends: [PostGraphileAmberPreset, PostGraphileRelayPreset],
    plugins: [onlyBenchTables],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', websockets: false, graphiql: false },
    grafast: { explain: false },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);

  // createHandler, not addTo: /readyz and the statement header need the request first (no websockets here).
  const handler = serv.createHandler();
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/readyz') {
      pool.query('select 1').then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ready"}'),
        () => res.writeHead(503, { 'content-type': 'application/json' }).end('{"status":"unavailable"}'),
      );
      return;
    }
    // The statements counted while this request was open, set when grafserv writes its head.
    const before = total.statements;
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => http.ServerResponse;
    (res as unknown as { writeHead: (...args: unknown[]) => http.ServerResponse }).writeHead = (...args: unknown[]) => {
      res.setHeader('x-sql-statements', String(total.statements - before));
      return writeHead(...args);
    };
    handler(req, res, () => {
      if (!res.headersSent) res.writeHead(404).end();
    });
  });
  // Builds the schema (introspection) before the server says it is ready.
  await pgl.getSchema();

  const port = Number(process.env.PORT ?? 5678);
  const host = process.env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  console.log(`reference postgraphile on http://${host}:${(server.address() as AddressInfo).port}/graphql`);

  const stop = (): void => {
    server.close();
    void serv
      .release()
      .then(() => pgl.release())
      .then(() => pool.end())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error('reference postgraphile: could not start', error);
  process.exit(1);
});
