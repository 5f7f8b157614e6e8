#!/usr/bin/env bash
# `npm run demo [-- --headless]`: install what is missing, build the extension, open Chromium
# with it on the bundled demo article.
set -euo pipefail
cd "$(dirname "$0")/.."
INSTALL_CHROMIUM=1 source scripts/setup.sh
npx wxt build
exec npx tsx scripts/demo.ts "$@"
