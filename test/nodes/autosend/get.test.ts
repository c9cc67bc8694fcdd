import { countBy, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);

const getParams = (options: Record<string, unknown> = {}) => ({
	resource: 'contact',
	operation: 'get',
	email: '={{ $json.email }}',
	options: { requestsPerSecond: 0, ...options },
});

/** Stores every other contact of `people(count)` so a run meets found and not_found alike. */
function storeEven(count: number, prefix = 'person') {
	for (let i = 0; i < count; i += 2) bed.emulator.store.upsertContact({ email: `${prefix}-${i}@example.com`, firstName: `F${i}` });
}

describe('AutoSend contact → get', () => {
	it('looks 250 emails up in 3 searches and reports found (with fields) or not_found', async () => {
		storeEven(250);
		const result = await bed.run(getParams(), people(250));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ found: 125, not_found: 125 });
		expect(bed.requests('/contacts/search/emails').map((r) => r.contacts)).toEqual([100, 100, 50]);
		expect(result.outputs[0][4].json).toMatchObject({ status: 'found', email: 'person-4@example.com', contact: { firstName: 'F4' }, listIds: [] });
		expect(typeof result.outputs[0][4].json.id).toBe('string');
		expect(result.outputs[0][5].json).toMatchObject({ status: 'not_found', email: 'person-5@example.com', request: 1 });
		// One key set per run: a not_found item carries the found item's keys, empty.
		expect(result.outputs[0][5].json.contact).toBeNull();
		expect(Object.keys(result.outputs[0][5].json).sort()).toEqual(Object.keys(result.outputs[0][4].json).sort());
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(result.outputs[0].map((_item, i) => ({ item: i })));
	});

	it('needs exactly 100 searches for 10,000 emails', async () => {
		storeEven(10_000);
		const result = await bed.run(getParams({ concurrency: 4 }), people(10_000));
		expect(countBy(statuses(result))).toEqual({ found: 5000, not_found: 5000 });
		expect(bed.requests('/contacts/search/emails')).toHaveLength(100);
	});

	it('reports invalid emails without sending them and folds duplicates', async () => {
		storeEven(2);
		const input = items([{ email: 'Person-0@Example.com ' }, { email: 'not-an-email' }, { email: 'person-0@example.com' }]);
		const result = await bed.run(getParams(), input, { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['found', 'invalid', 'found']);
		expect(result.outputs[0][0].json.mergedWithItems).toEqual([2]);
		expect(bed.requests('/contacts/search/emails').map((r) => r.contacts)).toEqual([1]);
	});

	it('fails only the chunk AutoSend answered 400, routing its items to the error output', async () => {
		storeEven(250);
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1, skip: 1, path: '/v1/contacts/search/emails', body: { success: false, error: { message: 'Validation failed', code: 'VALIDATION_FAILED' } } });
		const result = await bed.run(getParams({ concurrency: 1 }), people(250), { onError: 'continueErrorOutput' });
		expect(countBy(statuses(result, 0))).toEqual({ found: 75, not_found: 75 });
		expect(result.outputs[1]).toHaveLength(100);
		expect(String(result.outputs[1][0].json.error)).toContain('Item 100 (person-100@example.com): Validation failed');
		expect(bed.requests('/contacts/search/emails')).toHaveLength(3);
	});

	it('plans without sending in dry-run mode', async () => {
		const result = await bed.run(getParams({ dryRun: true }), people(150));
		expect(countBy(statuses(result))).toEqual({ dry_run: 150 });
		expect(result.outputs[0][120].json).toMatchObject({ request: 2, requestContacts: 50, payload: 'person-120@example.com' });
		expect(bed.requests('/contacts/search/emails')).toHaveLength(0);
	});
});
