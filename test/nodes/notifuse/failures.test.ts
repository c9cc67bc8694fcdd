import { DEFAULTS, params, people, statuses, testbed } from './setup';
import { useTestbed } from '../kit';

describe('Notifuse node: failures, retries and cancellation', () => {
	const bed = useTestbed(testbed);
	beforeEach(async () => {
		bed.emulator.faults.configure({});
		bed.emulator.limiter?.configure(undefined);
	});

	it('aborts the import on an unknown workspace (a 500 that retrying cannot fix)', async () => {
		const result = await bed.run(params('contact', 'import', { workspaceId: 'ws_missing', options: { batchSize: 2 } }), people(6, 'ws'));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/workspace not found/);
		// Dispatch stops after the first answer: no retries, no further chunks beyond those in flight.
		const sent = bed.requests('/api/contacts.import');
		expect(sent.length).toBeGreaterThanOrEqual(1);
		expect(sent.length).toBeLessThanOrEqual(3);
		expect(sent.every((entry) => entry.status === 500)).toBe(true);
	});

	it('fails every item on a workspace the key is not a member of, routed to the error output', async () => {
		const result = await bed.run(
			params('contact', 'import', { workspaceId: DEFAULTS.foreignWorkspace.id }),
			people(3, 'foreign'),
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[0]).toHaveLength(0);
		expect(result.outputs[1]).toHaveLength(3);
		expect(String(result.outputs[1][0].json.error)).toMatch(/not a member of the workspace/);
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
	});

	it('stops Add Contacts on an unknown workspace after one list check and one workspace probe', async () => {
		const result = await bed.run(
			params('contactList', 'addContacts', { workspaceId: 'ws_missing', listIds: [DEFAULTS.lists.newsletter.id] }),
			people(4, 'ws-lists'),
			{ onError: 'continueRegularOutput' },
		);
		expect(result.outputs[0].map((item) => item.json.errorCode)).toEqual(Array(4).fill('WORKSPACE_ACCESS'));
		expect(result.outputs[0][0].json.errorMessage).toBe('failed to authenticate user: workspace not found: ws_missing');
		expect(bed.requests('/api/lists.list')).toHaveLength(1);
		expect(bed.requests('/api/workspaces.get')).toHaveLength(1);
		expect(bed.requests('/api/contacts.import')).toHaveLength(0);
	});

	it('checks the lists again after a transient lists.list failure', async () => {
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 503, count: 1, path: '/api/lists.list' }] });
		const result = await bed.run(
			params('contactList', 'addContacts', { listIds: [DEFAULTS.lists.newsletter.id], options: { batchSize: 2 } }),
			people(4, 'lists-retry'),
		);
		expect(result.error).toBeUndefined();
		expect(statuses(result)).toEqual(Array(4).fill('added'));
		expect(bed.requests('/api/lists.list').map((entry) => entry.status)).toEqual([503, 200]);
		expect(bed.requests('/api/contacts.import')).toHaveLength(2);
	});

	it('stops on a bad API key', async () => {
		const result = await bed.harness.run({
			nodeType: 'notifuse',
			parameters: params('contact', 'import'),
			credentials: bed.credentials({ apiKey: 'wrong' }),
			items: people(2, 'badkey'),
		});
		expect(result.status).toBe('error');
		expect(bed.requests('/api/contacts.import')).toHaveLength(1);
		expect(bed.requests('/api/contacts.import')[0].status).toBe(401);
	});

	it('waits out 429 answers (Retry-After) and resends the same chunk', async () => {
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 429, count: 2, retryAfter: 0, path: '/api/contacts.import' }] });
		const result = await bed.run(params('contact', 'import', { options: { batchSize: 5, concurrency: 1 } }), people(10, 'limited'));
		expect(result.error).toBeUndefined();
		expect(statuses(result).every((status) => status === 'created')).toBe(true);
		const sent = bed.requests('/api/contacts.import');
		expect(sent.map((entry) => entry.status)).toEqual([429, 429, 200, 200]);
	});

	it('survives a burst of 5xx answers with retries (import is idempotent)', async () => {
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 503, count: 3, path: '/api/contacts.import' }] });
		const result = await bed.run(
			params('contact', 'import', { options: { batchSize: 4, concurrency: 1, maxRetries: 5 } }),
			people(8, 'burst'),
		);
		expect(result.error).toBeUndefined();
		expect(statuses(result).every((status) => status === 'created')).toBe(true);
		const sent = bed.requests('/api/contacts.import');
		expect(sent.filter((entry) => entry.status === 503)).toHaveLength(3);
		expect(sent.filter((entry) => entry.status === 200)).toHaveLength(2);
	});

	it('fails the chunk after Max Retries 5xx answers', async () => {
		bed.emulator.faults.configure({ rules: [{ kind: 'status', status: 502, count: 100, path: '/api/contacts.import' }] });
		const result = await bed.run(
			params('contact', 'import', { options: { maxRetries: 1 } }),
			people(2, 'down'),
			{ onError: 'continueRegularOutput' },
		);
		expect(statuses(result)).toEqual(['failed', 'failed']);
		expect(bed.requests('/api/contacts.import')).toHaveLength(2);
	});

	it('paces to a rate limit a proxy in front of Notifuse enforces', async () => {
		bed.emulator.limiter?.configure({ perSecond: 20, burst: 2 });
		const result = await bed.run(params('contact', 'import', { options: { batchSize: 1, concurrency: 4 } }), people(8, 'paced'));
		expect(result.error).toBeUndefined();
		expect(statuses(result).every((status) => status === 'created')).toBe(true);
		expect(bed.requests('/api/contacts.import').filter((entry) => entry.status === 200)).toHaveLength(8);
	});

	it('stops sending when the execution is cancelled', async () => {
		bed.emulator.faults.configure({ latencyMs: 200 });
		const result = await bed.run(
			params('contact', 'upsert', { options: { concurrency: 1 } }),
			people(50, 'cancel'),
			{ cancelAfterMs: 300 },
		);
		expect(result.status).toBe('canceled');
		// Cancellation must stop the run long before all 50 one-contact requests were sent.
		expect(bed.requests('/api/contacts.upsert').length).toBeLessThan(50);
	});
});
