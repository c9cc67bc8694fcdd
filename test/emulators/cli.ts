/**
 * `npm run emulators`: starts every provider's emulator (test/providers.ts) on loopback and prints
 * the base URL to put in each n8n credential, as one JSON line, then runs until interrupted.
 *
 * Ports: EMULATOR_PORT_<KEY>, e.g. EMULATOR_PORT_AUTOSEND (default: any free port).
 * Rate limits are the providers' own unless EMULATOR_RATE_LIMIT=off.
 */
import { startAll } from '../providers';

function port(name: string): number | undefined {
	const value = process.env[`EMULATOR_PORT_${name}`];
	return value ? Number(value) : undefined;
}

async function main() {
	const rateLimit = process.env.EMULATOR_RATE_LIMIT === 'off' ? { rateLimit: false as const } : {};
	const running = await startAll((provider) => ({ port: port(provider.key.toUpperCase()), ...rateLimit }));
	console.log(JSON.stringify(Object.fromEntries(Object.entries(running).map(([key, emulator]) => [key, emulator.credentialBaseUrl]))));
	const stop = async () => {
		await Promise.all(Object.values(running).map((r) => r.close()));
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
