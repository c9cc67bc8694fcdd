import { execFileSync } from 'node:child_process';

/**
 * A real PostgreSQL for the examples that read a database (the queue suite starts one and passes it
 * to the regular e2e as E2E_POSTGRES={"host","port","database","user","password"}). Without it the
 * e2e stands a Code node in for the Postgres node.
 */
export interface PostgresConnection {
	host: string;
	port: number;
	database: string;
	user: string;
	password: string;
}

export function postgresFromEnv(): PostgresConnection | undefined {
	const raw = process.env.E2E_POSTGRES;
	return raw ? (JSON.parse(raw) as PostgresConnection) : undefined;
}

/** Runs SQL with psql; returns the unaligned, tuples-only output. */
export function psql(connection: PostgresConnection, sql: string): string {
	const { host, port, user, database, password } = connection;
	return execFileSync('psql', ['-h', host, '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], {
		env: { ...process.env, PGPASSWORD: password },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	}).trim();
}

/** n8n's own Postgres credential (fields: n8n-nodes-base Postgres.credentials.ts). */
export const POSTGRES_CREDENTIAL = { id: 'e2ePostgresCrm01', name: 'CRM database' };

export function postgresCredential(connection: PostgresConnection) {
	const { host, port, database, user, password } = connection;
	return { ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host, port, database, user, password, ssl: 'disable' } };
}

/**
 * The `customers` table the Postgres → Notifuse example queries: 1,500 rows changed in the last day
 * (row 10 has a malformed email, row 20 none) and 500 older rows the query must leave out. Column
 * types as a CRM would have them: numeric money, timestamptz dates.
 */
export function seedCustomers(connection: PostgresConnection): void {
	psql(connection, `
		SET client_min_messages = warning;
		DROP TABLE IF EXISTS customers;
		CREATE TABLE customers (
			id serial PRIMARY KEY, email text, first_name text, last_name text, phone text, country text,
			job_title text, company text, lifetime_value numeric(12, 2), signed_up_at timestamptz,
			updated_at timestamptz NOT NULL DEFAULT now()
		);
		INSERT INTO customers (email, first_name, country, job_title, company, lifetime_value, signed_up_at, updated_at)
		SELECT CASE i WHEN 10 THEN 'not-an-email' WHEN 20 THEN NULL ELSE 'pg-' || i || '@example.com' END,
			'Row ' || i, 'DE', 'Engineer', 'Company ' || (i % 7), i * 1.5,
			timestamptz '2025-01-01 00:00:00+00' + (i % 300) * interval '1 day', now() - interval '1 hour'
		FROM generate_series(0, 1499) AS i;
		INSERT INTO customers (email, first_name, updated_at)
		SELECT 'old-' || i || '@example.com', 'Old ' || i, now() - interval '3 days' FROM generate_series(0, 499) AS i;
	`);
}
