import { addParams, countBy, DEFAULTS, people, statuses, testbed, upsertParams } from './setup';
import { useTestbed } from '../kit';

const PUT = ['PUT', '/v3/marketing/contacts'] as const;

describe('SendGrid Contacts: lists, rate limits, faults, cancellation, editor', () => {
	const bed = useTestbed(testbed);
	beforeEach(async () => {
		bed.emulator.faults.configure({});
	});

	it('adds contacts to two lists through the upsert path', async () => {
		const lists = [DEFAULTS.lists.newsletter.id, DEFAULTS.lists.customers.id];
		const result = await bed.run(addParams(lists, { waitForImport: true }), people(1_200, 'member'));
		expect(countBy(statuses(result))).toEqual({ created: 1_200 });
		expect(result.outputs[0][0].json.listIds).toEqual(lists);
		expect(bed.requests(...PUT)).toHaveLength(1);
		expect([...(bed.emulator.store.findByEmail('member-1199@example.com')?.list_ids ?? [])]).toEqual(expect.arrayContaining(lists));
	}, 60_000);

	it('fails every item of an unknown list with SendGrid\'s message', async () => {
		const result = await bed.run(addParams(['11111111-2222-4333-8444-555555555555']), people(3, 'nolist'), { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['failed', 'failed', 'failed']);
		expect(String(result.outputs[0][0].json.errorMessage)).toMatch(/list ids do not exist/);
	}, 60_000);

	it('waits out 429s using the rate-limit headers and delivers every chunk once', async () => {
		const limited = await testbed({ rateLimit: { perSecond: 50, burst: 100 }, endpointRateLimits: { 'contacts.upsert': { perSecond: 2, burst: 1 } } });
		try {
			const result = await limited.run(upsertParams({ batchSize: 100 }), people(400, 'limited'));
			expect(countBy(statuses(result))).toEqual({ queued: 400 });
			const puts = limited.requests(...PUT);
			expect(puts.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
			expect(puts.filter((entry) => entry.status === 202).map((entry) => entry.contacts)).toEqual([100, 100, 100, 100]);
		} finally {
			await limited.close();
		}
	}, 60_000);

	it('retries a 5xx burst and reports success without duplicating accepted chunks', async () => {
		bed.emulator.faults.add({ kind: 'status', status: 503, count: 2, path: '/v3/marketing/contacts' });
		const result = await bed.run(upsertParams({ batchSize: 50, concurrency: 1 }), people(100, 'burst'));
		expect(countBy(statuses(result))).toEqual({ queued: 100 });
		const puts = bed.requests(...PUT);
		expect(puts.map((entry) => entry.status)).toEqual([503, 503, 202, 202]);
	}, 60_000);

	it('stops promptly when the execution is cancelled while it waits for an import job', async () => {
		const slow = await testbed({ jobDelayMs: 120_000 });
		try {
			const result = await slow.run(upsertParams({ waitForImport: true }), people(10, 'cancel'), { cancelAfterMs: 1_500 });
			expect(result.status).toBe('canceled');
			expect(result.durationMs).toBeLessThan(15_000);
			expect(slow.requests(...PUT)).toHaveLength(1);
		} finally {
			await slow.close();
		}
	}, 60_000);

	it('reports queued with the job id when the job outlasts Max Wait', async () => {
		const slow = await testbed({ jobDelayMs: 60_000 });
		try {
			const result = await slow.run(upsertParams({ waitForImport: true, maxWaitMinutes: 0.02 }), people(2, 'late'));
			expect(statuses(result)).toEqual(['queued', 'queued']);
			expect(result.outputs[0][0].json).toMatchObject({ jobStatus: 'pending' });
		} finally {
			await slow.close();
		}
	}, 60_000);

	it('stops with a clear error for a key without marketing scopes', async () => {
		const result = await bed.harness.run({
			nodeType: 'sendGridContacts',
			parameters: upsertParams(),
			credentials: bed.credentials(DEFAULTS.noMarketingKey),
			items: people(2, 'forbidden'),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/access forbidden|SendGrid/i);
		expect(JSON.stringify(result.error)).not.toContain(DEFAULTS.noMarketingKey);
	}, 60_000);

	it('tests the credential, lists lists and offers custom fields by name for column mapping', async () => {
		const good = await bed.harness.testCredential('sendGridMarketingApi', bed.credentials()!.sendGridMarketingApi);
		expect(good.ok).toBe(true);
		const bad = await bed.harness.testCredential('sendGridMarketingApi', bed.credentials('SG.wrong')!.sendGridMarketingApi);
		expect(bad.ok).toBe(false);
		const lists = (await bed.harness.callMethod({
			nodeType: 'sendGridContacts', kind: 'loadOptions', method: 'getLists', credentials: bed.credentials(),
			parameters: addParams([]),
		})) as Array<{ name: string; value: string }>;
		expect(lists.map((list) => list.name)).toEqual(expect.arrayContaining(['Newsletter', 'Customers']));
		const mapping = (await bed.harness.callMethod({
			nodeType: 'sendGridContacts', kind: 'resourceMapping', method: 'getContactFields', credentials: bed.credentials(),
			parameters: upsertParams(),
		})) as { fields: Array<{ id: string; type: string }> };
		expect(mapping.fields.map((field) => field.id)).toEqual(expect.arrayContaining(['email', 'first_name', 'company', 'lifetime_value']));
		expect(mapping.fields.find((field) => field.id === 'signup_date')?.type).toBe('dateTime');
	}, 60_000);
});
