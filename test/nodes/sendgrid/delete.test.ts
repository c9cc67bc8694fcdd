import { items } from '../kit';
import { byEmailParams, storeEven } from './byEmail';
import { countBy, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);
const SEARCH = '/v3/marketing/contacts/search/emails';
const CONTACTS = '/v3/marketing/contacts';

describe('SendGrid contact → delete', () => {
	it('queues 250 emails with 3 searches and 3 deletes; emails without a contact are not_found', async () => {
		storeEven(bed, 250);
		const result = await bed.run(byEmailParams('delete'), people(250));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ queued: 125, not_found: 125 });
		expect(bed.requests('POST', SEARCH)).toHaveLength(3);
		expect(bed.requests('DELETE', CONTACTS).map((r) => r.contacts)).toEqual([50, 50, 25]);
		expect(typeof result.outputs[0][0].json.jobId).toBe('string');
		expect(typeof result.outputs[0][0].json.id).toBe('string');
	});

	it('with Wait for Deletion, reports deleted only after the job ran and the contact is gone', async () => {
		storeEven(bed, 250);
		const result = await bed.run(byEmailParams('delete', { waitForDeletion: true }), people(250));
		expect(countBy(statuses(result))).toEqual({ deleted: 125, not_found: 125 });
		expect(bed.emulator.store.contacts.size).toBe(0);
		// 3 searches, then one re-lookup per delete job.
		expect(bed.requests('POST', SEARCH)).toHaveLength(6);
		expect(result.outputs[0][0].json).toMatchObject({ status: 'deleted', jobStatus: 'completed' });
	});

	it('needs 100 searches and 100 deletes for 10,000 emails', async () => {
		storeEven(bed, 10_000);
		const result = await bed.run(byEmailParams('delete', { concurrency: 4 }), people(10_000));
		expect(countBy(statuses(result))).toEqual({ queued: 5000, not_found: 5000 });
		expect(bed.requests('POST', SEARCH)).toHaveLength(100);
		expect(bed.requests('DELETE', CONTACTS)).toHaveLength(100);
	});

	it('reports a job that deleted nothing as failed, and a job still pending as queued', async () => {
		storeEven(bed, 4);
		bed.emulator.configure({ unprocessableJobs: true });
		const failed = await bed.run(byEmailParams('delete', { waitForDeletion: true }), people(2), { onError: 'continueRegularOutput' });
		expect(failed.outputs[0][0].json).toMatchObject({ status: 'failed', errorCode: 'STILL_STORED', jobStatus: 'failed' });
		bed.emulator.configure({ unprocessableJobs: false, jobDelayMs: 60_000 });
		const pending = await bed.run(byEmailParams('delete', { waitForDeletion: true, maxWaitMinutes: 0.02 }), people(4));
		expect(statuses(pending)).toEqual(['queued', 'not_found', 'queued', 'not_found']);
		expect(pending.outputs[0][0].json.jobStatus).toBe('pending');
	});

	it('fails only the group SendGrid refused with 400 and reports invalid input without sending it', async () => {
		storeEven(bed, 250);
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1, path: CONTACTS, method: 'DELETE', body: { errors: [{ field: 'ids', message: 'invalid ids' }] } });
		const result = await bed.run(byEmailParams('delete', { concurrency: 1 }), [...people(250), ...items([{ email: 'bad' }])], { onError: 'continueRegularOutput' });
		expect(countBy(statuses(result))).toEqual({ failed: 50, queued: 75, not_found: 125, invalid: 1 });
		expect(result.outputs[0][0].json).toMatchObject({ status: 'failed', errorCode: 'HTTP_400' });
		expect(String(result.outputs[0][0].json.errorMessage)).toContain('invalid ids');
	});

	it('does not delete the contact that has the email only as an alternate', async () => {
		const now = new Date().toISOString();
		bed.emulator.store.upsert({ index: 0, identifiers: { email: 'main@example.com' }, alternate_emails: ['alias@example.com'], fields: {}, custom_fields: {} }, [], now, true);
		const result = await bed.run(byEmailParams('delete'), items([{ email: 'alias@example.com' }]));
		expect(result.outputs[0][0].json).toMatchObject({ status: 'not_found' });
		expect(String(result.outputs[0][0].json.errorMessage)).toContain('alternate email');
		expect(bed.requests('DELETE', CONTACTS)).toHaveLength(0);
	});
});
