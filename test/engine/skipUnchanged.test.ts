import type { DeduplicationHelperFunctions, IExecuteFunctions, INode } from 'n8n-workflow';

import { executeBulk } from '../../nodes/shared/engine';
import { unchangedFilter } from '../../nodes/shared/skipUnchanged';
import { DEFAULT_ENGINE_OPTIONS, type BulkAdapter, type EngineOptions } from '../../nodes/shared/types';
import { InMemoryDeduplicator } from '../harness/deduplication';
import { FakeProvider, itemsOf, testAdapter, type TestContact } from './fakes';

const node: INode = { id: 'n1', name: 'Sync', type: 'test.sync', typeVersion: 1, position: [0, 0], parameters: {}, onError: 'continueRegularOutput' };

/** The part of IExecuteFunctions executeBulk reads, with n8n-core's processed-data helpers over `store`. */
function fakeContext(store: InMemoryDeduplicator, input: Array<Record<string, unknown>>, workflowId = 'wf1'): IExecuteFunctions {
	const context = { node, workflow: { id: workflowId, active: false } };
	const hints: unknown[] = [];
	const helpers: Omit<DeduplicationHelperFunctions, 'checkProcessedItemsAndRecord'> = {
		checkProcessedAndRecord: async (items, scope, options) => await store.checkProcessedAndRecord(items, scope, context, options),
		removeProcessed: async (items, scope) => await store.removeProcessed(items, scope, context),
		clearAllProcessedItems: async (scope) => await store.clearAllProcessedItems(scope, context),
		getProcessedDataCount: async (scope, options) => await store.getProcessedDataCount(scope, context, options),
	};
	return {
		getInputData: () => itemsOf(input),
		getNode: () => node,
		getWorkflow: () => ({ id: workflowId, name: 'wf', active: false }),
		getNodeParameter: (_name: string, _index: number, fallback: unknown) => fallback,
		getExecutionCancelSignal: () => undefined,
		getExecutionId: () => 'exec',
		addExecutionHints: (...more: unknown[]) => hints.push(...more),
		helpers,
		hints,
	} as unknown as IExecuteFunctions;
}

const options: EngineOptions = { ...DEFAULT_ENGINE_OPTIONS, skipUnchanged: true, historySize: 1000 };
const transport = { credentialType: 'none', baseUrl: 'http://localhost' } as Parameters<typeof executeBulk>[2];
const people = (n: number, name = 'A') => Array.from({ length: n }, (_, i) => ({ email: `p${i}@example.com`, name }));

describe('Skip Unchanged Contacts in the engine', () => {
	it('records nothing when the run throws after the check', async () => {
		const store = new InMemoryDeduplicator();
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const working = testAdapter(provider);
		// Read first when the contacts are planned, which is after they were checked and recorded.
		const broken: BulkAdapter<TestContact> = Object.create(working, {
			limits: { get: () => { throw new Error('planning blew up'); } },
		}) as BulkAdapter<TestContact>;
		await expect(executeBulk(fakeContext(store, people(3)), broken, transport, options)).rejects.toThrow('planning blew up');
		expect(store.size()).toBe(0);

		const out = await executeBulk(fakeContext(store, people(3)), working, transport, options);
		expect(out[0].map((item) => item.json.status)).toEqual(['upserted', 'upserted', 'upserted']);
		expect(store.size()).toBe(3);
	});

	it('records nothing for failed contacts when the store held earlier contacts, and keeps theirs', async () => {
		const store = new InMemoryDeduplicator();
		const ok = testAdapter(new FakeProvider(() => ({ kind: 'ok' })));
		await executeBulk(fakeContext(store, people(2)), ok, transport, options);
		const failing = testAdapter(new FakeProvider(() => ({ kind: 'status', status: 400 })));
		const out = await executeBulk(fakeContext(store, [...people(2), ...people(5, 'B')]), failing, transport, options);
		expect(out[0].map((item) => item.json.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed', 'failed', 'failed']);
		// p0/p1 with name A are in the store; the failed name-B versions of p0..p4 are not. (Same keys fold: later wins.)
		expect(store.size()).toBe(2);
	});

	it('leaves the store as it was when a run stops between the check and the end (a killed worker)', async () => {
		const store = new InMemoryDeduplicator();
		await executeBulk(fakeContext(store, people(3)), testAdapter(new FakeProvider(() => ({ kind: 'ok' }))), transport, options);
		const filter = unchangedFilter(fakeContext(store, []), { before: '{"contacts":[', after: ']}' }, options);
		const contacts = [...people(3).slice(1), { email: 'new@example.com', name: 'A' }, { email: 'p0@example.com', name: 'B' }];
		const split = await filter?.split(contacts.map((c, i) => ({ key: c.email, email: c.email, contact: c, items: [i] })));
		expect(split?.unchanged.map((u) => u.key)).toEqual(['p1@example.com', 'p2@example.com']);
		expect(split?.send.map((u) => u.key)).toEqual(['new@example.com', 'p0@example.com']);
		// Never settled, never recorded: only the three contacts delivered before are stored.
		expect(store.size()).toBe(3);
	});

	it('sends everything and records nothing in a workflow without an id, with a hint saying so', async () => {
		const store = new InMemoryDeduplicator();
		const provider = new FakeProvider(() => ({ kind: 'ok' }));
		const ctx = fakeContext(store, people(3), '');
		await executeBulk(ctx, testAdapter(provider), transport, options);
		await executeBulk(ctx, testAdapter(provider), transport, options);
		expect(provider.processed.flat()).toHaveLength(6);
		expect(store.size()).toBe(0);
		expect(JSON.stringify((ctx as unknown as { hints: unknown[] }).hints)).toMatch(/saved workflow/);
	});

	it('warns when the contacts are more than the History Size', async () => {
		const store = new InMemoryDeduplicator();
		const ctx = fakeContext(store, people(20));
		await executeBulk(ctx, testAdapter(new FakeProvider(() => ({ kind: 'ok' }))), transport, { ...options, historySize: 10 });
		expect(store.size()).toBe(10);
		expect(JSON.stringify((ctx as unknown as { hints: unknown[] }).hints)).toMatch(/History Size \(10\)/);
	});
});

describe('Skip Unchanged Contacts: many failures against a large store', () => {
	it('undoes a large check by rebuilding the row from the hashes found stored (n8n scans the row per removed hash)', async () => {
		const store = new InMemoryDeduplicator();
		const ok = testAdapter(new FakeProvider(() => ({ kind: 'ok' })));
		const others = Array.from({ length: 5 }, (_, i) => ({ email: `other${i}@example.com`, name: 'A' }));
		await executeBulk(fakeContext(store, [...people(10_000), ...others]), ok, transport, { ...options, historySize: 100_000 });
		expect(store.size()).toBe(10_005);

		const fresh = Array.from({ length: 15_000 }, (_, i) => ({ email: `new${i}@example.com`, name: 'A' }));
		const failing = testAdapter(new FakeProvider(() => ({ kind: 'status', status: 400 })));
		const out = await executeBulk(fakeContext(store, [...people(10_000), ...fresh]), failing, transport, { ...options, historySize: 100_000 });
		const counts: Record<string, number> = {};
		for (const item of out[0]) counts[String(item.json.status)] = (counts[String(item.json.status)] ?? 0) + 1;
		expect(counts).toEqual({ unchanged: 10_000, failed: 15_000 });
		// 15,000 removals × 25,005 stored is past the budget: kept are this input's unchanged contacts only.
		expect(store.size()).toBe(10_000);

		const again = await executeBulk(fakeContext(store, people(10_000)), ok, transport, { ...options, historySize: 100_000 });
		expect(again[0].every((item) => item.json.status === 'unchanged')).toBe(true);
	});
});
