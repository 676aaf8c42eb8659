/**
 * The embedded check (`npm run test:embedded`): the test files tagged `@embedded-check` in their
 * header, run against embedded PostgreSQL 18 (DATABASE_URL unset) so that a PG-18-only break is
 * caught without running the whole suite twice. The whole suite runs on the system server.
 */
const fs = require('node:fs');
const path = require('node:path');
const base = require('./jest.config');

const TAG = '@embedded-check';
const root = path.join(__dirname, 'test');
const tagged = fs.readdirSync(root, { recursive: true })
  .filter((file) => file.endsWith('.test.ts'))
  .filter((file) => fs.readFileSync(path.join(root, file), 'utf8').slice(0, 2000).includes(TAG))
  .map((file) => path.join(root, file));
if (tagged.length === 0) throw new Error(`No test file is tagged ${TAG}`);

module.exports = { ...base, testMatch: undefined, testRegex: tagged.map((file) => `^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) };
