import { checkRun } from './invariants';
import { emailsOf } from './sent';
import { itemsOf, targetNamed, useBed } from './targets';

const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 } as const;

describe("n8n's Retry On Fail after a partial failure", () => {
	describe.each([targetNamed('AutoSend contact.bulkUpdate'), targetNamed('Notifuse contact.import'), targetNamed('SendGrid contact.upsert')])('$name', (target) => {
		const bed = useBed(target);

		it('the second try sends only the contacts that failed; the others report their first-try result', async () => {
			// The second of three requests is rejected once: the node fails, n8n runs it again.
			bed().faults.add({ kind: 'status', status: 400, count: 1, skip: 1, path: target.write.path, method: target.write.method });
			const items = itemsOf(target, 30, 'retry');
			const result = await bed().run(items, { batchSize: 10, concurrency: 1 }, RETRY);

			expect(result.status).toBe('success');
			expect(checkRun(result, 30, { idempotent: target.idempotent, writes: bed().writes() })).toEqual([]);
			const writes = bed().writes();
			expect(writes.map((entry) => entry.contacts ?? emailsOf(entry).length)).toEqual([10, 10, 10, 10]);
			expect(emailsOf(writes[3])).toEqual(emailsOf(writes[1]));
			const earlier = result.outputs[0].filter((item) => item.json.fromEarlierTry === true);
			expect(earlier).toHaveLength(20);
			expect(result.outputs[0].every((item) => item.json.status !== 'failed')).toBe(true);
		});
	});

	describe('AutoSend contact.create (not idempotent)', () => {
		const target = targetNamed('AutoSend contact.create');
		const bed = useBed(target);

		it('only the contact whose answer was lost is sent again, and it reports that it already exists', async () => {
			bed().faults.add({ kind: 'drop-mid', count: 1, skip: 4, path: target.write.path, method: target.write.method });
			const result = await bed().run(itemsOf(target, 12, 'create-retry'), { concurrency: 1 }, RETRY);

			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(/1 of 12 contacts failed.*already exists/);
			const writes = bed().writes();
			// 12 in the first try, then one per further try for the uncertain contact only.
			expect(writes).toHaveLength(12 + 2);
			const resent = writes.slice(12).map((entry) => emailsOf(entry)[0]);
			expect(new Set(resent)).toEqual(new Set([emailsOf(writes[4])[0]]));
		});
	});
});
