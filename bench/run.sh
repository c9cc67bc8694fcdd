#!/usr/bin/env bash
# npm run bench: builds the package, makes sure n8n's own nodes are installed (the same cache as the
# e2e suite: Node 24 + n8n 2.41.1 from npm), then runs bench/run.ts. Not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run --silent build >/dev/null
CACHE="$(bash scripts/e2e/install.sh)"
export BENCH_N8N_NODES_BASE="$CACHE/node_modules/n8n-nodes-base"
node scripts/run-ts.js bench/run.ts
