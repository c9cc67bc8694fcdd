import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Execute = (this: unknown, ...args: unknown[]) => Promise<unknown>;

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/**
 * CPU time of the main JavaScript thread in µs. process.cpuUsage() also counts V8's and libuv's
 * background threads, which keep working on n8n's start-up heap long after the warm-up: on a
 * rate-limited run that idles for minutes they dominated the figure (≈6 ms "per request" at
 * 2 requests/s) without a line of the node running. Linux only; elsewhere falls back to the process.
 */
export function mainThreadCpuMicros(): number {
	try {
		return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1000;
	} catch {
		const usage = process.cpuUsage();
		return usage.user + usage.system;
	}
}

/**
 * Accumulates CPU time while one of our nodes' (or the reference node's) execute() runs. n8n's engine awaits the node
 * meanwhile and the emulators live in another process, so this is the node's own cost
 * (validation, chunking, serialising, its HTTP client), without the engine's per-item bookkeeping.
 */
export function measureNodeExecute(extra: Array<{ prototype: object }> = []): { ms(): number; processMs(): number } {
	const root = join(__dirname, '..');
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	let micros = 0;
	let processMicros = 0;
	const classes = [...manifest.n8n.nodes.flatMap((file) => Object.values(require(join(root, file)) as Record<string, { prototype: object }>)), ...extra];
	for (const nodeClass of classes as Array<{ prototype: { execute?: Execute } }>) {
		const original = nodeClass.prototype?.execute;
		if (typeof original !== 'function') continue;
		nodeClass.prototype.execute = async function measured(this: unknown, ...args: unknown[]) {
			const main = mainThreadCpuMicros();
			const cpu = process.cpuUsage();
			try {
				return await original.apply(this, args);
			} finally {
				micros += mainThreadCpuMicros() - main;
				const used = process.cpuUsage(cpu);
				processMicros += used.user + used.system;
			}
		};
	}
	return { ms: () => micros / 1000, processMs: () => processMicros / 1000 };
}
