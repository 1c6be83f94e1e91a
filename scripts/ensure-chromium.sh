#!/usr/bin/env bash
# Makes sure a Chromium is there for the browser tests. No test tool downloads its own browser (that fails on
# these machines): we use CHROME_PATH, then Debian's /usr/bin/chromium, and install Debian's package when we
# are root with apt-get; otherwise we stop with the one command to run.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "ensure-chromium: no Chromium found; installing Debian's chromium package (about a minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  echo "ensure-chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -n1)"
  exit 0
fi
echo "ensure-chromium: no Chromium found. Run: sudo apt-get install -y chromium   (or set CHROME_PATH)" >&2
exit 1
