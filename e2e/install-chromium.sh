#!/usr/bin/env bash
# Makes sure Chromium is there for the browser tests: installs Debian's
# package when it is missing and we are root, or says how and fails. It never
# downloads a browser from anywhere else.
set -euo pipefail

# A Chinese font, for the Chinese screens' tests and screenshots (the app
# itself downloads no font: a phone that reads Chinese has its own).
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "No Chinese font: installing Debian's fonts-noto-cjk for the browser tests."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  else
    echo "No Chinese font for the Chinese screens' tests: install fonts-noto-cjk (sudo apt-get install -y fonts-noto-cjk)." >&2
    exit 1
  fi
fi

if [ -n "${CHROMIUM:-}" ] && [ -x "${CHROMIUM}" ]; then
  exit 0
fi
for name in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$name" >/dev/null 2>&1; then
    exit 0
  fi
done

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package for the browser tests."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v chromium >/dev/null 2>&1 && exit 0
fi

cat >&2 <<'MSG'
Chromium is needed for the browser tests and was not found.
Install it from your OS packages, for example:
    sudo apt-get install -y chromium        (Debian, Ubuntu)
or set CHROMIUM=/path/to/chromium. The browser tests never run without it.
MSG
exit 1
