#!/usr/bin/env bash
# Finds the PostgreSQL and Redis server binaries the queue-mode suite starts, installing Debian's
# packages when they are missing and this runs as root. Without root it says exactly what to
# install and fails: the suite never passes silently without its database and queue.
# Prints two lines on stdout: PG_BIN=<dir with initdb, pg_ctl, postgres, psql> and REDIS_SERVER=<path>.
set -euo pipefail

log() { echo "queue prerequisites: $*" >&2; }

find_pg_bin() {
	local dir
	# Debian installs the server binaries per major version, outside PATH.
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"; do
		if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

find_redis() { command -v redis-server 2>/dev/null || { [[ -x /usr/bin/redis-server ]] && echo /usr/bin/redis-server; }; }

missing=()
find_pg_bin >/dev/null || missing+=(postgresql)
find_redis >/dev/null || missing+=(redis-server)
command -v psql >/dev/null || [[ " ${missing[*]} " == *" postgresql "* ]] || missing+=(postgresql-client)

if ((${#missing[@]} > 0)); then
	if [[ "$(id -u)" != "0" ]]; then
		log "missing: ${missing[*]}. Install them as root, then run again:"
		log "  apt-get update && apt-get install -y ${missing[*]}"
		exit 1
	fi
	log "installing ${missing[*]} with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update >&2
	apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

PG_BIN="$(find_pg_bin)" || { log "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found after install"; exit 1; }
REDIS_SERVER="$(find_redis)" || { log "redis-server not found after install"; exit 1; }
"$PG_BIN/postgres" --version >&2 || { log "$PG_BIN/postgres does not run"; exit 1; }
"$REDIS_SERVER" --version >&2 || { log "$REDIS_SERVER does not run"; exit 1; }
command -v psql >/dev/null || { log "psql not found"; exit 1; }
echo "PG_BIN=$PG_BIN"
echo "REDIS_SERVER=$REDIS_SERVER"
