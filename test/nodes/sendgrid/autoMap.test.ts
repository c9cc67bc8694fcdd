import { useTestbed } from '../kit';

import { DEFAULTS, statuses, testbed, upsertParams } from './setup';

const PUT = ['PUT', '/v3/marketing/contacts'] as const;
const CONTINUE = { onError: 'continueRegularOutput' as const };

/** Map Automatically as people name columns (issue 25.1), and the fields it did not send (issue 18.5). */
describe('SendGrid auto-map: matching input keys to contact fields', () => {
	const bed = useTestbed(testbed);

	const sentContacts = () =>
		bed.requests(...PUT).flatMap((entry) => (JSON.parse(String(entry.requestBody)) as { contacts: Array<Record<string, unknown>> }).contacts);
	const outputs = (result: Awaited<ReturnType<typeof bed.run>>) => result.outputs[0].map((item) => item.json);

	it('sends firstName / first_name / First Name / FIRST_NAME / first-name as first_name', async () => {
		const keys = ['firstName', 'first_name', 'First Name', 'FIRST_NAME', 'first-name'];
		const input = keys.map((key, i) => ({ json: { email: `form-${i}@example.com`, [key]: `Ann ${i}`, lastName: `Lee ${i}` } }));
		const result = await bed.run(upsertParams(), input);
		expect(statuses(result)).toEqual(['queued', 'queued', 'queued', 'queued', 'queued']);
		expect(sentContacts()).toEqual(keys.map((_key, i) => ({ email: `form-${i}@example.com`, first_name: `Ann ${i}`, last_name: `Lee ${i}` })));
		expect(outputs(result).map((json) => json.ignoredFields)).toEqual([[], [], [], [], []]);
	});

	it('matches custom fields by name (exact and normalised) and by id', async () => {
		const { company, lifetimeValue, favoriteDrink } = DEFAULTS.customFields;
		const result = await bed.run(upsertParams(), [
			{ json: { email: 'named@example.com', company: 'Acme', 'Lifetime Value': 12, favoriteDrink: 'tea' } },
			{ json: { email: 'byid@example.com', [company.id]: 'Beta', [lifetimeValue.id]: 3 } },
		]);
		expect(statuses(result)).toEqual(['queued', 'queued']);
		expect(sentContacts()).toEqual([
			{ email: 'named@example.com', custom_fields: { [company.id]: 'Acme', [lifetimeValue.id]: 12, [favoriteDrink.id]: 'tea' } },
			{ email: 'byid@example.com', custom_fields: { [company.id]: 'Beta', [lifetimeValue.id]: 3 } },
		]);
	});

	it('sends the writable reserved fields (phone_number, whatsapp, line, facebook, unique_name) and lists read-only ones as ignored', async () => {
		const result = await bed.run(upsertParams(), [
			{
				json: {
					email: 'reserved@example.com',
					phoneNumber: '+4912345',
					whatsapp: '+4967890',
					line: 'ln',
					facebook: 'fb',
					'Unique Name': 'uniq',
					created_at: '2024-01-01',
					email_domains: 'example.com',
					crmId: 42,
				},
			},
		]);
		expect(statuses(result)).toEqual(['queued']);
		expect(sentContacts()).toEqual([
			{ email: 'reserved@example.com', phone_number: '+4912345', whatsapp: '+4967890', line: 'ln', facebook: 'fb', unique_name: 'uniq' },
		]);
		expect(outputs(result)[0].ignoredFields).toEqual(['created_at', 'email_domains', 'crmId']);
	});

	it('lets an exact name win over a normalised one for the same field', async () => {
		const result = await bed.run(upsertParams(), [{ json: { email: 'dup@example.com', firstName: 'Loser', first_name: 'Winner' } }]);
		expect(statuses(result)).toEqual(['queued']);
		expect(sentContacts()).toEqual([{ email: 'dup@example.com', first_name: 'Winner' }]);
		expect(outputs(result)[0].ignoredFields).toEqual(['firstName']);
	});
});

describe('SendGrid output items: one set of keys for every item of a run', () => {
	const bed = useTestbed(testbed);

	it('created, failed, invalid and merged duplicates all carry the same top-level keys (null where they have no value)', async () => {
		await fetch(`${bed.emulator.baseUrl}/__emulator/seed`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ poison_emails: ['mixed-2@example.com'] }),
		});
		const result = await bed.run(
			upsertParams({ waitForImport: true }),
			[
				{ json: { email: 'mixed-0@example.com', first_name: 'A' } },
				{ json: { email: 'not an email' } },
				{ json: { email: 'mixed-2@example.com' } },
				{ json: { email: 'MIXED-0@example.com', last_name: 'B', extra: 1 } },
			],
			CONTINUE,
		);
		const out = result.outputs[0].map((item) => item.json);
		expect(out.map((json) => json.status)).toEqual(['created', 'invalid', 'failed', 'created']);
		const keys = out.map((json) => Object.keys(json).sort());
		for (const set of keys) expect(set).toEqual(keys[0]);
		for (const json of out) for (const value of Object.values(json)) expect(value).not.toBeUndefined();
		expect(keys[0]).toEqual(expect.arrayContaining(['status', 'email', 'id', 'request', 'errorMessage', 'errorCode', 'errorField', 'mergedWithItems', 'ignoredFields', 'jobId']));
		expect(out[1]).toMatchObject({ id: null, request: null, jobId: null, mergedWithItems: null });
		expect(out[3]).toMatchObject({ mergedWithItems: [0], ignoredFields: ['extra'], errorMessage: null });
	});
});

describe('SendGrid Map Columns / Set Fields: a mapped field SendGrid cannot take', () => {
	const bed = useTestbed(testbed);

	it('makes the item invalid naming the field (Map Columns: an unknown custom field; Set Fields: the same)', async () => {
		const mapped = await bed.run(
			upsertParams({}, { columns: { mappingMode: 'defineBelow', value: { email: 'm@example.com', nickname: 'X' } } }),
			[{ json: {} }],
			CONTINUE,
		);
		expect(mapped.outputs[0][0].json).toMatchObject({ status: 'invalid', errorField: 'nickname' });
		const set = await bed.run(
			upsertParams({}, { fieldsInput: 'fields', email: 's@example.com', additionalFields: {}, customFieldsUi: { customField: [{ name: 'nickname', value: 'X' }] } }),
			[{ json: {} }],
			CONTINUE,
		);
		expect(set.outputs[0][0].json).toMatchObject({ status: 'invalid', errorField: 'nickname' });
		expect(bed.requests(...PUT)).toHaveLength(0);
	});
});
