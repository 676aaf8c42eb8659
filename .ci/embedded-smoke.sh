#!/usr/bin/env bash
# Starts the server as a user would on a fresh machine (no DATABASE_URL: embedded PostgreSQL,
# migrations, demo seed), logs in as a demo account, runs one query, and stops it with SIGTERM.
set -euo pipefail
data_dir=$(mktemp -d /tmp/chibo-smoke-XXXXXX)
chmod 755 "$data_dir"
port=4477
log=$(mktemp /tmp/chibo-smoke-log-XXXXXX)

env -u DATABASE_URL PORT=$port DATA_DIR="$data_dir" EMBEDDED_PG_PORT=54339 setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -KILL -- "-$pid" 2>/dev/null || true; rm -rf "$data_dir"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { echo "server exited early"; cat "$log"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$port/readyz"; echo

token=$(curl -fs "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  -d '{"query":"mutation { login(username: \"binhlu.organizer\", password: \"chibo-demo-2026\") { accessToken } }"}' |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).data.login.accessToken))')

answer=$(curl -fs "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' -H "authorization: Bearer $token" \
  -d '{"query":"{ orgUnits(filter: { nameContains: \"binh lu\", kinds: [COMMUNE_COMMITTEE] }) { totalCount nodes { name memberCount } } }"}')
echo "$answer"
echo "$answer" | grep -q '"totalCount":1' || { echo "unexpected answer"; cat "$log"; exit 1; }

# npm start runs node as a child: signal the whole process group, as a terminal or supervisor does.
kill -TERM -- "-$pid"
for _ in $(seq 1 30); do
  pgrep -g "$pid" >/dev/null 2>&1 || break
  sleep 1
done
if pgrep -g "$pid" >/dev/null 2>&1; then echo "server still running 30 s after SIGTERM"; tail -20 "$log"; exit 1; fi
grep -q '"msg":"stopped"' "$log" || { echo "no clean shutdown"; tail -20 "$log"; exit 1; }
echo "embedded smoke: ok"
