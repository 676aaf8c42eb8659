import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

const ISSUER = 'chibo';
const AUDIENCE = 'chibo-api';

/**
 * The HMAC key object of a secret, built once: given the secret as a string, jsonwebtoken builds
 * a key object on every call, which was 29% of a by-id request's CPU (issue #14).
 */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export interface SignedToken {
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * A short-lived access token (HS256) naming the account and its token generation; roles are read
 * from the database (or the caller cache's few seconds, viewer-cache.ts), and a token of an older
 * generation is refused (identify.ts).
 */
export function signAccessToken(accountId: number, secret: string, ttlSeconds: number, generation = 0): SignedToken {
  const token = jwt.sign({ typ: 'access', gen: generation }, keyOf(secret), {
    algorithm: 'HS256',
    subject: String(accountId),
    expiresIn: ttlSeconds,
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
}

export interface VerifiedToken {
  readonly accountId: number;
  readonly generation: number;
}

interface Verified extends VerifiedToken {
  readonly secret: string;
  readonly expiresAtMs: number;
}

/** Tokens verified lately, until they expire: a client sends one token with every request of its session. */
const verified = new Map<string, Verified>();
const MAX_VERIFIED = 10_000;

/** The account and token generation of a valid access token, or null. A token without `gen` is of generation 0. */
export function verifyAccessToken(token: string, secret: string): VerifiedToken | null {
  const known = verified.get(token);
  if (known !== undefined && known.secret === secret && known.expiresAtMs > Date.now()) return known;
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload !== 'object' || payload.typ !== 'access' || !payload.sub || !/^\d+$/.test(payload.sub)) return null;
    const generation = payload.gen ?? 0;
    if (!Number.isInteger(generation) || typeof payload.exp !== 'number') return null;
    if (verified.size >= MAX_VERIFIED) verified.clear();
    const entry: Verified = { accountId: Number(payload.sub), generation, secret, expiresAtMs: payload.exp * 1000 };
    verified.set(token, entry);
    return entry;
  } catch {
    return null;
  }
}

/** Opaque random secrets (refresh tokens, API key secrets); only their SHA-256 is stored. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
