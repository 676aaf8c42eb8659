// Fails when a production dependency (direct or transitive, from package-lock.json) is a
// pre-release that docs/decisions.md does not name as `name@version` (a scope's platform
// packages may be named together as `@scope/*@version`).
const fs = require('node:fs');

const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const decisions = fs.readFileSync('docs/decisions.md', 'utf8');
const named = (name, version) => decisions.includes(`${name}@${version}`)
  || (name.startsWith('@') && decisions.includes(`${name.split('/')[0]}/*@${version}`));

const unnamed = [];
for (const [where, pkg] of Object.entries(lock.packages)) {
  if (where === '' || pkg.dev || !pkg.version || !pkg.version.includes('-')) continue;
  const name = where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
  if (!named(name, pkg.version)) unnamed.push(`${name}@${pkg.version}`);
}
if (unnamed.length > 0) {
  console.error(`Pre-release production dependencies not named in docs/decisions.md: ${unnamed.join(', ')}`);
  process.exit(1);
}
console.log('pre-release production dependencies: all named in docs/decisions.md');
