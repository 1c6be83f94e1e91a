#!/usr/bin/env bash
# Node-only tests with Node's test runner: the reference server suite (test/server) once per database engine
# — SQLite, then PostgreSQL — and the end-to-end tests in Chromium (test/e2e, on SQLite as `npm start` runs).
# Node 20's runner does not expand globs nor pick .ts files from a folder, so we list them here.
# PostgreSQL: TEST_DATABASE_URL (or DATABASE_URL) if set, else ONE throwaway cluster for the whole run,
# stopped and deleted on exit, whatever the outcome (a watchdog also stops it if this shell is killed).
set -euo pipefail
shopt -s nullglob
server=(test/server/*.test.ts)
e2e=(test/e2e/*.test.ts)
run() { node --import tsx --test --test-concurrency=1 --test-reporter=spec "$@"; }

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
# The end-to-end tests drive `npm start` as it runs by default: SQLite.
if [ ${#e2e[@]} -gt 0 ]; then DATABASE_URL= run "${e2e[@]}"; fi
