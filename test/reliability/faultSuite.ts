import { faultCases, BATCH, ITEMS, type Expectation } from './faultCases';
import { checkRun, pairedOutputs } from './invariants';
import { itemsOf, type Target, useBed } from './targets';

const FAILED = new Set(['failed', 'invalid']);
/** Bounded time: the slowest case (three 1 s Retry-After waits, or a 2.5 s stalled answer) ends well within this. */
const MAX_RUN_MS = 20_000;

/** The fault matrix for some operations; one test file per provider so the files run in parallel. */
export function describeFaultMatrix(targets: Target[]): void {
	describe.each(targets)('$name under faults', (target) => {
		const bed = useBed(target);

		it.each(faultCases(target).map((c) => [c.name, c]))('%s', async (_name, fault) => {
			bed().faults.add(...fault.rules);
			const items = itemsOf(target, ITEMS);
			const result = await bed().run(items, { batchSize: BATCH, concurrency: 3, maxRetries: 5, ...fault.options }, { onError: 'continueRegularOutput' });

			expect(result.status).toBe('success');
			expect(result.durationMs).toBeLessThan(MAX_RUN_MS);
			expect(checkRun(result, ITEMS, { idempotent: target.idempotent, writes: bed().writes(), holds: bed().holds })).toEqual([]);
			expect(bed().log().some((entry) => entry.fault !== undefined)).toBe(true);

			const outputs = pairedOutputs(result).map((o) => o.item.json);
			const failed = outputs.filter((json) => FAILED.has(String(json.status)));
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
					expect(failed.length).toBeLessThanOrEqual(expectation.max);
					for (const json of failed) expect(String(json.errorMessage)).toMatch(expectation.message);
					break;
			}
			expect(outputs.length - failed.length).toBeGreaterThanOrEqual(ITEMS - (expectation.kind === 'some-fail' ? expectation.max : expectation.kind === 'all-succeed' ? 0 : ITEMS));
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
