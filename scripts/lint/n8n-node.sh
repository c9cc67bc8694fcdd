#!/usr/bin/env bash
# `n8n-node lint` (from @n8n/node-cli, in strict mode with n8n's default ESLint config, as n8n's Cloud
# verification expects) over the package's own sources: package.json, nodes/, credentials/ and the files
# that ship beside them, staged in a scratch folder. Run at the repository root it would also lint the
# tests, emulators and tools, which use Node APIs (process, fs, timers) a community node may not; those
# never ship, and n8n's scanner reads only package.json and {nodes,credentials}/** as well.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT

cp package.json tsconfig.json README.md LICENSE CHANGELOG.md "$STAGE/"
cp -r nodes credentials "$STAGE/"
# Strict mode refuses any eslint.config.mjs but the template's, so take it from the CLI itself.
cp node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs "$STAGE/eslint.config.mjs"
ln -s "$ROOT/node_modules" "$STAGE/node_modules"

cd "$STAGE"
# The CLI prints its findings with colours and box drawing; keep the text plain for CI logs.
NO_COLOR=1 "$ROOT/node_modules/.bin/n8n-node" lint
