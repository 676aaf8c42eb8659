import { timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccountKind } from '../entities/account';
import { unauthenticated } from '../errors/app-error';
import { parseApiKey } from './api-key-format';
import type { Grant } from './grant';
import type { Role } from './role';
import { sha256, verifyAccessToken } from './tokens';
import { Viewer } from './viewer';
import type { ViewerCache } from './viewer-cache';

interface AccountGrantRow {
  id: number;
  kind: AccountKind;
  member_id: number | null;
  ra_id: number | null;
  role: Role | null;
  unit_id: number | null;
  unit_path: string | null;
  province_id: number | null;
}

/**
 * Loads an active account with its live role assignments in one statement; with a token
 * generation (a bearer token's), only while the account is still at that generation.
 */
export async function loadViewer(em: EntityManager, accountId: number, generation: number | null = null): Promise<Viewer | null> {
  const rows = await em.getConnection().execute<AccountGrantRow[]>(
    // Granted roles, plus CELL_SECRETARY while the linked member is (deputy) secretary of a cell,
    // plus SUPERVISOR at each cell the account is assigned to supervise today.
    `select a.id, a.kind, a.member_id, g.ra_id, g.role, g.unit_id, g.unit_path, g.province_id
       from account a
       left join lateral (
         select ra.id as ra_id, ra.role, ra.unit_id, ra.unit_path, ra.province_id
           from role_assignment ra where ra.account_id = a.id and ra.revoked_at is null
         union all
         select -mp.id, 'CELL_SECRETARY', mp.unit_id, mp.unit_path, mp.province_id
           from member_position mp join org_unit u on u.id = mp.unit_id and u.kind in ('CELL', 'GRASSROOTS_CELL')
          where mp.member_id = a.member_id and mp.position in ('SECRETARY', 'DEPUTY_SECRETARY') and mp.ended_on is null
         union all
         -- SUPERVISOR at the assigned cell while a supervisory assignment runs today (Vietnam's date).
         select -1000000000 - sa.id, 'SUPERVISOR', sa.unit_id, sa.unit_path, sa.province_id
           from supervisory_assignment sa
          where sa.account_id = a.id and (now() at time zone 'Asia/Ho_Chi_Minh')::date between sa.starts_on and sa.ends_on
       ) g on true
      where a.id = ? and a.active and (?::int is null or a.token_generation = ?::int)`,
    [accountId, generation, generation],
    'all',
  );
  if (rows.length === 0) return null;
  const grants: Grant[] = rows
    .filter((r) => r.ra_id !== null && r.role !== null)
    .map((r) => ({ assignmentId: r.ra_id as number, role: r.role as Role, unitId: r.unit_id, unitPath: r.unit_path, provinceId: r.province_id }));
  return new Viewer(rows[0].id, rows[0].kind, rows[0].member_id, grants);
}

/** Minimum time between two last-used writes of one API key, so reads don't each write. */
const LAST_USED_RESOLUTION_SECONDS = 60;

async function accountOfApiKey(em: EntityManager, key: string): Promise<number | null> {
  const parsed = parseApiKey(key);
  if (!parsed) return null;
  const rows = await em.getConnection().execute<{ id: number; account_id: number; secret_hash: string }[]>(
    'select id, account_id, secret_hash from api_key where prefix = ? and revoked_at is null',
    [parsed.prefix],
    'all',
  );
  const row = rows[0];
  if (!row) return null;
  const expected = Buffer.from(row.secret_hash, 'hex');
  const actual = Buffer.from(sha256(parsed.secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  await em.getConnection().execute(
    `update api_key set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '${LAST_USED_RESOLUTION_SECONDS} seconds')`,
    [row.id],
    'run',
  );
  return row.account_id;
}

/**
 * Turns the Authorization header into a viewer: `Bearer <access token>` for people,
 * `ApiKey <key>` (or the X-Api-Key header) for service accounts. No credentials: anonymous.
 * Bad credentials are UNAUTHENTICATED, never silently anonymous. With a cache, a credential seen
 * within its bound costs no statement (src/auth/viewer-cache.ts).
 */
export async function identify(
  em: EntityManager,
  authorization: string | undefined,
  apiKeyHeader: string | undefined,
  jwtSecret: string,
  cache: ViewerCache | null = null,
): Promise<Viewer> {
  const [scheme, credential] = (authorization ?? '').trim().split(/\s+/, 2);
  let apiKey: string | null = null;
  let accountId: number | null = null;
  let generation: number | null = null;
  if (apiKeyHeader) {
    apiKey = apiKeyHeader.trim();
  } else if (!scheme) {
    return Viewer.anonymous();
  } else if (scheme.toLowerCase() === 'bearer' && credential) {
    const verified = verifyAccessToken(credential, jwtSecret);
    if (verified) ({ accountId, generation } = verified);
  } else if (scheme.toLowerCase() === 'apikey' && credential) {
    apiKey = credential;
  }
  // A bearer token is valid while its account is at its generation; an API key while its hash is stored unrevoked.
  const cacheKey = apiKey !== null ? `k:${sha256(apiKey)}` : accountId !== null ? `t:${accountId}:${generation ?? ''}` : null;
  const cached = cacheKey === null ? undefined : cache?.get(cacheKey);
  if (cached !== undefined) return cached;
  if (apiKey !== null) accountId = await accountOfApiKey(em, apiKey);
  const viewer = accountId === null ? null : await loadViewer(em, accountId, generation);
  if (!viewer) throw unauthenticated('Invalid or expired credentials');
  if (cacheKey !== null) cache?.set(cacheKey, viewer);
  return viewer;
}
