#!/usr/bin/env bash
# Makes sure nginx is there for the static-hosting browser tests, which
# serve the static export with it as any plain static host would: installs
# Debian's package when it is missing and we are root, or says how and
# fails. The tests start nginx themselves; no service is enabled or started.
set -euo pipefail

if [ -n "${NGINX:-}" ] && [ -x "${NGINX}" ]; then
  exit 0
fi
if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "nginx is missing: installing Debian's nginx package for the static-hosting tests."
  apt-get update -qq
  # policy-rc.d 101: the package must not start a server of its own.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  [ -x /usr/sbin/nginx ] && exit 0
fi

cat >&2 <<'MSG'
nginx is needed for the static-hosting browser tests and was not found.
Install it from your OS packages, for example:
    sudo apt-get install -y nginx        (Debian, Ubuntu)
or set NGINX=/path/to/nginx. The tests start it themselves, on a loopback
port; no service needs to run. They never run without it.
MSG
exit 1
