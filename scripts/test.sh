#!/usr/bin/env bash
# `npm test`: every check the project has — typecheck, unit tests, Chrome and Firefox builds,
# end-to-end tests in headless Chromium — with one summary line at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The one test that presses a real extension shortcut needs a headed browser on Xvfb and
# xdotool (Playwright's key presses never reach Chromium's shortcut handling). Install them when
# this machine can do so without asking (root, or passwordless sudo); otherwise that test says
# it is skipped and why.
if ! command -v xvfb-run >/dev/null 2>&1 || ! command -v xdotool >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  if command -v apt-get >/dev/null 2>&1 && $SUDO true 2>/dev/null; then
    echo "Installing xvfb and xdotool for the keyboard-shortcut test…"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq xvfb xdotool \
      || echo "Could not install xvfb and xdotool: the keyboard-shortcut test will be skipped." >&2
  fi
fi
exec npx tsx scripts/test.ts "$@"
