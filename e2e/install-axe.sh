#!/usr/bin/env bash
# Makes sure axe-core is there for the browser tests' accessibility checks:
# installs it from the npm registry, at the version e2e/axe/package-lock.json
# pins, when it is missing. The tests read it from disk and hand it to the
# page; the browser never fetches it.
set -euo pipefail
cd "$(dirname "$0")/axe"

if [ -f node_modules/axe-core/axe.min.js ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "npm is missing: installing Debian's npm package for the accessibility checks."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  else
    cat >&2 <<'MSG'
npm is needed to install axe-core for the accessibility checks and was not found.
Install Node.js and npm from your OS packages, for example:
    sudo apt-get install -y npm        (Debian, Ubuntu)
The browser tests never run without the accessibility checks.
MSG
    exit 1
  fi
fi
npm ci --no-audit --no-fund --loglevel=error
test -f node_modules/axe-core/axe.min.js
