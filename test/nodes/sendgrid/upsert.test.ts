import { countBy, DEFAULTS, people, statuses, testbed, upsertParams } from './setup';
import { useTestbed } from '../kit';

const PUT = ['PUT', '/v3/marketing/contacts'] as const;

describe('SendGrid Contacts: Create or Update', () => {
	const bed = useTestbed(testbed);

	it('sends 30,001 small contacts in 2 requests and reports each as queued with its job id', async () => {
		const result = await bed.run(upsertParams(), people(30_001, 'bulk'));
		expect(result.status).toBe('success');
		const out = result.outputs[0];
		expect(out).toHaveLength(30_001);
		expect(countBy(statuses(result))).toEqual({ queued: 30_001 });
		// Two requests in flight at once: the order they arrive in is not part of the contract.
		expect(bed.requests(...PUT).map((entry) => entry.contacts).sort((a, b) => (b ?? 0) - (a ?? 0))).toEqual([30_000, 1]);
		expect(out[0].json.jobId).not.toEqual(out[30_000].json.jobId);
		expect(out[29_999].json).toMatchObject({ email: 'bulk-29999@example.com', request: 1 });
		expect(out[30_000].json).toMatchObject({ request: 2 });
	}, 120_000);

	it('splits contacts with long fields by bytes: every request stays under 6 MB', async () => {
		const long = 'x'.repeat(2_000);
		const result = await bed.run(upsertParams(), people(5_000, 'long', () => ({ postal_code: long, city: 'c'.repeat(60) })));
		expect(countBy(statuses(result))).toEqual({ queued: 5_000 });
		const sent = bed.requests(...PUT);
		expect(sent.length).toBe(2);
		expect(sent.every((entry) => entry.bodyBytes <= 6_000_000 && entry.status === 202)).toBe(true);
		expect(sent.reduce((sum, entry) => sum + (entry.contacts ?? 0), 0)).toBe(5_000);
	}, 60_000);

	it('waits for the import job and reports created, then updated on a second run', async () => {
		const items = people(20, 'wait', (i) => ({ company: `Co ${i}`, lifetime_value: i * 10, signup_date: '2024-05-01' }));
		const first = await bed.run(upsertParams({ waitForImport: true }), items);
		expect(countBy(statuses(first))).toEqual({ created: 20 });
		expect(bed.requests('GET', '/v3/marketing/field_definitions')).toHaveLength(1);
		const stored = bed.emulator.store.findByEmail('wait-3@example.com');
		expect(stored).toBeDefined();
		const second = await bed.run(upsertParams({ waitForImport: true }), items);
		expect(countBy(statuses(second))).toEqual({ updated: 20 });
	}, 60_000);

	it('maps an errored job back to the failing contact with SendGrid\'s message; the others succeed', async () => {
		const poisoned = await testbed({ poisonEmails: ['poison-2@example.com'] });
		try {
			const result = await poisoned.run(upsertParams({ waitForImport: true }), people(5, 'poison'), { onError: 'continueRegularOutput' });
			expect(statuses(result)).toEqual(['created', 'created', 'failed', 'created', 'created']);
			expect(result.outputs[0][2].json).toMatchObject({ errorCode: 'JOB_ERROR', errorMessage: 'email address rejected' });
			expect(typeof result.outputs[0][2].json.jobId).toBe('string');
		} finally {
			await poisoned.close();
		}
	}, 60_000);

	it('resolves custom fields by name and rejects unknown names and wrong types per item before sending', async () => {
		const params = upsertParams({ waitForImport: true }, {
			fieldsInput: 'fields',
			email: '={{ $json.email }}',
			additionalFields: { first_name: '={{ $json.first }}' },
			customFieldsUi: { customField: [{ name: '={{ $json.field }}', value: '={{ $json.value }}' }] },
		});
		const result = await bed.run(params, [
			{ json: { email: 'cf-1@example.com', first: 'Ana', field: 'lifetime_value', value: '1200.5' } },
			{ json: { email: 'cf-2@example.com', first: 'Bo', field: 'shoe_size', value: '44' } },
			{ json: { email: 'cf-3@example.com', first: 'Cy', field: 'lifetime_value', value: 'lots' } },
		], { onError: 'continueRegularOutput' });
		expect(statuses(result)).toEqual(['created', 'invalid', 'invalid']);
		expect(result.outputs[0][1].json).toMatchObject({ errorField: 'shoe_size' });
		expect(String(result.outputs[0][1].json.errorMessage)).toMatch(/not a custom field/);
		expect(result.outputs[0][2].json).toMatchObject({ errorField: 'lifetime_value' });
		expect(bed.requests(...PUT).map((entry) => entry.contacts)).toEqual([1]);
		expect(bed.emulator.store.findByEmail('cf-1@example.com')?.custom_fields).toEqual({ [DEFAULTS.customFields.lifetimeValue.id]: 1200.5 });
	}, 60_000);

	it('rejects over-long reserved fields and bad emails with the field named, and sends the rest', async () => {
		const result = await bed.run(upsertParams(), [
			{ json: { email: 'ok@example.com' } },
			{ json: { email: 'bad@', first_name: 'B' } },
			{ json: { email: 'long@example.com', first_name: 'n'.repeat(51) } },
		], { onError: 'continueErrorOutput' });
		expect(statuses(result)).toEqual(['queued']);
		expect(result.outputs[1].map((item) => item.json.error)).toEqual([
			expect.stringMatching(/^Item 1\b.*email/),
			expect.stringMatching(/^Item 2 \(long@example.com\): first_name is longer than 50 characters/),
		]);
	}, 60_000);
});
