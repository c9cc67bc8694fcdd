import { contactParams, countBy, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

/**
 * The custom-field definitions read before a run (GET /v1/custom-fields) shares the key's 2 requests/s
 * with every other execution on that key (AutoSend rate-limit doc, providers.md §1.7): in queue mode two
 * executions starting together got a 429 on it and failed before sending anything.
 */
const bed = useTestbed(testbed);

describe('AutoSend node: setup reads', () => {
	it('waits out a 429 on the custom-field read (Retry-After) and then sends the contacts', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 429, count: 1, retryAfter: 1, path: '/v1/custom-fields' });
		const result = await bed.run(contactParams('bulkUpdate'), people(3));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ upserted: 3 });
		expect(bed.requests('/custom-fields').map((r) => r.status)).toEqual([429, 200]);
	});

	it('retries a 503 on the custom-field read', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 503, count: 2, path: '/v1/custom-fields' });
		const result = await bed.run(contactParams('bulkUpdate'), people(3));
		expect(countBy(statuses(result))).toEqual({ upserted: 3 });
		expect(bed.requests('/custom-fields').map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it('does not retry a 401 on the custom-field read', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 401, count: 5, path: '/v1/custom-fields' });
		const result = await bed.run(contactParams('bulkUpdate'), people(3));
		expect(result.status).toBe('error');
		expect(bed.requests('/custom-fields')).toHaveLength(1);
		expect(bed.requests('/contacts/bulk-update')).toHaveLength(0);
	});
});
