#!/usr/bin/env bash
# `npm run test:e2e`: installs Node 24 + n8n 2.41.1 on first use (npm registry only), builds the package,
# and runs the workflows of test/e2e inside that real n8n.
set -euo pipefail
cd "$(dirname "$0")/../.."

# shellcheck source=scripts/e2e/runtime.sh
source scripts/e2e/runtime.sh
echo "== e2e in n8n $("$E2E_N8N_BIN" --version 2>/dev/null | tail -1) on Node $(node --version)"
node scripts/run-ts.js test/e2e/run.ts
