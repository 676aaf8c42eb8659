#!/usr/bin/env bash
# The compiled server started directly with the machine's older Node stops at once with a message
# naming the required version (src/node-version-check.ts), not a stack trace.
set -euo pipefail
cd "$(dirname "$0")/.."
system_node=$(PATH=$(echo "$PATH" | tr ':' '\n' | grep -v node_modules | paste -sd:) command -v node || true)
npm run -s build
if [ -z "$system_node" ] || [ "$("$system_node" -p 'process.versions.node.split(".")[0]')" -ge 24 ]; then
  echo "no Node older than 24 on this machine: nothing to check"; exit 0
fi
set +e
out=$("$system_node" dist/src/main.js 2>&1); code=$?
set -e
echo "$system_node ($("$system_node" --version)) dist/src/main.js → exit $code: $out"
[ "$code" -eq 1 ] && echo "$out" | grep -q 'chibo needs Node.js 24 or newer' && ! echo "$out" | grep -q '    at ' 
