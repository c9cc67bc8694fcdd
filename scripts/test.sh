#!/usr/bin/env bash
# The project's whole check: build, n8n's lint rules, unit + harness + emulator + node tests, then
# the end-to-end suite inside a real n8n (installed on first use by scripts/e2e/install.sh).
# SKIP_E2E=1 skips the real-n8n leg for a quick local loop.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
npm run --silent build
echo "== lint"
npm run --silent lint
echo "== jest"
npx jest --ci
if [[ "${SKIP_E2E:-}" == "1" ]]; then
	echo "== e2e skipped (SKIP_E2E=1)"
elif [[ -f scripts/e2e/run.sh ]]; then
	echo "== e2e (real n8n)"
	bash scripts/e2e/run.sh
fi
