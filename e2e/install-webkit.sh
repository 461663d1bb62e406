#!/usr/bin/env bash
# Makes sure WebKit is there for the cross-engine browser tests: WebKitGTK's
# WebDriver (WebKitWebDriver) and its MiniBrowser, which has no headless
# mode and so runs on a virtual screen (xvfb-run) with its own session bus
# (dbus-run-session). Installs Debian's packages when one is missing and we
# are root, or says how and fails. It never downloads a browser from
# anywhere else.
set -euo pipefail

packages="webkit2gtk-driver xvfb xauth dbus-daemon"

have() {
  local driver="${WEBKIT_WEBDRIVER:-$(command -v WebKitWebDriver || true)}"
  local browser="${MINIBROWSER:-$(ls /usr/lib/*/webkit2gtk-4.1/MiniBrowser 2>/dev/null | head -n1 || true)}"
  [ -n "$driver" ] && [ -x "$driver" ] && [ -n "$browser" ] && [ -x "$browser" ] &&
    command -v xvfb-run >/dev/null 2>&1 && command -v xauth >/dev/null 2>&1 &&
    command -v dbus-run-session >/dev/null 2>&1
}

have && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "WebKit is missing: installing Debian's $packages for the browser tests."
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages >/dev/null
  have && exit 0
fi

cat >&2 <<MSG
WebKit (Safari's engine) is needed for the browser tests and was not found:
WebKitWebDriver, WebKitGTK's MiniBrowser, xvfb-run, xauth and dbus-run-session.
Install them from your OS packages, for example:
    sudo apt-get install -y $packages        (Debian, Ubuntu)
or set WEBKIT_WEBDRIVER and MINIBROWSER to their paths. The browser tests
never run without it.
MSG
exit 1
