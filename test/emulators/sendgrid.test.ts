import * as http from 'node:http';

import { DEFAULTS, start } from './sendgrid';

type Running = Awaited<ReturnType<typeof start>>;

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

const KEY = DEFAULTS.apiKey;
const NEWSLETTER = DEFAULTS.lists.newsletter.id;
const CUSTOMERS = DEFAULTS.lists.customers.id;

async function call(
	emu: Running,
	method: string,
	path: string,
	body?: unknown,
	key: string | null = KEY,
	rawBody?: string,
): Promise<Answer> {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (key !== null) headers.authorization = `Bearer ${key}`;
	const res = await fetch(emu.baseUrl + path, {
		method,
		headers,
		body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
	});
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Polls the job until it leaves `pending` (the emulators under test use a 0 ms delay). */
async function waitForJob(emu: Running, jobId: string): Promise<any> {
	for (let i = 0; i < 500; i++) {
		const answer = await call(emu, 'GET', `/v3/marketing/contacts/imports/${jobId}`);
		if (answer.body.status !== 'pending') return answer.body;
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error(`job ${jobId} stayed pending`);
}

async function upsertAndWait(emu: Running, body: unknown) {
	const put = await call(emu, 'PUT', '/v3/marketing/contacts', body);
	expect(put.status).toBe(202);
	return waitForJob(emu, put.body.job_id);
}

const search = (emu: Running, emails: string[]) =>
	call(emu, 'POST', '/v3/marketing/contacts/search/emails', { emails });

/** The request of SendGrid's own "Add or Update a Contact" example, verbatim. */
const DOC_EXAMPLE = {
	contacts: [
		{
			address_line_1: '19 Canberra Ln',
			address_line_2: '',
			alternate_emails: ['alex@example.com'],
			city: 'Port Douglas',
			country: 'AU',
			email: 'alex@example.com',
			phone_number_id: '+61412345678',
			external_id: 'external_id',
			anonymous_id: 'anonymous_id',
			first_name: 'Alex',
			last_name: 'Bloggs',
			postal_code: '4877',
			state_province_region: 'QLD',
			custom_fields: { w1: 'w1' },
		},
	],
};

let emu: Running;

beforeAll(async () => {
	emu = await start({ jobDelayMs: 0, rateLimit: false });
});
afterAll(async () => {
	await emu.close();
});
beforeEach(async () => {
	await call(emu, 'POST', '/__emulator/reset');
});

describe('documented example and job lifecycle', () => {
	it('accepts the documented request with 202 {job_id} and completes the job', async () => {
		const put = await call(emu, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE);
		expect(put.status).toBe(202);
		expect(Object.keys(put.body)).toEqual(['job_id']);
		expect(typeof put.body.job_id).toBe('string');

		const job = await waitForJob(emu, put.body.job_id);
		expect(job).toMatchObject({
			id: put.body.job_id,
			status: 'completed',
			job_type: 'upsert',
			results: { requested_count: 1, created_count: 1, updated_count: 0, deleted_count: 0, errored_count: 0 },
		});
		expect(job.results.errors_url).toBeUndefined();
		expect(typeof job.started_at).toBe('string');
		expect(typeof job.finished_at).toBe('string');
	});

	it('keeps a job pending and its contacts invisible until it is processed', async () => {
		const slow = await start({ jobDelayMs: 60_000, rateLimit: false });
		try {
			const put = await call(slow, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE);
			expect(put.status).toBe(202);
			const job = await call(slow, 'GET', `/v3/marketing/contacts/imports/${put.body.job_id}`);
			expect(job.status).toBe(200);
			expect(job.body.status).toBe('pending');
			expect(job.body.finished_at).toBeUndefined();
			expect((await search(slow, ['alex@example.com'])).status).toBe(404);
			expect((await call(slow, 'GET', '/v3/marketing/contacts/count')).body.contact_count).toBe(0);
		} finally {
			await slow.close();
		}
	});

	it('stores the contact as SendGrid returns it from search/emails', async () => {
		await upsertAndWait(emu, {
			list_ids: [NEWSLETTER],
			contacts: [
				{
					email: 'Jane@Example.COM',
					first_name: 'Jane',
					custom_fields: { e1_T: 'Acme', e2_N: 42.5, e3_D: '2024-03-01T00:00:00Z' },
				},
			],
		});
		const found = await search(emu, ['JANE@example.com', 'nobody@example.com']);
		expect(found.status).toBe(200);
		expect(Object.keys(found.body.result).sort()).toEqual(['jane@example.com', 'nobody@example.com']);
		expect(found.body.result['nobody@example.com']).toEqual({ error: 'contact not found' });
		const contact = found.body.result['jane@example.com'].contact;
		expect(contact).toMatchObject({
			email: 'jane@example.com',
			first_name: 'Jane',
			list_ids: [NEWSLETTER],
			segment_ids: [],
			custom_fields: { company: 'Acme', lifetime_value: 42.5, signup_date: '2024-03-01T00:00:00Z' },
		});
		for (const key of ['id', 'created_at', 'updated_at']) expect(typeof contact[key]).toBe('string');

		const lists = await call(emu, 'GET', '/v3/marketing/lists');
		const newsletter = lists.body.result.find((l: any) => l.id === NEWSLETTER);
		expect(newsletter.contact_count).toBe(1);
	});

	it('updates the lower-case contact when the same email arrives in another case', async () => {
		await upsertAndWait(emu, { contacts: [{ email: 'sam@example.com', first_name: 'Sam', city: 'Oslo' }] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'SAM@Example.com', first_name: 'Samuel' }] });
		expect(job.results).toMatchObject({ created_count: 0, updated_count: 1 });
		const contact = (await search(emu, ['sam@example.com'])).body.result['sam@example.com'].contact;
		expect(contact.first_name).toBe('Samuel');
		expect(contact.city).toBe('Oslo'); // omitted fields stay as they were
		expect((await call(emu, 'GET', '/v3/marketing/contacts/count')).body).toEqual({
			contact_count: 1,
			billable_count: 1,
		});
	});

	it('applies duplicate emails in one request in order: last wins', async () => {
		const job = await upsertAndWait(emu, {
			contacts: [
				{ email: 'dup@example.com', first_name: 'First' },
				{ email: 'DUP@example.com', first_name: 'Last' },
			],
		});
		expect(job.results).toMatchObject({ requested_count: 2, created_count: 1, updated_count: 1, errored_count: 0 });
		expect((await search(emu, ['dup@example.com'])).body.result['dup@example.com'].contact.first_name).toBe('Last');
	});

	it('answers 404 for an unknown job id', async () => {
		const answer = await call(emu, 'GET', '/v3/marketing/contacts/imports/does-not-exist');
		expect(answer.status).toBe(404);
		expect(answer.body.errors[0].message).toBe('job not found');
	});
});

describe('per-contact errors at processing time', () => {
	it('marks a job errored and lists the failed rows in a CSV at errors_url on another origin (providers.md §3.4, §5)', async () => {
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['Poison@Example.com'] });
		const job = await upsertAndWait(emu, {
			contacts: [
				{ email: 'ok@example.com' },
				{ email: 'not-an-email', external_id: 'x-1' },
				{ email: 'poison@example.com' },
			],
		});
		expect(job.status).toBe('errored');
		expect(job.results).toMatchObject({ requested_count: 3, created_count: 1, errored_count: 2 });
		expect(job.results.errors_url).toBe(`${emu.fileHostUrl}/errors/${job.id}.csv`);
		expect(new URL(job.results.errors_url).origin).not.toBe(new URL(emu.baseUrl).origin);

		const file = await fetch(job.results.errors_url);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
		expect(await file.text()).toBe(
			'row,email,phone_number_id,external_id,anonymous_id,error\r\n' +
				'2,not-an-email,,x-1,,invalid email\r\n' +
				'3,poison@example.com,,,,email address rejected\r\n',
		);
		expect(emu.fileLog.map((entry) => [entry.path, entry.authorization, entry.status])).toEqual([[`/errors/${job.id}.csv`, undefined, 200]]);
		const visible = await search(emu, ['ok@example.com', 'poison@example.com']);
		expect(visible.body.result['poison@example.com']).toEqual({ error: 'contact not found' });
	});

	it('serves the earlier JSON shape as an option', async () => {
		emu.configure({ errorFile: { format: 'json' } });
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['poison@example.com'] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'ok@example.com' }, { email: 'poison@example.com' }] });
		const file = await fetch(job.results.errors_url);
		expect(await file.json()).toEqual({
			job_id: job.id,
			errors: [{ row: 2, email: 'poison@example.com', phone_number_id: null, external_id: null, anonymous_id: null, error: 'email address rejected' }],
		});
	});

	it('quotes messages with commas, quotes and line breaks; column order, BOM and line ends are options', async () => {
		emu.configure({ poisonMessage: 'bad, "very" bad\nreally', errorFile: { csvColumns: ['Error Reason', 'Notes', 'Email Address'], bom: true, lineEnding: '\n' } });
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['poison@example.com'] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'ok@example.com' }, { email: 'poison@example.com' }] });
		const bytes = Buffer.from(await (await fetch(job.results.errors_url)).arrayBuffer());
		expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(bytes.subarray(3).toString()).toBe('Error Reason,Notes,Email Address\n"bad, ""very"" bad\nreally",,poison@example.com\n');
	});

	it('can list fewer rows than errored_count, answer an error status or an HTML page instead of the file', async () => {
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['p1@example.com', 'p2@example.com'] });
		emu.configure({ errorFile: { rowsListed: 1 } });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'p1@example.com' }, { email: 'p2@example.com' }, { email: 'ok@example.com' }] });
		expect(job.results.errored_count).toBe(2);
		expect((await (await fetch(job.results.errors_url)).text()).trim().split('\r\n')).toHaveLength(2);
		emu.configure({ errorFile: { status: 403 } });
		expect((await fetch(job.results.errors_url)).status).toBe(403);
		emu.configure({ errorFile: { status: 200, format: 'html' } });
		const html = await fetch(`${emu.fileHostUrl}/errors/${job.id}.html`);
		expect(html.headers.get('content-type')).toMatch(/^text\/html/);
	});

	it('can put errors_url on the API origin, answering a redirect to the storage host', async () => {
		emu.configure({ errorFile: { location: 'api-redirect', storageRedirects: 2 } });
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['poison@example.com'] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'poison@example.com' }, { email: 'ok@example.com' }] });
		expect(job.results.errors_url).toBe(`${emu.baseUrl}/__files/errors/${job.id}`);
		const first = await fetch(job.results.errors_url, { redirect: 'manual' });
		expect(first.status).toBe(302);
		expect(first.headers.get('location')).toBe(`${emu.fileHostUrl}/errors/${job.id}.csv`);
		const followed = await fetch(job.results.errors_url);
		expect(await followed.text()).toContain('poison@example.com');
		expect(emu.fileLog.map((entry) => entry.status)).toEqual([302, 302, 200]);
	});

	it('streams a huge file without building it, and stops when the client goes away', async () => {
		emu.configure({ errorFile: { paddingBytes: 300 * 1024 * 1024, contentLength: false } });
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['poison@example.com'] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'poison@example.com' }, { email: 'ok@example.com' }] });
		const controller = new AbortController();
		const res = await fetch(job.results.errors_url, { signal: controller.signal });
		const reader = res.body!.getReader();
		let read = 0;
		while (read < 1024 * 1024) read += (await reader.read()).value?.length ?? 0;
		controller.abort();
		await new Promise((r) => setTimeout(r, 200));
		expect(emu.fileLog[0].abandoned).toBe(true);
		expect(emu.fileLog[0].bytesSent).toBeLessThan(50 * 1024 * 1024);
	});

	it('can trickle the file slowly', async () => {
		emu.configure({ errorFile: { trickleMs: 20 } });
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['poison@example.com'] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'poison@example.com' }] });
		const started = Date.now();
		const text = await (await fetch(job.results.errors_url)).text();
		expect(text).toContain('poison@example.com');
		expect(Date.now() - started).toBeGreaterThanOrEqual(40);
	});

	it('forgets run-time configuration and the storage log on reset', async () => {
		emu.configure({ unprocessableJobs: true, errorFile: { format: 'json', status: 500 } });
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['poison@example.com'] });
		await call(emu, 'POST', '/__emulator/reset');
		await call(emu, 'POST', '/__emulator/seed', { poison_emails: ['poison@example.com'] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'poison@example.com' }, { email: 'ok@example.com' }] });
		expect(job.status).toBe('errored');
		expect(job.results.errors_url).toMatch(/\.csv$/);
		expect((await fetch(job.results.errors_url)).status).toBe(200);
		await call(emu, 'POST', '/__emulator/reset');
		expect(emu.fileLog).toHaveLength(0);
	});

	it('can fail a job as "entirely unprocessable": nothing stored, errored_count 0 (DOC import-contacts-status)', async () => {
		emu.configure({ unprocessableJobs: true });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'a@example.com' }, { email: 'b@example.com' }] });
		expect(job.status).toBe('failed');
		expect(job.results).toMatchObject({ requested_count: 2, created_count: 0, updated_count: 0, errored_count: 0 });
		expect(job.results.errors_url).toBeUndefined();
		expect((await search(emu, ['a@example.com'])).status).toBe(404);
	});

	it('marks a job failed when every row errors', async () => {
		const job = await upsertAndWait(emu, { contacts: [{ email: 'bad@' }, { email: 'also bad@example.com' }] });
		expect(job.status).toBe('failed');
		expect(job.results).toMatchObject({ requested_count: 2, created_count: 0, updated_count: 0, errored_count: 2 });
	});

	it('rejects an update that leaves out an identifier the contact already has', async () => {
		await upsertAndWait(emu, { contacts: [{ email: 'id@example.com', external_id: 'crm-1' }] });
		const job = await upsertAndWait(emu, { contacts: [{ email: 'id@example.com', first_name: 'X' }] });
		expect(job.status).toBe('failed');
		expect(await (await fetch(job.results.errors_url)).text()).toMatch(/all existing identifiers must be present/);
		const ok = await upsertAndWait(emu, { contacts: [{ email: 'id@example.com', external_id: 'crm-1', first_name: 'X' }] });
		expect(ok.results).toMatchObject({ updated_count: 1, errored_count: 0 });
	});

	it('can reject malformed emails synchronously instead', async () => {
		const strict = await start({ jobDelayMs: 0, rateLimit: false, invalidEmailCheck: 'request' });
		try {
			const answer = await call(strict, 'PUT', '/v3/marketing/contacts', { contacts: [{ email: 'nope' }] });
			expect(answer.status).toBe(400);
			expect(answer.body.errors).toEqual([{ field: 'contacts[0].email', message: 'email is invalid' }]);
		} finally {
			await strict.close();
		}
	});
});

describe('PUT /v3/marketing/contacts validation', () => {
	const put = (body: unknown) => call(emu, 'PUT', '/v3/marketing/contacts', body);

	it.each([
		['missing contacts', {}, 'contacts'],
		['contacts not an array', { contacts: {} }, 'contacts'],
		['empty contacts', { contacts: [] }, 'contacts'],
	])('400 for %s', async (_name, body, field) => {
		const answer = await put(body);
		expect(answer.status).toBe(400);
		expect(answer.body.errors[0].field).toBe(field);
	});

	it('400 for more than 30,000 contacts, 202 for exactly 30,000', async () => {
		const many = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `u${i}@example.com` }));
		const over = await put({ contacts: many(30_001) });
		expect(over.status).toBe(400);
		expect(over.body.errors[0]).toEqual({ field: 'contacts', message: 'contacts must contain at most 30000 items' });
		const exact = await put({ contacts: many(30_000) });
		expect(exact.status).toBe(202);
		const job = await waitForJob(emu, exact.body.job_id);
		expect(job.results.created_count).toBe(30_000);
	});

	it('400 for invalid JSON', async () => {
		const answer = await call(emu, 'PUT', '/v3/marketing/contacts', undefined, KEY, '{"contacts": [');
		expect(answer.status).toBe(400);
		expect(answer.body.errors[0].field).toBeNull();
	});

	it('400 when a contact has no identifier', async () => {
		const answer = await put({ contacts: [{ email: 'a@example.com' }, { first_name: 'Nobody' }] });
		expect(answer.status).toBe(400);
		expect(answer.body.errors).toHaveLength(1);
		expect(answer.body.errors[0].field).toBe('contacts[1]');
	});

	it.each([
		['email', 'e'.repeat(243) + '@example.com'],
		['first_name', 'x'.repeat(51)],
		['last_name', 'x'.repeat(51)],
		['address_line_1', 'x'.repeat(101)],
		['address_line_2', 'x'.repeat(101)],
		['city', 'x'.repeat(61)],
		['state_province_region', 'x'.repeat(51)],
		['country', 'x'.repeat(51)],
		['external_id', 'x'.repeat(255)],
		['anonymous_id', 'x'.repeat(255)],
	])('400 when %s is over its max length', async (field, value) => {
		const answer = await put({ contacts: [{ email: 'ok@example.com', [field]: value }] });
		expect(answer.status).toBe(400);
		expect(answer.body.errors[0].field).toBe(`contacts[0].${field}`);
	});

	it('accepts every field at its max length', async () => {
		const answer = await put({
			contacts: [
				{
					email: 'e'.repeat(242) + '@example.com',
					first_name: 'x'.repeat(50),
					city: 'x'.repeat(60),
					address_line_1: 'x'.repeat(100),
					external_id: 'x'.repeat(254),
				},
			],
		});
		expect(answer.status).toBe(202);
	});

	it('400 for a wrongly typed field and for more than 5 alternate emails', async () => {
		const typed = await put({ contacts: [{ email: 'a@example.com', first_name: 7 }] });
		expect(typed.status).toBe(400);
		expect(typed.body.errors[0]).toEqual({ field: 'contacts[0].first_name', message: 'must be a string' });
		const alternates = Array.from({ length: 6 }, (_, i) => `alt${i}@example.com`);
		const tooMany = await put({ contacts: [{ email: 'a@example.com', alternate_emails: alternates }] });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.errors[0].field).toBe('contacts[0].alternate_emails');
		const five = await put({ contacts: [{ email: 'a@example.com', alternate_emails: alternates.slice(0, 5) }] });
		expect(five.status).toBe(202);
	});

	it('400 listing custom field names used instead of ids', async () => {
		const answer = await put({
			contacts: [
				{ email: 'a@example.com', custom_fields: { company: 'Acme', e2_N: 1 } },
				{ email: 'b@example.com', custom_fields: { partner: 'x', company: 'y' } },
			],
		});
		expect(answer.status).toBe(400);
		expect(answer.body.errors).toEqual([
			{ field: 'custom_fields', message: 'invalid custom field ids supplied - company,partner' },
		]);
	});

	it.each([
		['Number', 'e2_N', '42'],
		['Text', 'e1_T', 42],
		['Date', 'e3_D', 'not a date'],
		['Date', 'e3_D', 20240101],
	])('400 for a %s custom field with a value of the wrong type', async (_type, id, value) => {
		const answer = await put({ contacts: [{ email: 'a@example.com', custom_fields: { [id]: value } }] });
		expect(answer.status).toBe(400);
		expect(answer.body.errors[0].field).toBe(`contacts[0].custom_fields.${id}`);
	});

	// The JSON format of Date values is undocumented (providers.md §3.5): each reading can be emulated.
	it.each([
		['anyParsable', ['03/01/2024', '2024-03-01', '2024-03-01T00:00:00Z'], ['not a date', '2024-13-45x']],
		['mmddyyyy', ['03/01/2024', '12/31/2024'], ['2024-03-01', '2024-03-01T00:00:00Z', '02/30/2024', '3/1/2024']],
		['iso8601', ['2024-03-01', '2024-03-01T00:00:00Z'], ['03/01/2024', '2024-03-01 00:00']],
	] as const)('Date custom fields under the %s reading', async (reading, accepted, rejected) => {
		const only = await start({ jobDelayMs: 0, rateLimit: false, dateValues: reading });
		try {
			for (const value of accepted) {
				expect((await call(only, 'PUT', '/v3/marketing/contacts', { contacts: [{ email: 'a@example.com', custom_fields: { e3_D: value } }] })).status).toBe(202);
			}
			for (const value of rejected) {
				const answer = await call(only, 'PUT', '/v3/marketing/contacts', { contacts: [{ email: 'a@example.com', custom_fields: { e3_D: value } }] });
				expect(answer.status).toBe(400);
				expect(answer.body.errors[0]).toEqual({ field: 'contacts[0].custom_fields.e3_D', message: 'custom field signup_date must be a date string' });
			}
		} finally {
			await only.close();
		}
	});

	it('404 for a list id that does not exist, 400 for one that is not a UUID', async () => {
		const missing = '11111111-2222-4333-8444-555555555555';
		const unknown = await put({ list_ids: [CUSTOMERS, missing], contacts: [{ email: 'a@example.com' }] });
		expect(unknown.status).toBe(404);
		expect(unknown.body.errors[0]).toEqual({ field: 'list_ids', message: `list ids do not exist: ${missing}` });
		const malformed = await put({ list_ids: ['newsletter'], contacts: [{ email: 'a@example.com' }] });
		expect(malformed.status).toBe(400);
	});

	it('413 with the errors envelope for a body over 6 MB (6 * 1024 * 1024 bytes)', async () => {
		const filler = 'x'.repeat(1000);
		// 6,400 contacts of ~1,030 bytes: ~6.6 MB, far fewer than 30,000 contacts.
		const contacts = Array.from({ length: 6_400 }, (_, i) => ({ email: `u${i}@example.com`, postal_code: filler }));
		const raw = JSON.stringify({ contacts });
		expect(Buffer.byteLength(raw)).toBeGreaterThan(6 * 1024 * 1024);
		const answer = await call(emu, 'PUT', '/v3/marketing/contacts', undefined, KEY, raw);
		expect(answer.status).toBe(413);
		expect(answer.body.errors[0]).toEqual({ field: null, message: 'request body must not exceed 6291456 bytes' });

		const fits = JSON.stringify({ contacts: contacts.slice(0, 6_000) });
		expect(Buffer.byteLength(fits)).toBeLessThan(6 * 1024 * 1024);
		expect((await call(emu, 'PUT', '/v3/marketing/contacts', undefined, KEY, fits)).status).toBe(202);
	});
});

describe('auth', () => {
	it('401 "authorization required" without a bearer key', async () => {
		const answer = await call(emu, 'GET', '/v3/scopes', undefined, null);
		expect(answer.status).toBe(401);
		expect(answer.body).toEqual({ errors: [{ field: null, message: 'authorization required' }] });
	});

	it('401 with the invalid-grant body for an unknown key', async () => {
		const answer = await call(emu, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE, 'SG.wrong');
		expect(answer.status).toBe(401);
		expect(answer.body).toEqual({
			errors: [{ field: null, message: 'The provided authorization grant is invalid, expired, or revoked', help: null }],
		});
	});

	it('403 "access forbidden" for a key without marketing scopes, which still passes /v3/scopes', async () => {
		const answer = await call(emu, 'GET', '/v3/marketing/lists', undefined, DEFAULTS.noMarketingKey);
		expect(answer.status).toBe(403);
		expect(answer.body).toEqual({ errors: [{ field: null, message: 'access forbidden' }] });
		const scopes = await call(emu, 'GET', '/v3/scopes', undefined, DEFAULTS.noMarketingKey);
		expect(scopes.body).toEqual({ scopes: ['mail.send'] });
	});

	it('answers the credential test with the key scopes and honours an overridden key', async () => {
		expect((await call(emu, 'GET', '/v3/scopes')).body.scopes).toContain('marketing.read');
		const custom = await start({ apiKey: 'SG.custom', rateLimit: false });
		try {
			expect((await call(custom, 'GET', '/v3/scopes', undefined, 'SG.custom')).status).toBe(200);
			expect((await call(custom, 'GET', '/v3/scopes', undefined, KEY)).status).toBe(401);
		} finally {
			await custom.close();
		}
	});

	it.each(['api.sendgrid.com', 'api.eu.sendgrid.com'])('serves requests sent with Host %s', async (host) => {
		const status = await new Promise<number>((resolve, reject) => {
			const req = http.request(
				`${emu.baseUrl}/v3/scopes`,
				{ headers: { host, authorization: `Bearer ${KEY}` } },
				(res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				},
			);
			req.on('error', reject);
			req.end();
		});
		expect(status).toBe(200);
	});
});

describe('search/emails', () => {
	it('400 for more than 100 emails or an invalid address, 404 when nothing matches', async () => {
		const many = Array.from({ length: 101 }, (_, i) => `u${i}@example.com`);
		expect((await search(emu, many)).status).toBe(400);
		const invalid = await search(emu, ['ok@example.com', 'not-an-email']);
		expect(invalid.status).toBe(400);
		const none = await search(emu, ['ghost@example.com', '']);
		expect(none.status).toBe(404);
		expect(none.body.errors[0].field).toBeNull();
	});

	it('matches alternate emails and ignores empty strings', async () => {
		await upsertAndWait(emu, { contacts: [{ email: 'main@example.com', alternate_emails: ['Other@Example.com'] }] });
		const found = await search(emu, ['other@example.com', '']);
		expect(found.status).toBe(200);
		expect(Object.keys(found.body.result)).toEqual(['other@example.com']);
		expect(found.body.result['other@example.com'].contact.email).toBe('main@example.com');
	});
});

describe('lists', () => {
	it('lists the seeded lists with page_size, page_token and _metadata.next', async () => {
		const all = await call(emu, 'GET', '/v3/marketing/lists');
		expect(all.status).toBe(200);
		expect(all.body.result.map((l: any) => l.name)).toEqual(['Newsletter', 'Customers']);
		expect(all.body._metadata.next).toBeUndefined();

		const first = await call(emu, 'GET', '/v3/marketing/lists?page_size=1');
		expect(first.body.result).toHaveLength(1);
		const next = new URL(first.body._metadata.next);
		expect(next.origin).toBe(emu.baseUrl);
		const second = await call(emu, 'GET', next.pathname + next.search);
		expect(second.body.result[0].id).toBe(CUSTOMERS);
		expect(second.body._metadata.next).toBeUndefined();
	});

	it.each(['0', '1001', 'abc'])('400 for page_size=%s', async (size) => {
		expect((await call(emu, 'GET', `/v3/marketing/lists?page_size=${size}`)).status).toBe(400);
	});

	it('creates a list with 201 and rejects bad or duplicate names', async () => {
		const created = await call(emu, 'POST', '/v3/marketing/lists', { name: 'VIP' });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ name: 'VIP', contact_count: 0 });
		expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
		expect((await call(emu, 'POST', '/v3/marketing/lists', { name: 'VIP' })).status).toBe(400);
		expect((await call(emu, 'POST', '/v3/marketing/lists', { name: '' })).status).toBe(400);
		expect((await call(emu, 'POST', '/v3/marketing/lists', { name: 'x'.repeat(101) })).status).toBe(400);
		const job = await upsertAndWait(emu, { list_ids: [created.body.id], contacts: [{ email: 'v@example.com' }] });
		expect(job.status).toBe('completed');
	});
});

describe('field definitions', () => {
	it('returns the seeded custom fields and the 24 reserved fields', async () => {
		const answer = await call(emu, 'GET', '/v3/marketing/field_definitions');
		expect(answer.status).toBe(200);
		expect(answer.body.custom_fields).toEqual(expect.arrayContaining([DEFAULTS.customFields.company]));
		const reserved = answer.body.reserved_fields;
		expect(reserved).toHaveLength(24);
		expect(reserved[0]).toEqual({ id: '_rf0_T', name: 'first_name', field_type: 'Text' });
		expect(reserved[15]).toEqual({ id: '_rf15_T', name: 'email_domains', field_type: 'Text', read_only: true });
		expect(reserved[16]).toEqual({ id: '_rf16_D', name: 'last_clicked', field_type: 'Date', read_only: true });
		expect(reserved[23]).toEqual({ id: '_rf23_T', name: 'contact_id', field_type: 'Text', read_only: true });
	});

	it('creates a field (200) whose id works in custom_fields, and validates names', async () => {
		const created = await call(emu, 'POST', '/v3/marketing/field_definitions', { name: 'plan', field_type: 'Number' });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ id: 'e4_N', name: 'plan', field_type: 'Number' });
		expect((await upsertAndWait(emu, { contacts: [{ email: 'p@example.com', custom_fields: { e4_N: 3 } }] })).status).toBe(
			'completed',
		);
		for (const bad of [
			{ name: 'PLAN', field_type: 'Text' },
			{ name: 'first_name', field_type: 'Text' },
			{ name: '1st', field_type: 'Text' },
			{ name: 'has space', field_type: 'Text' },
			{ name: 'ok_name', field_type: 'Boolean' },
		]) {
			const answer = await call(emu, 'POST', '/v3/marketing/field_definitions', bad);
			expect(answer.status).toBe(400);
			expect(answer.body.errors[0].message).toEqual(expect.any(String));
		}
	});
});

describe('rate limiting', () => {
	it('sends X-RateLimit-* on every answer and 429 "too many requests" when the bucket is empty', async () => {
		const limited = await start({ rateLimit: { perSecond: 0.001, burst: 2 }, endpointRateLimits: {} });
		try {
			const first = await call(limited, 'GET', '/v3/marketing/lists');
			expect(first.status).toBe(200);
			expect(first.headers.get('x-ratelimit-limit')).toBe('2');
			expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
			expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
			expect((await call(limited, 'GET', '/v3/marketing/lists')).status).toBe(200);
			const third = await call(limited, 'GET', '/v3/marketing/lists');
			expect(third.status).toBe(429);
			expect(third.body).toEqual({ errors: [{ field: null, message: 'too many requests' }] });
			expect(third.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(third.headers.get('retry-after')).toBeNull();
			// Buckets are per endpoint: another endpoint still answers.
			expect((await call(limited, 'GET', '/v3/scopes')).status).toBe(200);
			const unauthenticated = await call(limited, 'GET', '/v3/marketing/lists', undefined, null);
			expect(unauthenticated.status).toBe(401);
			expect(unauthenticated.headers.get('x-ratelimit-limit')).not.toBeNull();
		} finally {
			await limited.close();
		}
	});

	it('limits PUT contacts with its own bucket and can send Retry-After', async () => {
		const limited = await start({
			jobDelayMs: 0,
			sendRetryAfter: true,
			endpointRateLimits: { 'contacts.upsert': { perSecond: 0.001, burst: 1 } },
		});
		try {
			const ok = await call(limited, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE);
			expect(ok.status).toBe(202);
			expect(ok.headers.get('x-ratelimit-limit')).toBe('1');
			const blocked = await call(limited, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE);
			expect(blocked.status).toBe(429);
			expect(blocked.body.errors[0].message).toBe('too many requests');
			expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
			expect((await call(limited, 'GET', '/v3/marketing/lists')).status).toBe(200);
		} finally {
			await limited.close();
		}
	});

	it('still sends the headers with rate limiting off', async () => {
		const answer = await call(emu, 'GET', '/v3/marketing/lists');
		expect(answer.headers.get('x-ratelimit-limit')).not.toBeNull();
		expect(answer.headers.get('x-ratelimit-reset')).not.toBeNull();
	});
});

describe('fault injection', () => {
	it('fails the next PUT with a 500 in SendGrid shape, then recovers', async () => {
		await call(emu, 'POST', '/__emulator/faults', {
			rules: [{ kind: 'status', status: 500, count: 1, path: '/v3/marketing/contacts' }],
		});
		const failed = await call(emu, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE);
		expect(failed.status).toBe(500);
		expect(failed.body).toEqual({ errors: [{ field: null, message: 'injected fault 500' }] });
		expect((await call(emu, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE)).status).toBe(202);
	});

	it('drops the connection mid-answer after the job was queued', async () => {
		await call(emu, 'POST', '/__emulator/faults', { rules: [{ kind: 'drop-mid', count: 1, path: '/v3/marketing/contacts' }] });
		await expect(call(emu, 'PUT', '/v3/marketing/contacts', DOC_EXAMPLE)).rejects.toThrow();
		const state = (await call(emu, 'GET', '/__emulator/state')).body;
		expect(state.counts.jobs).toBe(1);
		const log = (await call(emu, 'GET', '/__emulator/log')).body.requests;
		expect(log.find((e: any) => e.fault === 'drop-mid')).toMatchObject({ status: 202, contacts: 1 });
	});
});

describe('inspection API', () => {
	it('seeds fixtures, reports state and resets to the defaults', async () => {
		const seeded = await call(emu, 'POST', '/__emulator/seed', {
			lists: [{ name: 'Seeded', id: '99999999-8888-4777-8666-555555555555' }],
			field_definitions: [{ name: 'tier', field_type: 'Text' }],
			api_keys: [{ key: 'SG.readonly', scopes: ['marketing.read'] }],
			list_ids: ['99999999-8888-4777-8666-555555555555'],
			contacts: [{ email: 'Seed@Example.com' }, { email: 'two@example.com' }],
		});
		expect(seeded.status).toBe(200);
		expect(seeded.body.added).toMatchObject({
			lists: [{ id: '99999999-8888-4777-8666-555555555555', name: 'Seeded' }],
			field_definitions: [{ id: 'e4_T', name: 'tier', field_type: 'Text' }],
			api_keys: ['SG.readonly'],
			contacts: 2,
		});
		expect((await search(emu, ['seed@example.com'])).status).toBe(200);
		expect((await call(emu, 'GET', '/v3/marketing/lists', undefined, 'SG.readonly')).status).toBe(200);

		const state = (await call(emu, 'GET', '/__emulator/state')).body;
		expect(state.counts).toMatchObject({ contacts: 2, lists: 3, custom_fields: 5 });
		expect(state.contacts.map((c: any) => c.email).sort()).toEqual(['seed@example.com', 'two@example.com']);
		expect(emu.store.contacts.size).toBe(2);

		await call(emu, 'POST', '/__emulator/reset');
		const after = (await call(emu, 'GET', '/__emulator/state')).body;
		expect(after.counts).toMatchObject({ contacts: 0, lists: 2, custom_fields: 4, jobs: 0 });
		expect(emu.store.contacts.size).toBe(0);
	});

	it('logs chunk sizes of PUT requests', async () => {
		await call(emu, 'PUT', '/v3/marketing/contacts', { contacts: [{ email: 'a@example.com' }, { email: 'b@example.com' }] });
		const log = (await call(emu, 'GET', '/__emulator/log')).body.requests;
		expect(log).toEqual([expect.objectContaining({ method: 'PUT', status: 202, contacts: 2 })]);
	});
});

describe('volume', () => {
	it('takes 100,000 contacts in four requests and caps the state snapshot', async () => {
		const sizes = [30_000, 30_000, 30_000, 10_000];
		let offset = 0;
		const jobIds: string[] = [];
		for (const size of sizes) {
			const contacts = Array.from({ length: size }, (_, i) => ({
				email: `bulk${offset + i}@example.com`,
				first_name: 'Bulk',
				custom_fields: { e2_N: i },
			}));
			offset += size;
			const put = await call(emu, 'PUT', '/v3/marketing/contacts', { list_ids: [NEWSLETTER], contacts });
			expect(put.status).toBe(202);
			jobIds.push(put.body.job_id);
		}
		let created = 0;
		for (const id of jobIds) created += (await waitForJob(emu, id)).results.created_count;
		expect(created).toBe(100_000);
		expect((await call(emu, 'GET', '/v3/marketing/contacts/count')).body.contact_count).toBe(100_000);
		const state = (await call(emu, 'GET', '/__emulator/state')).body;
		expect(state.counts.contacts).toBe(100_000);
		expect(state.contacts).toHaveLength(1000);
		expect(state.lists.find((l: any) => l.id === NEWSLETTER).contact_count).toBe(100_000);
	});
});
