import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Execute = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/**
 * Accumulates process CPU time while one of our nodes' execute() runs. n8n's engine awaits the
 * node meanwhile and the emulators live in another process, so this is the node's own cost
 * (validation, chunking, serialising, its HTTP client), without the engine's per-item bookkeeping.
 */
export function measureNodeExecute(): { ms(): number } {
	const root = join(__dirname, '..');
	const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	let micros = 0;
	for (const file of manifest.n8n.nodes) {
		const exported = require(join(root, file)) as Record<string, { prototype: { execute?: Execute } }>;
		for (const nodeClass of Object.values(exported)) {
			const original = nodeClass.prototype?.execute;
			if (typeof original !== 'function') continue;
			nodeClass.prototype.execute = async function measured(this: unknown, ...args: unknown[]) {
				const cpu = process.cpuUsage();
				try {
					return await original.apply(this, args);
				} finally {
					const used = process.cpuUsage(cpu);
					micros += used.user + used.system;
				}
			};
		}
	}
	return { ms: () => micros / 1000 };
}
