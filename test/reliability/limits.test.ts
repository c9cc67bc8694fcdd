import type { INodeExecutionData } from 'n8n-workflow';

import { checkRun } from './invariants';
import { intBetween, runsFromEnv, seeded } from './random';
import { targetNamed, TARGETS, type Target, useBed } from './targets';

const BULK = TARGETS.filter((target) => target.maxContacts > 1);
const RUNS = runsFromEnv(4);

/** Random counts, duplicates and field lengths; every item valid so the request count is exact. */
function generate(target: Target, random: () => number, count: number): { items: INodeExecutionData[]; unique: number } {
	const emails = new Set<string>();
	const items: INodeExecutionData[] = [];
	for (let i = 0; i < count; i++) {
		const n = random() < 0.05 && i > 0 ? intBetween(random, 0, i - 1) : i;
		const json = target.contact(n, 'limit');
		json[target.fields.name] = 'n'.repeat(intBetween(random, 1, target.fields.maxString));
		emails.add(String(json.email));
		items.push({ json });
	}
	return { items, unique: emails.size };
}

describe.each(BULK)('$name keeps every request within the limits', (target) => {
	const bed = useBed(target);

	const seeds = Array.from({ length: RUNS }, (_, i) => 1000 + i * 7919);
	it.each(seeds)('seed %i: random size and batch size, minimum requests, none over the limit', async (seed) => {
		const random = seeded(seed);
		const count = intBetween(random, 1, 1_500);
		const batchSize = intBetween(random, 1, Math.min(target.maxContacts, 600));
		const { items, unique } = generate(target, random, count);
		const result = await bed().run(items, { batchSize, concurrency: 4 }, { onError: 'continueRegularOutput' });

		expect(checkRun(result, count, { idempotent: target.idempotent, writes: bed().writes() })).toEqual([]);
		const writes = bed().writes();
		expect(writes.every((entry) => (entry.contacts ?? 0) <= batchSize)).toBe(true);
		expect(writes.reduce((sum, entry) => sum + (entry.contacts ?? 0), 0)).toBe(unique);
		expect(writes).toHaveLength(Math.ceil(unique / batchSize));
		const statuses = new Set(result.outputs[0].map((item) => String(item.json.status)));
		expect([...statuses].filter((status) => status === 'failed' || status === 'invalid')).toEqual([]);
	});
});

describe('SendGrid byte limit', () => {
	const target = targetNamed('SendGrid contact.upsert');
	const bed = useBed(target);

	it('no PUT exceeds 6,000,000 bytes whatever the contact sizes, and the bytes bound the request count', async () => {
		const random = seeded(42);
		const items: INodeExecutionData[] = Array.from({ length: 4_000 }, (_, i) => ({
			json: { email: `bytes-${i}@example.com`, address_line_1: 'a'.repeat(intBetween(random, 10, 100)), postal_code: 'p'.repeat(intBetween(random, 0, 3_000)) },
		}));
		const result = await bed().run(items, { waitForImport: false }, { onError: 'continueRegularOutput' });
		expect(checkRun(result, items.length, { idempotent: true, writes: bed().writes() })).toEqual([]);
		const writes = bed().writes();
		const total = writes.reduce((sum, entry) => sum + entry.bodyBytes, 0);
		expect(writes.every((entry) => entry.bodyBytes <= 6_000_000)).toBe(true);
		expect(writes.reduce((sum, entry) => sum + (entry.contacts ?? 0), 0)).toBe(4_000);
		// Greedy packing wastes at most one contact's worth per request: never more than one request above the byte bound.
		expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / 6_000_000) + 1);
		expect(writes.length).toBeGreaterThan(1);
	});
});
