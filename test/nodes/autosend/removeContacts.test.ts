import { countBy, DEFAULTS, items, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';
import type { INodeParameters } from 'n8n-workflow';

const bed = useTestbed(testbed);
const NEWSLETTER = DEFAULTS.lists.newsletter.id;
const REMOVE = '/contact-lists/';

function removeParams(listId: string, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'contactList',
		operation: 'removeContacts',
		list: { __rl: true, mode: 'id', value: listId },
		email: '={{ $json.email }}',
		options: { requestsPerSecond: 0 },
		...extra,
	};
}

/** `members` in the list, `outsiders` stored but not in it; emails as `people()` makes them. */
function seed(members: number, outsiders: number) {
	const store = bed.emulator.store;
	for (let i = 0; i < members; i++) store.upsertContact({ email: `m-${i}@example.com`, listIds: [NEWSLETTER] });
	for (let i = 0; i < outsiders; i++) store.upsertContact({ email: `o-${i}@example.com` });
}

/** 250 items: 200 members, 30 non-members, 18 unknown, 1 invalid, 1 duplicate of a member. */
function mix() {
	return [
		...people(200, 'm'),
		...people(30, 'o'),
		...people(18, 'u'),
		...items([{ email: 'not-an-email' }, { email: ' M-0@Example.com ' }]),
	];
}

const removeRequests = () => bed.requests(REMOVE).filter((r) => r.path.endsWith('/contacts/remove'));

afterEach(() => {
	bed.emulator.options.listRemoveAnswer = 'detailed';
});

describe('AutoSend contactList → removeContacts', () => {
	it('250 items: 100 emails per request by default, each item told removed / not_in_list / not_found / invalid', async () => {
		seed(200, 30);
		const result = await bed.run(removeParams(NEWSLETTER), mix(), { onError: 'continueRegularOutput' });
		const out = result.outputs[0].map((item) => item.json);
		expect(out).toHaveLength(250);
		expect(countBy(out.map((o) => o.status))).toEqual({ removed: 201, not_in_list: 30, not_found: 18, invalid: 1 });
		expect(out[0]).toMatchObject({ status: 'removed', email: 'm-0@example.com', listId: NEWSLETTER, mergedWithItems: [249] });
		expect(out[0].id).toBe(bed.emulator.store.findContact('m-0@example.com')?.id);
		expect(out[200]).toMatchObject({ status: 'not_in_list', email: 'o-0@example.com' });
		expect(out[230]).toMatchObject({ status: 'not_found', email: 'u-0@example.com' });
		expect(out[248]).toMatchObject({ status: 'invalid', errorField: 'email' });
		// 248 unique valid emails → 100 + 100 + 48; nothing else is sent.
		expect(removeRequests().map((r) => r.contacts)).toEqual([100, 100, 48]);
		expect(bed.emulator.log).toHaveLength(3);
		expect(bed.emulator.store.lists.get(NEWSLETTER)?.members.size).toBe(0);
		// The contacts stay.
		expect(bed.emulator.store.contactsByEmail.size).toBe(230);
	});

	it('10,000 members → 100 requests, every item removed', async () => {
		seed(10_000, 0);
		const result = await bed.run(removeParams(NEWSLETTER), people(10_000, 'm'));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ removed: 10_000 });
		expect(removeRequests()).toHaveLength(100);
		expect(bed.emulator.log).toHaveLength(100);
		console.log(`AutoSend removeContacts 10,000: ${bed.emulator.log.length} requests, ${result.durationMs} ms`);
	});

	it('a counts-only answer that accounts for everyone needs no lookup; one that does not is settled by a lookup', async () => {
		bed.emulator.options.listRemoveAnswer = 'counts';
		seed(200, 30);
		const all = await bed.run(removeParams(NEWSLETTER), people(100, 'm'));
		expect(countBy(statuses(all))).toEqual({ removed: 100 });
		expect(bed.emulator.log).toHaveLength(1);
		bed.emulator.clearLog();
		const result = await bed.run(removeParams(NEWSLETTER), mix(), { onError: 'continueRegularOutput' });
		const out = result.outputs[0].map((item) => item.json);
		// Chunk 1 (m-0 … m-99) was emptied before: its count 0 proves they were not members.
		expect(countBy(out.slice(0, 100).map((o) => o.status))).toEqual({ not_in_list: 100 });
		// Chunk 2 is all members: count 100 of 100, no lookup.
		expect(countBy(out.slice(100, 200).map((o) => o.status))).toEqual({ removed: 100 });
		// Chunk 3 mixes 30 outsiders and 18 unknown: count 0 → not_in_list, absent → not_found.
		expect(countBy(out.slice(200, 248).map((o) => o.status))).toEqual({ not_in_list: 30, not_found: 18 });
		const lookups = bed.requests('/contacts/search/emails');
		expect(lookups.map((r) => r.contacts).sort()).toEqual([100, 48]);
		expect(removeRequests()).toHaveLength(3);
	});

	it('a bare answer on a mixed chunk: members and non-members out of the list now are unknown, not claimed removed', async () => {
		bed.emulator.options.listRemoveAnswer = 'bare';
		seed(2, 1);
		const input = [...people(2, 'm'), ...people(1, 'o'), ...people(1, 'u')];
		const result = await bed.run(removeParams(NEWSLETTER), input, { onError: 'continueRegularOutput' });
		const out = result.outputs[0].map((item) => item.json);
		expect(out.map((o) => o.status)).toEqual(['unknown', 'unknown', 'unknown', 'not_found']);
		expect(String(out[0].errorMessage)).toContain('not in the list now');
		expect(bed.emulator.log.map((r) => r.path)).toEqual([`/v1/contact-lists/${NEWSLETTER}/contacts/remove`, '/v1/contacts/search/emails']);
	});

	it('splits when AutoSend rejects the number of emails (its limit is not documented)', async () => {
		bed.emulator.options.maxListRemoveItems = 30;
		seed(100, 0);
		try {
			const result = await bed.run(removeParams(NEWSLETTER), people(100, 'm'));
			expect(countBy(statuses(result))).toEqual({ removed: 100 });
			expect(removeRequests().map((r) => r.contacts)).toEqual([100, 50, 25, 25, 50, 25, 25]);
		} finally {
			bed.emulator.options.maxListRemoveItems = 500;
		}
	});

	it('stops after the first request when the list does not exist, routing every item to the error output', async () => {
		const result = await bed.run(removeParams('60d5ec49f1b2c72d9c8b0000', { options: { requestsPerSecond: 0, batchSize: 10 } }), people(50, 'm'), {
			onError: 'continueErrorOutput',
		});
		expect(result.outputs[0]).toHaveLength(0);
		expect(result.outputs[1]).toHaveLength(50);
		expect(String(result.outputs[1][0].json.error)).toContain('Contact list not found');
		expect(removeRequests().length).toBeLessThanOrEqual(2);
	});

	it('refuses All Contacts before sending anything', async () => {
		const result = await bed.run(removeParams('GLOBAL_CONTACT_LIST'), people(3, 'm'), { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['failed', 'failed', 'failed']);
		expect(result.outputs[0][0].json.errorCode).toBe('NOT_STARTED');
		expect(bed.emulator.log).toHaveLength(0);
	});

	it('with the default pacing (2 requests/second) AutoSend\'s real rate limit answers no 429', async () => {
		const limited = await testbed({ rateLimit: { perSecond: 2, burst: 2 } });
		try {
			for (let i = 0; i < 6; i++) limited.emulator.store.upsertContact({ email: `m-${i}@example.com`, listIds: [NEWSLETTER] });
			const result = await limited.run(removeParams(NEWSLETTER, { options: { batchSize: 1 } }), people(6, 'm'));
			expect(countBy(statuses(result))).toEqual({ removed: 6 });
			expect(limited.requests().filter((r) => r.status === 429)).toHaveLength(0);
			expect(limited.requests().filter((r) => r.path.endsWith('/contacts/remove'))).toHaveLength(6);
		} finally {
			await limited.close();
		}
	});

	it('dry run plans the requests and sends nothing', async () => {
		seed(5, 0);
		const result = await bed.run(removeParams(NEWSLETTER, { options: { dryRun: true, batchSize: 2 } }), people(5, 'm'));
		expect(countBy(statuses(result))).toEqual({ dry_run: 5 });
		expect(result.outputs[0][4].json).toMatchObject({ request: 3, payload: 'm-4@example.com' });
		expect(bed.emulator.log).toHaveLength(0);
		expect(bed.emulator.store.lists.get(NEWSLETTER)?.members.size).toBe(5);
	});
});

