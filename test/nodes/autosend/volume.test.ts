import { addParams, contactParams, countBy, DEFAULTS, people, statuses, testbed, type AutoSendTestbed } from './setup';

/**
 * Request counts for 250 and 10,000 contacts per operation, rate limit off. Wall times are printed
 * (not asserted: the machine is shared) for the report; at AutoSend's 2 requests/second the time
 * is simply requests / 2 seconds.
 */
let bed: AutoSendTestbed;
const timings: string[] = [];

beforeAll(async () => {
	bed = await testbed();
});
afterAll(async () => {
	await bed.close();
	console.log(timings.join('\n'));
});
beforeEach(async () => {
	await bed.reset();
});

const cases = [
	{ name: 'upsert', params: () => contactParams('upsert'), path: '/contacts/email', status: 'upserted', perRequest: 1 },
	{ name: 'create', params: () => contactParams('create'), path: '/contacts', status: 'created', perRequest: 1 },
	{ name: 'bulkUpdate', params: () => contactParams('bulkUpdate'), path: '/contacts/bulk-update', status: 'upserted', perRequest: 100 },
	{ name: 'addContacts', params: () => addParams(DEFAULTS.lists.newsletter.id), path: '/contact-lists/contacts/bulk-add', status: 'added', perRequest: 500 },
];

describe.each(cases)('AutoSend $name volume', ({ name, params, path, status, perRequest }) => {
	it.each([250, 10_000])('%i contacts → exact request count, every item reported', async (count) => {
		const result = await bed.run(params(), people(count, 'v', (i) => ({ loginCount: i })));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ [status]: count });
		const requests = bed.requests(path).filter((r) => r.method === 'POST' && (path !== '/contacts' || r.path === '/v1/contacts'));
		expect(requests).toHaveLength(Math.ceil(count / perRequest));
		expect(bed.emulator.store.contactsByEmail.size).toBe(count);
		timings.push(
			`${name} ${count}: ${requests.length} requests, ${result.durationMs} ms (at 2 req/s: ~${Math.ceil(requests.length / 2)} s)`,
		);
		// 10,000 single-contact requests take ~17 s on a quiet machine; a timed-out run would keep writing into the next test's emulator.
	}, 240_000);
});
