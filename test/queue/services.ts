import { execFileSync } from 'node:child_process';

/** PostgreSQL and Redis as scripts/queue/services.sh started them (loopback, throwaway). */
export interface Services {
	pgPort: number;
	pgUser: string;
	pgPassword: string;
	/** n8n's own database. */
	n8nDatabase: string;
	/** The "CRM" the example workflows read from. */
	crmDatabase: string;
	redisPort: number;
}

export function servicesFromEnv(): Services {
	const need = (name: string) => {
		const value = process.env[name];
		if (!value) throw new Error(`${name} is not set; run the suite through \`npm run test:queue\`.`);
		return value;
	};
	return {
		pgPort: Number(need('PG_PORT')),
		pgUser: need('PG_USER_NAME'),
		pgPassword: need('PG_PASSWORD'),
		n8nDatabase: need('PG_DATABASE'),
		crmDatabase: 'crm',
		redisPort: Number(need('REDIS_PORT')),
	};
}

/** Runs SQL with psql against one database; returns the unaligned, tuples-only output. */
export function psql(services: Services, database: string, sql: string): string {
	return execFileSync('psql', ['-h', '127.0.0.1', '-p', String(services.pgPort), '-U', services.pgUser, '-d', database, '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], {
		env: { ...process.env, PGPASSWORD: services.pgPassword },
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	}).trim();
}

/** The credential n8n's Postgres node uses to read the CRM database (fields: Postgres.credentials.ts). */
export function crmCredential(services: Services) {
	return {
		id: 'qPostgresCrm0001',
		name: 'CRM database',
		type: 'postgres',
		data: {
			host: '127.0.0.1',
			port: services.pgPort,
			database: services.crmDatabase,
			user: services.pgUser,
			password: services.pgPassword,
			ssl: 'disable',
		},
	};
}
