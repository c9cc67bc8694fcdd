import { appendFileSync } from 'node:fs';

import { startSink, type RunningSink } from '../emulators/common';

import { faultCases, CONCURRENCY, ITEMS, BATCH, type Expectation } from './faultCases';
import { checkRun, pairedOutputs } from './invariants';
import { itemsOf, type Target, useBed } from './targets';

const FAILED = new Set(['failed', 'invalid']);
/** Bounded time: the slowest case (three 1 s Retry-After waits, or a 2.5 s stalled answer) ends well within this. */
const MAX_RUN_MS = 20_000;

/** The fault matrix for some operations; one test file per provider so the files run in parallel. */
export function describeFaultMatrix(targets: Target[]): void {
	let sink: RunningSink;
	beforeAll(async () => {
		sink = await startSink();
	});
	afterAll(async () => await sink.close());

	describe.each(targets)('$name under faults', (target) => {
		const bed = useBed(target);
		beforeEach(() => sink.clear());

		// The sink's address is only known once it listens; the cases are built with a stand-in and pointed at it per test.
		it.each(faultCases(target, 'http://127.0.0.1:1').map((c) => [c.name, c.name]))('%s', async (_name, caseName) => {
			const fault = faultCases(target, sink.baseUrl).find((c) => c.name === caseName)!;
			bed().faults.add(...fault.rules);
			const items = itemsOf(target, ITEMS);
			const result = await bed().run(items, { batchSize: BATCH, concurrency: CONCURRENCY, maxRetries: 5, ...fault.options }, { onError: 'continueRegularOutput' });

			expect(result.status).toBe('success');
			expect(result.durationMs).toBeLessThan(MAX_RUN_MS);
			expect(checkRun(result, ITEMS, { idempotent: target.idempotent, writes: bed().writes(), holds: bed().holds })).toEqual([]);
			expect(bed().log().some((entry) => entry.fault !== undefined)).toBe(true);
			// Nothing ever reaches the other origin, least of all the API key; no output carries the key.
			expect(sink.received).toEqual([]);
			expect(JSON.stringify(result.outputs)).not.toContain(bed().apiKey);

			const outputs = pairedOutputs(result).map((o) => o.item.json);
			const failed = outputs.filter((json) => FAILED.has(String(json.status)));
			if (process.env.FAULT_REPORT) {
				// FAULT_REPORT=file: one JSON line per case (requests carrying contacts, outcomes), for the README's table.
				const codes: Record<string, number> = {};
				for (const json of outputs) codes[String(json.errorCode ?? json.status)] = (codes[String(json.errorCode ?? json.status)] ?? 0) + 1;
				appendFileSync(process.env.FAULT_REPORT, `${JSON.stringify({ target: target.name, fault: fault.name, writes: bed().writes().length, ms: result.durationMs, codes, example: failed[0]?.errorMessage })}\n`);
			}
			const expectation: Expectation = fault.expect(target);
			switch (expectation.kind) {
				case 'all-succeed':
					expect(failed.map((json) => json.errorMessage)).toEqual([]);
					break;
				case 'creates-not-resent':
					expect(failed.length).toBeGreaterThan(0);
					for (const json of failed) expect(String(json.errorMessage)).toMatch(expectation.message);
					break;
				case 'some-fail':
					expect(failed.length).toBeGreaterThanOrEqual(expectation.min ?? 0);
					expect(failed.length).toBeLessThanOrEqual(expectation.max);
					for (const json of failed) expect(String(json.errorMessage)).toMatch(expectation.message);
					break;
				case 'stops': {
					expect(bed().writes().length).toBeLessThanOrEqual(expectation.maxWrites);
					expect(outputs.length - failed.length).toBeLessThanOrEqual(expectation.maySucceed ?? 0);
					const unsent = failed.filter((json) => json.errorCode === 'NOT_SENT');
					expect(unsent.length).toBeGreaterThan(0);
					for (const json of failed) expect(String(json.errorMessage)).toMatch(expectation.message);
					for (const json of unsent) expect(String(json.errorMessage)).toMatch(/^Not sent: /);
					break;
				}
			}
			if (expectation.kind !== 'stops') {
				const mayFail = expectation.kind === 'some-fail' ? expectation.max : expectation.kind === 'all-succeed' ? 0 : ITEMS;
				expect(outputs.length - failed.length).toBeGreaterThanOrEqual(ITEMS - mayFail);
			}
		});

		it('cancelled while requests are in flight: stops promptly and sends no more', async () => {
			bed().faults.configure({ latencyMs: 150 });
			const items = itemsOf(target, ITEMS);
			const result = await bed().run(items, { batchSize: 1, concurrency: 1 }, { cancelAfterMs: 400 });
			expect(result.status).toBe('canceled');
			expect(result.durationMs).toBeLessThan(3_000);
			// The request in flight at the moment of cancelling is logged when the emulator answers it.
			await new Promise((resolve) => setTimeout(resolve, 300));
			const sentBefore = bed().writes().length;
			expect(sentBefore).toBeLessThan(ITEMS);
			await new Promise((resolve) => setTimeout(resolve, 600));
			expect(bed().writes().length).toBe(sentBefore);
		});
	});
}
