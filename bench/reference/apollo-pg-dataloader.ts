import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import DataLoader from 'dataloader';
import express from 'express';
import http from 'http';
import type { AddressInfo } from 'net';
import { Pool, type QueryResultRow } from 'pg';

/**
 * The hand-written reference of issue #14: what a minimal server answering the bench's two
 * foundation operations costs. Apollo Server 5 on express 5, `pg`, DataLoader, a schema written
 * by hand with only the types those operations touch, no authentication, no permissions, no
 * logging. Its answers are the same JSON as chibo's (bench/run.ts compares them byte for byte
 * before loading): Relay global ids encoded as src/services/global-id.ts does, cells and members
 * ordered as chibo orders lists (name_sort_key, then id), members of a cell filtered to the
 * current statuses as chibo's members connection is. Benchmark use only (it reads everything).
 *
 * Environment: DATABASE_URL, PORT, HOST (as chibo). GET /readyz answers 200 once the database
 * answers; every /graphql response carries x-sql-statements (statements run for that request).
 */

const typeDefs = /* GraphQL */ `
  interface Node {
    id: ID!
  }
  enum Gender {
    MALE
    FEMALE
  }
  enum MemberStatus {
    PROBATIONARY
    OFFICIAL
    REMOVED
    EXPELLED
    DECEASED
  }
  enum OrgUnitKind {
    PROVINCE
    COMMUNE_COMMITTEE
    WARD_COMMITTEE
    SPECIAL_ZONE_COMMITTEE
    BLOC_COMMITTEE
    GRASSROOTS_COMMITTEE
    GRASSROOTS_CELL
    PARTIAL_COMMITTEE
    CELL
    PARTY_GROUP
  }
  type Member implements Node {
    id: ID!
    fullName: String!
    status: MemberStatus!
    gender: Gender!
  }
  type MemberEdge {
    node: Member!
  }
  type MemberConnection {
    totalCount: Int!
    edges: [MemberEdge!]!
  }
  type OrgUnit implements Node {
    id: ID!
    name: String!
    descendants(kind: OrgUnitKind, first: Int): OrgUnitConnection!
    members(first: Int): MemberConnection!
  }
  type OrgUnitEdge {
    node: OrgUnit!
  }
  type OrgUnitConnection {
    totalCount: Int!
    edges: [OrgUnitEdge!]!
  }
  type Query {
    node(id: ID!): Node
    orgUnit(id: ID!): OrgUnit
  }
`;

interface MemberRow {
  kind: 'Member';
  id: number;
  full_name: string;
  status: string;
  gender: string;
}

interface UnitRow {
  kind: 'OrgUnit';
  id: number;
  name: string;
  path: string;
}

/** A connection before its fields resolve: what to load, by loader key. */
interface UnitPage {
  /** `<path>|<kind>` */
  key: string;
  first: number;
}

interface MemberPage {
  cell: number;
  first: number;
}

/** Current members, as chibo's members connection lists them without a status filter. */
const currentStatuses = ['PROBATIONARY', 'OFFICIAL'];
const defaultPageSize = 20;

function toGlobalId(type: 'Member' | 'OrgUnit', id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

function fromGlobalId(globalId: string): { type: string; id: number } | null {
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  return match === null ? null : { type: match[1] as string, id: Number(match[2]) };
}

type Query = <T extends QueryResultRow>(sql: string, params: unknown[]) => Promise<T[]>;

/** Per request: a counted query function and the loaders that batch over it. */
class Context {
  /** In an object: Apollo hands resolvers a shallow copy of the context, a number would be copied. */
  readonly sql = { statements: 0 };
  readonly query: Query;
  readonly memberById: DataLoader<number, MemberRow | null>;
  readonly unitById: DataLoader<number, UnitRow | null>;
  /** Key: `<path>|<kind>|<first>`. */
  readonly descendants: DataLoader<string, UnitRow[]>;
  readonly descendantCount: DataLoader<string, number>;
  /** Key: `<cell id>|<first>`: one statement for the pages of every cell of the same size. */
  readonly memberPage: DataLoader<string, MemberRow[]>;
  readonly memberCount: DataLoader<number, number>;

  constructor(pool: Pool) {
    this.query = async <T extends QueryResultRow>(sql: string, params: unknown[]): Promise<T[]> => {
      this.sql.statements += 1;
      return (await pool.query<T>(sql, params)).rows;
    };
    this.memberById = new DataLoader(async (ids) => {
      const rows = await this.query<MemberRow>(`select 'Member' as kind, id, full_name, status, gender from member where id = any($1::int[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.unitById = new DataLoader(async (ids) => {
      const rows = await this.query<UnitRow>(`select 'OrgUnit' as kind, id, name, path from org_unit where id = any($1::int[])`, [ids]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    this.descendants = new DataLoader((keys) =>
      Promise.all(
        keys.map((key) => {
          const [path, kind, first] = key.split('|') as [string, string, string];
          return this.query<UnitRow>(
            `select 'OrgUnit' as kind, id, name, path from org_unit
              where path ~>=~ $1 and path ~<~ ($1 || '~') and path <> $1 and ($2 = '' or kind = $2)
              order by name_sort_key, id limit $3`,
            [path, kind, Number(first)],
          );
        }),
      ),
    );
    this.descendantCount = new DataLoader((keys) =>
      Promise.all(
        keys.map(async (key) => {
          const [path, kind] = key.split('|') as [string, string];
          const rows = await this.query<{ n: number }>(
            `select count(*)::int as n from org_unit where path ~>=~ $1 and path ~<~ ($1 || '~') and path <> $1 and ($2 = '' or kind = $2)`,
            [path, kind],
          );
          return rows[0]?.n ?? 0;
        }),
      ),
    );
    this.memberPage = new DataLoader(async (keys) => {
      // Cells grouped by page size; one lateral statement per size (one in practice).
      const bySize = new Map<number, number[]>();
      for (const key of keys) {
        const [cell, first] = key.split('|').map(Number) as [number, number];
        bySize.set(first, [...(bySize.get(first) ?? []), cell]);
      }
      const pages = new Map<string, MemberRow[]>(keys.map((key) => [key, []]));
      for (const [first, cells] of bySize) {
        const rows = await this.query<MemberRow & { cell_id: number }>(
          `select k.cell_id, 'Member' as kind, m.id, m.full_name, m.status, m.gender
             from unnest($1::int[]) as k(cell_id)
             cross join lateral (
               select id, full_name, status, gender from member
                where unit_id = k.cell_id and status = any($2::text[])
                order by name_sort_key, id limit $3
             ) m`,
          [cells, currentStatuses, first],
        );
        for (const row of rows) pages.get(`${row.cell_id}|${first}`)?.push(row);
      }
      return keys.map((key) => pages.get(key) ?? []);
    });
    this.memberCount = new DataLoader(async (cells) => {
      const rows = await this.query<{ unit_id: number; n: number }>(
        `select unit_id, count(*)::int as n from member where unit_id = any($1::int[]) and status = any($2::text[]) group by unit_id`,
        [cells, currentStatuses],
      );
      const byCell = new Map(rows.map((row) => [row.unit_id, row.n]));
      return cells.map((cell) => byCell.get(cell) ?? 0);
    });
  }
}

function pageSize(first: number | null | undefined): number {
  return first === null || first === undefined ? defaultPageSize : Math.max(0, Math.min(first, 100));
}

const resolvers = {
  Query: {
    async node(_root: unknown, args: { id: string }, ctx: Context): Promise<MemberRow | UnitRow | null> {
      const decoded = fromGlobalId(args.id);
      if (decoded?.type === 'Member') return ctx.memberById.load(decoded.id);
      if (decoded?.type === 'OrgUnit') return ctx.unitById.load(decoded.id);
      return null;
    },
    async orgUnit(_root: unknown, args: { id: string }, ctx: Context): Promise<UnitRow | null> {
      const decoded = fromGlobalId(args.id);
      return decoded?.type === 'OrgUnit' ? ctx.unitById.load(decoded.id) : null;
    },
  },
  Node: {
    __resolveType: (row: MemberRow | UnitRow): string => row.kind,
  },
  Member: {
    id: (row: MemberRow): string => toGlobalId('Member', row.id),
    fullName: (row: MemberRow): string => row.full_name,
  },
  OrgUnit: {
    id: (row: UnitRow): string => toGlobalId('OrgUnit', row.id),
    descendants: (row: UnitRow, args: { kind?: string | null; first?: number | null }): UnitPage => ({
      key: `${row.path}|${args.kind ?? ''}`,
      first: pageSize(args.first),
    }),
    // Members belong to cells only (as chibo's membersOfUnit assumes for a cell): the cell's own members.
    members: (row: UnitRow, args: { first?: number | null }): MemberPage => ({ cell: row.id, first: pageSize(args.first) }),
  },
  OrgUnitConnection: {
    totalCount: (page: UnitPage, _args: unknown, ctx: Context): Promise<number> => ctx.descendantCount.load(page.key),
    edges: async (page: UnitPage, _args: unknown, ctx: Context): Promise<{ node: UnitRow }[]> =>
      (await ctx.descendants.load(`${page.key}|${page.first}`)).map((node) => ({ node })),
  },
  MemberConnection: {
    totalCount: (page: MemberPage, _args: unknown, ctx: Context): Promise<number> => ctx.memberCount.load(page.cell),
    edges: async (page: MemberPage, _args: unknown, ctx: Context): Promise<{ node: MemberRow }[]> =>
      (await ctx.memberPage.load(`${page.cell}|${page.first}`)).map((node) => ({ node })),
  },
};

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl === undefined || databaseUrl === '') throw new Error('DATABASE_URL is required');
  // idleTimeoutMillis 0: backends live as long as the server, so the bench's CPU samples see them all.
  const pool = new Pool({ connectionString: databaseUrl, max: 10, idleTimeoutMillis: 0, application_name: 'bench-reference-apollo' });
  pool.on('error', (error) => console.error(`pool error: ${error.message}`));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    typeDefs,
    resolvers,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('x-sql-statements', String(contextValue.sql.statements));
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  app.get('/readyz', async (_req, res) => {
    try {
      await pool.query('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => new Context(pool) }));

  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  console.log(`reference apollo-pg-dataloader on http://${host}:${(httpServer.address() as AddressInfo).port}/graphql`);

  const stop = (): void => {
    void apollo
      .stop()
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
  console.error('reference apollo-pg-dataloader: could not start', error);
  process.exit(1);
});
