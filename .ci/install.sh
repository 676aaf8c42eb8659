#!/usr/bin/env bash
# npm ci run by the Node pinned in package.json (the `node` package), so that engine checks see the
# runtime the project runs on rather than the machine's older one: any EBADENGINE warning fails.
set -euo pipefail
cd "$(dirname "$0")/.."
pinned=$(node -p 'require("./package.json").dependencies.node')
npm_cli="$(npm root -g)/npm/bin/npm-cli.js"
log=$(mktemp /tmp/chibo-npm-ci-XXXXXX)
npm exec --yes --package="node@$pinned" -- node "$npm_cli" ci --no-audit --no-fund 2>&1 | tee "$log"
if grep -q EBADENGINE "$log"; then echo "npm ci printed engine warnings (above)"; exit 1; fi
[ "$(node_modules/.bin/node --version)" = "v$pinned" ] || { echo "node_modules/.bin/node is not v$pinned"; exit 1; }
