import { items } from '../kit';
import { byEmailParams, storeEven } from './byEmail';
import { countBy, DEFAULTS, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);
const SEARCH = '/v3/marketing/contacts/search/emails';
const NEWSLETTER = DEFAULTS.lists.newsletter.id;

describe('SendGrid contact → get', () => {
	it('looks 250 emails up in 3 searches: found with fields and list ids, or not_found', async () => {
		storeEven(bed, 250, [NEWSLETTER]);
		const result = await bed.run(byEmailParams('get'), people(250));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ found: 125, not_found: 125 });
		expect(bed.requests('POST', SEARCH)).toHaveLength(3);
		expect(result.outputs[0][4].json).toMatchObject({ status: 'found', email: 'person-4@example.com', contact: { first_name: 'F4', email: 'person-4@example.com' }, listIds: [NEWSLETTER] });
		expect(typeof result.outputs[0][4].json.id).toBe('string');
		expect(result.outputs[0][5].json).toMatchObject({ status: 'not_found', email: 'person-5@example.com', request: 1 });
		// One key set per run: a not_found item carries the found item's keys, empty.
		expect(result.outputs[0][5].json.contact).toBeNull();
		expect(Object.keys(result.outputs[0][5].json).sort()).toEqual(Object.keys(result.outputs[0][4].json).sort());
	});

	it('needs exactly 100 searches for 10,000 emails', async () => {
		storeEven(bed, 10_000);
		const result = await bed.run(byEmailParams('get', { concurrency: 4 }), people(10_000));
		expect(countBy(statuses(result))).toEqual({ found: 5000, not_found: 5000 });
		expect(bed.requests('POST', SEARCH)).toHaveLength(100);
	});

	it('reads a 404 (no email of the request has a contact) as not_found for all', async () => {
		const result = await bed.run(byEmailParams('get'), people(3));
		expect(statuses(result)).toEqual(['not_found', 'not_found', 'not_found']);
		expect(bed.requests('POST', SEARCH).map((r) => r.status)).toEqual([404]);
	});

	it('reports invalid input and emails longer than search accepts without sending them', async () => {
		storeEven(bed, 4);
		const long = `${'a'.repeat(60)}@${'b'.repeat(40)}.example.com`;
		const result = await bed.run(byEmailParams('get'), items([{ email: 'person-0@example.com' }, { email: 'nope' }, { email: long }, { email: 'person-2@example.com' }]), { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['found', 'invalid', 'invalid', 'found']);
		expect(String(result.outputs[0][2].json.errorMessage)).toContain('100 characters');
		expect(bed.requests('POST', SEARCH)).toHaveLength(1);
	});

	it('fails only the chunk SendGrid answered 400 for every part, to the error output', async () => {
		storeEven(bed, 250);
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1000, skip: 1, path: SEARCH, body: { errors: [{ field: null, message: 'bad request' }] } });
		const result = await bed.run(byEmailParams('get', { concurrency: 1 }), people(250), { onError: 'continueErrorOutput' });
		expect(countBy(statuses(result, 0))).toEqual({ found: 50, not_found: 50 });
		expect(result.outputs[1]).toHaveLength(150);
		expect(String(result.outputs[1][0].json.error)).toContain('SendGrid answered every lookup with 400');
	});
});
