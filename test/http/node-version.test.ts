import { readFileSync } from 'node:fs';
import path from 'node:path';
import { nodeVersionProblem, REQUIRED_NODE_MAJOR } from '../../src/node-version-check';

const packageJson = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};

/** The server refuses an old Node with a message naming the version (issue #21); .ci/old-node-check.sh runs it for real. */
describe('node version check', () => {
  test('an older Node gets a message naming the required and the running version', () => {
    const message = nodeVersionProblem('v20.20.2');
    expect(message).toContain(`needs Node.js ${REQUIRED_NODE_MAJOR} or newer`);
    expect(message).toContain('v20.20.2');
    expect(nodeVersionProblem('v23.11.0')).not.toBeNull();
  });

  test('the required major and newer pass', () => {
    expect(nodeVersionProblem(`v${REQUIRED_NODE_MAJOR}.0.0`)).toBeNull();
    expect(nodeVersionProblem('v26.1.0')).toBeNull();
  });

  test('the check, engines.node and the pinned node package agree, and the tests run on the pinned one', () => {
    expect(packageJson.engines.node).toBe(`>=${REQUIRED_NODE_MAJOR}`);
    expect(Number(packageJson.dependencies.node.split('.')[0])).toBe(REQUIRED_NODE_MAJOR);
    expect(process.version).toBe(`v${packageJson.dependencies.node}`);
  });
});
