#!/usr/bin/env bash
# Node-only tests (build scripts, reference server, RestAdapter against it, the REST contract, end-to-end and
# the framework examples in Chromium) and the SDK's
# tests, which run here as well as in Chromium: the same files, with node:test standing in for mocha's globals
# (test/sdk/node-globals.ts). Node 20's runner does not expand globs nor pick .ts files from a folder, so the
# files are listed here.
set -euo pipefail
shopt -s nullglob
sdk=(test/sdk/*.test.ts)
if [ ${#sdk[@]} -gt 0 ]; then
  node --import tsx --import ./test/sdk/node-globals.ts --test --test-concurrency=1 --test-reporter=spec "${sdk[@]}"
fi
files=(test/scripts/*.test.ts test/server/*.test.ts test/contract/*.test.ts test/e2e/*.test.ts test/examples/*.test.ts)
if [ ${#files[@]} -eq 0 ]; then echo "test:node: no Node-only test files yet"; exit 0; fi
exec node --import tsx --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
