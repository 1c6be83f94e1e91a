#!/usr/bin/env bash
# Node-only tests with Node's test runner. Node 20's runner does not expand globs nor pick .ts files from a
# folder, so the files are listed here.
# - test/sdk: the SDK's tests, the same files as in Chromium, with node:test standing in for mocha's globals
#   (test/sdk/node-globals.ts): the SDK runs in Node too;
# - test/scripts: the build's literal minifiers;
# - test/server: the reference server suite once per database engine — SQLite, then PostgreSQL;
# - test/contract, test/e2e, test/examples, test/security/*.node.test.ts: the REST contract, end to end, the
#   framework examples and the strict page in Chromium, on SQLite as `npm start` runs by default.
# PostgreSQL: TEST_DATABASE_URL (or DATABASE_URL) if set, else ONE throwaway cluster for the whole run,
# stopped and deleted on exit, whatever the outcome (a watchdog also stops it if this shell is killed).
set -euo pipefail
shopt -s nullglob
sdk=(test/sdk/*.test.ts)
scripts=(test/scripts/*.test.ts)
server=(test/server/*.test.ts)
browser=(test/contract/*.test.ts test/e2e/*.test.ts test/examples/*.test.ts test/security/*.node.test.ts)
run() { node --import tsx --test --test-concurrency=1 --test-reporter=spec "$@"; }

if [ ${#sdk[@]} -gt 0 ]; then run --import ./test/sdk/node-globals.ts "${sdk[@]}"; fi
if [ ${#scripts[@]} -gt 0 ]; then run "${scripts[@]}"; fi
if [ ${#server[@]} -gt 0 ]; then
  bash scripts/ensure-postgres.sh
  if [ -z "${TEST_DATABASE_URL:-}" ] && [ -z "${DATABASE_URL:-}" ]; then
    cluster="$(node --import tsx test/server/postgres-cluster.ts start $$)"
    export TEST_DATABASE_URL="$(sed -n 's/^TEST_DATABASE_URL=//p' <<<"$cluster")"
    cluster_dir="$(sed -n 's/^PG_CLUSTER_DIR=//p' <<<"$cluster")"
    trap 'node --import tsx test/server/postgres-cluster.ts stop "$cluster_dir"' EXIT
  fi
  echo "test:node: server tests on SQLite"
  TEST_DB=sqlite run "${server[@]}"
  echo "test:node: server tests on PostgreSQL"
  TEST_DB=postgres run "${server[@]}"
fi
if [ ${#browser[@]} -gt 0 ]; then DATABASE_URL= run "${browser[@]}"; fi
