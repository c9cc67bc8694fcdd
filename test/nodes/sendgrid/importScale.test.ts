import { countBy, people, statuses, testbed, upsertParams, type SendGridTestbed } from './setup';
import { useTestbed } from '../kit';

/**
 * The measurement: one request of 30,000 contacts whose import job rejects one row, with
 * Wait for Import on. With a readable CSV errors file the outcome needs no lookups; with an unreadable
 * one, search/emails (≤100 emails a call, OpenAPI G1) decides, stopping once errored_count is met —
 * the rejected contact is the last one here, the worst case (300 lookups).
 */
const SEARCH = ['POST', '/v3/marketing/contacts/search/emails'] as const;

async function measure(bed: SendGridTestbed, label: string, prefix: string) {
	await fetch(`${bed.emulator.baseUrl}/__emulator/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ poison_emails: [`${prefix}-29999@example.com`] }),
	});
	bed.emulator.clearLog();
	const started = Date.now();
	const result = await bed.run(upsertParams({ waitForImport: true }), people(30_000, prefix), { onError: 'continueRegularOutput' });
	const ms = Date.now() - started;
	const counts = countBy(statuses(result));
	const searches = bed.requests(...SEARCH).length;
	const polls = bed.emulator.log.filter((e) => e.path.startsWith('/v3/marketing/contacts/imports/')).length;
	const downloads = bed.emulator.fileLog.length;
	// The numbers the issue asks for; printed so the note can quote them.
	console.log(`${label}: ${JSON.stringify(counts)}; PUT ${bed.requests('PUT', '/v3/marketing/contacts').length}, job polls ${polls}, file downloads ${downloads}, search/emails ${searches}; ${(ms / 1000).toFixed(1)} s`);
	return { result, counts, searches, downloads };
}

describe('SendGrid Contacts: 30,000 contacts, one rejected row', () => {
	const bed = useTestbed(testbed);

	it('CSV errors file: exactly one contact failed, one download, no lookups', async () => {
		const { result, counts, searches, downloads } = await measure(bed, 'CSV file', 'scale-csv');
		expect(counts).toEqual({ created: 29_999, failed: 1 });
		expect(result.outputs[0][29_999].json).toMatchObject({ status: 'failed', errorCode: 'JOB_ERROR', errorMessage: 'email address rejected' });
		expect(searches).toBe(0);
		expect(downloads).toBe(1);
	}, 180_000);

	it('unreadable errors file: lookups decide, the same outcome, 300 lookups at most', async () => {
		bed.emulator.configure({ errorFile: { status: 403 } });
		const { result, counts, searches, downloads } = await measure(bed, 'Unreadable file', 'scale-403');
		expect(counts).toEqual({ created: 29_999, failed: 1 });
		expect(result.outputs[0][29_999].json).toMatchObject({ status: 'failed', errorCode: 'NOT_STORED' });
		expect(searches).toBe(300);
		expect(downloads).toBe(1);
	}, 180_000);
});
