#!/usr/bin/env bash
# Makes sure Firefox is there for the cross-engine browser tests, which drive
# it over WebDriver BiDi (no geckodriver needed): installs Debian's
# firefox-esr package when it is missing and we are root, or says how and
# fails. It never downloads a browser from anywhere else.
set -euo pipefail

if [ -n "${FIREFOX:-}" ] && [ -x "${FIREFOX}" ]; then
  exit 0
fi
for name in firefox-esr firefox; do
  if command -v "$name" >/dev/null 2>&1; then
    exit 0
  fi
done

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Firefox is missing: installing Debian's firefox-esr package for the browser tests."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr >/dev/null
  command -v firefox-esr >/dev/null 2>&1 && exit 0
fi

cat >&2 <<'MSG'
Firefox is needed for the browser tests and was not found.
Install it from your OS packages, for example:
    sudo apt-get install -y firefox-esr        (Debian)
or set FIREFOX=/path/to/firefox. The browser tests never run without it.
MSG
exit 1
