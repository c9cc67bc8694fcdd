#!/usr/bin/env bash
# `npm run demo`: build the package, then sync the sample CRM export through all three nodes in n8n's
# engine against local emulators of the three APIs. No account, no network.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building the package…"
npm run --silent build >/dev/null
node scripts/run-ts.js scripts/demo/demo.ts
