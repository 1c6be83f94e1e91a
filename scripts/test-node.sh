#!/usr/bin/env bash
# Node-only tests (reference server, RestAdapter against it, the REST contract, end-to-end and the framework examples in Chromium) with Node's test runner.
# Node 20's runner does not expand globs nor pick .ts files from a folder, so we list them here.
set -euo pipefail
shopt -s nullglob
files=(test/server/*.test.ts test/contract/*.test.ts test/e2e/*.test.ts test/examples/*.test.ts)
if [ ${#files[@]} -eq 0 ]; then echo "test:node: no Node test files yet"; exit 0; fi
exec node --import tsx --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
