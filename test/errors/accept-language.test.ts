import { preferredLanguage } from '../../src/errors/localize';

/** Which language a request's Accept-Language header asks its error messages in. */
test.each([
  [undefined, 'en'],
  ['', 'en'],
  ['vi', 'vi'],
  ['vi-VN', 'vi'],
  ['VI-vn', 'vi'],
  ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
  ['en-US,en;q=0.9,vi;q=0.8', 'en'],
  ['en, vi', 'en'],
  ['vi, en', 'vi'],
  ['fr, vi;q=0.5', 'vi'],
  ['vi;q=0.4, *;q=0.5', 'en'],
  ['vi;q=0', 'en'],
  ['vi;q=abc, en;q=0.1', 'en'],
  ['fr-FR', 'en'],
  // `vi` inside another tag is not Vietnamese.
  ['x-vivid', 'en'],
] as const)('%s → %s', (header, expected) => {
  expect(preferredLanguage(header)).toBe(expected);
});
