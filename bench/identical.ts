/**
 * Before any timing: every workload that has a reference node must send byte-identical request
 * bodies to it (auto-map, Map Columns and Map Columns + expressions alike), or the ratio between
 * them means nothing. Runs the workloads on 600 generated rows (invalid and duplicate emails
 * included) against in-process emulators and exits non-zero on the first difference.
 *
 *   node scripts/run-ts.js bench/identical.ts
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

import { createHarness } from '../test/harness';
import { startAll } from '../test/providers';

import { generateContacts } from './contacts';
import { mapColumnsParameters } from './mapColumns';
import { REFERENCE_NODE_TYPE, ReferenceContactSender } from './reference/node';
import { WORKLOADS, type EmulatorUrls } from './workloads';

const ITEMS = 600;

async function main() {
	const running = await startAll(() => ({ rateLimit: false, jobDelayMs: 0 }));
	const urls = Object.fromEntries(Object.entries(running).map(([key, emulator]) => [key, emulator.baseUrl])) as unknown as EmulatorUrls;
	const harness = await createHarness({ packageDir: join(__dirname, '..'), nodes: { [REFERENCE_NODE_TYPE]: new ReferenceContactSender() } });
	const rows = generateContacts(ITEMS, 42).rows;
	let failed = false;
	try {
		for (const reference of WORKLOADS.filter((w) => w.contender === 'reference')) {
			const group = [reference, ...WORKLOADS.filter((w) => w.reference === reference.id)];
			let expected: string[] | undefined;
			for (const workload of group) {
				const emulator = running[workload.provider];
				emulator.clearLog();
				const parameters = await mapColumnsParameters(harness, workload, urls);
				emulator.clearLog();
				const items = rows.map((row) => ({ json: workload.toItem(row) }));
				const result = await harness.run({ nodeType: workload.nodeType, parameters, credentials: workload.credentials(urls) as never, items, onError: 'continueRegularOutput' });
				if (result.error) throw new Error(`${workload.id}: ${result.error.message}`);
				if (result.outputs[0]?.length !== ITEMS) throw new Error(`${workload.id}: ${result.outputs[0]?.length} output items for ${ITEMS}`);
				const bodies = emulator.log
					.filter((entry) => entry.method === workload.write.method && entry.path === workload.write.path)
					.map((entry) => entry.requestBody?.toString('utf8') ?? '')
					.sort();
				if (!expected) {
					expected = bodies;
					continue;
				}
				const same = bodies.length === expected.length && bodies.every((body, i) => body === expected?.[i]);
				const digest = (list: string[]) => createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 12);
				console.error(`identical: ${workload.id} vs ${reference.id}: ${bodies.length} bodies of ${bodies.reduce((n, b) => n + b.length, 0)} bytes, ${same ? 'byte-identical' : 'DIFFERENT'} (${digest(bodies)} / ${digest(expected)})`);
				if (!same) {
					failed = true;
					const i = bodies.findIndex((body, k) => body !== expected?.[k]);
					const a = bodies[i] ?? '';
					const b = expected[i] ?? '';
					let at = 0;
					while (at < a.length && a[at] === b[at]) at++;
					console.error(`  first difference at byte ${at}:\n  ours: ${a.slice(Math.max(0, at - 120), at + 120)}\n  ref:  ${b.slice(Math.max(0, at - 120), at + 120)}`);
				}
			}
		}
	} finally {
		await Promise.all(Object.values(running).map((emulator) => emulator.close()));
	}
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
