import type { INodeExecutionData } from 'n8n-workflow';

import { generateCase, type Case } from './badInput';
import { checkRun, pairedOutputs } from './invariants';
import { runsFromEnv, seeded } from './random';
import { TARGETS, useBed } from './targets';

const SUCCESS = new Set(['created', 'updated', 'upserted', 'added', 'already_in_list', 'queued']);
const FAILURE = new Set(['invalid', 'failed']);
/** Items per generated run; CONTROLS of them are plain valid contacts that must always go through. */
const PER_RUN = 300;
const CONTROLS = 20;
const RUNS = runsFromEnv(5);

function namesField(json: Record<string, unknown>, field: string): boolean {
	return json.errorField === field || String(json.errorMessage ?? '').includes(field);
}

/** Problems with one item's result against what its generator expected. */
function judge(c: Case, json: Record<string, unknown>, index: number): string | undefined {
	const status = String(json.status);
	const where = `item ${index} (${c.label}) → ${JSON.stringify(json).slice(0, 300)}`;
	if (FAILURE.has(status) && !json.errorMessage) return `${where}: failure without a message`;
	switch (c.expect.kind) {
		case 'ok':
			if (!SUCCESS.has(status)) return `${where}: expected success`;
			if (json.email !== c.expect.email) return `${where}: expected email ${c.expect.email}`;
			return undefined;
		case 'bad':
			if (!FAILURE.has(status)) return `${where}: expected a failure naming ${c.expect.field}`;
			if (!namesField(json, c.expect.field)) return `${where}: the error does not name ${c.expect.field}`;
			return undefined;
		case 'either':
			if (SUCCESS.has(status)) return undefined;
			if (FAILURE.has(status) && namesField(json, c.expect.field)) return undefined;
			return `${where}: neither success nor a failure naming ${c.expect.field}`;
	}
}

describe.each(TARGETS)('$name with generated bad input', (target) => {
	const bed = useBed(target);

	const seeds = Array.from({ length: RUNS }, (_, i) => 7 + i * 104_729);
	it.each(seeds)(`seed %i: ${PER_RUN} items, each with a clear per-item result; valid neighbours go through`, async (seed) => {
		const random = seeded(seed);
		const controls: Case[] = Array.from({ length: CONTROLS }, (_, i) => ({
			label: 'control',
			item: { json: target.contact(i, 'control') },
			expect: { kind: 'ok', email: `control-${i}@example.com` },
		}));
		const cases = [...controls, ...Array.from({ length: PER_RUN - CONTROLS }, (_, i) => generateCase(target, random, i))];
		const items: INodeExecutionData[] = cases.map((c) => c.item);

		const result = await bed().run(items, { concurrency: 4 }, { onError: 'continueRegularOutput' });

		expect(result.error?.message).toBeUndefined();
		expect(result.status).toBe('success');
		expect(checkRun(result, items.length, { idempotent: target.idempotent, writes: target.idempotent ? [] : bed().writes() })).toEqual([]);
		const problems = pairedOutputs(result)
			.map(({ index, item }) => judge(cases[index], item.json, index))
			.filter((problem): problem is string => problem !== undefined);
		expect(problems.slice(0, 10)).toEqual([]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('0 items: no output items and no requests', async () => {
		const result = await bed().run([], {}, { onError: 'continueRegularOutput' });
		expect(result.status).toBe('success');
		expect(pairedOutputs(result)).toHaveLength(0);
		expect(bed().writes()).toHaveLength(0);
	});

	it('error output: bad items go to the error branch with a message naming item and field, the rest to the main one', async () => {
		const items: INodeExecutionData[] = [
			{ json: target.contact(0, 'good') },
			{ json: { ...target.contact(1, 'good'), email: 'broken' } },
			{ json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain' } } },
			{ json: target.contact(3, 'good') },
		];
		const result = await bed().run(items, {}, { onError: 'continueErrorOutput' });
		expect(checkRun(result, 4, { idempotent: target.idempotent, writes: bed().writes() })).toEqual([]);
		expect(result.outputs[0].map((item) => item.json.email)).toEqual(['good-0@example.com', 'good-3@example.com']);
		const errors = result.outputs[1].map((item) => String(item.json.error ?? item.json.errorMessage));
		expect(errors).toHaveLength(2);
		expect(errors[0]).toMatch(/^Item 1 \(broken\):.*email/i);
		expect(errors[1]).toMatch(/^Item 2\b.*email/i);
	});
});
