/**
 * Option "Skip Unchanged Contacts" (issue 21): a contact whose provider, target, identifier and exact
 * payload equal one a previous run of the node delivered is not sent again. The harness gives the nodes
 * an in-memory version of n8n's processed-data store (test/harness/deduplication.ts); it lives across
 * runs of one test and is emptied by the testbed's reset.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import * as autosend from './autosend/setup';
import * as notifuse from './notifuse/setup';
import * as sendgrid from './sendgrid/setup';
import { countBy, statuses, useTestbed } from './kit';

const SKIP = { skipUnchanged: true };

/** The same people with one item's first name changed. */
function changed(input: INodeExecutionData[], index: number, field: string): INodeExecutionData[] {
	return input.map((item, i) => (i === index ? { json: { ...item.json, [field]: 'Changed' } as IDataObject } : item));
}

describe('Skip Unchanged Contacts: AutoSend Contact → Bulk Create or Update', () => {
	const bed = useTestbed(autosend.testbed);
	const params = (options: IDataObject = {}) => autosend.contactParams('bulkUpdate', { options: { requestsPerSecond: 0, ...SKIP, ...options } });
	const writes = () => bed.requests('/contacts/bulk-update');

	it('sends 0 contact writes on a second run of an unchanged 10,000-contact input, then exactly the one changed contact', async () => {
		const input = autosend.people(10_000, 'same');
		const first = await bed.run(params(), input);
		expect(countBy(statuses(first))).toEqual({ upserted: 10_000 });
		expect(writes()).toHaveLength(100);

		bed.emulator.clearLog();
		const second = await bed.run(params(), input);
		expect(second.error).toBeUndefined();
		expect(countBy(statuses(second))).toEqual({ unchanged: 10_000 });
		expect(writes()).toHaveLength(0);
		expect(second.outputs[0][42].json).toMatchObject({ status: 'unchanged', email: 'same-42@example.com' });
		expect(second.outputs[0][42].json.request ?? undefined).toBeUndefined(); // null where a run has sent items (one key set per run)

		bed.emulator.clearLog();
		const third = await bed.run(params(), changed(input, 1234, 'firstName'));
		expect(countBy(statuses(third))).toEqual({ unchanged: 9_999, upserted: 1 });
		expect(third.outputs[0][1234].json).toMatchObject({ status: 'upserted', email: 'same-1234@example.com' });
		expect(writes().map((entry) => entry.contacts)).toEqual([1]);
		expect(bed.emulator.store.findContact('same-1234@example.com')?.firstName).toBe('Changed');
	}, 120_000);

	it('is off by default: a second run sends every contact again', async () => {
		const input = autosend.people(150, 'default');
		await bed.run(autosend.contactParams('bulkUpdate'), input);
		bed.emulator.clearLog();
		const second = await bed.run(autosend.contactParams('bulkUpdate'), input);
		expect(countBy(statuses(second))).toEqual({ upserted: 150 });
		expect(writes()).toHaveLength(2);
		expect(bed.harness.processedData.size()).toBe(0);
	});

	it('sends a failed chunk\'s contacts again on the next run, and only those', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 500, count: 3, path: '/v1/contacts/bulk-update' });
		const input = autosend.people(150, 'fail');
		const first = await bed.run(params({ maxRetries: 2, concurrency: 1 }), input, { onError: 'continueRegularOutput' });
		expect(countBy(statuses(first))).toEqual({ failed: 100, upserted: 50 });

		bed.emulator.clearLog();
		const second = await bed.run(params(), input);
		expect(countBy(statuses(second))).toEqual({ upserted: 100, unchanged: 50 });
		expect(writes().map((entry) => entry.contacts)).toEqual([100]);
		expect(statuses(second).slice(0, 100).every((status) => status === 'upserted')).toBe(true);
	});

	it('keeps no key of a run that ended in a node error (Stop Workflow): the next run sends the failed contacts', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 500, count: 3, path: '/v1/contacts/bulk-update' });
		const input = autosend.people(150, 'stop');
		const first = await bed.run(params({ maxRetries: 2, concurrency: 1 }), input);
		expect(first.error?.message).toMatch(/100 of 150 contacts failed/);

		bed.emulator.clearLog();
		const second = await bed.run(params(), input);
		expect(countBy(statuses(second))).toEqual({ upserted: 100, unchanged: 50 });
		expect(writes().map((entry) => entry.contacts)).toEqual([100]);
	});

	it('keeps no key of contacts a cancelled run did not deliver: the next run sends them', async () => {
		bed.emulator.faults.configure({ latencyMs: 100 });
		const input = autosend.people(200, 'cancel');
		const upsert = (options: IDataObject = {}) => autosend.contactParams('upsert', { options: { requestsPerSecond: 0, ...SKIP, ...options } });
		const first = await bed.run(upsert(), input, { cancelAfterMs: 400 });
		expect(first.status).toBe('canceled');
		// Requests in flight at the cancel still reach the emulator; let them land before the log is cleared.
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		const kept = bed.harness.processedData.size();
		expect(kept).toBeLessThan(50);

		bed.emulator.faults.configure({ latencyMs: 0 });
		bed.emulator.clearLog();
		const second = await bed.run(upsert({ concurrency: 8 }), input);
		expect(countBy(statuses(second))).toEqual(kept === 0 ? { upserted: 200 } : { upserted: 200 - kept, unchanged: kept });
		expect(bed.requests('/contacts/email')).toHaveLength(200 - kept);
	});

	it('keeps no key for invalid items: they are reported invalid again, never unchanged', async () => {
		const input = [...autosend.people(2, 'bad'), { json: { email: 'not-an-email' } }];
		await bed.run(params(), input, { onError: 'continueRegularOutput' });
		const second = await bed.run(params(), input, { onError: 'continueRegularOutput' });
		expect(statuses(second)).toEqual(['unchanged', 'unchanged', 'invalid']);
		expect(bed.harness.processedData.size()).toBe(2);
	});

	it('Dry Run reports which contacts would be skipped and records nothing', async () => {
		const input = autosend.people(300, 'dry');
		const before = await bed.run(params({ dryRun: true }), input);
		expect(countBy(statuses(before))).toEqual({ dry_run: 300 });
		expect(bed.harness.processedData.size()).toBe(0);

		await bed.run(params(), input);
		expect(bed.harness.processedData.size()).toBe(300);
		bed.emulator.clearLog();
		const dry = await bed.run(params({ dryRun: true }), changed(input, 7, 'firstName'));
		expect(countBy(statuses(dry))).toEqual({ unchanged: 299, dry_run: 1 });
		expect(dry.outputs[0][7].json.status).toBe('dry_run');
		expect(writes()).toHaveLength(0);
		expect(bed.harness.processedData.size()).toBe(300);

		const real = await bed.run(params(), changed(input, 7, 'firstName'));
		expect(countBy(statuses(real))).toEqual({ unchanged: 299, upserted: 1 });
		expect(writes().map((entry) => entry.contacts)).toEqual([1]);
	});

	it('treats another target as a change: adding the same people to a second list sends them all', async () => {
		const input = autosend.people(120, 'lists');
		const add = (listId: string) => autosend.addParams(listId, { options: { requestsPerSecond: 0, ...SKIP } });
		await bed.run(add(autosend.DEFAULTS.lists.customers.id), input);
		bed.emulator.clearLog();
		const again = await bed.run(add(autosend.DEFAULTS.lists.customers.id), input);
		expect(countBy(statuses(again))).toEqual({ unchanged: 120 });
		expect(bed.requests('/contact-lists/contacts/bulk-add')).toHaveLength(0);

		const otherList = Object.values(autosend.DEFAULTS.lists).find((list) => list.id !== autosend.DEFAULTS.lists.customers.id);
		if (!otherList) throw new Error('the AutoSend seed has one list only');
		const other = await bed.run(add(otherList.id), input);
		expect(countBy(statuses(other))).toEqual({ added: 120 });
		expect(bed.requests('/contact-lists/contacts/bulk-add').reduce((sum, entry) => sum + (entry.contacts ?? 0), 0)).toBe(120);
	});
});

describe('Skip Unchanged Contacts: Notifuse Contact → Import', () => {
	const bed = useTestbed(notifuse.testbed);
	const params = () => notifuse.params('contact', 'import', { options: SKIP });
	const writes = () => bed.requests('/api/contacts.import');

	it('sends 0 contact writes on a second run of an unchanged 10,000-contact input, then exactly the one changed contact', async () => {
		const input = notifuse.people(10_000, 'same');
		const first = await bed.run(params(), input);
		expect(countBy(statuses(first))).toEqual({ created: 10_000 });
		expect(writes()).toHaveLength(20);

		bed.emulator.clearLog();
		const second = await bed.run(params(), input);
		expect(countBy(statuses(second))).toEqual({ unchanged: 10_000 });
		expect(writes()).toHaveLength(0);

		bed.emulator.clearLog();
		const third = await bed.run(params(), changed(input, 9_999, 'first_name'));
		expect(countBy(statuses(third))).toEqual({ unchanged: 9_999, updated: 1 });
		expect(writes().map((entry) => entry.contacts)).toEqual([1]);
	}, 120_000);
});

describe('Skip Unchanged Contacts: SendGrid Contacts → Create or Update', () => {
	const bed = useTestbed(sendgrid.testbed);
	const writes = () => bed.requests('PUT', '/v3/marketing/contacts');

	it('sends 0 contact writes on a second run of an unchanged 10,000-contact input, then exactly the one changed contact', async () => {
		const input = sendgrid.people(10_000, 'same');
		const first = await bed.run(sendgrid.upsertParams(SKIP), input);
		expect(countBy(statuses(first))).toEqual({ queued: 10_000 });
		expect(writes()).toHaveLength(1);

		bed.emulator.clearLog();
		const second = await bed.run(sendgrid.upsertParams(SKIP), input);
		expect(countBy(statuses(second))).toEqual({ unchanged: 10_000 });
		expect(writes()).toHaveLength(0);

		bed.emulator.clearLog();
		const third = await bed.run(sendgrid.upsertParams(SKIP), changed(input, 0, 'first_name'));
		expect(countBy(statuses(third))).toEqual({ unchanged: 9_999, queued: 1 });
		expect(writes().map((entry) => entry.contacts)).toEqual([1]);
	}, 120_000);
});
