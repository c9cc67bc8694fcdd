import type { PostgresConnection } from '../e2e/postgres';

/** PostgreSQL and Redis as scripts/queue/services.sh started them (loopback, throwaway). */
export interface Services {
	/** The "CRM" database the example workflows read from; n8n's own database is on the same server. */
	crm: PostgresConnection;
	n8nDatabase: string;
	redisPort: number;
}

export function servicesFromEnv(): Services {
	const need = (name: string) => {
		const value = process.env[name];
		if (!value) throw new Error(`${name} is not set; run the suite through \`npm run test:queue\`.`);
		return value;
	};
	return {
		crm: { host: '127.0.0.1', port: Number(need('PG_PORT')), database: 'crm', user: need('PG_USER_NAME'), password: need('PG_PASSWORD') },
		n8nDatabase: need('PG_DATABASE'),
		redisPort: Number(need('REDIS_PORT')),
	};
}
