#!/usr/bin/env node
// Runs before `npm start` and the CLI scripts: where the dev dependencies are installed (a
// checkout), the TypeScript is compiled to dist/ (incremental: ~2 s when nothing changed); where
// they are not (a production install, `npm ci --omit=dev`), the dist/ built beforehand must exist.
'use strict';
const { spawnSync } = require('child_process');
const { existsSync } = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
let tsc = null;
try {
  tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
} catch {
  tsc = null;
}
if (tsc !== null) {
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  process.exit(result.status === null ? 1 : result.status);
}
if (!existsSync(path.join(root, 'dist', 'src', 'main.js'))) {
  process.stderr.write('dist/ is missing and TypeScript is not installed: run `npm ci && npm run build` where the dev dependencies are, then copy dist/.\n');
  process.exit(1);
}
