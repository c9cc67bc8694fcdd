/**
 * The benchmark's emulators, in their own process so their CPU and memory never count as the
 * node's: the providers' real rate limits, a fixed latency per request (BENCH_LATENCY_MS, default 50).
 * Prints `{autosend, notifuse, sendgrid}` base URLs as one JSON line.
 */
import { startAll } from '../test/providers';

async function main() {
	const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 50);
	const faults = { latencyMs };
	// Jobs finish quickly: the benchmark measures the node, not SendGrid's queue.
	const running = await startAll(() => ({ faults, jobDelayMs: 20, ...(process.env.BENCH_UNLIMITED === '1' ? { rateLimit: false as const } : {}) }));
	console.log(JSON.stringify(Object.fromEntries(Object.entries(running).map(([key, emulator]) => [key, emulator.baseUrl]))));
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
