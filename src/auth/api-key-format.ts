import { randomBytes } from 'node:crypto';
import { randomSecret } from './tokens';

/** API keys look like `chibo_<prefix>_<secret>`: the prefix finds the row, the secret's hash proves it. */
const KEY_PATTERN = /^chibo_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { prefix: string; secret: string; key: string } {
  const prefix = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12).padEnd(12, '0');
  const secret = randomSecret(32);
  return { prefix, secret, key: `chibo_${prefix}_${secret}` };
}

export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { prefix: match[1], secret: match[2] } : null;
}
