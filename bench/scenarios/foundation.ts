import type { Client } from 'pg';
import { benchOrganizer, benchProvinceCode, communeCode, foundationSizes, generateFoundation } from '../datasets/foundation';
import { globalId, pick } from '../lib/graphql';
import type { ReferenceOperation, Scenario, Suite } from '../lib/suite';

/** How many of commune #1's members the by-id scenario rotates over. */
const rotatedMembers = 300;

const memberByIdQuery = 'query M($id: ID!) { node(id: $id) { id ... on Member { fullName status gender } } }';

const cellsWithMembersQuery =
  'query Cells($id: ID!) { orgUnit(id: $id) { id name descendants(kind: CELL, first: 100) { totalCount ' +
  'edges { node { id name members(first: 20) { totalCount edges { node { id fullName status } } } } } } } }';

/**
 * The commune query in PostGraphile's schema (bench/reference/postgraphile.ts), aliased to
 * chibo's field names: its cells are the commune's children of kind CELL (in this dataset every
 * cell is a child of its commune), its members a cell's rows of member; both ordered as chibo
 * orders lists (name_sort_key, then id). Every member of the foundation data is current, which
 * chibo's members connection filters on and this query does not.
 */
const postgraphileCellsQuery =
  'query Cells($id: ID!) { orgUnit(id: $id) { id name descendants: orgUnitsByParentId(condition: { kind: "CELL" }, first: 100, ' +
  'orderBy: [NAME_SORT_KEY_ASC, PRIMARY_KEY_ASC]) { totalCount edges { node { id name ' +
  'members: membersByUnitId(first: 20, orderBy: [NAME_SORT_KEY_ASC, PRIMARY_KEY_ASC]) { totalCount edges { node { id fullName status } } } } } } } }';

/** PostGraphile's Relay node id: base64 of the JSON ["<Type>", <id>]. */
function postgraphileId(type: string, id: number): string {
  return Buffer.from(JSON.stringify([type, id])).toString('base64');
}

/** Every `id` of a PostGraphile answer as chibo encodes it, so the answers can be compared byte for byte. */
function postgraphileToChibo(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(postgraphileToChibo);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => {
      if (key !== 'id' || typeof field !== 'string') return [key, postgraphileToChibo(field)];
      const decoded: unknown = JSON.parse(Buffer.from(field, 'base64').toString('utf8'));
      if (!Array.isArray(decoded) || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'number') return [key, field];
      return [key, globalId(decoded[0], decoded[1])];
    }),
  );
}

/** The same query text, variables and answers as chibo's (it encodes ids as chibo does). */
function apolloReference(query: string, variables: readonly Record<string, unknown>[]): ReferenceOperation {
  return { query, variables };
}

interface Commune {
  id: number;
  path: string;
}

export async function firstCommune(client: Client): Promise<Commune> {
  const result = await client.query<Commune>(
    `select c.id, c.path from org_unit c join org_unit p on p.id = c.province_id
     where p.code = $1 and c.kind = 'COMMUNE_COMMITTEE' and c.code = $2`,
    [benchProvinceCode, communeCode(foundationSizes, 1)],
  );
  const commune = result.rows[0];
  if (commune === undefined) throw new Error('commune #1 of the bench province is missing; was the database generated?');
  return commune;
}

function memberById(memberIds: readonly number[]): Scenario {
  return {
    name: 'member-by-id',
    description: `node(id) of a Member, rotating over ${memberIds.length} members of commune #1`,
    query: memberByIdQuery,
    variables: memberIds.map((id) => ({ id: globalId('Member', id) })),
    target: { minRequestsPerSecond: 2_500, maxP99Ms: 20 },
    references: {
      apollo: apolloReference(memberByIdQuery, memberIds.map((id) => ({ id: globalId('Member', id) }))),
      postgraphile: { query: memberByIdQuery, variables: memberIds.map((id) => ({ id: postgraphileId('Member', id) })), toChibo: postgraphileToChibo },
    },
    // Issue #14, as ratios of chibo (permissions on) to the hand-written reference.
    ratioTargets: [
      { reference: 'apollo', metric: 'serverCpuMsPerRequest', max: 1.5 },
      { reference: 'apollo', metric: 'p99Ms', max: 2 },
    ],
    checkSample(data) {
      const id = pick(data, 'node', 'id');
      const fullName = pick(data, 'node', 'fullName');
      if (typeof id !== 'string') return 'node.id missing';
      if (typeof fullName !== 'string' || fullName.length === 0) return 'node.fullName missing (is the fragment on Member resolved?)';
      return null;
    },
  };
}

function cellsWithMembers(commune: Commune): Scenario {
  const { cellsPerCommune, membersPerCell } = foundationSizes;
  const expectedCells = cellsPerCommune;
  const expectedMemberEdges = Math.min(20, membersPerCell);
  return {
    name: 'commune-cells-members',
    description: `orgUnit(commune #1) → ${expectedCells} cells → first 20 members each, with totalCounts`,
    query: cellsWithMembersQuery,
    variables: [{ id: globalId('OrgUnit', commune.id) }],
    target: { minRequestsPerSecond: 1_200, maxP99Ms: 30 },
    references: {
      apollo: apolloReference(cellsWithMembersQuery, [{ id: globalId('OrgUnit', commune.id) }]),
      postgraphile: { query: postgraphileCellsQuery, variables: [{ id: postgraphileId('OrgUnit', commune.id) }], toChibo: postgraphileToChibo },
    },
    // Issue #14.
    ratioTargets: [
      { reference: 'apollo', metric: 'serverCpuMsPerRequest', max: 1.5 },
      { reference: 'postgraphile', metric: 'serverCpuMsPerRequest', max: 2 },
    ],
    checkSample(data) {
      const descendants = pick(data, 'orgUnit', 'descendants');
      if (descendants === undefined || descendants === null) return 'orgUnit.descendants missing';
      const total = pick(descendants, 'totalCount');
      const edges = pick(descendants, 'edges');
      if (total !== expectedCells) return `descendants.totalCount is ${String(total)}, expected ${expectedCells}`;
      if (!Array.isArray(edges) || edges.length !== expectedCells) return `descendants.edges should hold ${expectedCells} cells`;
      for (const edge of edges) {
        const members = pick(edge, 'node', 'members');
        const memberEdges = pick(members, 'edges');
        if (pick(members, 'totalCount') !== membersPerCell) return `a cell's members.totalCount is not ${membersPerCell}`;
        if (!Array.isArray(memberEdges) || memberEdges.length !== expectedMemberEdges) {
          return `a cell's members.edges should hold ${expectedMemberEdges} members`;
        }
      }
      return null;
    },
  };
}

/**
 * The foundation suite: a mid-sized province, an organizer of one commune,
 * and the two reads every screen starts with (one member; a commune's cells
 * with their first members).
 */
export const foundationSuite: Suite = {
  name: 'foundation',
  countedTables: ['org_unit', 'member', 'account', 'role_assignment'],
  credentials: benchOrganizer,
  // Issue #14: permissions cost at most 15% (CPU per request, on vs off).
  maxPermissionCost: 0.15,
  async generate(client) {
    const generation = await generateFoundation(client, foundationSizes);
    return { ...generation };
  },
  async scenarios(client) {
    const commune = await firstCommune(client);
    // Members in the organizer's scope (commune #1's subtree), spread over its cells.
    const members = await client.query<{ id: number }>(
      `select id from member where unit_path like $1 || '%' order by (id * 7919) % 1009, id limit $2`,
      [commune.path, rotatedMembers],
    );
    if (members.rows.length === 0) throw new Error('commune #1 has no members');
    return [memberById(members.rows.map((row) => row.id)), cellsWithMembers(commune)];
  },
};
