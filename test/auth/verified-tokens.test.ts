import { signAccessToken, verifyAccessToken } from '../../src/auth/tokens';

/** Access tokens verified once are remembered until they expire, never under another secret. */
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

test('a token verified once is accepted again, only with its own secret', () => {
  const { token } = signAccessToken(7, SECRET, 60, 3);
  expect(verifyAccessToken(token, SECRET)).toMatchObject({ accountId: 7, generation: 3 });
  expect(verifyAccessToken(token, SECRET)).toMatchObject({ accountId: 7, generation: 3 });
  expect(verifyAccessToken(token, `${SECRET}-other`)).toBeNull();
});

test('a remembered token stops being accepted when it expires', async () => {
  // Expiry has whole seconds: 2 s is surely still valid at once and surely past after 3.1 s.
  const { token } = signAccessToken(8, SECRET, 2);
  expect(verifyAccessToken(token, SECRET)).toMatchObject({ accountId: 8 });
  await new Promise((resolve) => setTimeout(resolve, 3100));
  expect(verifyAccessToken(token, SECRET)).toBeNull();
});

test('a tampered token is refused even when the original was remembered', () => {
  const { token } = signAccessToken(9, SECRET, 60);
  expect(verifyAccessToken(token, SECRET)).not.toBeNull();
  const [header, payload, signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: '1' })).toString('base64url');
  expect(verifyAccessToken(`${header}.${forged}.${signature}`, SECRET)).toBeNull();
});
