import type { RunResult } from '../../harness';

import { countBy, DEFAULTS, people, statuses, testbed, upsertParams, type SendGridTestbed } from './setup';

/**
 * Wait for Import: what each contact's status says after SendGrid's import job finished. Sources:
 * job statuses from DOC import-contacts-status (providers.md §5: `failed` = "finished with all
 * errors, or the job was entirely unprocessable"); the errors file's layout and host are undocumented
 * (providers.md §3.4, §5), so the emulator serves each plausible reading; per-contact lookups use
 * `POST /v3/marketing/contacts/search/emails` (≤100 emails, 404 when none match; OpenAPI G1).
 */
const SEARCH = ['POST', '/v3/marketing/contacts/search/emails'] as const;
const SUCCESS = new Set(['created', 'updated', 'upserted']);
const CONTINUE = { onError: 'continueRegularOutput' as const };

function outputs(result: RunResult) {
	return result.outputs[0].map((item) => item.json as Record<string, unknown>);
}

describe('SendGrid Contacts: Wait for Import reads the job truthfully', () => {
	let bed: SendGridTestbed;
	const emulatorCall = async (path: string, body?: unknown) =>
		await fetch(bed.emulator.baseUrl + path, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	const poison = async (...emails: string[]) => await emulatorCall('/__emulator/seed', { poison_emails: emails });
	/** Every contact reported failed is really absent from SendGrid or still holds other values than were sent. */
	const noStoredContactFailed = (result: RunResult, items: ReturnType<typeof people>) => {
		outputs(result).forEach((item, i) => {
			if (item.status !== 'failed') return;
			const stored = bed.emulator.store.findByEmail(String(item.email));
			if (stored) expect(stored.fields.first_name).not.toBe(items[i].json.first_name);
		});
	};

	beforeAll(async () => {
		bed = await testbed();
	}, 60_000);
	afterAll(async () => await bed.close());
	beforeEach(async () => {
		await emulatorCall('/__emulator/reset');
		bed.emulator.faults.configure({});
	});

	it('reads a CSV errors file (quoted reason with comma, quotes and a line break; other column order; BOM): exactly the rejected contact fails, once, with no lookups', async () => {
		const reason = 'email rejected, "blocked domain"\nsee policy';
		bed.emulator.configure({ poisonMessage: reason, errorFile: { csvColumns: ['Error Reason', 'Extra', 'E-mail Address'], bom: true } });
		await poison('csv-3@example.com');
		const result = await bed.run(upsertParams({ waitForImport: true }), people(6, 'csv'), CONTINUE);
		expect(statuses(result)).toEqual(['created', 'created', 'created', 'failed', 'created', 'created']);
		expect(outputs(result)[3]).toMatchObject({ errorCode: 'JOB_ERROR', errorMessage: reason });
		expect(bed.emulator.fileLog).toHaveLength(1);
		expect(bed.requests(...SEARCH)).toHaveLength(0);
	}, 60_000);

	it('reads the JSON errors file too', async () => {
		bed.emulator.configure({ errorFile: { format: 'json' } });
		await poison('json-1@example.com');
		const result = await bed.run(upsertParams({ waitForImport: true }), people(3, 'json'), CONTINUE);
		expect(statuses(result)).toEqual(['created', 'failed', 'created']);
		expect(outputs(result)[1]).toMatchObject({ errorMessage: 'email address rejected' });
		expect(bed.requests(...SEARCH)).toHaveLength(0);
	}, 60_000);

	it('never sends the API key to the errors file host, also not after a redirect from the API origin', async () => {
		await poison('key-0@example.com');
		await bed.run(upsertParams({ waitForImport: true }), people(2, 'key'), CONTINUE);
		bed.emulator.configure({ errorFile: { location: 'api-redirect', storageRedirects: 1 } });
		const redirected = await bed.run(upsertParams({ waitForImport: true }), people(2, 'key2').concat(people(1, 'key')), CONTINUE);
		expect(statuses(redirected)).toEqual(['created', 'created', 'failed']);
		expect(bed.emulator.log.filter((entry) => entry.path.startsWith('/__files/errors/'))).toHaveLength(1);
		expect(bed.emulator.fileLog.length).toBe(3);
		expect(bed.emulator.fileLog.map((entry) => entry.authorization)).toEqual([undefined, undefined, undefined]);
		expect(bed.emulator.fileLog.map((entry) => entry.status)).toEqual([200, 302, 200]);
	}, 60_000);

	it('an unreadable errors file (403 page, HTML, too many redirects): lookups decide, downloaded once, no stored contact reported failed', async () => {
		for (const errorFile of [{ status: 403 }, { format: 'html' as const }, { storageRedirects: 5 }]) {
			await emulatorCall('/__emulator/reset');
			bed.emulator.configure({ errorFile });
			await poison('unread-244@example.com');
			const items = people(250, 'unread');
			const result = await bed.run(upsertParams({ waitForImport: true }), items, CONTINUE);
			const out = outputs(result);
			expect(countBy(statuses(result))).toEqual({ created: 249, failed: 1 });
			expect(out[244]).toMatchObject({ status: 'failed', errorCode: 'NOT_STORED' });
			expect(String(out[244].errorMessage)).toMatch(/errors file/);
			expect(bed.requests(...SEARCH).map((entry) => entry.status)).toEqual([200, 200, 200]);
			expect(bed.emulator.fileLog.filter((entry) => entry.status !== 302)).toHaveLength(errorFile.storageRedirects ? 0 : 1);
			expect(bed.emulator.fileLog.length).toBeLessThanOrEqual(4);
			noStoredContactFailed(result, items);
		}
	}, 120_000);

	it('errored_count 3 with one row in the file: the other two are found by lookup, only among contacts the file does not account for', async () => {
		bed.emulator.configure({ errorFile: { rowsListed: 1 } });
		await poison('part-10@example.com', 'part-120@example.com', 'part-190@example.com');
		const items = people(200, 'part');
		const result = await bed.run(upsertParams({ waitForImport: true }), items, CONTINUE);
		const out = outputs(result);
		expect(out[10]).toMatchObject({ status: 'failed', errorCode: 'JOB_ERROR', errorMessage: 'email address rejected' });
		expect(out[120]).toMatchObject({ status: 'failed', errorCode: 'NOT_STORED' });
		expect(out[190]).toMatchObject({ status: 'failed', errorCode: 'NOT_STORED' });
		expect(countBy(statuses(result))).toEqual({ created: 197, failed: 3 });
		const searched = bed.requests(...SEARCH).flatMap((entry) => JSON.parse(String(entry.requestBody)).emails as string[]);
		expect(searched).toHaveLength(199);
		expect(searched).not.toContain('part-10@example.com');
		noStoredContactFailed(result, items);
	}, 60_000);

	it('stops looking up once the lookups account for errored_count', async () => {
		bed.emulator.configure({ errorFile: { status: 404 } });
		await poison('early-3@example.com');
		const result = await bed.run(upsertParams({ waitForImport: true }), people(1_000, 'early'), CONTINUE);
		expect(countBy(statuses(result))).toEqual({ created: 999, failed: 1 });
		expect(bed.requests(...SEARCH)).toHaveLength(1);
	}, 60_000);

	it('a failed job with errored_count 0 reports nobody as stored: new contacts failed, unchanged existing ones unknown, changed ones failed', async () => {
		await emulatorCall('/__emulator/seed', {
			contacts: [
				{ email: 'gone-0@example.com', first_name: 'P0' },
				{ email: 'gone-1@example.com', first_name: 'Old name' },
			],
		});
		bed.emulator.configure({ unprocessableJobs: true });
		const result = await bed.run(upsertParams({ waitForImport: true }), people(4, 'gone'), CONTINUE);
		const out = outputs(result);
		expect(statuses(result)).toEqual(['unknown', 'failed', 'failed', 'failed']);
		expect(out.some((item) => SUCCESS.has(String(item.status)))).toBe(false);
		expect(String(out[0].errorMessage)).toMatch(/failed/);
		expect(out[1]).toMatchObject({ errorCode: 'NOT_APPLIED' });
		expect(out[2]).toMatchObject({ errorCode: 'NOT_STORED' });
		expect(bed.requests(...SEARCH)).toHaveLength(1);
	}, 60_000);

	it('a failed job whose file lists every row: all failed with the file\'s reasons, no lookups', async () => {
		await poison('all-0@example.com', 'all-1@example.com');
		const result = await bed.run(upsertParams({ waitForImport: true }), people(2, 'all'), CONTINUE);
		expect(statuses(result)).toEqual(['failed', 'failed']);
		expect(bed.requests(...SEARCH)).toHaveLength(0);
	}, 60_000);

	it('bounds a huge errors file: stops reading after the size limit, then looks the contacts up', async () => {
		bed.emulator.configure({ errorFile: { paddingBytes: 300 * 1024 * 1024, contentLength: false } });
		await poison('huge-1@example.com');
		const started = Date.now();
		const result = await bed.run(upsertParams({ waitForImport: true }), people(3, 'huge'), CONTINUE);
		expect(statuses(result)).toEqual(['created', 'failed', 'created']);
		expect(String(outputs(result)[1].errorMessage)).toMatch(/larger than/);
		const download = bed.emulator.fileLog[0];
		expect(download.abandoned).toBe(true);
		expect(download.bytesSent).toBeLessThan(40 * 1024 * 1024);
		expect(Date.now() - started).toBeLessThan(20_000);
	}, 60_000);

	it('refuses a file whose Content-Length is over the limit without reading it', async () => {
		bed.emulator.configure({ errorFile: { paddingBytes: 300 * 1024 * 1024 } });
		await poison('len-0@example.com');
		const result = await bed.run(upsertParams({ waitForImport: true }), people(2, 'len'), CONTINUE);
		expect(statuses(result)).toEqual(['failed', 'created']);
		expect(bed.emulator.fileLog[0].bytesSent).toBeLessThan(40 * 1024 * 1024);
	}, 60_000);

	it('bounds a slow errors file by the Timeout option', async () => {
		bed.emulator.configure({ errorFile: { trickleMs: 100, paddingBytes: 10_000 } });
		await poison('slow-0@example.com');
		const started = Date.now();
		const result = await bed.run(upsertParams({ waitForImport: true, timeout: 2_000 }), people(2, 'slow'), CONTINUE);
		expect(statuses(result)).toEqual(['failed', 'created']);
		expect(String(outputs(result)[0].errorMessage)).toMatch(/in time/);
		expect(Date.now() - started).toBeLessThan(12_000);
		expect(bed.emulator.fileLog).toHaveLength(1);
	}, 60_000);

	it('truncates a very long provider message to 500 characters', async () => {
		bed.emulator.configure({ poisonMessage: 'x'.repeat(20_000) });
		await poison('long-0@example.com');
		const result = await bed.run(upsertParams({ waitForImport: true }), people(2, 'long'), CONTINUE);
		const message = String(outputs(result)[0].errorMessage);
		expect(message.length).toBeLessThanOrEqual(500);
		expect(message).toMatch(/^x+…$/);
	}, 60_000);

	it('an existing contact the job did not update (rejected for a missing identifier, file unreadable) is failed; one it already held unchanged is unknown', async () => {
		await emulatorCall('/__emulator/seed', {
			contacts: [
				{ email: 'ident-0@example.com', external_id: 'crm-0', first_name: 'Before' },
				{ email: 'ident-1@example.com', external_id: 'crm-1', first_name: 'P1' },
			],
		});
		bed.emulator.configure({ errorFile: { status: 500 } });
		const result = await bed.run(upsertParams({ waitForImport: true }), people(3, 'ident'), CONTINUE);
		expect(statuses(result)).toEqual(['failed', 'unknown', 'upserted']);
		expect(outputs(result)[0]).toMatchObject({ errorCode: 'NOT_APPLIED' });
		expect(bed.emulator.store.findByEmail('ident-0@example.com')?.fields.first_name).toBe('Before');
	}, 60_000);

	it('a 400 from search/emails ("any searched address is invalid", OpenAPI G1) halves the batch; a 400 for everything or a lookup that keeps failing leaves contacts unknown, never failed', async () => {
		const path = '/v3/marketing/contacts/search/emails';
		bed.emulator.configure({ errorFile: { status: 403 } });
		await poison('bad-1@example.com');
		bed.emulator.faults.add({ kind: 'status', status: 400, count: 1, path });
		const halved = await bed.run(upsertParams({ waitForImport: true }), people(4, 'bad'), CONTINUE);
		expect(statuses(halved)).toEqual(['created', 'failed', 'created', 'created']);
		expect(bed.requests(...SEARCH).map((entry) => entry.status)).toEqual([400, 200, 200]);

		await emulatorCall('/__emulator/reset');
		bed.emulator.configure({ errorFile: { status: 403 } });
		await poison('bad-1@example.com');
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 400, count: 1_000, path }] });
		const all400 = await bed.run(upsertParams({ waitForImport: true }), people(4, 'bad'), CONTINUE);
		expect(statuses(all400)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
		expect(String(outputs(all400)[1].errorMessage)).toMatch(/400/);

		await emulatorCall('/__emulator/reset');
		bed.emulator.configure({ errorFile: { status: 403 } });
		await poison('down-1@example.com');
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 503, count: 1_000, path }] });
		const down = await bed.run(upsertParams({ waitForImport: true, maxRetries: 1 }), people(2, 'down'), CONTINUE);
		expect(statuses(down)).toEqual(['unknown', 'unknown']);
		expect(String(outputs(down)[0].errorMessage)).toMatch(/lookup was answered 503/);
	}, 60_000);

	it('compares custom fields by name as search/emails returns them: a changed value proves the update was not applied', async () => {
		await emulatorCall('/__emulator/seed', {
			contacts: [
				{ email: 'cf-0@example.com', first_name: 'P0', external_id: 'crm-0', custom_fields: { [DEFAULTS.customFields.company.id]: 'Old Co' } },
				{ email: 'cf-1@example.com', first_name: 'P1', external_id: 'crm-1', custom_fields: { [DEFAULTS.customFields.company.id]: 'Co 1' } },
			],
		});
		bed.emulator.configure({ errorFile: { status: 403 } });
		const items = people(3, 'cf', (i) => ({ company: `Co ${i}` }));
		const result = await bed.run(upsertParams({ waitForImport: true }), items, CONTINUE);
		expect(statuses(result)).toEqual(['failed', 'unknown', 'upserted']);
		expect(outputs(result)[0]).toMatchObject({ errorCode: 'NOT_APPLIED' });
		// One read for the column mapping, one for the lookups' id → name map.
		expect(bed.requests('GET', '/v3/marketing/field_definitions')).toHaveLength(2);
	}, 60_000);

	it('Add Contacts with an unreadable file: lookups decide there too', async () => {
		bed.emulator.configure({ errorFile: { status: 403 } });
		await poison('lst-1@example.com');
		const params = { resource: 'contactList', operation: 'addContacts', listIds: [DEFAULTS.lists.newsletter.id], email: '={{ $json.email }}', options: { waitForImport: true } };
		const result = await bed.run(params, people(3, 'lst'), CONTINUE);
		expect(statuses(result)).toEqual(['created', 'failed', 'created']);
		expect(bed.requests(...SEARCH)).toHaveLength(1);
	}, 60_000);
});
