import { parseRfc3339 } from './notifuse/text';
import { DEFAULTS, start, type NotifuseEmulatorOptions } from './notifuse';

type Running = Awaited<ReturnType<typeof start>>;

const WS = DEFAULTS.workspace.id;

interface CallOptions {
	method?: string;
	body?: unknown;
	rawBody?: string;
	token?: string | null;
	authorization?: string;
}

function client(emu: () => Running) {
	return async (path: string, opts: CallOptions = {}) => {
		const headers: Record<string, string> = {};
		if (opts.authorization !== undefined) headers.authorization = opts.authorization;
		else if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? DEFAULTS.apiKey}`;
		const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
		if (hasBody) headers['content-type'] = 'application/json';
		const res = await fetch(`${emu().baseUrl}${path}`, {
			method: opts.method ?? (hasBody ? 'POST' : 'GET'),
			headers,
			body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
		});
		const text = await res.text();
		let json: any;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		return { status: res.status, json, headers: res.headers };
	};
}

const importBody = (contacts: unknown[], extra: Record<string, unknown> = {}) => ({ workspace_id: WS, contacts, ...extra });

describe('Notifuse emulator', () => {
	let emu: Running;
	const call = client(() => emu);
	const imp = (contacts: unknown[], extra: Record<string, unknown> = {}, token?: string) =>
		call('/api/contacts.import', { body: importBody(contacts, extra), token });
	const get = async (email: string) =>
		(await call(`/api/contacts.getByEmail?workspace_id=${WS}&email=${encodeURIComponent(email)}`)).json?.contact;

	beforeAll(async () => {
		emu = await start();
	});
	afterAll(() => emu.close());
	beforeEach(async () => {
		await fetch(`${emu.baseUrl}/__emulator/reset`, { method: 'POST' });
	});

	describe('documented contacts.import example', () => {
		it('creates both contacts, then reports updates, with no top-level error key', async () => {
			const contacts = [
				{ email: 'user1@example.com', first_name: 'John', last_name: 'Doe' },
				{ email: 'user2@example.com', first_name: 'Jane', last_name: 'Smith' },
			];
			const first = await imp(contacts);
			expect(first.status).toBe(200);
			expect(first.headers.get('content-type')).toBe('application/json');
			expect(first.json).toEqual({
				operations: [
					{ email: 'user1@example.com', action: 'create' },
					{ email: 'user2@example.com', action: 'create' },
				],
			});
			const second = await imp(contacts, { subscribe_to_lists: ['newsletter', 'product_updates'] });
			expect(second.json.operations.map((o: any) => o.action)).toEqual(['update', 'update']);
			expect((await get('user2@example.com')).last_name).toBe('Smith');
			expect(emu.log.at(-2)).toMatchObject({ path: '/api/contacts.import', status: 200, contacts: 2 });
		});
	});

	describe('auth', () => {
		it.each([
			[{ token: null }, 'Authorization header is required'],
			[{ authorization: 'bearer emulator-key' }, 'Invalid authorization header format'],
			[{ authorization: 'Bearer  emulator-key' }, 'Invalid authorization header format'],
			[{ authorization: 'emulator-key' }, 'Invalid authorization header format'],
			[{ token: 'nope' }, 'Invalid token: token is malformed: token contained an invalid number of segments'],
			[{ token: 'a.b.c' }, 'Invalid token: token signature is invalid: signature is invalid'],
		])('%j → 401', async (opts, message) => {
			const res = await call(`/api/lists.list?workspace_id=${WS}`, opts as CallOptions);
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: message });
		});

		it('checks the token before the method, and answers 405 for a wrong method', async () => {
			expect((await call('/api/contacts.import', { method: 'GET', token: null })).status).toBe(401);
			const res = await call('/api/contacts.import', { method: 'GET' });
			expect(res).toMatchObject({ status: 405, json: { error: 'Method not allowed' } });
			expect((await call('/api/contacts.count?workspace_id=ws_demo', { method: 'POST', body: {} })).status).toBe(405);
		});

		it('unknown routes are 404', async () => {
			expect((await call('/api/contacts.nope')).status).toBe(404);
		});

		it('accepts an overridden api key only', async () => {
			const other = await start({ apiKey: 'my-key' });
			try {
				const ok = await fetch(`${other.baseUrl}/api/user.me`, { headers: { authorization: 'Bearer my-key' } });
				expect(ok.status).toBe(200);
				const old = await fetch(`${other.baseUrl}/api/user.me`, { headers: { authorization: 'Bearer emulator-key' } });
				expect(old.status).toBe(401);
			} finally {
				await other.close();
			}
		});
	});

	describe('contacts.import request validation', () => {
		it.each([
			['not json', { rawBody: '{"workspace_id":' }, 'Invalid request body'],
			['workspace_id not a string', { body: { workspace_id: 5, contacts: [] } }, 'Invalid request body'],
			['subscribe_to_lists not strings', { body: importBody([{ email: 'a@x.com' }], { subscribe_to_lists: [1] }) }, 'Invalid request body'],
			['empty body', { method: 'POST', token: undefined, rawBody: '' }, 'Invalid request body'],
			['an array body', { body: [] }, 'Invalid request body'],
			['a null body (zero-value struct)', { rawBody: 'null' }, 'workspace_id is required'],
			['missing workspace_id', { body: { contacts: [{ email: 'a@x.com' }] } }, 'workspace_id is required'],
			['missing contacts', { body: { workspace_id: WS } }, 'contacts must be an array'],
			['contacts an object', { body: { workspace_id: WS, contacts: { email: 'a@x.com' } } }, 'contacts must be an array'],
			['empty contacts', { body: importBody([]) }, 'contacts array is empty'],
		])('%s → 400', async (_name, opts, message) => {
			const res = await call('/api/contacts.import', { method: 'POST', ...(opts as CallOptions) });
			expect(res).toMatchObject({ status: 400, json: { error: message } });
		});

		it('has no batch cap by default (2,000 contacts in one request)', async () => {
			const contacts = Array.from({ length: 2000 }, (_, i) => ({ email: `bulk${i}@x.com` }));
			const res = await imp(contacts);
			expect(res.status).toBe(200);
			expect(res.json.operations).toHaveLength(2000);
		});
	});

	describe('contacts.import workspace and permission failures are 500', () => {
		it.each([
			['unknown workspace', { workspace_id: 'ws_nope' }, undefined, 'failed to authenticate user: workspace not found: ws_nope'],
			['not a member', { workspace_id: DEFAULTS.foreignWorkspace.id }, undefined, 'failed to authenticate user: user is not a member of the workspace'],
			['no contacts write', {}, DEFAULTS.limitedKeys.readOnly, 'Insufficient permissions: write access to contacts required'],
			['no lists write with subscribe_to_lists', { subscribe_to_lists: ['newsletter'] }, DEFAULTS.limitedKeys.noListsWrite, 'Insufficient permissions: write access to lists required'],
		])('%s', async (_name, extra, token, message) => {
			const res = await imp([{ email: 'a@x.com' }], extra, token);
			expect(res).toMatchObject({ status: 500, json: { error: message } });
			expect(emu.store.workspaces.get(WS)!.contacts.size).toBe(0);
		});

		it('lists write is only needed when subscribing', async () => {
			const res = await imp([{ email: 'a@x.com' }], {}, DEFAULTS.limitedKeys.noListsWrite);
			expect(res.json.operations).toEqual([{ email: 'a@x.com', action: 'create' }]);
		});
	});

	describe('contacts.import per-contact processing', () => {
		it('turns every parse failure into the generic empty-email error, listed first', async () => {
			const res = await imp([
				{ email: 'ok1@x.com' },
				{ email: 'not-an-email' },
				{ email: 'b@x.com', first_name: 5 },
				{ email: 'c@x.com', custom_number_1: '5' },
				{ email: 'd@x.com', custom_datetime_1: '2024-01-01' },
				{ email: 'e@x.com', custom_json_1: 'scalar' },
				{ first_name: 'no email' },
				'just a string',
				{ email: 'ok2@x.com' },
			]);
			expect(res.status).toBe(200);
			const generic = (i: number) => ({ email: '', action: 'error', error: `invalid contact at index ${i}: email is required` });
			expect(res.json.operations).toEqual([
				generic(1),
				generic(2),
				generic(3),
				generic(4),
				generic(5),
				generic(6),
				generic(7),
				{ email: 'ok1@x.com', action: 'create' },
				{ email: 'ok2@x.com', action: 'create' },
			]);
		});

		it('lower-cases and trims unicode space from emails and strings', async () => {
			const res = await imp([{ email: '\u00a0 Ann@Example.COM\u2003', first_name: '\tAnn\u3000', job_title: ' CTO ' }]);
			expect(res.json.operations).toEqual([{ email: 'ann@example.com', action: 'create' }]);
			const contact = await get('ANN@example.com');
			expect(contact).toMatchObject({ email: 'ann@example.com', first_name: 'Ann', job_title: 'CTO' });
		});

		it('de-duplicates by email keeping the last, with no operation for earlier duplicates', async () => {
			const res = await imp([
				{ email: 'dup@x.com', first_name: 'First' },
				{ email: 'other@x.com' },
				{ email: ' DUP@x.com ', first_name: 'Last' },
			]);
			expect(res.json.operations).toEqual([
				{ email: 'dup@x.com', action: 'create' },
				{ email: 'other@x.com', action: 'create' },
			]);
			expect((await get('dup@x.com')).first_name).toBe('Last');
		});

		it('stores typed fields and ignores unknown keys', async () => {
			await imp([
				{
					email: 't@x.com',
					custom_number_1: 12.5,
					custom_datetime_1: '2024-01-01T10:00:00+02:00',
					custom_json_1: { plan: 'pro' },
					custom_json_2: [1, 2],
					favourite_colour: 'blue',
				},
			]);
			const contact = await get('t@x.com');
			expect(contact).toMatchObject({
				custom_number_1: 12.5,
				custom_datetime_1: '2024-01-01T08:00:00Z',
				custom_json_1: { plan: 'pro' },
				custom_json_2: [1, 2],
				custom_string_2: null,
			});
			expect(contact).not.toHaveProperty('favourite_colour');
		});

		it('cannot clear a field: omitted and explicit null keep the stored value', async () => {
			await imp([{ email: 'k@x.com', first_name: 'Kim', phone: '+1555', custom_number_1: 3 }]);
			const res = await imp([{ email: 'k@x.com', first_name: null, custom_number_1: null, last_name: 'Lee' }]);
			expect(res.json.operations).toEqual([{ email: 'k@x.com', action: 'update' }]);
			expect(await get('k@x.com')).toMatchObject({ first_name: 'Kim', phone: '+1555', custom_number_1: 3, last_name: 'Lee' });
		});
	});

	describe('column sizes fail whole 500-contact SQL chunks', () => {
		it('one over-long value errors its whole chunk and only that chunk', async () => {
			const contacts: Record<string, unknown>[] = Array.from({ length: 501 }, (_, i) => ({ email: `c${i}@x.com` }));
			contacts[3].first_name = 'x'.repeat(256);
			const res = await imp(contacts);
			expect(res.status).toBe(200);
			const ops = res.json.operations;
			expect(ops).toHaveLength(501);
			expect(ops.filter((o: any) => o.action === 'error')).toHaveLength(500);
			expect(ops[0]).toEqual({
				email: 'c0@x.com',
				action: 'error',
				error:
					'failed to upsert contact at index 0: failed to execute bulk upsert: ERROR: value too long for type character varying(255) (SQLSTATE 22001)',
			});
			expect(ops[499].error).toMatch(/^failed to upsert contact at index 499: /);
			expect(ops[500]).toEqual({ email: 'c500@x.com', action: 'create' });
			expect(emu.store.workspaces.get(WS)!.contacts.size).toBe(1);
		});

		it.each([
			['phone', 50],
			['timezone', 50],
			['language', 50],
			['country', 100],
			['state', 100],
			['postcode', 20],
			['custom_string_5', 255],
		])('%s allows %i characters, not one more', async (field, size) => {
			const ok = await imp([{ email: 'ok@x.com', [field]: 'é'.repeat(size) }]);
			expect(ok.json.operations[0].action).toBe('create');
			const tooLong = await imp([{ email: 'long@x.com', [field]: '9'.repeat(size + 1) }]);
			expect(tooLong.json.operations[0]).toMatchObject({ email: 'long@x.com', action: 'error' });
			expect(tooLong.json.operations[0].error).toContain(`character varying(${size})`);
		});

		it('an email over 255 characters passes parsing and fails its SQL chunk', async () => {
			const emailOf = (n: number) => `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(n - 187)}.com`;
			expect(emailOf(255)).toHaveLength(255);
			expect((await imp([{ email: emailOf(255) }])).json.operations[0].action).toBe('create');
			const res = await imp([{ email: 'fine@x.com' }, { email: emailOf(256) }]);
			expect(res.json.operations).toEqual([
				expect.objectContaining({ email: 'fine@x.com', action: 'error', error: expect.stringContaining('character varying(255)') }),
				expect.objectContaining({ email: emailOf(256), action: 'error' }),
			]);
		});

		it('does not trim U+FEFF (Go unicode.IsSpace does not count it), so the email is invalid', async () => {
			const res = await imp([{ email: '\ufeffzw@x.com' }]);
			expect(res.json.operations).toEqual([{ email: '', action: 'error', error: 'invalid contact at index 0: email is required' }]);
		});

		it('counts characters, not UTF-16 units (255 emoji fit)', async () => {
			const res = await imp([{ email: 'emoji@x.com', first_name: '😀'.repeat(255) }]);
			expect(res.json.operations[0].action).toBe('create');
		});

		it('honours a smaller configured chunk size', async () => {
			const small = await start({ importChunkSize: 2 });
			try {
				const res = await fetch(`${small.baseUrl}/api/contacts.import`, {
					method: 'POST',
					headers: { authorization: 'Bearer emulator-key' },
					body: JSON.stringify(importBody([{ email: 'a@x.com' }, { email: 'b@x.com', phone: '1'.repeat(51) }, { email: 'c@x.com' }])),
				});
				const { operations } = (await res.json()) as any;
				expect(operations.map((o: any) => o.action)).toEqual(['error', 'error', 'create']);
			} finally {
				await small.close();
			}
		});
	});

	describe('subscribe_to_lists', () => {
		it('subscribes as active, even on a double opt-in list, and accepts unknown list ids', async () => {
			const res = await imp([{ email: 's@x.com' }], { subscribe_to_lists: ['updates', 'nosuchlist'] });
			expect(res.json.operations).toEqual([{ email: 's@x.com', action: 'create' }]);
			const lists = (await get('s@x.com')).contact_lists;
			expect(lists).toHaveLength(2);
			expect(lists.find((l: any) => l.list_id === 'updates')).toMatchObject({ status: 'active', list_name: 'Product updates', deleted_at: null });
			expect(lists.find((l: any) => l.list_id === 'nosuchlist')).toMatchObject({ status: 'active' });
		});

		it('does not reactivate unsubscribed, bounced or complained members, but activates pending ones', async () => {
			const seeded = await call('/__emulator/seed', {
				body: {
					contacts: [
						{ email: 'u@x.com', lists: { newsletter: 'unsubscribed' } },
						{ email: 'b@x.com', lists: { newsletter: 'bounced' } },
						{ email: 'c@x.com', lists: { newsletter: 'complained' } },
						{ email: 'p@x.com', lists: { newsletter: 'pending' } },
					],
				},
			});
			expect(seeded.json.added).toMatchObject({ contacts: 4, memberships: 4 });
			const res = await imp(['u', 'b', 'c', 'p'].map((l) => ({ email: `${l}@x.com` })), { subscribe_to_lists: ['newsletter'] });
			expect(res.json.operations.map((o: any) => o.action)).toEqual(['update', 'update', 'update', 'update']);
			const status = async (email: string) => (await get(email)).contact_lists[0].status;
			expect(await status('u@x.com')).toBe('unsubscribed');
			expect(await status('b@x.com')).toBe('bounced');
			expect(await status('c@x.com')).toBe('complained');
			expect(await status('p@x.com')).toBe('active');
		});

		it('does not subscribe contacts whose chunk failed', async () => {
			await imp([{ email: 'f@x.com', postcode: '1'.repeat(21) }], { subscribe_to_lists: ['newsletter'] });
			expect(emu.store.workspaces.get(WS)!.memberships.has('f@x.com')).toBe(false);
		});
	});

	describe('contacts.upsert', () => {
		const upsert = (contact: unknown, extra: Record<string, unknown> = {}, token?: string) =>
			call('/api/contacts.upsert', { body: { workspace_id: WS, contact, ...extra }, token });

		it('creates, updates, and clears a field with explicit null', async () => {
			expect((await upsert({ email: 'Up@X.com', first_name: 'Una', last_name: 'Park' })).json).toEqual({ email: 'up@x.com', action: 'create' });
			const res = await upsert({ email: 'up@x.com', first_name: null, phone: '+44' });
			expect(res).toMatchObject({ status: 200, json: { email: 'up@x.com', action: 'update' } });
			expect(await get('up@x.com')).toMatchObject({ first_name: null, last_name: 'Park', phone: '+44' });
		});

		it.each([
			['missing workspace_id', { contact: { email: 'a@x.com' } }, 'workspace_id is required'],
			['missing contact', { workspace_id: WS }, 'contact field is required'],
			['invalid email', { workspace_id: WS, contact: { email: 'nope' } }, 'invalid contact: invalid email format'],
			['no email', { workspace_id: WS, contact: { first_name: 'A' } }, 'invalid contact: email is required'],
			['wrong string type', { workspace_id: WS, contact: { email: 'a@x.com', first_name: 1 } }, 'invalid contact: invalid type for first_name: expected string, got Number'],
			['wrong number type', { workspace_id: WS, contact: { email: 'a@x.com', custom_number_2: '1' } }, 'invalid contact: invalid type for custom_number_2: expected number, got String'],
			['unknown workspace', { workspace_id: 'ws_nope', contact: { email: 'a@x.com' } }, 'failed to authenticate user: workspace not found: ws_nope'],
			['over-long value', { workspace_id: WS, contact: { email: 'a@x.com', postcode: '1'.repeat(21) } }, 'failed to upsert contact: ERROR: value too long for type character varying(20) (SQLSTATE 22001)'],
		])('%s → 400', async (_name, body, message) => {
			const res = await call('/api/contacts.upsert', { body });
			expect(res).toMatchObject({ status: 400, json: { error: message } });
		});

		it('permission failure is a 400, not a 500', async () => {
			const res = await upsert({ email: 'a@x.com' }, {}, DEFAULTS.limitedKeys.readOnly);
			expect(res).toMatchObject({ status: 400, json: { error: 'Insufficient permissions: write access to contacts required' } });
		});
	});

	describe('lookups', () => {
		it('getByEmail: 400s, 404, 500 outside the workspace, full contact shape', async () => {
			expect((await call('/api/contacts.getByEmail?email=a@x.com')).json).toEqual({ error: 'Missing workspace ID' });
			expect((await call(`/api/contacts.getByEmail?workspace_id=${WS}`)).json).toEqual({ error: 'Missing email' });
			const missing = await call(`/api/contacts.getByEmail?workspace_id=${WS}&email=a@x.com`);
			expect(missing).toMatchObject({ status: 404, json: { error: 'Contact not found' } });
			const foreign = await call('/api/contacts.getByEmail?workspace_id=ws_other&email=a@x.com');
			expect(foreign).toMatchObject({ status: 500, json: { error: 'Failed to get contact by email' } });
			await imp([{ email: 'a@x.com' }]);
			const contact = await get('a@x.com');
			expect(Object.keys(contact)).toEqual(expect.arrayContaining(['external_id', 'custom_json_5', 'created_at', 'updated_at', 'contact_lists', 'contact_segments']));
			expect(contact.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
		});

		it('contacts.list pages newest first with a cursor and filters by email substring', async () => {
			await imp(Array.from({ length: 45 }, (_, i) => ({ email: `p${String(i).padStart(2, '0')}@${i % 3 === 0 ? 'acme' : 'x'}.com` })));
			const page = (q: string) => call(`/api/contacts.list?workspace_id=${WS}${q}`);
			const first = await page('');
			expect(first.json.contacts).toHaveLength(20);
			expect(first.json.contacts[0].email).toBe('p44@x.com');
			const second = await page(`&cursor=${first.json.next_cursor}`);
			const third = await page(`&cursor=${second.json.next_cursor}`);
			expect(third.json.contacts).toHaveLength(5);
			expect(third.json).not.toHaveProperty('next_cursor');
			const all = [...first.json.contacts, ...second.json.contacts, ...third.json.contacts].map((c: any) => c.email);
			expect(new Set(all).size).toBe(45);
			const acme = await page('&email=ACME&limit=100');
			expect(acme.json.contacts).toHaveLength(15);
			expect((await page('&limit=0')).status).toBe(400);
			expect((await page('&limit=101')).status).toBe(400);
			expect((await page('&limit=100')).json.contacts).toHaveLength(45);
			expect((await page('&cursor=garbage')).status).toBe(400);
		});

		it('contacts.list filters by list membership status', async () => {
			await call('/__emulator/seed', { body: { contacts: [{ email: 'a@x.com', lists: { newsletter: 'unsubscribed' } }, { email: 'b@x.com', lists: { newsletter: 'active' } }] } });
			const res = await call(`/api/contacts.list?workspace_id=${WS}&list_id=newsletter&contact_list_status=active&with_contact_lists=true`);
			expect(res.json.contacts.map((c: any) => c.email)).toEqual(['b@x.com']);
			expect(res.json.contacts[0].contact_lists[0]).toMatchObject({ list_id: 'newsletter', status: 'active' });
		});

		it('contacts.count', async () => {
			await imp([{ email: 'a@x.com' }, { email: 'b@x.com' }, { email: 'A@x.com' }]);
			expect((await call(`/api/contacts.count?workspace_id=${WS}`)).json).toEqual({ total_contacts: 2 });
			expect((await call('/api/contacts.count?workspace_id=ws_other')).status).toBe(500);
		});
	});

	describe('lists, workspace, user', () => {
		it('lists.list returns the seeded lists; bad workspace ids fail like Notifuse', async () => {
			const res = await call(`/api/lists.list?workspace_id=${WS}`);
			expect(res.status).toBe(200);
			expect(res.json.lists.map((l: any) => l.id)).toEqual(['newsletter', 'customers', 'updates']);
			expect(res.json.lists[2]).toMatchObject({ name: 'Product updates', is_double_optin: true, is_public: true });
			expect(Object.keys(res.json.lists[0]).sort()).toEqual(['created_at', 'description', 'id', 'is_double_optin', 'is_public', 'name', 'updated_at']);
			expect((await call('/api/lists.list')).json).toEqual({ error: 'invalid get lists request: workspace_id is required' });
			expect((await call(`/api/lists.list?workspace_id=${'w'.repeat(21)}`)).json).toEqual({
				error: 'invalid get lists request: workspace_id length must be between 1 and 20',
			});
			expect(await call('/api/lists.list?workspace_id=ws_other')).toMatchObject({ status: 500, json: { error: 'Failed to get lists' } });
		});

		it('lists.subscribe: pending on double opt-in, active otherwise, unknown list 400', async () => {
			const sub = (list_ids: string[]) => call('/api/lists.subscribe', { body: { workspace_id: WS, contact: { email: 'S@x.com', first_name: 'Sam' }, list_ids } });
			expect(await sub(['newsletter', 'updates'])).toMatchObject({ status: 200, json: { success: true } });
			const contact = await get('s@x.com');
			expect(contact.first_name).toBe('Sam');
			const status = Object.fromEntries(contact.contact_lists.map((l: any) => [l.list_id, l.status]));
			expect(status).toEqual({ newsletter: 'active', updates: 'pending' });
			expect(await sub(['nosuch'])).toMatchObject({ status: 400, json: { error: 'list not found: nosuch' } });
		});

		it('workspaces.get: the credential test, with custom field labels', async () => {
			const res = await call(`/api/workspaces.get?id=${WS}`);
			expect(res.status).toBe(200);
			expect(res.json.workspace).toMatchObject({ id: WS, name: 'Demo', settings: { custom_field_labels: { custom_string_1: 'Company', custom_number_1: 'Lifetime value' } } });
			expect(await call('/api/workspaces.get?id=ws_nope')).toMatchObject({ status: 404, json: { error: 'Workspace not found' } });
			expect(await call('/api/workspaces.get?id=ws_other')).toMatchObject({ status: 500, json: { error: 'Failed to get workspace' } });
		});

		it('user.me lists the caller and its workspaces', async () => {
			const res = await call('/api/user.me');
			expect(res.json.user).toMatchObject({ id: DEFAULTS.user.id, email: DEFAULTS.user.email });
			expect(res.json.workspaces.map((w: any) => w.id)).toEqual([WS]);
		});
	});

	describe('inspection API', () => {
		it('seed adds users, workspaces, lists and labels; state snapshots; reset restores defaults', async () => {
			const seeded = await call('/__emulator/seed', {
				body: {
					workspaces: [{ id: 'ws_two', name: 'Two', custom_field_labels: { custom_json_1: 'Prefs', bogus: 'x' } }],
					lists: [{ workspace_id: 'ws_two', id: 'vip', name: 'VIP', is_double_optin: true }],
					users: [{ api_key: 'lim', workspaces: ['ws_two'], permissions: { contacts: { write: false } } }],
				},
			});
			expect(seeded.json).toEqual({
				added: { workspaces: ['ws_two'], lists: ['vip'], users: ['lim'], contacts: 0, memberships: 0 },
				rejected: ['custom_field_labels.bogus'],
			});
			const denied = await call('/api/contacts.import', { body: { workspace_id: 'ws_two', contacts: [{ email: 'a@x.com' }] }, token: 'lim' });
			expect(denied).toMatchObject({ status: 500, json: { error: 'Insufficient permissions: write access to contacts required' } });
			expect((await call('/api/lists.list?workspace_id=ws_two', { token: 'lim' })).json.lists[0]).toMatchObject({ id: 'vip' });

			await imp([{ email: 'a@x.com' }]);
			const state = (await call('/__emulator/state')).json;
			const demo = state.workspaces.find((w: any) => w.id === WS);
			expect(demo.counts).toEqual({ contacts: 1, lists: 3, memberships: 0 });
			expect(demo.contacts[0].email).toBe('a@x.com');

			await call('/__emulator/reset', { method: 'POST' });
			expect((await call('/api/user.me', { token: 'lim' })).status).toBe(401);
			expect(emu.store.workspaces.has('ws_two')).toBe(false);
			expect(emu.store.workspaces.get(WS)!.contacts.size).toBe(0);
		});
	});

	describe('200 answers the OpenAPI spec allows beyond what the handler sends (importAnswer)', () => {
		// openapi/components/schemas/contact.yaml BatchImportContactsResponse: `operations` plus a nullable
		// top-level `error` ("Global error message if the entire operation failed"); UpsertContactOperation.error
		// is nullable. internal/http/contact_handler.go answers 500 for any result.Error, so these shapes
		// come only from a fork, a future version or a proxy.
		const one = [{ email: 'shape@example.com', first_name: 'S' }];
		afterEach(() => {
			emu.options.importAnswer = 'source';
		});

		it('errorAfterStoring: operations and a top-level error, contacts stored', async () => {
			emu.options.importAnswer = 'errorAfterStoring';
			const res = await imp(one);
			expect(res).toMatchObject({ status: 200, json: { operations: [{ email: 'shape@example.com', action: 'create' }], error: 'Failed to import contacts' } });
			expect(await get('shape@example.com')).toBeDefined();
		});

		it('errorNothingStored: the same answer, nothing stored', async () => {
			emu.options.importAnswer = 'errorNothingStored';
			const res = await imp(one);
			expect(res.json).toEqual({ operations: [{ email: 'shape@example.com', action: 'create' }], error: 'Failed to import contacts' });
			expect(await get('shape@example.com')).toBeUndefined();
		});

		it('errorOnly, nullOperations, nullOperationsWithError: no operations, nothing stored', async () => {
			const bodies: unknown[] = [];
			for (const shape of ['errorOnly', 'nullOperations', 'nullOperationsWithError'] as const) {
				emu.options.importAnswer = shape;
				const res = await imp(one, { subscribe_to_lists: ['newsletter'] });
				expect(res.status).toBe(200);
				bodies.push(res.json);
			}
			expect(bodies).toEqual([{ error: 'Failed to import contacts' }, { operations: null }, { operations: null, error: 'Failed to import contacts' }]);
			expect(await get('shape@example.com')).toBeUndefined();
		});

		it('nullOperationErrors: every operation carries "error": null, contacts stored', async () => {
			emu.options.importAnswer = 'nullOperationErrors';
			const res = await imp([...one, { email: 'bad' }]);
			expect(res.json.operations).toEqual([
				{ email: '', action: 'error', error: 'invalid contact at index 1: email is required' },
				{ email: 'shape@example.com', action: 'create', error: null },
			]);
			expect(await get('shape@example.com')).toBeDefined();
		});
	});

	describe('reverse-proxy limits (off by default)', () => {
		let proxied: Running;
		const proxiedCall = client(() => proxied);
		beforeAll(async () => {
			proxied = await start({ maxImportContacts: 100, maxBodyBytes: 20_000 } satisfies NotifuseEmulatorOptions);
		});
		afterAll(() => proxied.close());

		it('rejects more than maxImportContacts with 413', async () => {
			const contacts = Array.from({ length: 101 }, (_, i) => ({ email: `${i}@x.io` }));
			const res = await proxiedCall('/api/contacts.import', { body: importBody(contacts) });
			expect(res.status).toBe(413);
			expect(res.json.error).toMatch(/too many contacts/);
			expect((await proxiedCall('/api/contacts.import', { body: importBody(contacts.slice(1)) })).status).toBe(200);
		});

		it('rejects a body over maxBodyBytes with 413', async () => {
			const contacts = Array.from({ length: 90 }, (_, i) => ({ email: `${i}@x.io`, job_title: 'j'.repeat(250) }));
			const res = await proxiedCall('/api/contacts.import', { body: importBody(contacts) });
			expect(res).toMatchObject({ status: 413, json: { error: 'Request Entity Too Large' } });
		});
	});

	describe('rate limiting', () => {
		it('is off by default', async () => {
			const statuses = await Promise.all(Array.from({ length: 30 }, () => call('/api/user.me').then((r) => r.status)));
			expect(statuses.every((s) => s === 200)).toBe(true);
		});

		it('when enabled: 429 with the Notifuse body and Retry-After, no X-RateLimit headers', async () => {
			const limited = await start({ rateLimit: { perSecond: 0.1, burst: 2 } });
			try {
				const hit = () => fetch(`${limited.baseUrl}/api/user.me`, { headers: { authorization: 'Bearer emulator-key' } });
				expect((await hit()).status).toBe(200);
				expect((await hit()).status).toBe(200);
				const res = await hit();
				expect(res.status).toBe(429);
				expect(await res.json()).toEqual({ error: 'Too many requests. Please try again later.' });
				expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
				expect(res.headers.get('x-ratelimit-limit')).toBeNull();
			} finally {
				await limited.close();
			}
		});

		it('can be switched on at runtime through /__emulator/ratelimit', async () => {
			await call('/__emulator/ratelimit', { body: { perSecond: 0.1, burst: 1 } });
			try {
				expect((await call('/api/user.me')).status).toBe(200);
				expect((await call('/api/user.me')).status).toBe(429);
			} finally {
				await call('/__emulator/ratelimit', { body: { enabled: false } });
			}
			expect((await call('/api/user.me')).status).toBe(200);
		});
	});

	describe('fault injection', () => {
		it('fails the next import with 503 in the Notifuse error shape, then recovers', async () => {
			emu.faults.configure({ rules: [{ kind: 'status', status: 503, count: 1, path: '/api/contacts.import' }] });
			const failed = await imp([{ email: 'a@x.com' }]);
			expect(failed).toMatchObject({ status: 503, json: { error: 'injected fault 503' } });
			expect(emu.store.workspaces.get(WS)!.contacts.size).toBe(0);
			expect((await imp([{ email: 'a@x.com' }])).json.operations).toEqual([{ email: 'a@x.com', action: 'create' }]);
		});

		it('a connection dropped mid-answer still applied the import', async () => {
			emu.faults.configure({ rules: [{ kind: 'drop-mid', count: 1, path: '/api/contacts.import' }] });
			await expect(imp([{ email: 'lost@x.com' }])).rejects.toThrow();
			expect((await get('lost@x.com')).email).toBe('lost@x.com');
			const retry = await imp([{ email: 'lost@x.com' }]);
			expect(retry.json.operations).toEqual([{ email: 'lost@x.com', action: 'update' }]);
		});
	});

	describe('volume', () => {
		it('takes 100,000 contacts in 20 imports of 5,000 and keeps the state snapshot bounded', async () => {
			for (let batch = 0; batch < 20; batch++) {
				const contacts = Array.from({ length: 5000 }, (_, i) => ({
					email: `v${batch}-${i}@volume.test`,
					first_name: 'Vol',
					custom_number_1: i,
				}));
				const res = await imp(contacts, { subscribe_to_lists: ['customers'] });
				expect(res.status).toBe(200);
				expect(res.json.operations).toHaveLength(5000);
			}
			expect((await call(`/api/contacts.count?workspace_id=${WS}`)).json).toEqual({ total_contacts: 100_000 });
			const state = (await call('/__emulator/state')).json;
			const demo = state.workspaces.find((w: any) => w.id === WS);
			expect(demo.counts).toEqual({ contacts: 100_000, lists: 3, memberships: 100_000 });
			expect(demo.contacts).toHaveLength(1000);
			const filtered = await call(`/api/contacts.list?workspace_id=${WS}&email=v19-4999@&limit=5`);
			expect(filtered.json.contacts.map((c: any) => c.email)).toEqual(['v19-4999@volume.test']);
		}, 60_000);
	});
});

describe('Notifuse custom_datetime_* parsing (Go time.Parse(time.RFC3339), internal/domain/contact.go parseNullableTime)', () => {
	it.each([
		['2024-03-01T10:30:00Z', Date.UTC(2024, 2, 1, 10, 30)],
		['2024-03-01T10:30:00+02:00', Date.UTC(2024, 2, 1, 8, 30)],
		['2024-03-01T10:30:00.5Z', Date.UTC(2024, 2, 1, 10, 30, 0, 500)],
		// Go's general parser (the fallback after the RFC 3339 fast path) also takes these.
		['2024-03-01T1:30:00Z', Date.UTC(2024, 2, 1, 1, 30)],
		['2024-03-01T10:30:00,5Z', Date.UTC(2024, 2, 1, 10, 30, 0, 500)],
		['2024-03-01T10:30:00+24:00', Date.UTC(2024, 2, 0, 10, 30)],
	])('accepts %s', (value, ms) => {
		expect(parseRfc3339(value)).toBe(ms);
	});

	it.each([
		'2024-03-01',
		'2024-03-01T10:30Z',
		'2024-03-01T10:30:00+0200',
		'2024-03-01T10:30:00',
		'2024-03-01 10:30:00Z',
		'2024-03-01t10:30:00z',
		' 2024-03-01T10:30:00Z',
		'2024-02-30T10:30:00Z',
		'2024-03-01T24:00:00Z',
		'2024-03-01T10:30:60Z',
		'2024-03-01T10:30:00+02:00 ',
	])('rejects %s', (value) => {
		expect(parseRfc3339(value)).toBeUndefined();
	});
});
