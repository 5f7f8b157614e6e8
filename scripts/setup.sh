#!/usr/bin/env bash
# Shared set-up for `npm run demo` and `npm test` on a fresh machine: install the npm
# dependencies when they are missing or older than package-lock.json, and find Chromium.
# Sourced, not run: it sets CHROMIUM_PATH for the caller.
#
#   INSTALL_CHROMIUM=1  also installs Debian's chromium with apt-get when it is missing (the demo);
#                       otherwise a missing Chromium stops everything at once with how to get one.

find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] && return 0
    echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
    exit 3
  fi
  for candidate in /usr/bin/chromium /usr/lib/chromium/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then export CHROMIUM_PATH="$candidate"; return 0; fi
  done
  return 1
}

if ! find_chromium; then
  if [ "${INSTALL_CHROMIUM:-0}" = 1 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium (needs root or sudo)…"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
  fi
  if ! find_chromium; then
    echo "No Chromium found. Install Debian's: sudo apt-get install -y chromium" >&2
    echo "or point CHROMIUM_PATH at a Chromium or Chrome executable, then run this again." >&2
    exit 3
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi
