#!/usr/bin/env bash
# `npm test`: every check the project has — typecheck, unit tests, Chrome and Firefox builds,
# end-to-end tests in headless Chromium — with one summary line at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec npx tsx scripts/test.ts "$@"
