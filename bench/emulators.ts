/**
 * The benchmark's emulators, in their own process so their CPU and memory never count as the
 * node's: the providers' real rate limits, a fixed latency per request (BENCH_LATENCY_MS, default 50).
 * Prints `{autosend, notifuse, sendgrid}` base URLs as one JSON line.
 */
import * as autosend from '../test/emulators/autosend';
import * as notifuse from '../test/emulators/notifuse';
import * as sendgrid from '../test/emulators/sendgrid';

async function main() {
	const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
	const faults = { latencyMs };
	const running = {
		autosend: await autosend.start({ faults }),
		notifuse: await notifuse.start({ faults }),
		// Jobs finish quickly: the benchmark measures the node, not SendGrid's queue.
		sendgrid: await sendgrid.start({ faults, jobDelayMs: 20 }),
	};
	console.log(JSON.stringify({ autosend: running.autosend.baseUrl, notifuse: running.notifuse.baseUrl, sendgrid: running.sendgrid.baseUrl }));
	const stop = async () => {
		await Promise.all(Object.values(running).map((r) => r.close()));
		process.exit(0);
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
