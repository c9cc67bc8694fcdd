import type { INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';

import { addParams, contactParams, countBy, DEFAULTS, NODE_TYPE, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

const bed = useTestbed(testbed);

describe('AutoSend node: transient failures', () => {
	it('waits out 429 answers (Retry-After) and resends the same chunk', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 429, count: 2, retryAfter: 1, path: '/v1/contacts/bulk-update' });
		const result = await bed.run(contactParams('bulkUpdate'), people(250));
		expect(result.status).toBe('success');
		expect(countBy(statuses(result))).toEqual({ upserted: 250 });
		const sent = bed.requests('/contacts/bulk-update');
		expect(sent.filter((r) => r.status === 429)).toHaveLength(2);
		expect(sent.filter((r) => r.status === 200).map((r) => r.contacts)).toEqual([100, 100, 50]);
	});

	it('rides out a burst of 5xx answers on idempotent operations', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 503, count: 3, path: '/v1/contact-lists/contacts/bulk-add' });
		const result = await bed.run(addParams(DEFAULTS.lists.customers.id, { options: { requestsPerSecond: 0, batchSize: 100, maxRetries: 5 } }), people(250));
		expect(countBy(statuses(result))).toEqual({ added: 250 });
		const sent = bed.requests('/contact-lists/contacts/bulk-add');
		expect(sent.filter((r) => r.status === 503)).toHaveLength(3);
		expect(sent).toHaveLength(3 + 3);
		expect(bed.emulator.store.lists.get(DEFAULTS.lists.customers.id)?.members.size).toBe(250);
	});

	it('fails the chunk after retries run out, without failing other chunks', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 500, count: 3, path: '/v1/contacts/bulk-update' });
		const result = await bed.run(contactParams('bulkUpdate', { options: { requestsPerSecond: 0, maxRetries: 2, concurrency: 1 } }), people(150), {
			onError: 'continueRegularOutput',
		});
		expect(countBy(statuses(result))).toEqual({ failed: 100, upserted: 50 });
		expect(bed.requests('/contacts/bulk-update')).toHaveLength(3 + 1);
	});

	it('stays under the 2 requests/second limit with the default pacing', async () => {
		const limited = await testbed({ rateLimit: { perSecond: 2, burst: 2 } });
		try {
			const result = await limited.run(contactParams('upsert', { options: {} }), people(6));
			expect(countBy(statuses(result))).toEqual({ upserted: 6 });
			expect(limited.requests().filter((r) => r.status === 429)).toHaveLength(0);
			expect(limited.requests('/contacts/email')).toHaveLength(6);
		} finally {
			await limited.close();
		}
	});

	it('recovers from the real rate limiter when pacing is turned off', async () => {
		const limited = await testbed({ rateLimit: { perSecond: 2, burst: 2 } });
		try {
			const result = await limited.run(contactParams('upsert', { options: { requestsPerSecond: 0, concurrency: 2 } }), people(6));
			expect(countBy(statuses(result))).toEqual({ upserted: 6 });
			const posts = limited.requests('/contacts/email');
			expect(posts.filter((r) => r.status === 200)).toHaveLength(6);
			expect(posts.filter((r) => r.status === 429).length).toBeGreaterThan(0);
		} finally {
			await limited.close();
		}
	});

	it('cancels a slow run, leaving most contacts unsent', async () => {
		bed.emulator.faults.configure({ latencyMs: 100 });
		const result = await bed.run(contactParams('upsert'), people(200), { cancelAfterMs: 400 });
		expect(result.status).toBe('canceled');
		expect(bed.requests('/contacts/email').length).toBeLessThan(50);
	});
});

describe('AutoSend node: credentials and access', () => {
	it('stops after one request when the key is rejected', async () => {
		const result = await bed.harness.run({
			nodeType: NODE_TYPE,
			parameters: contactParams('bulkUpdate', { columns: { mappingMode: 'defineBelow', value: { email: '={{ $json.email }}' }, schema: [{ id: 'email', type: 'string' }] } }),
			credentials: bed.credentials({ apiKey: 'wrong' }),
			items: people(300),
			onError: 'continueRegularOutput',
		});
		expect(countBy(statuses(result))).toEqual({ failed: 300 });
		expect(result.outputs[0][0].json).toMatchObject({ errorCode: 'UNAUTHORIZED' });
		expect(bed.requests('/contacts/bulk-update').length).toBeLessThanOrEqual(2);
	});

	it('tests the credential with a real authenticated read, with project id for account keys', async () => {
		const creds = bed.credentials()?.autoSendApi ?? {};
		expect((await bed.harness.testCredential('autoSendApi', creds)).ok).toBe(true);
		expect(await bed.harness.testCredential('autoSendApi', { ...creds, apiKey: 'nope' })).toMatchObject({ ok: false, status: 401 });
		const account = { ...creds, apiKey: DEFAULTS.accountApiKey };
		expect((await bed.harness.testCredential('autoSendApi', account)).ok).toBe(false);
		expect((await bed.harness.testCredential('autoSendApi', { ...account, projectId: DEFAULTS.projectId })).ok).toBe(true);
		expect((await bed.harness.testCredential('autoSendApi', { ...creds, baseUrl: `${bed.emulator.credentialBaseUrl}/` })).ok).toBe(true);
	});

	it('sends x-project-id from the credential on node requests', async () => {
		const result = await bed.harness.run({
			nodeType: NODE_TYPE,
			parameters: contactParams('upsert'),
			credentials: bed.credentials({ apiKey: DEFAULTS.accountApiKey, projectId: DEFAULTS.projectId }),
			items: people(2),
		});
		expect(statuses(result)).toEqual(['upserted', 'upserted']);
	});
});

describe('AutoSend node: editor methods', () => {
	it('searches lists by name (real lists only: no segments, no virtual All Contacts)', async () => {
		const all = await bed.harness.callMethod<INodeListSearchResult>({
			nodeType: NODE_TYPE,
			kind: 'listSearch',
			method: 'searchLists',
			parameters: addParams(''),
			credentials: bed.credentials(),
		});
		expect(all.results.map((r) => r.name)).toEqual(['Newsletter', 'Customers']);
		const some = await bed.harness.callMethod<INodeListSearchResult>({
			nodeType: NODE_TYPE,
			kind: 'listSearch',
			method: 'searchLists',
			parameters: addParams(''),
			credentials: bed.credentials(),
			args: ['news'],
		});
		expect(some.results).toEqual([{ name: 'Newsletter', value: DEFAULTS.lists.newsletter.id }]);
	});

	it('offers standard and typed custom fields for column mapping', async () => {
		const mapped = await bed.harness.callMethod<ResourceMapperFields>({
			nodeType: NODE_TYPE,
			kind: 'resourceMapping',
			method: 'getContactFields',
			parameters: contactParams('upsert'),
			credentials: bed.credentials(),
		});
		const types = Object.fromEntries(mapped.fields.map((f) => [f.id, f.type]));
		expect(types).toEqual({
			email: 'string',
			firstName: 'string',
			lastName: 'string',
			userId: 'string',
			listIds: 'string',
			company: 'string',
			role: 'string',
			plan: 'string',
			loginCount: 'number',
			isPremium: 'boolean',
			trialEndsAt: 'dateTime',
		});
		expect(mapped.fields[0]).toMatchObject({ id: 'email', required: true, defaultMatch: true });
		const bulk = await bed.harness.callMethod<ResourceMapperFields>({
			nodeType: NODE_TYPE,
			kind: 'resourceMapping',
			method: 'getBulkContactFields',
			parameters: contactParams('bulkUpdate'),
			credentials: bed.credentials(),
		});
		expect(bulk.fields.map((f) => f.id)).not.toContain('listIds');
	});
});
