/**
 * `npm run emulators`: starts the AutoSend, Notifuse and SendGrid emulators on loopback and prints
 * the base URL to put in each n8n credential, as one JSON line, then runs until interrupted.
 *
 * Ports: EMULATOR_PORT_AUTOSEND / _NOTIFUSE / _SENDGRID (default: any free port).
 * Rate limits are the providers' own unless EMULATOR_RATE_LIMIT=off.
 */
import * as autosend from './autosend';
import * as notifuse from './notifuse';
import * as sendgrid from './sendgrid';

function port(name: string): number | undefined {
	const value = process.env[`EMULATOR_PORT_${name}`];
	return value ? Number(value) : undefined;
}

async function main() {
	const rateLimit = process.env.EMULATOR_RATE_LIMIT === 'off' ? { rateLimit: false as const } : {};
	const running = {
		autosend: await autosend.start({ port: port('AUTOSEND'), ...rateLimit }),
		notifuse: await notifuse.start({ port: port('NOTIFUSE'), ...rateLimit }),
		sendgrid: await sendgrid.start({ port: port('SENDGRID'), ...rateLimit }),
	};
	console.log(
		JSON.stringify({
			autosend: running.autosend.credentialBaseUrl,
			notifuse: running.notifuse.credentialBaseUrl,
			sendgrid: running.sendgrid.credentialBaseUrl,
		}),
	);
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
