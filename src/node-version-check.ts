/**
 * The first module the server loads: on a Node older than the pinned runtime it stops at once with
 * a message naming the version, before any dependency can fail with a stack trace. Kept free of
 * imports and of syntax newer than the oldest Node it must still explain itself on.
 */
export const REQUIRED_NODE_MAJOR = 24;

/** The message for a Node version that is too old, or null when it will do. */
export function nodeVersionProblem(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? NaN);
  if (major >= REQUIRED_NODE_MAJOR) return null;
  return `chibo needs Node.js ${REQUIRED_NODE_MAJOR} or newer, but this is Node.js ${version}. `
    + 'Run it with `npm start` (npm puts the Node pinned in package.json first on PATH) '
    + `or with node_modules/.bin/node, or install Node.js ${REQUIRED_NODE_MAJOR} LTS.`;
}

const problem = nodeVersionProblem(process.version);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
