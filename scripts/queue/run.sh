#!/usr/bin/env bash
# `npm run test:queue`: the package in n8n's queue mode. Installs what is missing (PostgreSQL and
# Redis from Debian's packages when root; Node 24 + n8n 2.41.1 into the e2e cache), starts a
# throwaway PostgreSQL and Redis on loopback, runs test/queue (main + 2 workers), then the regular
# e2e's Postgres example against the same PostgreSQL. Everything started here is stopped by PID at
# the end, also on failure or Ctrl-C.
#
# Knobs: QUEUE_ONLY=cancel,large-sync (cases whose names contain a word; skips the e2e leg),
# QUEUE_MEMORY_SIZES=100000,500000, QUEUE_KEEP=1 (keep the logs and user folders), E2E_CACHE,
# E2E_SKIP_BUILD=1. About 10 minutes on 2 busy cores once the e2e cache exists.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS

prerequisites="$(bash scripts/queue/prerequisites.sh)"
PG_BIN="$(sed -n 's/^PG_BIN=//p' <<<"$prerequisites")"
REDIS_SERVER="$(sed -n 's/^REDIS_SERVER=//p' <<<"$prerequisites")"
export PG_BIN REDIS_SERVER

# shellcheck source=scripts/e2e/runtime.sh
source scripts/e2e/runtime.sh

QUEUE_DIR="$(mktemp -d "${TMPDIR:-/tmp}/contact-sync-queue-XXXXXX")"
export QUEUE_DIR
# shellcheck source=scripts/queue/services.sh
source scripts/queue/services.sh
cleanup() {
	queue_services_stop
	if [[ -n "${QUEUE_KEEP:-}" ]]; then echo "queue: kept $QUEUE_DIR" >&2; else rm -rf "$QUEUE_DIR"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

queue_services_start
echo "== queue mode in n8n $("$E2E_N8N_BIN" --version 2>/dev/null | tail -1) on Node $(node --version): main + 2 workers, PostgreSQL, Redis"
status=0
node scripts/run-ts.js test/queue/run.ts || status=$?

if [[ -z "${QUEUE_ONLY:-}" ]]; then
	echo "== regular e2e (n8n execute) with the real PostgreSQL: the Postgres → Notifuse example"
	E2E_POSTGRES="{\"host\":\"127.0.0.1\",\"port\":$PG_PORT,\"database\":\"crm\",\"user\":\"$PG_USER_NAME\",\"password\":\"$PG_PASSWORD\"}" \
		E2E_ONLY='example postgres-to-notifuse' E2E_SKIP_BUILD=1 bash scripts/e2e/run.sh || status=$?
fi
echo "queue: wall $((SECONDS - started)) s"
exit "$status"
