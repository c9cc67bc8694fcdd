import type { INodeParameters } from 'n8n-workflow';

import { countBy, DEFAULTS, people, statuses, testbed } from './setup';
import { items, useTestbed } from '../kit';

const bed = useTestbed(testbed);
const NEWSLETTER = DEFAULTS.lists.newsletter.id;
const LIST = `/v3/marketing/lists/${NEWSLETTER}`;
const SEARCH = '/v3/marketing/contacts/search/emails';

function removeParams(listId: string, options: Record<string, unknown> = {}): INodeParameters {
	return { resource: 'contactList', operation: 'removeContacts', listId, email: '={{ $json.email }}', options: options as INodeParameters };
}

/** `members` of the newsletter (m-i), `outsiders` stored but not members (o-i). */
function seed(members: number, outsiders: number) {
	const store = bed.emulator.store;
	const now = new Date().toISOString();
	const put = (email: string, lists: string[]) => store.upsert({ index: 0, identifiers: { email }, fields: {}, custom_fields: {} }, lists, now, false);
	for (let i = 0; i < members; i++) put(`m-${i}@example.com`, [NEWSLETTER]);
	for (let i = 0; i < outsiders; i++) put(`o-${i}@example.com`, []);
}

const members = () => bed.emulator.store.lists.get(NEWSLETTER)!.members.size;
const deletes = () => bed.requests('DELETE', `${LIST}/contacts`);

function mix() {
	return [...people(200, 'm'), ...people(30, 'o'), ...people(18, 'u'), ...items([{ email: 'not-an-email' }, { email: ' M-0@Example.com ' }])];
}

describe('SendGrid contactList → removeContacts', () => {
	it('250 items: 1 list check, 3 lookups, 2 removals (only members are sent); queued / not_in_list / not_found / invalid', async () => {
		seed(200, 30);
		const result = await bed.run(removeParams(NEWSLETTER), mix(), { onError: 'continueRegularOutput' });
		const out = result.outputs[0].map((item) => item.json);
		expect(out).toHaveLength(250);
		expect(countBy(out.map((o) => o.status))).toEqual({ queued: 201, not_in_list: 30, not_found: 18, invalid: 1 });
		expect(out[0]).toMatchObject({ status: 'queued', listId: NEWSLETTER, mergedWithItems: [249] });
		expect(typeof out[0].jobId).toBe('string');
		expect(out[200]).toMatchObject({ status: 'not_in_list' });
		expect(out[230]).toMatchObject({ status: 'not_found' });
		expect(bed.requests('GET', LIST)).toHaveLength(1);
		expect(bed.requests('POST', SEARCH)).toHaveLength(3);
		// Chunks 1 and 2 hold 100 members each; chunk 3 (30 outsiders, 18 unknown) sends no DELETE.
		expect(deletes()).toHaveLength(2);
		expect(deletes().map((r) => r.contacts)).toEqual([100, 100]);
		expect(bed.emulator.log).toHaveLength(6);
		// Queued means "not yet": the job runs after the answer.
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(members()).toBe(0);
		expect(bed.emulator.store.contacts.size).toBe(230);
	});

	it('with Wait for Removal each member is looked up until it has left the list, then reported removed', async () => {
		seed(3, 1);
		const result = await bed.run(removeParams(NEWSLETTER, { waitForRemoval: true }), [...people(3, 'm'), ...people(1, 'o')]);
		expect(statuses(result)).toEqual(['removed', 'removed', 'removed', 'not_in_list']);
		expect(members()).toBe(0);
		// list check, lookup, DELETE, one lookup after the first pause (the emulator's job takes 50 ms).
		expect(bed.emulator.log.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${LIST}`, `POST ${SEARCH}`, `DELETE ${LIST}/contacts`, `POST ${SEARCH}`]);
	});

	it('10,000 members → 1 + 100 lookups + 100 removals', async () => {
		seed(10_000, 0);
		const result = await bed.run(removeParams(NEWSLETTER), people(10_000, 'm'));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ queued: 10_000 });
		expect(bed.requests('POST', SEARCH)).toHaveLength(100);
		expect(deletes()).toHaveLength(100);
		expect(bed.emulator.log).toHaveLength(201);
		// The emulator answers 414 to a URL over 8 KB: every removal was accepted.
		expect(deletes().every((r) => r.status === 202)).toBe(true);
		console.log(`SendGrid removeContacts 10,000: ${bed.emulator.log.length} requests, ${result.durationMs} ms`);
	}, 120_000);

	it('a list that does not exist stops the run before any lookup', async () => {
		const result = await bed.run(removeParams('00000000-0000-4000-8000-000000000000'), people(5, 'm'), { onError: 'continueErrorOutput' });
		expect(result.outputs[1]).toHaveLength(5);
		expect(String(result.outputs[1][0].json.error)).toContain('not found');
		expect(bed.requests('POST', SEARCH)).toHaveLength(0);
	});

	it('retries a 429 on the removal without looking the chunk up again', async () => {
		seed(2, 0);
		bed.emulator.faults.add({ kind: 'status', status: 429, count: 1, path: `${LIST}/contacts`, method: 'DELETE' });
		const result = await bed.run(removeParams(NEWSLETTER), people(2, 'm'));
		expect(countBy(statuses(result))).toEqual({ queued: 2 });
		expect(bed.requests('POST', SEARCH)).toHaveLength(1);
		expect(deletes()).toHaveLength(2);
	});

	it('a 503 on the removal is resent; the chunk is not looked up again', async () => {
		seed(20, 0);
		bed.emulator.faults.add({ kind: 'status', status: 503, count: 2, path: `${LIST}/contacts`, method: 'DELETE' });
		const result = await bed.run(removeParams(NEWSLETTER, { batchSize: 10 }), people(20, 'm'));
		expect(countBy(statuses(result))).toEqual({ queued: 20 });
		expect(bed.requests('POST', SEARCH)).toHaveLength(2);
		expect(deletes()).toHaveLength(4);
	});

	it('a 404 on the removal (a contact deleted since the lookup) splits the chunk and looks the halves up afresh', async () => {
		seed(4, 0);
		bed.emulator.faults.add({ kind: 'status', status: 404, count: 1, path: `${LIST}/contacts`, method: 'DELETE' });
		const result = await bed.run(removeParams(NEWSLETTER), people(4, 'm'));
		expect(countBy(statuses(result))).toEqual({ queued: 4 });
		expect(bed.requests('POST', SEARCH).map((r) => r.status)).toHaveLength(3);
		expect(deletes().map((r) => r.status)).toEqual([404, 202, 202]);
	});

	it('a 404 for a lone contact reports it not_found', async () => {
		seed(1, 0);
		bed.emulator.faults.add({ kind: 'status', status: 404, count: 1, path: `${LIST}/contacts`, method: 'DELETE' });
		const result = await bed.run(removeParams(NEWSLETTER), people(1, 'm'));
		expect(statuses(result)).toEqual(['not_found']);
	});

	it('members still in the list when the wait ends are queued, with the job id and why', async () => {
		seed(2, 0);
		bed.emulator.configure({ jobDelayMs: 60_000 });
		const result = await bed.run(removeParams(NEWSLETTER, { waitForRemoval: true, maxWaitMinutes: 0.05 }), people(2, 'm'));
		const out = result.outputs[0].map((item) => item.json);
		expect(out.map((o) => o.status)).toEqual(['queued', 'queued']);
		expect(String(out[0].note)).toContain('still in the list when the wait ended');
		expect(typeof out[0].jobId).toBe('string');
		// list check, lookup, DELETE, then lookups at 0.5, 1.5 and 3 s of the 3 s wait.
		expect(bed.requests('POST', SEARCH)).toHaveLength(4);
		expect(members()).toBe(2);
	});

	it('two items that name one contact (its email and an alternate email) send its id once', async () => {
		const now = new Date().toISOString();
		bed.emulator.store.upsert({ index: 0, identifiers: { email: 'main@example.com' }, alternate_emails: ['alt@example.com'], fields: {}, custom_fields: {} }, [NEWSLETTER], now, false);
		const result = await bed.run(removeParams(NEWSLETTER), [{ json: { email: 'main@example.com' } }, { json: { email: 'alt@example.com' } }]);
		expect(statuses(result)).toEqual(['queued', 'queued']);
		expect(deletes()).toHaveLength(1);
		expect(deletes()[0].contacts).toBe(1);
	});

	it('dry run sends nothing', async () => {
		const result = await bed.run(removeParams(NEWSLETTER, { dryRun: true }), people(3, 'm'));
		expect(countBy(statuses(result))).toEqual({ dry_run: 3 });
		expect(bed.emulator.log).toHaveLength(0);
	});
});
