#!/usr/bin/env bash
# Sourced by scripts/queue/run.sh: starts a throwaway PostgreSQL cluster and Redis on loopback, on
# free high ports, in $QUEUE_DIR, and stops them again by PID (queue_services_stop, run from a trap).
# PostgreSQL refuses to run as root ("initdb: cannot be run as root"), so as root the cluster is
# owned by and started as the unprivileged `postgres` user that Debian's package creates.

PG_USER_NAME=n8n
PG_PASSWORD=queue-only-password
PG_DATABASE=n8n
SERVICE_PIDS=()

free_port() {
	node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

as_pg_owner() {
	if [[ "$(id -u)" == "0" ]]; then
		# From a folder the postgres user may enter (the checkout may be under /root).
		(cd "$QUEUE_DIR" && exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@")
	else
		"$@"
	fi
}

wait_for() {
	local what="$1" tries="$2"; shift 2
	for ((i = 0; i < tries; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.5
	done
	echo "queue services: $what did not come up" >&2
	return 1
}

queue_services_start() {
	local pg_dir="$QUEUE_DIR/postgres"
	mkdir -p "$pg_dir"
	if [[ "$(id -u)" == "0" ]]; then
		id postgres >/dev/null 2>&1 || { echo "queue services: running as root needs the 'postgres' user (apt-get install -y postgresql creates it)" >&2; return 1; }
		chown postgres "$QUEUE_DIR" "$pg_dir"
	fi
	printf '%s\n' "$PG_PASSWORD" >"$QUEUE_DIR/pgpass"
	chmod 644 "$QUEUE_DIR/pgpass"
	as_pg_owner "$PG_BIN/initdb" -D "$pg_dir/data" -U "$PG_USER_NAME" --pwfile="$QUEUE_DIR/pgpass" -A scram-sha-256 -E UTF8 --no-locale >"$QUEUE_DIR/initdb.log" 2>&1 \
		|| { cat "$QUEUE_DIR/initdb.log" >&2; return 1; }
	PG_PORT="$(free_port)"
	# Durability is off: the cluster is thrown away after the run.
	as_pg_owner "$PG_BIN/postgres" -D "$pg_dir/data" -p "$PG_PORT" -k "$pg_dir" -c listen_addresses=127.0.0.1 \
		-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 >"$QUEUE_DIR/postgres.log" 2>&1 &
	SERVICE_PIDS+=($!)
	export PGPASSWORD="$PG_PASSWORD"
	wait_for "PostgreSQL on 127.0.0.1:$PG_PORT" 60 psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_NAME" -d postgres -c 'select 1' \
		|| { tail -20 "$QUEUE_DIR/postgres.log" >&2; return 1; }
	# The postmaster's own PID (the one above may be a wrapper), from the file it writes.
	PG_PID="$(head -n 1 "$pg_dir/data/postmaster.pid")"
	SERVICE_PIDS+=("$PG_PID")
	psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_NAME" -d postgres -qc "create database $PG_DATABASE" >&2
	psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER_NAME" -d postgres -qc "create database crm" >&2

	REDIS_PORT="$(free_port)"
	"$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$QUEUE_DIR" \
		--daemonize no --logfile "$QUEUE_DIR/redis.log" &
	SERVICE_PIDS+=($!)
	REDIS_PID=$!
	wait_for "Redis on 127.0.0.1:$REDIS_PORT" 40 bash -c "exec 3<>/dev/tcp/127.0.0.1/$REDIS_PORT && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG"
	export PG_PORT REDIS_PORT PG_USER_NAME PG_PASSWORD PG_DATABASE
	echo "queue services: PostgreSQL (pid $PG_PID) on 127.0.0.1:$PG_PORT, Redis (pid $REDIS_PID) on 127.0.0.1:$REDIS_PORT" >&2
}

# Stops what this run started: the n8n processes the suite recorded, then Redis and PostgreSQL, all by PID.
queue_services_stop() {
	local pid
	if [[ -f "$QUEUE_DIR/n8n.pids" ]]; then
		while read -r pid; do
			[[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true
		done <"$QUEUE_DIR/n8n.pids"
		sleep 1
		while read -r pid; do
			[[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
		done <"$QUEUE_DIR/n8n.pids"
	fi
	for pid in "${SERVICE_PIDS[@]}"; do
		# SIGINT is PostgreSQL's "fast shutdown"; Redis exits on it too.
		kill -INT "$pid" 2>/dev/null || true
	done
	for pid in "${SERVICE_PIDS[@]}"; do
		for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
		kill -KILL "$pid" 2>/dev/null || true
	done
}
