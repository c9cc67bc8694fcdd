import { byEmailParams, storeEven } from './byEmail';
import { countBy, DEFAULTS, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);

describe('Notifuse contact → get', () => {
	it('looks 250 emails up with 250 getByEmail calls: found with fields and list ids, or not_found', async () => {
		storeEven(bed, 250);
		const result = await bed.run(byEmailParams('get'), people(250));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ found: 125, not_found: 125 });
		expect(bed.requests('/api/contacts.getByEmail')).toHaveLength(250);
		expect(result.outputs[0][4].json).toMatchObject({ status: 'found', email: 'person-4@example.com', contact: { first_name: 'F4' }, listIds: [DEFAULTS.lists.newsletter.id] });
		expect(result.outputs[0][5].json).toMatchObject({ status: 'not_found', email: 'person-5@example.com', request: 6 });
		// One key set per run: a not_found item carries the found item's keys, empty.
		expect(result.outputs[0][5].json.contact).toBeNull();
		expect(Object.keys(result.outputs[0][5].json).sort()).toEqual(Object.keys(result.outputs[0][4].json).sort());
	});

	it('needs exactly 10,000 calls for 10,000 emails', async () => {
		storeEven(bed, 10_000);
		const result = await bed.run(byEmailParams('get', { concurrency: 16 }), people(10_000));
		expect(countBy(statuses(result))).toEqual({ found: 5000, not_found: 5000 });
		expect(bed.requests('/api/contacts.getByEmail')).toHaveLength(10_000);
		console.log(`get 10,000: ${bed.requests().length} requests, ${Math.round(result.durationMs)} ms`);
	}, 600_000);

	it('reports invalid emails without a call and looks a duplicate up once', async () => {
		storeEven(bed, 2);
		const result = await bed.run(byEmailParams('get'), items([{ email: 'PERSON-0@example.com' }, { email: 'x@y' }, { email: 'person-0@example.com' }]), { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['found', 'invalid', 'found']);
		expect(bed.requests('/api/contacts.getByEmail')).toHaveLength(1);
	});

	it('fails only the item Notifuse answered 400, to the error output', async () => {
		storeEven(bed, 4);
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1, skip: 1, path: '/api/contacts.getByEmail', body: { error: 'Missing email' } });
		const result = await bed.run(byEmailParams('get', { concurrency: 1 }), people(4), { onError: 'continueErrorOutput' });
		expect(statuses(result, 0)).toEqual(['found', 'found', 'not_found']);
		expect(result.outputs[1].map((item) => item.json.error)).toEqual(['Item 1 (person-1@example.com): Missing email']);
	});
});
