#!/usr/bin/env bash
# Makes sure PostgreSQL's server binaries are there for the tests, which start a throwaway cluster of their
# own (test/server/postgres-cluster.ts) unless TEST_DATABASE_URL or DATABASE_URL names a server to use.
# We use PG_BIN, then Debian's /usr/lib/postgresql/<version>/bin, and install Debian's postgresql package
# when we are root with apt-get (no server is started by it); otherwise we stop with the one command to run.
set -euo pipefail
if [ -n "${TEST_DATABASE_URL:-}" ] || [ -n "${DATABASE_URL:-}" ]; then exit 0; fi
if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then exit 0; fi
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-postgres: no PostgreSQL server binaries found; installing Debian's postgresql package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # A policy-rc.d refusing service starts: the package must not leave a system cluster running. One that is
  # already there is the machine's own and stays as it is.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get install -y -qq postgresql >/dev/null
  echo "ensure-postgres: installed $(ls -d /usr/lib/postgresql/*/bin | tail -n1)"
  exit 0
fi
echo "ensure-postgres: no PostgreSQL server binaries found. Run: sudo apt-get install -y postgresql   (or set PG_BIN, or TEST_DATABASE_URL=postgres://…)" >&2
exit 1
