#!/bin/sh
# run.sh — the browser test of the `tidings serve` page, for CI: installs
# what it needs (`npm ci` from the committed package-lock.json when
# node_modules has no playwright-core), then runs tests/browser/page_test.mjs
# against build/tidings with headless Debian chromium: the test ingests
# examples/ and ../shared/seeds (when present) into a temporary store,
# serves it on a free loopback port and checks the timeline, the map and
# the Kirby quotation in the Yonhap article. Screenshots (the artifacts)
# go to build/screens. Exit 0 when every check passed or when node or
# chromium is missing (skipped, with a message); non-zero on a failure.
#
#   sh tests/browser/run.sh
#
# Environment: TIDINGS (build/tidings), CHROMIUM (/usr/bin/chromium),
# SCREENS (build/screens), SHARED (../shared).
cd "$(dirname "$0")/../.." || exit 1
T=${TIDINGS:-build/tidings}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SCREENS=${SCREENS:-build/screens}
if ! command -v node >/dev/null 2>&1; then
  echo "skip: browser test (node not found; apt-get install nodejs npm)"
  exit 0
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "skip: browser test ($CHROMIUM not found; apt-get install chromium)"
  exit 0
fi
if [ ! -x "$T" ]; then
  echo "browser: $T not built (run make first)"
  exit 1
fi
if [ ! -d node_modules/playwright-core ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "skip: browser test (npm not found for npm ci; apt-get install npm)"
    exit 0
  fi
  echo "browser: npm ci (playwright-core from package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error || { echo "browser: npm ci failed"; exit 1; }
fi
mkdir -p "$SCREENS"
CHROMIUM="$CHROMIUM" timeout 300 node tests/browser/page_test.mjs --tidings "$T" --out "$SCREENS"
rc=$?
[ $rc -eq 124 ] && echo "browser: timed out after 300 s"
exit $rc
